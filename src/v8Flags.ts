// V8 flags shared by chainrule's own commands (cli/tuning.ts for check, diff and shapes; grade/tuning.ts for
// a batch of gradings). Flags are process-wide: only a command line sets them, never the library.

/** V8's own interrupt budget (V8 11-12, Node 20-22): how long a function runs before V8 considers optimizing it. */
const DEFAULT_INTERRUPT_BUDGET = 66 * 1024;

/**
 * The flag for `times` V8's interrupt budget: code run a few times only is left to the interpreter and
 * baseline code instead of paying for optimizing compiles (on background threads whose CPU the run pays
 * for); code that stays hot is still optimized, later.
 */
export function patientInterruptBudget(times: number): string {
  return `--interrupt-budget=${times * DEFAULT_INTERRUPT_BUDGET}`;
}
