// A brace of equations: `\begin{cases} c_1 = a_1 b_1 + a_2 b_3 \\ c_2 = .. \end{cases}` (the definitions of
// names), or `\frac{\partial C}{\partial A} = \begin{cases} \frac{\partial c_1}{\partial a_1} = b_1 \\ ..
// \end{cases}` (the entries of the derivative before it, each a derivative = value). No row has a condition
// column, and rows of dots (`...`) stand for more of the same: each row is read as a line of its own, and the
// relation before the brace only heads the list. Any other brace of equations is a system to solve (Lagrange's
// conditions, `\frac{\partial \ln L}{\partial \theta} = 0`), not claims, and stays set aside.
import { depths, type Tok } from './tokens';

/**
 * The rows of a `cases` environment's tokens, rows apart (rows of dots or words alone left out), when each
 * defines a name, or, after a relation (`headed`), each gives one derivative's value; otherwise undefined.
 */
export function equationList(inner: readonly Tok[], headed: boolean): Tok[] | undefined {
  const rows: Tok[][] = [[]];
  for (const t of inner) {
    if (t.type === 'rowsep') rows.push([t]);
    else rows[rows.length - 1].push(t);
  }
  const written = rows.filter((row) => row.some((t) => t.type !== 'rowsep' && t.type !== 'wide' && t.type !== 'prose' && t.type !== 'dots'));
  const listed = (row: Tok[]) => definesName(row) || (headed && givesDerivative(row));
  return written.length > 0 && written.every(listed) ? written.flat() : undefined;
}

/** The row's left side: its tokens before an `=` outside brackets, when it has one and no `& condition`. */
function leftSide(row: readonly Tok[]): Tok[] | undefined {
  const d = depths(row);
  const eq = row.findIndex((t, k) => t.type === 'eq' && d[k] === 0);
  if (eq < 0 || !row.every((t, k) => t.type !== 'amp' || row[k + 1]?.type === 'eq')) return undefined;
  return row.slice(0, eq).filter((t) => t.type !== 'rowsep' && t.type !== 'wide' && t.type !== 'amp');
}

/** `c_1 = a_1 b_1 + a_2 b_3`: one name on the left. */
function definesName(row: readonly Tok[]): boolean {
  const left = leftSide(row);
  return left?.length === 1 && left[0].type === 'name';
}

/** `\frac{\partial c_1}{\partial a_1} = b_1`: one derivative on the left (no sum of terms). */
function givesDerivative(row: readonly Tok[]): boolean {
  const left = leftSide(row);
  if (!left) return false;
  const d = depths(left);
  return left.some((t) => t.type === 'diff') && !left.some((t, k) => d[k] === 0 && (t.type === 'plus' || t.type === 'minus'));
}
