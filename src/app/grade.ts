// `chainrule grade`: a class graded (src/grade/batch.ts), with the batch's V8 tuning and the exit code.
import { runGrade, type GradeOptions, type GradeRun } from '../grade/batch';
import { tuneForBatch } from '../grade/tuning';

export { AssignmentError } from '../grade/assignmentError';
export { GradeInputError } from '../grade/inputError';
export { DEFAULT_MEMORY_MB, DEFAULT_TIME_LIMIT_MS } from '../grade/batch';
export { FORMATS, type Format } from '../grade/outputs';
export { VISIBILITIES, type Visibility } from '../grade/delivery';
export { RosterError } from '../grade/roster';
export { DEFAULT_SEED } from '../check/seed';

/**
 * Exit codes: 0 every submission graded; 1 some could not be (time limit, memory cap, an unreadable file),
 * now or in the earlier run a result was taken from. Throws AssignmentError and GradeInputError.
 */
export async function gradeClass(options: GradeOptions): Promise<{ run: GradeRun; exitCode: 0 | 1 }> {
  tuneForBatch();
  const run = await runGrade(options);
  return { run, exitCode: run.failed ? 1 : 0 };
}
