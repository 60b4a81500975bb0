// The page's assignment mode in one call: a document graded against an assignment as `grade` grades one
// submission (src/grade/grader.ts), with SPEC 4.2's answers. When `check --assignment` has an app-layer
// entry, this module is where the page switches to it.
import { gradeSubmission } from '../grade/grader';
import type { Assignment } from '../grade/assignment';
import type { AskResult, GradedClaim, NoteJson } from '../grade/result';
import type { PageAnswer } from './protocol';

export interface AssignmentCheck {
  claims: GradedClaim[];
  answers: PageAnswer[];
  notes: NoteJson[];
  score: number;
  maxScore: number;
}

export function checkAgainstAssignment(assignment: Assignment, text: string, file: string, seed: number): AssignmentCheck {
  const result = gradeSubmission(assignment, { name: file, files: [{ path: file, source: text }], inputHash: '' }, seed);
  const claims = result.problems.flatMap((p) => p.claims);
  const graded = new Map(claims.filter((c) => c.graded !== null).map((c) => [c.graded!, c]));
  const answers = result.asks.map((ask) => pageAnswer(ask, graded.get(ask.id)));
  return { claims, answers, notes: result.notes, score: result.score, maxScore: result.maxScore };
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
