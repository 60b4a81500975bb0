// A definition chainrule read from its chain's restatement, past a function the maths never defines
// (`J(\theta) = \frac{1}{2} \sum_i (h_\theta(x^i) - y^i)^2 = \frac{1}{2}(X\theta - y)^T(X\theta - y)`,
// src/resolve/restatedDefinitions.ts): the author equates the two forms, but where they differ (a dropped ½) a line
// may follow the first, so a step wrong by the restatement is unjudged, never incorrect.
import type { Expr } from '../syntax/ast';
import type { Scope } from '../resolve/scope';

/** The doubt of a step whose target or step reaches a definition read past an undefined function, if any. */
export function restatedDefinitionReached(scope: Scope, reached: { names: ReadonlySet<string>; calls: readonly Extract<Expr, { kind: 'call' }>[] }): { message: string; hint: string } | undefined {
  const read = [...reached.names].map((n) => scope.definitions.get(n) ?? scope.functions.get(n)).find((d) => d?.restatedPast !== undefined)
    ?? reached.calls.map((c) => scope.functions.get(c.callee)).find((f) => f?.restatedPast !== undefined);
  if (!read) return undefined;
  return {
    message: `chainrule read ${read.name} as the restatement on line ${read.span.line}, since ${read.restatedPast} is not defined in the maths; read so, this line does not match, but it may follow the first form`,
    hint: `define ${read.restatedPast} in the maths`,
  };
}
