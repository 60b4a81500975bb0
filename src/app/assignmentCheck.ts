// `chainrule check FILE --assignment HW.cr` (SPEC 4.2) and the web page's assignment mode: a document graded
// against an assignment exactly as `grade` grades one submission (src/grade/grader.ts: the same reading,
// alignment, name mapping and answer selection), under `check`'s limits, shown as `check` shows a document:
// every claim with its verdict, plus what will be graded as the answer to each ask.
import { resultAtLevel } from '../grade/feedback';
import { DEFAULT_DELIVERY } from '../grade/delivery';
import { reportAtLevel, type FeedbackLevel } from '../render/levels';
import { gradeSubmission, type SubmissionInput } from '../grade/grader';
import { errorResult } from '../grade/errorResult';
import { DEFAULT_GRADING_LIMITS, LIMIT_NOTE } from '../grade/limits';
import { Budget, COMMAND_LIMITS, LimitExceeded, underBudget } from '../limits/index';
import { loadAssignment, type Assignment } from '../grade/assignment';
import { checkSource } from './check';
export { AssignmentError } from '../grade/assignment';
import type { AskResult, GradedClaim, SubmissionResult } from '../grade/result';
import type { AlignmentJson } from '../grade/parts';

/** SPEC 4.2's `answers[]`: `id`, `outcome` and `rule` as in result.json. */
export interface CheckAnswerJson {
  id: string;
  line: number | null;
  outcome: AskResult['outcome'];
  rule: string | null;
  confidence: AskResult['confidence'];
  reasons: string[];
  score: number;
  maxScore: number;
  /** The answer graded, in .cr syntax (null when none was found). */
  answer: string | null;
  feedback: string;
}

export interface AssignmentCheckReport {
  version: 1;
  file: string;
  assignment: string;
  ok: boolean;
  /** Which lines were read as which problem. */
  alignment: AlignmentJson[];
  claims: GradedClaim[];
  answers: CheckAnswerJson[];
  notes: SubmissionResult['notes'];
  score: number;
  maxScore: number;
}

/** As a grade worker grades it; past a limit, the result `grade` records for a submission that went past one. */
export function gradeUnderLimits(assignment: Assignment, input: SubmissionInput, seed: number): SubmissionResult {
  try {
    return underBudget(new Budget(COMMAND_LIMITS), () => gradeSubmission(assignment, input, seed));
  } catch (err) {
    if (!(err instanceof LimitExceeded)) throw err;
    return errorResult(assignment, input, seed, DEFAULT_GRADING_LIMITS, err.message, { code: LIMIT_NOTE });
  }
}

export function answerOf(ask: AskResult): CheckAnswerJson {
  return {
    id: ask.id, line: ask.answer?.line ?? null, outcome: ask.outcome, rule: ask.rule, confidence: ask.confidence, reasons: ask.reasons,
    score: ask.score, maxScore: ask.maxScore, answer: ask.answer?.text ?? null, feedback: ask.feedback,
  };
}

/** Claims read under more than one problem (a shared helper line) are listed once, as first graded. */
export function uniqueClaims(result: SubmissionResult): GradedClaim[] {
  const seen = new Set<string>();
  return result.problems.flatMap((p) => p.claims).filter((c) => {
    const key = `${c.file}:${c.line}:${c.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A document checked as `grade` grades it, shown at `level` (default: the assignment's `feedback` line, else full),
 * as the author's per-submission outputs would show it.
 */
export function checkAgainstAssignment(assignment: Assignment, text: string, file: string, seed: number, level?: FeedbackLevel): { report: AssignmentCheckReport; exitCode: 0 | 1 } {
  const shown = level ?? assignment.settings.feedback ?? DEFAULT_DELIVERY.feedback;
  const graded = gradeUnderLimits(assignment, { name: file, files: [{ path: file, source: text }], inputHash: '' }, seed);
  const result = resultAtLevel(graded, shown);
  // Parts that answer no problem are still checked, as `check` checks them, so the author sees every line.
  const outside = (result.alignment ?? []).filter((a) => a.problem === null);
  const elsewhere = outside.length ? reportAtLevel(checkSource(text, file, seed).report, shown).claims.filter((c) => outside.some((a) => c.line >= a.fromLine && c.line <= a.toLine)) : [];
  const claims = [...uniqueClaims(result), ...elsewhere.map((c) => ({ ...c, file, targetLatex: c.target, graded: null, steps: c.steps.map((st) => ({ ...st, latex: st.text })) }))].sort((a, b) => a.line - b.line);
  const answers = result.asks.map(answerOf);
  const ok = answers.every((a) => a.outcome === 'correct') && claims.every((c) => c.verdict === 'correct' || c.verdict === 'informal');
  const report: AssignmentCheckReport = {
    version: 1, file, assignment: assignment.file, ok, alignment: result.alignment ?? [], claims, answers, notes: result.notes, score: result.score, maxScore: result.maxScore,
  };
  return { report, exitCode: ok ? 0 : 1 };
}

/** Loads the assignment (throws AssignmentError on its input errors), then checks each document against it. */
export function checkDocumentsAgainst(assignmentSource: string, assignmentFile: string, documents: ReadonlyArray<{ text: string; file: string }>, seed: number, level?: FeedbackLevel): Array<{ report: AssignmentCheckReport; exitCode: 0 | 1 }> {
  const assignment = loadAssignment(assignmentSource, assignmentFile, seed);
  return documents.map((d) => checkAgainstAssignment(assignment, d.text, d.file, seed, level));
}
