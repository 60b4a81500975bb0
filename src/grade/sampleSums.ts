// A bare sum sign before a matrix, in an answer for a vector (docs/grading.md, "Which claim is graded"):
// `db = \frac{1}{m} \sum dZ` with dZ of H x m and db of H x 1 sums dZ over its columns, the samples (numpy's
// `np.sum(dZ, axis=1)`): that is the only sum of dZ with db's shape. Read as the sum of all its entries it is a
// number, which no TA takes it for. A sum whose matrix is square, or fits neither way, is left as written.
import type { Expr, Reading } from '../syntax/ast';
import type { Lowering } from '../resolve/lower';
import { isBareSumSign } from '../resolve/indexNotation';
import { rewriteExpr } from '../syntax/walk';
import { printExpr } from '../syntax/print';
import { isScalarShape, type Dim, type Shape } from '../ir/types';

/** The expression with each such sum written as a product with a vector of ones, and a reading for each; undefined when there is none. */
export function sumsOverSamples(e: Expr, target: Shape, lowering: Lowering): { expr: Expr; readings: Reading[] } | undefined {
  // A sum of every entry already has a number's shape.
  if (isScalarShape(target)) return undefined;
  const readings: Reading[] = [];
  const expr = rewriteExpr(e, (x) => {
    if (x.kind !== 'call' || x.callee !== 'sum' || x.args.length !== 1 || !isBareSumSign(x.calleeText)) return undefined;
    const [rows, cols] = shapeOf(x.args[0], lowering) ?? [];
    if (rows === undefined || cols === undefined || rows === cols) return undefined;
    const ones = (r: Dim, c: Dim): Expr => ({ kind: 'call', callee: 'ones', calleeText: 'ones', prime: 0, args: [dimExpr(r, x), dimExpr(c, x)], span: x.span });
    // H x m summed into an H x 1 column: over the columns; m x H into a 1 x H row: over the rows.
    const summed: Expr | undefined =
      target[0] === rows && target[1] === 1 && cols !== 1 ? { kind: 'binary', op: 'mul', left: x.args[0], right: ones(cols, 1), span: x.span }
      : target[1] === cols && target[0] === 1 && rows !== 1 ? { kind: 'binary', op: 'mul', left: ones(1, rows), right: x.args[0], span: x.span }
      : undefined;
    if (!summed) return undefined;
    const over = summed.kind === 'binary' && summed.right.kind === 'call' ? 'columns' : 'rows';
    readings.push({ span: x.span, written: `${x.calleeText}(${printExpr(x.args[0])})`, readAs: printExpr(summed), forced: true, why: `a sum sign with no index, before a ${rows} x ${cols} matrix in an answer of ${target[0]} x ${target[1]}: the sum over its ${over}, the only one of that shape` });
    return summed;
  });
  return readings.length ? { expr, readings } : undefined;
}

function shapeOf(e: Expr, lowering: Lowering): Shape | undefined {
  try {
    return lowering.lower(e).shape;
  } catch {
    return undefined;
  }
}

function dimExpr(d: Dim, at: Expr): Expr {
  return typeof d === 'number' ? { kind: 'number', value: d, text: String(d), span: at.span } : { kind: 'name', name: d, text: d, span: at.span };
}
