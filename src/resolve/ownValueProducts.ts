// A function of one variable applied to a bracket that writes the function's own name bare: `g(1 - g)`,
// `f(1-f)` after `g(t) = \frac{1}{1 + e^{-t}}`, the logistic's `\sigma(1 - \sigma)`. Written bare, g is its value
// at its own parameter (lower.ts `functionAtItsParameters`; a built-in's at the claim's variable), and no
// author composes g with a bracket of its own value left without its argument: the bracket is a factor,
// g(t) (1 - g(t)), as `a(1 - a)` is for a variable a.
import type { Expr } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';

/** `g(1 - g)` as the product g (1 - g) when the callee takes `arity` arguments, one; undefined otherwise. */
export function ownValueTimesBracket(call: Extract<Expr, { kind: 'call' }>, arity: number): Expr | undefined {
  const [arg] = call.args;
  if (arity !== 1 || call.args.length !== 1 || call.prime !== 0) return undefined;
  if (!findInExpr(arg, (x) => x.kind === 'name' && x.name === call.callee)) return undefined;
  const end = { endLine: call.span.line, endColumn: call.span.column + call.calleeText.length };
  const own: Expr = { kind: 'name', name: call.callee, text: call.calleeText, span: { ...call.span, ...end } };
  return { kind: 'binary', op: 'mul', style: 'juxt', left: own, right: arg, span: call.span };
}
