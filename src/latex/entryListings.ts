// `\hat{y} = [\hat{y}_1, \hat{y}_2, \hat{y}_3]^T`, `\theta = [\theta_1, \theta_2]^T = W^T x + b`: a vector set equal
// to the list of its own entries names them; it defines nothing. Read as a definition, ŷ would be made of three
// fresh scalars and the author's `\hat{y}_i = \frac{e^{z_i}}{..}` would be a false claim about them. So a listing
// before another member of the chain is left out (θ = W^T x + b defines θ), and a listing alone is left out
// where the document defines the vector entry by entry (`\hat{y}_i = ..`, which gives its shape too); elsewhere
// it stays, since authors also differentiate by the listed entries (`\partial f / \partial x_1` with
// x = [x_1, x_2]^T).
import type { Expr, Statement } from '../syntax/ast';

type Name = Extract<Expr, { kind: 'name' }>;

/** The statements with entry listings read as names, not definitions; `origin` gives each one's place before. */
export function readEntryListings(statements: Statement[]): { statements: Statement[]; origin: number[] } {
  const perEntry = new Set<string>();
  for (const st of statements) {
    const lhs = st.kind === 'equation' ? st.lhs.expr : undefined;
    const letters = lhs?.kind === 'name' ? /_\{?([A-Za-z]+)\}?$/.exec(lhs.text)?.[1] : undefined;
    if (lhs?.kind === 'name' && letters && lhs.name.endsWith(letters)) perEntry.add(lhs.name.slice(0, -letters.length));
  }
  const read: Statement[] = [];
  const origin: number[] = [];
  statements.forEach((st, i) => {
    const listing = st.kind === 'equation' && st.lhs.expr.kind === 'name' && isListingOf(st.rhs[0].expr, st.lhs.expr);
    if (listing && st.rhs.length === 1 && perEntry.has((st.lhs.expr as Name).name)) return;
    read.push(listing && st.rhs.length > 1 ? { ...st, rhs: st.rhs.slice(1) } : st);
    origin.push(i);
  });
  return { statements: read, origin };
}

/** Whether `e` is a row or column of `of`'s entries `of_1, of_2, ..` (transposed or not). */
function isListingOf(e: Expr, of: Name): boolean {
  const m = e.kind === 'transpose' ? e.arg : e;
  if (m.kind !== 'matrix' || m.rows.length === 0) return false;
  const entries = m.rows.length === 1 ? m.rows[0] : m.rows.every((r) => r.length === 1) ? m.rows.map((r) => r[0]) : [];
  return entries.length >= 2 && entries.every((x) => isEntryOf(x, of));
}

/** `\hat{y}_1`, `x_{2}`, `\theta_k` of ŷ, x, θ: a name that is `of`'s name followed by its subscript. */
function isEntryOf(e: Expr, of: Name): boolean {
  const index = e.kind === 'name' ? /_\{?([A-Za-z0-9]+)\}?$/.exec(e.text) : null;
  return e.kind === 'name' && index !== null && e.name === of.name + index[1];
}
