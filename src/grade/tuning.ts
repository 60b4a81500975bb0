// V8 tuning for a batch of gradings. A batch runs a large body of code (parsing, calculus, diagnosis,
// KaTeX) over many small inputs, and every worker thread compiles its hot functions afresh. With V8's
// default inlining, its optimizing compiler spends more time on large inlined functions than a batch of
// a class's size gains from them (bench/grade.js: roughly 10-15% more submissions per second without
// it; steady-state speed is unchanged within the noise). A worker's start (reading the assignment, its
// first submissions) runs much code a few times only: under V8's default interrupt budget it paid for
// optimizing compiles of it. Sixteen times the budget spares most of them (bench/class.bench.js, against
// the default: about 0.85 of the CPU per submission and 0.75 of the fixed CPU; four times, as `check`
// runs, gave 0.9 of each); what a class keeps hot is still optimized. V8 flags are process-wide, so this
// is set by the `chainrule grade` command, whose process is chainrule's own, not by the library's runGrade.
import { setFlagsFromString } from 'v8';
import { patientInterruptBudget } from '../v8Flags';

/**
 * The batch's flags, set before the workers start (each starts under them). The build makes the workers'
 * code cache under the same flags (scripts/build-bin.js): V8 refuses a cache made under others.
 */
export const BATCH_V8_FLAGS: readonly string[] = ['--no-turbo-inlining', patientInterruptBudget(16)];

export function tuneForBatch(): void {
  for (const flag of BATCH_V8_FLAGS) setFlagsFromString(flag);
}
