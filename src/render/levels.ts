// Feedback levels (SPEC 4.3, docs/grading.md): how much of a check's findings an author is shown.
// `full`: everything (the expected answer, the single edit that fixes a step). `hints`: the kind of each
// mistake and its place, never the expected answer or the edit. `score`: verdicts only. A level hides
// answers from a report; it does not make them secret (`chainrule diff` computes any derivative).
import type { CheckReport, ClaimJson, Diagnosis, StepJson } from '../check/report';

export type FeedbackLevel = 'full' | 'hints' | 'score';
export const FEEDBACK_LEVELS: readonly FeedbackLevel[] = ['full', 'hints', 'score'];

/** Each kind of mistake in words that name it without saying how to fix it. */
const MISTAKE_KINDS: Record<Diagnosis, string> = {
  shape: 'the shape is wrong',
  transpose: 'a transpose is wrong',
  sign: 'a sign is wrong',
  scale: 'off by a constant factor',
  'carried-error': 'this follows from an earlier wrong line',
  'missing-term': 'a term is missing',
  'extra-term': 'there is a term too many',
  'elementwise-vs-matrix-product': 'an elementwise product and a matrix product are swapped',
  'missing-factor': 'a factor of the chain rule is missing',
  rounding: 'rounded too early',
  unknown: 'this is not right',
};

export function mistakeKind(diagnosis: Diagnosis | null): string {
  return MISTAKE_KINDS[diagnosis ?? 'unknown'];
}

/** The place of a step, as hints give it. */
export function placeOf(step: Pick<StepJson, 'line' | 'column'>): string {
  return `line ${step.line}, column ${step.column}`;
}

/**
 * A step as the level shows it. At `hints` a wrong step says the kind of mistake and where (its `message`
 * named the fix or the expected value); a right one just that it is right (a numeric answer's message gave
 * the exact value). Errors and `unjudged` steps are about the author's input or chainrule's reading, and
 * keep their words. At `score` only the verdict is left.
 */
export function stepAtLevel<S extends StepJson>(step: S, level: FeedbackLevel): S {
  if (level === 'full') return step;
  if (level === 'score') {
    const { hint: _hint, ...rest } = step;
    return { ...rest, diagnosis: null, message: step.verdict === 'correct' ? 'correct' : '' } as S;
  }
  switch (step.verdict) {
    case 'correct':
      return { ...step, message: 'correct' };
    case 'incorrect':
      return { ...step, message: `${mistakeKind(step.diagnosis)} (${placeOf(step)})` };
    case 'informal':
      return { ...step, message: `tensor shorthand (an array by a matrix), not a matrix expression (${placeOf(step)})` };
    default:
      return step;
  }
}

/** A claim as the level shows it: no expected answer below `full`, and each step at the level. */
export function claimAtLevel<C extends Omit<ClaimJson, 'steps'> & { steps: StepJson[] }>(claim: C, level: FeedbackLevel): C {
  if (level === 'full') return claim;
  return { ...claim, expected: null, steps: claim.steps.map((s) => stepAtLevel(s, level)) };
}

/** `chainrule check --feedback LEVEL`: the report with its claims at the level. */
export function reportAtLevel(report: CheckReport, level: FeedbackLevel): CheckReport {
  return level === 'full' ? report : { ...report, claims: report.claims.map((c) => claimAtLevel(c, level)) };
}
