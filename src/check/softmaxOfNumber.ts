// `\text{softmax}(z_0)`, a softmax written of one number: as written it is 1, but no author means that; they mean
// entry 0 of the softmax of the vector z_0 belongs to (src/analysis/writtenEntries.ts), which chainrule does not
// read. A verdict on such a step would rest on the reading 1, so the step is `unjudged` (src/check/doubts.ts).
import { VECTOR_FUNCTIONS } from '../analysis/shapeUnification';
import { isScalarShape, type Node } from '../ir/types';
import type { Expr, Span } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';

/** Why a step that applies softmax to one number is not judged, or undefined when it applies it to none. */
export function softmaxOfNumber(step: Expr, lower: (e: Expr) => Node | undefined, textOf: (span: Span) => string): { message: string; hint: string } | undefined {
  const ofNumber = (arg: Expr) => {
    const node = lower(arg);
    return node !== undefined && isScalarShape(node.shape);
  };
  const call = findInExpr(step, (e) => e.kind === 'call' && VECTOR_FUNCTIONS.has(e.callee) && e.args.length === 1 && ofNumber(e.args[0]));
  if (!call) return undefined;
  const written = textOf(call.span).trim();
  return {
    message: `${written} is a softmax of one number, which is 1 as written; the author means that entry of a vector's softmax, which chainrule does not read, so it cannot check this line`,
    hint: 'write the entry of the softmax as its formula, e.g. e^{z_0} / (e^{z_0} + e^{z_1} + e^{z_2})',
  };
}
