// `J_F`, `J_F(x, y)`, `J_{F \circ G}(x, y)`: the Jacobian of functions the document defines
// (`F(x, y) = \begin{bmatrix} .. \end{bmatrix}`), read as `jacobian(F(x, y), [x, y])` and
// `jacobian(F(G(x, y)), [x, y])` as in .cr. Which names are functions is known only once the whole
// document is read, so this is a pass over its statements; a `J_X` whose X is no function stays a name.
import type { Expr, Span, Statement, Step } from '../syntax/ast';
import { rewriteExpr } from '../syntax/walk';

/** The statements with every `J_F` of a defined function read as its Jacobian. */
export function readJacobians(statements: Statement[]): Statement[] {
  const functions = new Map<string, string[]>();
  for (const st of statements) {
    const lhs = st.kind === 'equation' ? st.lhs.expr : undefined;
    if (lhs?.kind === 'call' && lhs.prime === 0 && lhs.args.every((a) => a.kind === 'name')) {
      functions.set(lhs.callee, lhs.args.map((a) => (a as Extract<Expr, { kind: 'name' }>).name));
    }
  }
  if (functions.size === 0) return statements;
  const read = (s: Step): Step => ({ ...s, expr: rewriteExpr(s.expr, (e) => jacobianOf(e, functions)) });
  return statements.map((st) => (st.kind === 'equation' ? { ...st, lhs: read(st.lhs), rhs: st.rhs.map(read) } : st));
}

/** The functions a Jacobian's subscript composes, outermost first: `J_F` → [F], `J_{F \circ G}` → [F, G]. */
function composed(text: string): string[] | undefined {
  const m = /^J_(?:\{([^{}]*)\}|([A-Za-z]))$/.exec(text);
  if (!m) return undefined;
  return (m[1] ?? m[2]).split(/\\circ|∘/).map((part) => part.trim().replace(/^\\/, ''));
}

function jacobianOf(e: Expr, functions: ReadonlyMap<string, string[]>): Expr | undefined {
  const written = e.kind === 'name' ? e.text : e.kind === 'call' && e.prime === 0 ? e.calleeText : undefined;
  const parts = written === undefined ? undefined : composed(written);
  if (!parts || !parts.every((f) => functions.has(f))) return undefined;
  const args = e.kind === 'call' ? e.args : functions.get(parts[parts.length - 1])!.map((p): Expr => ({ kind: 'name', name: p, text: p, span: e.span }));
  if (!args.every((a) => a.kind === 'name')) return undefined; // `J_F(1, 2)`, a Jacobian at a point, is not read
  const of = parts.reduceRight<Expr[]>((inner, f) => [call(f, inner, e.span)], args)[0];
  return { kind: 'deriv', form: 'jacobian', of, wrt: args, span: e.span };
}

function call(callee: string, args: Expr[], span: Span): Expr {
  return { kind: 'call', callee, calleeText: callee, prime: 0, args, span };
}
