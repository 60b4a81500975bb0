// The error that refuses an assignment, in a module of its own: the batch's main thread throws it from the
// errors a worker reports, without loading the code that reads assignments.
import type { Diagnostic } from '../diagnostics';

/** The assignment has input errors; `diagnostics` say where (rendered like `chainrule check` errors). */
export class AssignmentError extends Error {
  constructor(
    readonly diagnostics: Diagnostic[],
    readonly source: string,
    readonly file: string,
  ) {
    super(`${file}: the assignment has ${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'}`);
  }
}
