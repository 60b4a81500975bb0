// A brace of equations: `\frac{\partial C}{\partial A} = \begin{cases} \frac{\partial c_1}{\partial a_1} = b_1 \\
// \frac{\partial c_1}{\partial a_2} = b_3 \end{cases}`, or `\begin{cases} c_1 = a_1 b_1 + a_2 b_3 \\ .. \end{cases}`.
// Every row is an equation (or an ellipsis, `...`, for more of the same) and none has a condition column: the
// brace groups the equations (a system, or the entries of the relation before it), so each row is read as a
// line of its own, and what stands before the brace only heads the list.
import { depths, type Tok } from './tokens';

/**
 * The equations of a `cases` environment's tokens, rows apart, when its rows each state one with no `& condition`
 * (rows of dots or words alone left out); undefined when any row is something else.
 */
export function equationList(inner: readonly Tok[]): Tok[] | undefined {
  const rows: Tok[][] = [[]];
  for (const t of inner) {
    if (t.type === 'rowsep') rows.push([t]);
    else rows[rows.length - 1].push(t);
  }
  const written = rows.filter((row) => row.some((t) => t.type !== 'rowsep' && t.type !== 'wide' && t.type !== 'prose' && t.type !== 'dots'));
  return written.length > 0 && written.every(isEquation) ? written.flat() : undefined;
}

/** A row with an `=` outside brackets, and an `&` only to align it (`c_1 &= ..`), never before a condition. */
function isEquation(row: readonly Tok[]): boolean {
  const d = depths(row);
  return row.some((t, k) => t.type === 'eq' && d[k] === 0) && row.every((t, k) => t.type !== 'amp' || row[k + 1]?.type === 'eq');
}
