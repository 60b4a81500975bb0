// `a \otimes b`, read by the LaTeX front end as a call of `otimes` (latex/build.ts; .cr writes it so): between two vectors it is the outer
// product, the matrix of entries a_i b_j, whichever way each vector is laid out (a b^T of columns, a^T b of rows,
// as texts that work with row vectors write it). Between matrices ⊗ is the Kronecker product, and of a number it
// is a scaling some texts write and others do not: neither is guessed, so the reading is refused with a note.
import type { Expr } from '../syntax/ast';
import { error, type Diagnostic } from '../diagnostics';
import { formatShape, type Node } from '../ir/types';
import { isRowShape, isVectorShape } from '../ir/dims';
import type { Builder } from '../ir/build';
import { OUTER_PRODUCT_CALLEE } from '../syntax/names';


export function isOuterProductCall(e: Extract<Expr, { kind: 'call' }>): boolean {
  return e.callee === OUTER_PRODUCT_CALLEE && e.args.length === 2;
}

/** Why `a \otimes b` is not read: a side that is not a vector by its declared or inferred shape. */
export function outerProductRefusal(e: Extract<Expr, { kind: 'call' }>, args: readonly Node[]): Diagnostic | undefined {
  if (args.every((a) => isVectorShape(a.shape))) return undefined;
  const shapes = args.map((a) => formatShape(a.shape)).join(' and ');
  return error('reading', `⊗ is read only as the outer product of two vectors; its sides are ${shapes}, not two vectors (between matrices ⊗ is a Kronecker product, which chainrule does not read)`, e.span, 'declare both sides as vectors, or write a b^T (a^T b for rows)');
}

/** The matrix of entries a_i b_j: the column of a times the row of b. */
export function outerProduct(b: Builder, left: Node, right: Node): Node {
  const column = isRowShape(left.shape) ? b.transpose(left) : left;
  const row = isRowShape(right.shape) ? right : b.transpose(right);
  return b.mul(column, row);
}
