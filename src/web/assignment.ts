// The page's assignment mode in one call: a document graded against an assignment as `grade` grades one
// submission (src/grade/grader.ts), with SPEC 4.2's answers, shown at the assignment's `feedback` level as
// its author would see it (grade/feedback.ts), under `check`'s limits (src/limits). When `check --assignment`
// has an app-layer entry, this module is where the page switches to it.
import { errorResult, gradeSubmission, type SubmissionInput } from '../grade/grader';
import { DEFAULT_GRADING_LIMITS, LIMIT_NOTE } from '../grade/limits';
import { Budget, COMMAND_LIMITS, LimitExceeded, underBudget } from '../limits/index';
import { resolveDelivery } from '../grade/delivery';
import { resultAtLevel } from '../grade/feedback';
import type { Assignment } from '../grade/assignment';
import type { AskResult, GradedClaim, NoteJson, SubmissionResult } from '../grade/result';
import type { PageAnswer } from './protocol';

export interface AssignmentCheck {
  claims: GradedClaim[];
  answers: PageAnswer[];
  notes: NoteJson[];
  score: number;
  maxScore: number;
}

export function checkAgainstAssignment(assignment: Assignment, text: string, file: string, seed: number): AssignmentCheck {
  const graded = gradeUnderLimits(assignment, { name: file, files: [{ path: file, source: text }], inputHash: '' }, seed);
  const result = resultAtLevel(graded, resolveDelivery({}, assignment.settings).feedback);
  const claims = result.problems.flatMap((p) => p.claims);
  const byAsk = new Map(claims.filter((c) => c.graded !== null).map((c) => [c.graded!, c]));
  const answers = result.asks.map((ask) => pageAnswer(ask, byAsk.get(ask.id)));
  return { claims, answers, notes: result.notes, score: result.score, maxScore: result.maxScore };
}

/** As a grade worker grades it; past a limit, the result `grade` records for a submission that went past one. */
function gradeUnderLimits(assignment: Assignment, input: SubmissionInput, seed: number): SubmissionResult {
  try {
    return underBudget(new Budget(COMMAND_LIMITS), () => gradeSubmission(assignment, input, seed));
  } catch (err) {
    if (!(err instanceof LimitExceeded)) throw err;
    return errorResult(assignment, input, seed, DEFAULT_GRADING_LIMITS, err.message, { code: LIMIT_NOTE });
  }
}

function pageAnswer(ask: AskResult, claim: GradedClaim | undefined): PageAnswer {
  const reasons = reviewReasons(ask, claim);
  return {
    id: ask.id, line: ask.answer?.line ?? null, outcome: ask.outcome, rule: ask.rule,
    confidence: reasons.length ? 'needs-review' : 'sure', reasons,
    score: ask.score, maxScore: ask.maxScore, feedback: ask.feedback,
  };
}

/**
 * Why a person should look at this score (SPEC 4.3: an `unjudged` answer always needs review). Until the
 * grader's own ask results carry `confidence`, the page derives it from what the result holds: an answer
 * that could not be judged or checked, or that rests on a reading of what was written.
 */
function reviewReasons(ask: AskResult, claim: GradedClaim | undefined): string[] {
  const reasons: string[] = [];
  if (ask.outcome === 'error') reasons.push('the answer could not be checked');
  if (ask.answer?.verdict === 'unjudged') reasons.push(`chainrule could not judge the answer: ${ask.answer.message}`);
  for (const r of claim?.readings ?? []) reasons.push(`read ${r.written} as ${r.readAs}`);
  return reasons;
}
