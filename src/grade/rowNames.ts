// `u_k` for row k of the problem's matrix `Uk : K x d` (docs/grading.md, "Notation"): the problem names the
// matrix of the vectors u_1 .. u_K by the letter and its index, and the student writes one of its vectors,
// lowercase as vectors are, with the index letter whose capital counts the matrix's rows. Read as the whole
// matrix in another case (`u_k^T v_c` would then be a product of the wrong shape), it is no slip but an entry.
import type { Expr } from '../syntax/ast';
import type { Scope } from '../resolve/scope';
import { subscriptsOf } from '../resolve/indexNotation';
import { INDEX_LETTERS } from '../syntax/names';

export interface RowReading {
  /** The problem's matrix and the index that picks its row. */
  array: string;
  index: string;
}

/** The row of a problem matrix a written name stands for, or undefined when it is not written as one. */
export function rowOfMatrix(text: string, problem: Scope, known: ReadonlySet<string>): RowReading | undefined {
  const s = subscriptsOf(text);
  if (!s || s.layer !== undefined || s.indices.length !== 1) return undefined;
  const [index] = s.indices;
  // The index is a free letter (not a name of the problem), the base a lowercase letter as a vector is written.
  if (!INDEX_LETTERS.includes(index) || known.has(index) || !/^[a-z]$/.test(s.base)) return undefined;
  const array = s.base.toUpperCase() + index;
  const shape = problem.declarations.get(array)?.shape;
  return shape && shape[0] === index.toUpperCase() && shape[1] !== 1 ? { array, index } : undefined;
}

type NameExpr = Extract<Expr, { kind: 'name' }>;

/** Row `index` of `array` written as index notation, which lowering reads as that row (indexNames.ts). */
export function entryName(x: NameExpr, array: string, index: string): NameExpr {
  return { ...x, name: array + index, text: `${array}_${index}` };
}

/** The vector `u_k` as the student uses it: a column, as the problem's vectors are, so row k transposed. */
export function columnOfRow(x: NameExpr, array: string, index: string): Expr {
  return { kind: 'transpose', arg: entryName(x, array, index), span: x.span };
}
