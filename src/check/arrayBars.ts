// `|x|`, `|A|` of a vector or of a matrix that is not square: chainrule reads single bars there as the absolute value
// of each entry, but authors mean the length of a vector or something else again (bars around a square matrix are
// its determinant, src/resolve/determinantBars.ts). A verdict on such a step, right or wrong, would rest on
// chainrule's reading of the bars, so the step is `unjudged` (src/check/doubts.ts). Bars written as a word
// (`\text{abs}(x)`) say what they mean and are judged.
import { isScalarShape, type Node } from '../ir/types';
import { isSquareMatrix, writtenAsBars } from '../resolve/determinantBars';
import type { Expr, Span } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';

/** Why a step whose target or step puts single bars around a vector or a matrix that is not square is not judged. */
export function barsOnArray(exprs: readonly Expr[], lower: (e: Expr) => Node | undefined, textOf: (span: Span) => string): { message: string; hint: string } | undefined {
  const onArray = (e: Expr) => {
    if (e.kind !== 'call' || !writtenAsBars(e)) return false;
    const node = lower(e.args[0]);
    return node !== undefined && !isScalarShape(node.shape) && !isSquareMatrix(node);
  };
  for (const root of exprs) {
    const bars = findInExpr(root, onArray);
    if (!bars) continue;
    const written = textOf(bars.span).trim();
    return {
      message: `${written} puts bars around a vector or a matrix that is not square: the author may mean its length, where chainrule reads the absolute value of each entry, so it cannot check this line`,
      hint: 'write \\|x\\| for a length, or \\text{abs}(x) for the entries\' absolute values',
    };
  }
  return undefined;
}
