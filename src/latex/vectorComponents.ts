// The components of a vector-valued function: with `F(u, v) = \begin{bmatrix} uv \\ u + v^2 \end{bmatrix}`, the
// textbooks write its Jacobian's entries as `\frac{\partial F_1}{\partial u}`, F_k being the k-th entry of F's value
// as a function of F's parameters. A document that writes `F_k` and defines no F_k itself reads it so: the
// function `F_k(u, v) = (entry k)` is added where F is defined, so it is seen where F is.
import type { Expr, Statement } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';

/** The statements with each used component of a vector-valued function defined after the function. */
export function readComponents(statements: Statement[], functions: ReadonlyMap<string, string[]>): { statements: Statement[]; origin: number[] } {
  const used = usedNames(statements);
  const defined = new Set(statements.flatMap(namesDefinedBy));
  const expanded = statements.map((st, i) => [st, ...componentsOf(st, functions, (name) => used.has(name) && !defined.has(name))].map((s) => ({ s, i })));
  return { statements: expanded.flat().map((x) => x.s), origin: expanded.flat().map((x) => x.i) };
}

/** `F_k(params) = entry k` for each entry of a column or row F's definition gives, where `wanted` asks for F_k. */
function componentsOf(st: Statement, functions: ReadonlyMap<string, string[]>, wanted: (name: string) => boolean): Statement[] {
  if (st.kind !== 'equation' || st.lhs.expr.kind !== 'call' || !functions.has(st.lhs.expr.callee) || st.rhs.length !== 1) return [];
  const head = st.lhs.expr;
  const value = st.rhs[0].expr;
  if (value.kind !== 'matrix') return [];
  const entries = value.rows.length === 1 ? value.rows[0] : value.rows.every((r) => r.length === 1) ? value.rows.map((r) => r[0]) : [];
  return entries.flatMap((entry, k): Statement[] => {
    const name = `${head.callee}${k + 1}`;
    if (!wanted(name)) return [];
    const lhs: Expr = { ...head, callee: name, calleeText: `${head.calleeText}_${k + 1}` };
    return [{ kind: 'equation', lhs: { ...st.lhs, expr: lhs }, rhs: [{ ...st.rhs[0], expr: entry }], span: st.span }];
  });
}

function usedNames(statements: readonly Statement[]): Set<string> {
  const used = new Set<string>();
  const collect = (e: Expr) =>
    findInExpr(e, (x) => {
      if (x.kind === 'name') used.add(x.name);
      return false;
    });
  for (const st of statements) if (st.kind === 'equation') [st.lhs, ...st.rhs].forEach((s) => collect(s.expr));
  return used;
}

/** The names a statement defines or declares: `F_1 = ..`, `F_1(u, v) = ..`, `F_1 \\in \\mathbb{R}`. */
function namesDefinedBy(st: Statement): string[] {
  if (st.kind === 'decl') return st.names.map((n) => n.name);
  if (st.kind !== 'equation') return [];
  const lhs = st.lhs.expr;
  return lhs.kind === 'name' ? [lhs.name] : lhs.kind === 'call' ? [lhs.callee] : [];
}
