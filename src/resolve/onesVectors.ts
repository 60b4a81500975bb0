// A bold 1 with no size, `\mathbf{1}^T y`, `(I - \frac{1}{n} \mathbf{1}\mathbf{1}^T) y`: the column of ones whose
// length the product or sum it stands in forces, as a TA reads it. The LaTeX reader writes it as the name
// UNSIZED_ONES, which no author can type. Sizes flow from the operands whose shapes are known: a product's inner
// dimensions agree, a sum's operands have one shape, a transpose exchanges rows and columns; the identity `I`
// beside it takes its size the same way. Where nothing forces a length (`\mathbf{1}^T \mathbf{1}`), the line is
// not read: a length chainrule chose would be a guess.
import type { Expr } from '../syntax/ast';
import type { Builder } from '../ir/build';
import type { Dim, Node } from '../ir/types';
import { ShapeError, isScalarShape } from '../ir/types';
import { findInExpr } from '../syntax/walk';
import { UNSIZED_ONES } from '../syntax/names';

export { UNSIZED_ONES };

/** Why a bold 1 whose length nothing forces is not read. */
export const UNSIZED_ONES_REASON = 'a bold 1 is a vector of ones, and nothing beside it here says its length: write it `\\mathbf{1}_n`';

export interface SizingLowering {
  readonly b: Builder;
  lower(e: Expr): Node;
  /** An `I` that nothing declares: the identity. */
  isIdentity(e: Expr): boolean;
}

export function holdsUnsizedOnes(e: Expr): boolean {
  return findInExpr(e, (x) => x.kind === 'name' && x.name === UNSIZED_ONES) !== undefined;
}

/** `e` with every unsized bold 1 (and identity) given the length its neighbours force, or undefined where they force none. */
export function lowerWithOnes(e: Expr, lowering: SizingLowering): Node | undefined {
  return sized(e, undefined, undefined, lowering);
}

/** `e` lowered as an array of `rows` x `cols` where they are given. */
function sized(e: Expr, rows: Dim | undefined, cols: Dim | undefined, lw: SizingLowering): Node | undefined {
  const b = lw.b;
  if (e.kind === 'name' && e.name === UNSIZED_ONES) return rows !== undefined && (cols === undefined || cols === 1) ? b.ones(rows, 1) : undefined;
  if (lw.isIdentity(e)) {
    const n = rows ?? cols;
    return n !== undefined && (rows === undefined || cols === undefined || rows === cols) ? b.eye(n) : undefined;
  }
  if (!holdsUnsizedOnes(e)) return lw.lower(e);
  try {
    if (e.kind === 'neg') return mapped(sized(e.arg, rows, cols, lw), (x) => b.neg(x));
    if (e.kind === 'transpose') return mapped(sized(e.arg, cols, rows, lw), (x) => b.transpose(x));
    // A call's or a power's argument is sized where it stands, as a whole (`\sqrt{y^T (I - \mathbf{1}\mathbf{1}^T) y}`).
    if (e.kind !== 'binary') return lw.lower(e);
    if (e.op === 'mul') return product(e.left, e.right, rows, cols, lw);
    if (e.op === 'div') return mapped(sized(e.left, rows, cols, lw), (x) => b.div(x, lw.lower(e.right)));
    if (e.op === 'add' || e.op === 'sub' || e.op === 'hadamard') return sum(e, rows, cols, lw);
    return undefined;
  } catch (err) {
    if (err instanceof ShapeError) return undefined;
    throw err;
  }
}

function mapped(x: Node | undefined, f: (x: Node) => Node): Node | undefined {
  return x === undefined ? undefined : f(x);
}

/** A product: the side that can be sized first gives the other its inner dimension; a number factor passes the shape on. */
function product(left: Expr, right: Expr, rows: Dim | undefined, cols: Dim | undefined, lw: SizingLowering): Node | undefined {
  const b = lw.b;
  const l = sized(left, rows, undefined, lw);
  if (l !== undefined) {
    const r = isScalarShape(l.shape) && holdsUnsizedOnes(right) ? sized(right, rows, cols, lw) : sized(right, l.shape[1], cols, lw);
    return r === undefined ? undefined : b.mul(l, r);
  }
  const r = sized(right, undefined, cols, lw);
  if (r === undefined) return undefined;
  const l2 = isScalarShape(r.shape) ? sized(left, rows, cols, lw) : sized(left, rows, r.shape[0], lw);
  return l2 === undefined ? undefined : b.mul(l2, r);
}

/** A sum or entrywise product: both sides have one shape, so a side that is sized sizes the other. */
function sum(e: Extract<Expr, { kind: 'binary' }>, rows: Dim | undefined, cols: Dim | undefined, lw: SizingLowering): Node | undefined {
  let l = sized(e.left, rows, cols, lw);
  let r = sized(e.right, rows, cols, lw);
  if (l === undefined && r !== undefined && !isScalarShape(r.shape)) l = sized(e.left, r.shape[0], r.shape[1], lw);
  if (r === undefined && l !== undefined && !isScalarShape(l.shape)) r = sized(e.right, l.shape[0], l.shape[1], lw);
  if (l === undefined || r === undefined) return undefined;
  return e.op === 'add' ? lw.b.add(l, r) : e.op === 'sub' ? lw.b.sub(l, r) : lw.b.hadamard(l, r);
}
