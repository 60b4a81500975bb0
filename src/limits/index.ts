// The limits every command runs under (issue 15): a cooperative deadline, a budget for matrix memory, and
// caps on what one line may ask for. Plain TypeScript with no Node import, so the web checker's Web Worker
// runs under the same limits as `check`.
//
// Matrix data lives in typed arrays, outside the heap V8 caps, so the numeric kernels charge every
// allocation to the budget in force (`chargeEntries`) before making it. Checking is synchronous, so the
// budget in force is one module-level value set for the length of a run (`underBudget`).

/** What a run may use. `timeMs: Infinity` leaves the clock to someone else (grade's worker pool). */
export interface Limits {
  timeMs: number;
  memoryMb: number;
}

/** `check`, `diff` and `shapes`: ten seconds and 512 MB of matrices per file. */
export const COMMAND_LIMITS: Limits = { timeMs: 10_000, memoryMb: 512 };

/** Any input text (a larger one is a `limit-exceeded` diagnostic; the web page checks its inputs against these too). */
export const MAX_SOURCE_CHARS = 1_000_000;
export const MAX_SOURCE_LINES = 20_000;

/** At most this many entries in one matrix of concrete size (a 500 x 500 matrix). */
export const MAX_MATRIX_ENTRIES = 250_000;

/** Expressions nested deeper than this (`\sum_i \sum_j ...`, `f(f(f(...)))`) are refused when read. */
export const MAX_EXPRESSION_DEPTH = 200;

/** At most this many nodes in the tree of one statement. */
export const MAX_EXPRESSION_NODES = 20_000;

/** At most this many expression nodes made in one run (derivatives, simplification and repair search included). */
export const MAX_GRAPH_NODES = 1_000_000;

export const BYTES_PER_ENTRY = 8;
const MB = 1024 * 1024;

/** Which limit a run went past: `time` and `memory` depend on the run's options, `size` never does. */
export type LimitKind = 'time' | 'memory' | 'size';

/** Thrown out of a run that went past a limit; commands turn it into a `limit-exceeded` diagnostic. */
export class LimitExceeded extends Error {
  constructor(
    readonly kind: LimitKind,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Milliseconds of CPU time the process has used where the platform tells (Node), else wall time (a browser,
 * whose page keeps its own watchdog). On CPU time a run's limit bounds its own work: on a machine loaded far
 * past its cores, a wall-clock deadline cut long documents short and verdicts changed with the load.
 */
const clock: () => number = (() => {
  const proc = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  if (typeof proc?.cpuUsage !== 'function') return () => Date.now();
  // Asking the system for CPU time costs a thousand times what Date.now() does: it is asked at most every
  // CPU_READ_MS of wall time, and the wall time since stands in for the CPU time since (near enough for a
  // limit of seconds).
  let wallAtRead = -Infinity;
  let cpuAtRead = 0;
  return () => {
    const now = Date.now();
    if (now - wallAtRead < CPU_READ_MS) return cpuAtRead + (now - wallAtRead);
    const used = proc.cpuUsage!();
    wallAtRead = now;
    cpuAtRead = (used.user + used.system) / 1000;
    return cpuAtRead;
  };
})();

const CPU_READ_MS = 20;

/** The clock is read on every large charge and every 64th small one: kernels charge very often. */
const CHARGES_PER_CLOCK_READ = 64;
const LARGE_CHARGE = 1024;

export class Budget {
  readonly deadline: number;
  readonly memoryBytes: number;
  /** Bytes of matrix data charged so far (values at sample points are kept, so this is close to what is live). */
  used = 0;
  private charges = 0;
  private nodes = 0;

  constructor(
    readonly limits: Limits,
    /** Told of every charge (grade's workers publish it for the pool's memory watchdog). */
    private readonly onCharge?: (usedBytes: number) => void,
  ) {
    // No time limit (a grading worker, whose clock is the pool's): the clock is never read.
    this.deadline = limits.timeMs === Infinity ? Infinity : clock() + limits.timeMs;
    this.memoryBytes = limits.memoryMb * MB;
  }

  /** Charges `entries` float64 entries; throws LimitExceeded past the memory cap or the deadline. */
  charge(entries: number): void {
    const bytes = entries * BYTES_PER_ENTRY;
    if (this.used + bytes > this.memoryBytes) {
      throw new LimitExceeded('memory', `a matrix of ${entries} entries would take the matrices past the memory limit of ${this.limits.memoryMb} MB`);
    }
    this.used += bytes;
    this.onCharge?.(this.used);
    if (entries >= LARGE_CHARGE || ++this.charges % CHARGES_PER_CLOCK_READ === 0) this.checkpoint();
  }

  /** Counts an expression node made; throws LimitExceeded past MAX_GRAPH_NODES or the deadline. */
  chargeNode(): void {
    if (++this.nodes > MAX_GRAPH_NODES) throw new LimitExceeded('size', `the expressions grew past ${MAX_GRAPH_NODES} parts`);
    if (this.nodes % CHARGES_PER_CLOCK_READ === 0) this.checkpoint();
  }

  /** Throws LimitExceeded when `bytes` could never fit (nothing is charged: the caller allocates later). */
  ensureFits(bytes: number, what: string): void {
    if (bytes > this.memoryBytes) {
      throw new LimitExceeded('memory', `${what} need ${Math.ceil(bytes / MB)} MB; the memory limit is ${this.limits.memoryMb} MB`);
    }
  }

  checkpoint(): void {
    if (this.deadline !== Infinity && clock() > this.deadline) throw new LimitExceeded('time', `the time limit of ${this.limits.timeMs / 1000} s was exceeded`);
  }
}

/** A value in force while a synchronous run lasts: the one before is restored after it, so runs may nest. */
export class InForce<T> {
  current: T | undefined;

  during<R>(value: T, run: () => R): R {
    const outer = this.current;
    this.current = value;
    try {
      return run();
    } finally {
      this.current = outer;
    }
  }
}

const budgetInForce = new InForce<Budget>();

/** Runs `run` with `budget` in force. */
export function underBudget<T>(budget: Budget, run: () => T): T {
  return budgetInForce.during(budget, run);
}

/** Called by whatever allocates matrix data, before allocating. Without a budget in force, nothing. */
export function chargeEntries(entries: number): void {
  budgetInForce.current?.charge(entries);
}

/** Called by the node store for every node it makes. */
export function chargeNode(): void {
  budgetInForce.current?.chargeNode();
}

/** Called in loops whose length the input sets: throws LimitExceeded past the deadline. */
export function checkpoint(): void {
  budgetInForce.current?.checkpoint();
}

/** The budget in force, if any (for a caller that reserves memory up front). */
export function activeBudget(): Budget | undefined {
  return budgetInForce.current;
}

/** For a `catch` that turns failures into "no answer": a limit is not a failure of the attempt, so it goes on up. */
export function passLimits(err: unknown): void {
  if (err instanceof LimitExceeded) throw err;
}
