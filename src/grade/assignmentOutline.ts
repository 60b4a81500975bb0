// What the batch's main thread needs of an assignment (batch.ts): the asks with their points and expected
// answers, the problems' titles, the warnings and the delivery settings; or the errors that refuse it. A
// grading worker loads the whole assignment anyway, and posts this outline when it has started, so that the
// main thread, which grades nothing, does not work out every expected answer a second time.
import type { Diagnostic } from '../diagnostics';
import type { Assignment, AskSpec } from './assignment';

export interface AssignmentOutline {
  file: string;
  maxScore: number;
  asks: Array<Pick<AskSpec, 'id' | 'problem' | 'targetText' | 'points' | 'expected'>>;
  problems: Array<{ id: string; title: string | null }>;
  warnings: Diagnostic[];
  settings: Assignment['settings'];
}

/** What a worker posts when it has started: the outline, or the errors an AssignmentError carries. */
export type OutlineReply = { outline: AssignmentOutline } | { errors: Diagnostic[] };

/** Plain data only: it crosses from a worker thread by structured clone. */
export function outlineOf(assignment: Assignment): AssignmentOutline {
  return {
    file: assignment.file,
    maxScore: assignment.maxScore,
    asks: assignment.asks.map(({ id, problem, targetText, points, expected }) => ({ id, problem, targetText, points, expected })),
    problems: assignment.problems.map(({ id, title }) => ({ id, title })),
    warnings: assignment.warnings,
    settings: assignment.settings,
  };
}
