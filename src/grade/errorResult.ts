// The result of a submission that could not be graded. The batch's main thread writes these too, so this
// module needs only the assignment's outline: it loads none of the grading code.
import type { AssignmentOutline } from './assignmentOutline';
import type { GradingLimits } from './limits';
import type { SubmissionInput } from './grader';
import { RESULT_VERSION, type NoteJson, type SubmissionResult } from './result';

/**
 * The result of a submission that was not graded: nothing in it could be read (`code` nothing-read, with its
 * reading `notes`), a file could not be read, or grading did not finish (time limit, memory cap — `code`
 * LIMIT_NOTE —, crash). Every ask scores 0.
 */
export function errorResult(
  assignment: Pick<AssignmentOutline, 'asks' | 'problems' | 'maxScore'>,
  input: SubmissionInput,
  seed: number,
  limits: GradingLimits,
  error: string,
  { code = 'not-graded', notes = [] }: { code?: string; notes?: NoteJson[] } = {},
): SubmissionResult {
  return {
    version: RESULT_VERSION, submission: input.name, files: input.files.map((f) => f.path), inputHash: input.inputHash, seed, limits,
    status: 'error', error, score: 0, maxScore: assignment.maxScore,
    asks: assignment.asks.map((ask) => ({
      id: ask.id, problem: ask.problem, target: ask.targetText, maxScore: ask.points, score: 0, outcome: 'error', rule: null, answer: null,
      expected: ask.expected.text, expectedLatex: ask.expected.latex, feedback: `Not graded: ${error}.`, confidence: 'needs-review', reasons: [`not graded: ${error}`],
    })),
    problems: assignment.problems.map((p) => ({ id: p.id, title: p.title, claims: [] })),
    notes: [{ severity: 'error', code, message: error, file: null, line: null, column: null }, ...notes],
  };
}
