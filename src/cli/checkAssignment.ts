// `check --assignment HW.cr` (SPEC 4.2), loaded only when asked for: it needs the grading code.
import { DEFAULT_SEED } from '../app/check';
import { AssignmentError, checkDocumentsAgainst } from '../app/assignmentCheck';
import { renderAssignmentCheck } from './assignmentText';
import { feedbackLevel, printDiagnostics, printJson, readInput, readStandardInput } from './io';
import type { CheckCliOptions } from './check';

/** `check --assignment HW.cr`: each document graded against the assignment as `grade` would (SPEC 4.2). */
export function checkAssignmentCommand(files: string[], options: CheckCliOptions, format: string | undefined, seed: number | undefined): number {
  const documents = files.map((file) => (file === '-' ? { text: readStandardInput(), file: `stdin.${format ?? 'cr'}` } : { text: readInput(file), file }));
  const assignmentFile = options.assignment!;
  const assignmentSource = readInput(assignmentFile);
  let results;
  try {
    results = checkDocumentsAgainst(assignmentSource, assignmentFile, documents, seed ?? DEFAULT_SEED, feedbackLevel(options.feedback));
  } catch (err) {
    if (!(err instanceof AssignmentError)) throw err;
    printDiagnostics(err.diagnostics, err.source, err.file);
    return 2;
  }
  if (options.json) printJson(results.length === 1 ? results[0].report : results.map((r) => r.report));
  else for (const r of results) process.stdout.write(renderAssignmentCheck(r.report));
  return Math.max(...results.map((r) => r.exitCode));
}
