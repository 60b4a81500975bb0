// Matrix product and transpose.
import type { Node, Shape } from '../ir/types';
import { ShapeError, formatShape, isScalarShape, shapesEqual } from '../ir/types';
import type { OpDef } from './types';
import type { Builder } from '../ir/build';
import { fillValue, isScalar, isOnes } from '../ir/inspect';
import { buildLiteral, gridOf, isLiteralNode, literalProduct, transposeGrid } from '../ir/literal';
import { matmul, transpose } from '../numeric/matrix';
import { Prec, atLeast, juxtLeft, juxtRight, latexAtLeast, latexRight, type Printed } from './printing';

function matmulShape(args: readonly Shape[]): Shape {
  const [a, c] = args;
  if (a[1] !== c[0]) {
    let hint = '';
    if (a[0] === c[0]) hint = '; transposing the left operand would fit';
    else if (a[1] === c[1]) hint = '; transposing the right operand would fit';
    throw new ShapeError('matmul', [a, c], `cannot multiply ${formatShape(a)} by ${formatShape(c)}: inner dimensions ${a[1]} and ${c[0]} differ${hint}`);
  }
  return [a[0], c[1]];
}

function isEye(n: Node): boolean {
  return n.op === 'eye';
}

function rewriteMatmul(b: Builder, x: Node, y: Node, shape: Shape): Node | undefined {
  // A product with a 1 x 1 factor is a scaling (canonical: one node for s x whichever way it was written).
  if (isScalarShape(x.shape)) return b.hadamard(x, y);
  if (isScalarShape(y.shape)) return b.hadamard(y, x);
  if (fillValue(x) === 0 || fillValue(y) === 0) return b.zerosOf(shape);
  if (isEye(x)) return y;
  if (isEye(y)) return x;
  // A diagonal matrix scales entry by entry: diag(a) diag(c) = diag(a .* c), diag(a) y = a .* y for a
  // column y, x diag(a) = x .* a for a row x (a transposed to the other's orientation where needed).
  if (x.op === 'diag' && (y.op === 'diag' || y.shape[1] === 1)) return diagonalProduct(b, x.args[0], y.op === 'diag' ? y.args[0] : y, y.op === 'diag');
  if (y.op === 'diag' && x.shape[0] === 1) return diagonalProduct(b, y.args[0], x, false);
  // A filled constant's value is a coefficient: (2 ones(3, K)) Y = 2 (ones(3, K) Y).
  const cx = fillValue(x);
  const cy = fillValue(y);
  if (cx !== undefined && cx !== 1) return b.hadamard(cx, b.matmul(b.onesOf(x.shape), y));
  if (cy !== undefined && cy !== 1) return b.hadamard(cy, b.matmul(x, b.onesOf(y.shape)));
  if (x.op === 'neg') return b.neg(b.matmul(x.args[0], y));
  if (y.op === 'neg') return b.neg(b.matmul(x, y.args[0]));
  // Scalar factors move out of matrix products: (s A) B = s (A B).
  if (x.op === 'hadamard' && isScalar(x.args[0]) && !isScalar(x.args[1])) return b.hadamard(x.args[0], b.matmul(x.args[1], y));
  if (y.op === 'hadamard' && isScalar(y.args[0]) && !isScalar(y.args[1])) return b.hadamard(y.args[0], b.matmul(x, y.args[1]));
  // ... and so do scalar divisors: X^T ((s - y) / B) = X^T (s - y) / B.
  if (x.op === 'div' && isScalar(x.args[1]) && !isScalar(x.args[0])) return b.div(b.matmul(x.args[0], y), x.args[1]);
  if (y.op === 'div' && isScalar(y.args[1]) && !isScalar(y.args[0])) return b.div(b.matmul(x, y.args[0]), y.args[1]);
  // ones(1, B) X sums the rows of X; X ones(B, 1) sums its columns (how sumrows/sumcols print).
  if (x.shape[0] === 1 && fillValue(x) !== undefined && !isLiteralNode(y)) return b.hadamard(fillValue(x)!, b.sumrows(y));
  if (y.shape[1] === 1 && fillValue(y) !== undefined && !isLiteralNode(x)) return b.hadamard(fillValue(y)!, b.sumcols(x));
  return literalProduct(b, x, y);
}

