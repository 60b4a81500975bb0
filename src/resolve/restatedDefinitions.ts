// `J(\theta) = \frac{1}{2} \sum_i (h_\theta(x^i) - y^i)^2 = \frac{1}{2} (X\theta - y)^T (X\theta - y)`: a definition
// written first with a function the maths never defines (h_θ, the hypothesis, left to prose) and restated at once
// in names it does. The author equates the two, and only the restatement says what J is, so a TA reads J as the
// restatement. Read with its first member, J rested on an unknown h_θ and every line about it was unreadable.
import type { Expr } from '../syntax/ast';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';
import { findInExpr } from '../syntax/walk';
import { arrayNameOf } from './indexNotation';

/** The callee of the first call in `e` of a function with no meaning in `known` (nor a built-in, nor `self`). */
function undefinedCall(e: Expr, known: (name: string) => boolean, self: string | undefined): Extract<Expr, { kind: 'call' }> | undefined {
  const isKnown = (callee: string, text: string) => callee === self || BUILTIN_FUNCTIONS.has(callee) || known(callee) || BUILTIN_FUNCTIONS.has(arrayNameOf(callee, text)) || known(arrayNameOf(callee, text));
  return findInExpr(e, (x) => x.kind === 'call' && !isKnown(x.callee, x.calleeText)) as Extract<Expr, { kind: 'call' }> | undefined;
}

/**
 * The function `first` calls, inside a larger formula, that the maths never defines, when `second`, the member after
 * it, calls none and that function appears nowhere as a quantity (`a(1 - a)` is a product, not a call); else undefined.
 */
export function undefinedBeforeRestatement(first: Expr, second: Expr, known: (name: string) => boolean, self?: string): string | undefined {
  const call = undefinedCall(first, known, self);
  // `h(x) = s(w^T x) = \frac{1}{1 + e^{-w^T x}}`: a member that is the call itself is followed by that function's own
  // formula (s's, or a slip of σ), not by another form of h; it stays as written.
  if (!call || call === first || undefinedCall(second, known, self)) return undefined;
  const asQuantity = (e: Expr) => findInExpr(e, (x) => x.kind === 'name' && x.name === call.callee) !== undefined;
  return asQuantity(first) || asQuantity(second) ? undefined : call.calleeText;
}
