// A density given by its logarithm: `\log p(x \mid \mu, \sigma) = -\frac{1}{2}\log 2\pi - ... ` never writes p = ...,
// yet the line says what p is, since log is one-to-one: p(x, μ, σ) = exp(right side). Where a chain's left side is
// the log of a call of a function the document does not define otherwise, with plain distinct names for arguments,
// the function is defined so (the chain's later steps stay claims). It was "written in terms of itself", set
// aside, and every derivative of log p after it unjudged.
import type { Expr, Statement } from '../syntax/ast';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';

type CallExpr = Extract<Expr, { kind: 'call' }>;
type Equation = Extract<Statement, { kind: 'equation' }>;

/** The statements with each `log p(x, θ) = E` read as the definition `p(x, θ) = exp(E)`. */
export function readLogDefinitions(statements: readonly Statement[]): { statements: Statement[]; origin: number[] } {
  const definedElsewhere = new Set<string>();
  for (const st of statements) {
    if (st.kind !== 'equation') continue;
    if (st.lhs.expr.kind === 'call' && loggedCall(st) === undefined) definedElsewhere.add(st.lhs.expr.callee);
    if (st.lhs.expr.kind === 'name') definedElsewhere.add(st.lhs.expr.name);
  }
  const out: Statement[] = [];
  const origin: number[] = [];
  const defined = new Set<string>();
  statements.forEach((st, k) => {
    const call = st.kind === 'equation' ? loggedCall(st) : undefined;
    if (st.kind === 'equation' && call && !definedElsewhere.has(call.callee) && !defined.has(call.callee)) {
      defined.add(call.callee);
      out.push(exponentiated(st, call));
      origin.push(k);
      if (st.rhs.length === 1) return;
    }
    out.push(st);
    origin.push(k);
  });
  return { statements: out, origin };
}

/** p(x, θ) of a chain `log p(x, θ) = ...` whose arguments are distinct plain names; undefined otherwise. */
function loggedCall(st: Equation): CallExpr | undefined {
  const lhs = st.lhs.expr;
  if (lhs.kind !== 'call' || lhs.prime !== 0 || lhs.args.length !== 1 || BUILTIN_FUNCTIONS.get(lhs.callee)?.name !== 'log' || st.rhs.length === 0) return undefined;
  const inner = lhs.args[0];
  if (inner.kind !== 'call' || inner.prime !== 0 || BUILTIN_FUNCTIONS.has(inner.callee)) return undefined;
  const names = inner.args.map((a) => (a.kind === 'name' ? a.name : undefined));
  return names.every((n) => n !== undefined) && new Set(names).size === names.length ? inner : undefined;
}

/** `p(x, θ) = exp(E)` from `log p(x, θ) = E = ...`, with a reading that says so. */
function exponentiated(st: Equation, call: CallExpr): Statement {
  const first = st.rhs[0];
  const body: Expr = { kind: 'call', callee: 'exp', calleeText: '\\exp', prime: 0, args: [first.expr], span: first.span };
  const reading = { span: st.lhs.span, written: st.lhs.text.trim(), readAs: `${call.callee} = exp of the right side`, why: 'log is one-to-one, so a line giving log p defines p' };
  return { kind: 'equation', lhs: { ...st.lhs, expr: call }, rhs: [{ ...first, expr: body }], span: st.span, defines: true, readings: [...(st.readings ?? []), reading] };
}
