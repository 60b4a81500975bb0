// V8 tuning for a command that reads one or a few documents (check, diff, shapes). Such a run ends before
// most of its functions are hot, yet V8's optimizing compiler already compiles those past its default
// interrupt budget, on background threads whose CPU the command pays for and rarely gets back
// (bench/start.bench.js: about 15% of a `check`'s CPU). Four times the budget leaves a short run to the
// interpreter and baseline code; a long one (a large document) still gets its hot code optimized, a little
// later. Flags are process-wide: set by the command line, never by the library.
import { setFlagsFromString } from 'v8';

const DEFAULT_INTERRUPT_BUDGET = 66 * 1024; // V8 11-12 (Node 20-22)

export function tuneForShortRun(): void {
  setFlagsFromString(`--interrupt-budget=${4 * DEFAULT_INTERRUPT_BUDGET}`);
}
