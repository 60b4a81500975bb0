// Single bars whose meaning chainrule can only guess. Around a vector or a matrix that is not square (`|x|`, to most
// authors a length) chainrule reads them as the absolute value of each entry; around a square matrix as its
// determinant (src/resolve/determinantBars.ts), which a sum over them (`\lambda \sum |W|`, an l1 penalty) says the
// author does not mean. A verdict on a step that reaches such bars, in the step, its target or a definition either
// uses, would rest on that reading, right or wrong, so the step is `unjudged` (src/check/doubts.ts). Bars written as
// a word (`\text{abs}(x)`) say what they mean and are judged.
import { isScalarShape, type Node } from '../ir/types';
import { isSquareMatrix, writtenAsBars } from '../resolve/determinantBars';
import type { Expr, Span } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';

type Call = Extract<Expr, { kind: 'call' }>;

/** Why a step is not judged, given the calls it reaches; undefined when none puts bars that chainrule guesses at. */
export function guessedBars(calls: readonly Call[], lower: (e: Expr) => Node | undefined, textOf: (span: Span) => string): { message: string; hint: string } | undefined {
  const barsAround = (e: Expr, fits: (arg: Node) => boolean) => {
    if (e.kind !== 'call' || !writtenAsBars(e)) return false;
    const arg = lower(e.args[0]);
    return arg !== undefined && fits(arg);
  };
  const onVector = calls.find((c) => barsAround(c, (arg) => !isScalarShape(arg.shape) && !isSquareMatrix(arg)));
  if (onVector) {
    return {
      message: `${textOf(onVector.span).trim()} puts bars around a vector or a matrix that is not square: the author may mean its length, where chainrule reads the absolute value of each entry, so it cannot check this line`,
      hint: "write \\|x\\| for a length, or \\text{abs}(x) for the entries' absolute values",
    };
  }
  for (const sum of calls.filter((c) => c.callee === 'sum')) {
    const summed = findInExpr(sum.args[0], (e) => barsAround(e, isSquareMatrix));
    if (summed) {
      return {
        message: `${textOf(summed.span).trim()} puts bars around a matrix inside a sum: the author may mean its entries' absolute values, where chainrule reads its determinant, so it cannot check this line`,
        hint: "write \\text{abs}(W) for the entries' absolute values, or \\det W for the determinant",
      };
    }
  }
  return undefined;
}
