// V8 tuning for a command that reads one or a few documents (check, diff, shapes). Such a run ends before
// most of its functions are hot, yet V8's optimizing compiler already compiles those past its default
// interrupt budget (bench/start.bench.js: about 15% of a `check`'s CPU). Four times the budget leaves a short
// run to the interpreter and baseline code; a long one (a large document) still gets its hot code
// optimized, a little later. Flags are process-wide: set by the command line, never by the library.
import { setFlagsFromString } from 'v8';
import { patientInterruptBudget } from '../v8Flags';

export function tuneForShortRun(): void {
  setFlagsFromString(patientInterruptBudget(4));
}
