// `\ln |\Sigma|`, `|X|`: single bars around a square matrix are its determinant, as the Matrix Cookbook, Bishop and
// every Gaussian log-likelihood write them (the entries' absolute values are written `\text{abs}(X)`). Bars around
// a vector or a matrix that is not square are left as the absolute value of each entry; a verdict on a step that
// holds them would rest on that reading, so it is withheld (src/check/arrayBars.ts).
import { isScalarShape, type Node } from '../ir/types';
import type { Expr } from '../syntax/ast';

type Call = Extract<Expr, { kind: 'call' }>;

/**
 * `|x|`, `\left| x \right|`, `\lvert x \rvert`: an absolute value written with bars, not as a word, nor as the l1
 * norm `\|x\|_1`, which says what it means (read as `sum(abs(x))`, its `abs` written nowhere).
 */
export function writtenAsBars(e: Call): boolean {
  return e.callee === 'abs' && e.args.length === 1 && /\||vert/.test(e.calleeText);
}

/** Bars around one square matrix: read as its determinant. */
export function barsAreDeterminant(e: Call, args: readonly Node[]): boolean {
  return writtenAsBars(e) && args.length === 1 && isSquareMatrix(args[0]);
}

export function isSquareMatrix(node: Node): boolean {
  return !isScalarShape(node.shape) && node.shape[0] === node.shape[1];
}
