// `\nabla f = \lambda \nabla g`, `f_x = \lambda g_x`, `[y; x] = \lambda [2x; 2y]`: a Lagrange condition, an equation
// the author solves for the multiplier and the point, not an identity. Its step depends on a name no line of the
// question gives a meaning (λ), which the target does not involve; read as an identity in that name it is false,
// and a ✗ there would mark a right line. Such a step is `unjudged` (src/check/doubts.ts).
import type { Node } from '../ir/types';
import { variablesUnder } from '../ir/inspect';
import { knownNames } from '../resolve/names';
import type { Scope } from '../resolve/scope';

/**
 * Why a step that brings in a name of no meaning, absent from the target, is not judged; undefined for any other.
 * `reached`: the names the target's formulas use (the λ of a ridge penalty in the loss is the target's, even where
 * its derivative by the bias no longer holds it).
 */
export function conditionToSolve(scope: Scope, truth: readonly Node[], step: Node | undefined, reached: ReadonlySet<string>): { message: string; hint: string } | undefined {
  if (!step || truth.length === 0) return undefined;
  const inTruth = new Set([...reached, ...truth.flatMap((t) => variablesUnder(t).map((v) => v.attrs.name))]);
  const known = knownNames(scope, [...scope.functions.values()].flatMap((f) => f.params));
  const fresh = [...new Set(variablesUnder(step).map((v) => v.attrs.name ?? ''))].filter((n) => n !== '' && !inTruth.has(n) && !known.has(n)).sort();
  if (fresh.length === 0) return undefined;
  return {
    message: `this step brings in ${fresh.join(', ')}, which no line of this question gives a meaning and the target does not involve: it reads as a condition to solve for ${fresh.length === 1 ? 'it' : 'them'} (a Lagrange multiplier's), not an identity chainrule can check`,
    hint: `state what ${fresh[0]} is, or write the condition apart from the derivative it solves for`,
  };
}