/** a .* v, with `a` transposed to v's orientation when they differ; diag of it when `both` are diagonals. */
function diagonalProduct(b: Builder, a: Node, v: Node, both: boolean): Node {
  const product = b.hadamard(shapesEqual(a.shape, v.shape) ? a : b.transpose(a), v);
  return both ? b.diag(product) : product;
}

/** Juxtaposition: A B. The right operand is parenthesised when it is itself a product. */
function printMatmul(l: Printed, r: Printed): Printed {
  return { text: `${juxtLeft(l).text} ${juxtRight(r).text}`, prec: Prec.Product, form: 'juxt' };
}

export const matmulOp: OpDef = {
  name: 'matmul',
  arity: 2,
  shape: matmulShape,
  rewrite: (b, [x, y], _attrs, shape) => rewriteMatmul(b, x, y, shape),
  evaluate: ([a, c]) => matmul(a, c),
  vjp: (b, node, g, wanted) => {
    const [x, y] = node.args;
    return [wanted[0] ? b.matmul(g, b.transpose(y)) : undefined, wanted[1] ? b.matmul(b.transpose(x), g) : undefined];
  },
  printCr: ({ args: [l, r] }) => printMatmul(l, r),
  printLatex: ({ args: [l, r] }) => ({ text: `${latexAtLeast(l, Prec.Product).text} ${latexRight(r, Prec.Product).text}`, prec: Prec.Product }),
};

/** Nodes equal to their own transpose. */
function isSymmetric(x: Node): boolean {
  if (x.op === 'eye' || x.op === 'diag') return true;
  if (x.op === 'const') return x.shape[0] === x.shape[1];
  // A A^T and A^T A
  if (x.op === 'matmul') {
    const [p, q] = x.args;
    return (q.op === 'transpose' && q.args[0] === p) || (p.op === 'transpose' && p.args[0] === q);
  }
  return false;
}

/** Transposing n removes a transpose somewhere (looking a few matrix products deep). */
function transposesCheaply(n: Node, depth: number): boolean {
  if (n.op === 'transpose' || isSymmetric(n)) return true;
  return depth > 0 && n.op === 'matmul' && (transposesCheaply(n.args[0], depth - 1) || transposesCheaply(n.args[1], depth - 1));
}

function rewriteTranspose(b: Builder, x: Node, shape: Shape): Node | undefined {
  if (isScalarShape(x.shape)) return x;
  if (x.op === 'transpose') return x.args[0];
  const v = fillValue(x);
  if (v !== undefined) return b.fillOf(v, shape);
  if (isSymmetric(x)) return x;
  if (x.op === 'neg') return b.neg(b.transpose(x.args[0]));
  if (x.op === 'hadamard' && isScalar(x.args[0])) return b.hadamard(x.args[0], b.transpose(x.args[1]));
  // (A B)^T = B^T A^T when that removes a transpose: (x^T A)^T = A^T x, (b (c^T X^T))^T = X c b^T.
  if (x.op === 'matmul' && (transposesCheaply(x.args[0], 3) || transposesCheaply(x.args[1], 3))) return b.matmul(b.transpose(x.args[1]), b.transpose(x.args[0]));
  if (isLiteralNode(x)) {
    const g = gridOf(b, x);
    if (g) return buildLiteral(b, transposeGrid(g));
  }
  return undefined;
}

export const transposeOp: OpDef = {
  name: 'transpose',
  arity: 1,
  shape: ([s]) => [s[1], s[0]],
  rewrite: (b, [x], _attrs, shape) => rewriteTranspose(b, x, shape),
  evaluate: ([a]) => transpose(a),
  vjp: (b, _node, g, wanted) => [wanted[0] ? b.transpose(g) : undefined],
  printCr: ({ args: [a] }) => ({ text: `${atLeast(a, Prec.Atom).text}^T`, prec: Prec.Postfix }),
  printLatex: ({ args: [a] }) => ({ text: `${latexAtLeast(a, Prec.Atom).text}^\\top`, prec: Prec.Postfix }),
};

export { isOnes };
