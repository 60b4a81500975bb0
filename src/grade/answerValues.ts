// Answers compared by their values at the sample points where their ask is checked (check/values.ts), never
// by their text: each answer's fingerprint, which groups the class's answers (summary.ts), and the
// instructor's override the answer equals, if any (overrides.ts).
import type { Matrix } from '../ir/types';
import type { Claim } from '../resolve/scope';
import type { ClaimContext } from '../check/claim';
import { agree } from '../check/compare';
import { pointValues } from '../check/values';
import type { AskSpec } from './assignment';
import { fingerprintOf } from './fingerprint';
import { ruleOf, type GradedAnswer } from './score';

/** Sets `answer.fingerprint`, and `answer.override` when the answer equals an override of its ask. */
export function compareByValue(answer: GradedAnswer, ask: Pick<AskSpec, 'overrides'>, claim: Claim, ctx: Pick<ClaimContext, 'lowering' | 'calculus' | 'scope' | 'seed'>): void {
  const valuesOf = pointValues(claim, ctx);
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
