// The page's assignment mode in one call: a document graded against an assignment as `grade` grades one
// submission (src/grade/grader.ts), with SPEC 4.2's answers, shown at the assignment's `feedback` level as
// its author would see it (grade/feedback.ts), under `check`'s limits (src/limits), as `check --assignment`
// grades it (src/app/assignmentCheck.ts).
import { gradeUnderLimits } from '../app/assignmentCheck';
import { resolveDelivery } from '../grade/delivery';
import { resultAtLevel } from '../grade/feedback';
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
  const graded = gradeUnderLimits(assignment, { name: file, files: [{ path: file, source: text }], inputHash: '' }, seed);
  const result = resultAtLevel(graded, resolveDelivery({}, assignment.settings).feedback);
  const claims = result.problems.flatMap((p) => p.claims);
  const answers = result.asks.map(pageAnswer);
  return { claims, answers, notes: result.notes, score: result.score, maxScore: result.maxScore };
}

function pageAnswer(ask: AskResult): PageAnswer {
  return {
    id: ask.id, line: ask.answer?.line ?? null, outcome: ask.outcome, rule: ask.rule,
    confidence: ask.confidence, reasons: ask.reasons,
    score: ask.score, maxScore: ask.maxScore, feedback: ask.feedback,
  };
}
