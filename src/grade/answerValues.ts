// Answers compared by their values at the sample points where their ask is checked (check/values.ts), never
// by their text: each answer's fingerprint, which groups the class's answers (summary.ts), and the
// instructor's override the answer equals, if any (overrides.ts).
import type { Matrix } from '../ir/types';
import { agree } from '../check/compare';
import type { PointValues } from '../check/values';
import type { AskSpec } from './assignment';
import { fingerprintOf } from './fingerprint';
import { ruleOf, type GradedAnswer } from './score';

/**
 * Sets `answer.fingerprint`, and `answer.override` when the answer equals an override of its ask. `valuesOf`
 * evaluates at the points of the answer's claim; undefined when that claim could not be checked.
 */
export function compareByValue(answer: GradedAnswer, ask: Pick<AskSpec, 'overrides'>, valuesOf: PointValues | undefined): void {
  const values = valuesOf?.(answer.finalExpr);
  answer.fingerprint = fingerprintOf(values);
  // An answer that still holds a derivative reference has the right value but is not worked out.
  if (!valuesOf || !values || ruleOf(answer) === 'unexpanded') return;
  const match = ask.overrides.find((o) => equalValues(values, valuesOf(o.answer)));
  if (match) answer.override = { line: match.line, answer: match.text, points: match.points };
}

function equalValues(a: readonly Matrix[], b: readonly Matrix[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((m, k) => agree(m, b[k]));
}
