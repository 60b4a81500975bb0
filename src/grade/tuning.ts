// V8 tuning for a batch of gradings. A batch runs a large body of code (parsing, calculus, diagnosis,
// KaTeX) over many small inputs, and every worker thread compiles its hot functions afresh. With V8's
// default inlining, its optimizing compiler spends more time on large inlined functions than a batch of
// a class's size gains from them (bench/grade.js: roughly 10-15% more submissions per second without
// it; steady-state speed is unchanged within the noise). V8 flags are process-wide, so this is set by
// the `chainrule grade` command, whose process is chainrule's own, not by the library's runGrade.
import { setFlagsFromString } from 'v8';

export function tuneForBatch(): void {
  setFlagsFromString('--no-turbo-inlining');
}
