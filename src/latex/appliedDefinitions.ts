// A function defined by writing it applied: CS229's `h_\theta(x) = g(\theta^T x) = \frac{1}{1 + e^{-\theta^T x}}` never
// writes g(z) = ..., yet the chain says what g is: whatever θ^T x is, g of it is 1/(1 + e^{-θ^T x}), so
// g(u) = 1/(1 + e^{-u}). Where a chain equates a call `g(A)` of a function the document does not define with a
// formula that uses the names of A only inside copies of A, the function is defined so, before the chain. It
// was an unknown function, and every line through g an error blaming the author.
import type { Expr, Statement } from '../syntax/ast';
import { findInExpr, isSameExpr, namesIn, rewriteExpr } from '../syntax/walk';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';

type CallExpr = Extract<Expr, { kind: 'call' }>;

/** Names tried, in order, for the parameter of a function read so: the first the document does not use. */
const PARAMETER_NAMES = ['u', 'v', 's', 'r', 'q'];

/** The statements with a definition `g(u) = ...` before each chain that defines g by its application. */
export function readAppliedDefinitions(statements: readonly Statement[]): { statements: Statement[]; origin: number[] } {
  const used = new Set<string>();
  const defined = new Set<string>();
  for (const st of statements) {
    if (st.kind !== 'equation') continue;
    for (const step of [st.lhs, ...st.rhs]) namesIn(step.expr, used);
    if (st.lhs.expr.kind === 'call' && st.lhs.expr.prime === 0) defined.add(st.lhs.expr.callee);
    if (st.lhs.expr.kind === 'name') defined.add(st.lhs.expr.name);
  }
  const parameter = PARAMETER_NAMES.find((n) => !used.has(n));
  const out: Statement[] = [];
  const origin: number[] = [];
  statements.forEach((st, k) => {
    const definition = parameter === undefined ? undefined : appliedDefinition(st, parameter, defined);
    if (definition) {
      out.push(definition.statement);
      origin.push(k);
      defined.add(definition.callee);
    }
    out.push(st);
    origin.push(k);
  });
  return { statements: out, origin };
}

/** `g(u) = E[A := u]` for the first step `g(A)` of the chain `st` beside a formula E of A alone; undefined if none. */
function appliedDefinition(st: Statement, parameter: string, defined: ReadonlySet<string>): { statement: Statement; callee: string } | undefined {
  // Only a chain that defines a quantity (`h_\theta(x) = g(..) = ..`), never a claim: a derivative written beside
  // `\operatorname{sign}(x)` would define sign by the very claim it is checked against.
  if (st.kind !== 'equation' || st.rhs.length === 0 || (st.lhs.expr.kind !== 'name' && st.lhs.expr.kind !== 'call')) return undefined;
  const steps = [st.lhs, ...st.rhs];
  if (steps.some((step) => findInExpr(step.expr, (e) => e.kind === 'deriv') !== undefined)) return undefined;
  for (const [k, step] of steps.entries()) {
    const call = step.expr;
    if (call.kind !== 'call' || call.prime !== 0 || call.args.length !== 1 || defined.has(call.callee) || BUILTIN_FUNCTIONS.has(call.callee)) continue;
    const argument = call.args[0];
    const target = negationsOutside(argument);
    const namesOfArgument = namesIn(argument);
    if (namesOfArgument.size === 0) continue;
    for (const other of [steps[k + 1], steps[k - 1]]) {
      if (!other || findInExpr(other.expr, (e) => e.kind === 'call' && e.callee === call.callee) !== undefined) continue;
      const u: Expr = { kind: 'name', name: parameter, text: parameter, span: argument.span };
      let replaced = false;
      const body = rewriteExpr(negationsOutside(other.expr), (e) => (isSameExpr(e, target) ? ((replaced = true), u) : undefined));
      if (!replaced || [...namesIn(body)].some((n) => namesOfArgument.has(n))) continue;
      const lhs: CallExpr = { ...call, args: [u] };
      const statement: Statement = { kind: 'equation', lhs: { ...step, expr: lhs }, rhs: [{ ...other, expr: body }], span: st.span, defines: true };
      return { statement, callee: call.callee };
    }
  }
  return undefined;
}

/** `e` with a minus on a product's first factor put on the product: `-\theta^T x` reads (-θ^T) x, which is -(θ^T x). */
function negationsOutside(e: Expr): Expr {
  return rewriteExpr(e, (x) => {
    if (x.kind !== 'binary' || x.op !== 'mul') return undefined;
    const left = negationsOutside(x.left);
    return left.kind === 'neg' ? { kind: 'neg', arg: negationsOutside({ ...x, left: left.arg }), span: x.span } : undefined;
  });
}
