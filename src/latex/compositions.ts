// `H = F \circ G` of functions the document defines (`F(u, v) = ...`, `G(x, y) = ...`): H is their composition,
// H(x, y) = F(G(x, y)) with the innermost function's parameters, so `J_H(x, y)` and `H(1, 2)` read as the
// composition's, as `J_{F \circ G}` does (jacobians.ts). `\circ` between two such names can mean nothing else: a
// product entry by entry (as `\circ` means between arrays) of two bare function names is no quantity.
import type { Expr, Statement } from '../syntax/ast';
import { composedCall, parameterNames } from './jacobians';

/** The statements with each composition of defined functions read as its function's definition; `functions` gains it. */
export function readCompositions(statements: readonly Statement[], functions: Map<string, string[]>): Statement[] {
  return statements.map((st) => {
    if (st.kind !== 'equation' || st.lhs.expr.kind !== 'name' || st.rhs.length !== 1 || functions.has(st.lhs.expr.name)) return st;
    const parts = writtenWithCirc(st.rhs[0].text) ? composedNames(st.rhs[0].expr) : undefined;
    if (!parts || parts.length < 2 || !parts.every((f) => functions.has(f))) return st;
    const span = st.lhs.span;
    const parameters = functions.get(parts[parts.length - 1])!;
    const params = parameterNames(parameters, span);
    const composition = composedCall(parts, params, st.rhs[0].span);
    functions.set(st.lhs.expr.name, parameters);
    const header: Expr = { kind: 'call', callee: st.lhs.expr.name, calleeText: st.lhs.expr.text, prime: 0, args: params, span };
    return { ...st, lhs: { ...st.lhs, expr: header }, rhs: [{ ...st.rhs[0], expr: composition }] };
  });
}

/** `\circ` (read as the product entry by entry that it means between arrays) and no `\odot`. */
function writtenWithCirc(text: string): boolean {
  return /\\circ|∘/.test(text) && !/\\odot|⊙/.test(text);
}

/** The names `F \circ G \circ K` composes, outermost first; undefined for anything else. */
function composedNames(e: Expr): string[] | undefined {
  if (e.kind === 'name') return [e.name];
  if (e.kind !== 'binary' || e.op !== 'hadamard') return undefined;
  const left = composedNames(e.left);
  const right = composedNames(e.right);
  return left && right ? [...left, ...right] : undefined;
}
