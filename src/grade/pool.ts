// A pool of worker threads, each running one task at a time under a time limit and a memory cap. A task
// that runs out of time has its worker terminated; one that runs out of memory loses its worker to V8, or
// to the pool's watchdog; either way the task fails with a message and a fresh worker takes the next task.
//
// V8's cap covers a worker's heap only, not typed arrays (matrix data) nor anything else outside the heap.
// Workers charge their matrices to a budget (src/limits) and publish its use in a shared cell; the watchdog
// reads the process's resident memory (a thread has none of its own) and, past what the workers may hold
// together, replaces the busy worker that has charged the most.
import { Worker } from 'worker_threads';
import { memoryUsage } from 'process';

export interface PoolOptions {
  script: string;
  /** Given to each worker as `workerData.setup`. */
  workerData: unknown;
  size: number;
  timeLimitMs: number;
  memoryMb: number;
}

/** What a worker gets: the setup, and its cell of `usage` to publish the bytes its task has charged. */
export interface PoolWorkerData<S> {
  setup: S;
  usage: SharedArrayBuffer;
  cell: number;
}

const MAX_STARTUP_FAILURES = 3;
const WATCHDOG_INTERVAL_MS = 200;
/** Per worker, besides its heap cap and its matrices (each up to `memoryMb`): code, stacks, the loaded assignment. */
const WORKER_OVERHEAD_MB = 128;
const MB = 1024 * 1024;

/** `limit`: the task went past a limit (time, memory), rather than failing. */
export type TaskOutcome<R> = { ok: true; value: R } | { ok: false; error: string; limit: boolean };

/**
 * What a worker posts: `ready` once after start-up (with what it learnt on the way, `info`, for the pool's
 * owner: see `firstInfo`), then one reply per task.
 */
export type WorkerReply<R> = { ready: true; info?: unknown } | { ready?: false; ok: true; value: R } | { ready?: false; ok: false; error: string; limit?: boolean };

interface Pending<T, R> {
  task: T;
  resolve(outcome: TaskOutcome<R>): void;
}

interface Slot<T, R> {
  worker: Worker;
  ready: boolean;
  current?: Pending<T, R> & { timer?: NodeJS.Timeout; started: number };
}

export class WorkerPool<T, R> {
  private readonly slots: Slot<T, R>[] = [];
  private readonly queue: Pending<T, R>[] = [];
  private closed = false;
  private startupFailures = 0;
  /** Why no worker could start, once that is known: every task, queued or to come, fails with it. */
  private cannotStart?: string;
  /** Bytes charged by each slot's current task (written by its worker). */
  private readonly usage: Float64Array;
  /** Resident memory the process may reach: what it had before the workers, and what they may hold. */
  private rssAllowance: number;
  /** What one worker may hold. */
  private readonly workerAllowance: number;
  /** A worker replaced by the watchdog has not exited yet (its memory is not given back): no more verdicts. */
  private settling = false;
  private readonly watchdog: NodeJS.Timeout;
  /** Settled by the first worker ready (with its `info`), or with undefined once no worker can start. */
  private readonly info: Promise<unknown>;
  private settleInfo!: (info: unknown) => void;

  constructor(private readonly options: PoolOptions) {
    this.info = new Promise((resolve) => (this.settleInfo = resolve));
    const size = Math.max(1, options.size);
    this.usage = new Float64Array(new SharedArrayBuffer(8 * size));
    this.workerAllowance = (2 * options.memoryMb + WORKER_OVERHEAD_MB) * MB;
    this.rssAllowance = memoryUsage.rss() + size * this.workerAllowance;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn(i));
    this.watchdog = setInterval(() => this.watchMemory(), WATCHDOG_INTERVAL_MS);
    this.watchdog.unref();
  }

  run(task: T): Promise<TaskOutcome<R>> {
    if (this.cannotStart) return Promise.resolve({ ok: false, error: this.cannotStart, limit: false });
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  /**
   * The `info` of the first worker to start (every worker starts from the same setup, so any one says it),
   * or undefined when none could start or the pool was closed first.
   */
  firstInfo(): Promise<unknown> {
    return this.info;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.settleInfo(undefined);
    clearInterval(this.watchdog);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(cell: number): Slot<T, R> {
    const { script, memoryMb } = this.options;
    this.usage[cell] = 0; // a fresh worker has charged nothing
    const workerData: PoolWorkerData<unknown> = { setup: this.options.workerData, usage: this.usage.buffer as SharedArrayBuffer, cell };
    const worker = new Worker(script, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(memoryMb / 8))) },
      stdout: false,
      stderr: false,
    });
    const slot: Slot<T, R> = { worker, ready: false };
    worker.on('message', (reply: WorkerReply<R>) => this.onReply(slot, reply));
    worker.on('error', (err: Error & { code?: string }) => {
      const outOfMemory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.fail(slot, outOfMemory ? this.memoryError() : `the grader failed: ${err.message}`, outOfMemory);
    });
    worker.on('exit', (code) => this.fail(slot, `the grader stopped unexpectedly (exit code ${code})`, false));
    return slot;
  }

  private onReply(slot: Slot<T, R>, reply: WorkerReply<R>): void {
    if (reply.ready) {
      slot.ready = true;
      this.settleInfo(reply.info);
    } else if (slot.current) {
      const { resolve, timer } = slot.current;
      if (timer) clearTimeout(timer);
      slot.current = undefined;
      resolve(reply.ok ? { ok: true, value: reply.value } : { ok: false, error: reply.error, limit: reply.limit ?? false });
    }
    this.dispatch();
  }

  private memoryError(): string {
    return `the memory cap of ${this.options.memoryMb} MB was exceeded`;
  }

  /**
   * Past the allowance, the busy worker that has charged the most (the longest busy, if none has) goes. Once
   * it has exited, the allowance is raised to what the process still holds, if more (the allocator may keep
   * freed memory), so that its replacement is not blamed for it.
   */
  private watchMemory(): void {
    if (this.settling || memoryUsage.rss() <= this.rssAllowance) return;
    const busy = this.slots.map((slot, cell) => ({ slot, cell })).filter(({ slot }) => slot.current);
    const culprit = busy.sort((a, b) => this.usage[b.cell] - this.usage[a.cell] || a.slot.current!.started - b.slot.current!.started)[0];
    if (!culprit) return;
    this.settling = true;
    culprit.slot.worker.once('exit', () => {
      this.rssAllowance = Math.max(this.rssAllowance, memoryUsage.rss() + this.workerAllowance);
      this.settling = false;
    });
    this.fail(culprit.slot, this.memoryError(), true);
  }

  /** The slot's worker is gone or must go: fail its task, and put a fresh worker in its place. */
  private fail(slot: Slot<T, R>, error: string, limit: boolean): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // already replaced (terminate() also emits 'exit')
    const current = slot.current;
    slot.current = undefined;
    if (current?.timer) clearTimeout(current.timer);
    void slot.worker.terminate();
    if (this.closed) return;
    if (!slot.ready && !current && ++this.startupFailures >= MAX_STARTUP_FAILURES) {
      // Workers that cannot even start would be replaced forever: fail everything that waits instead.
      this.closed = true;
      this.cannotStart = `the grader could not start: ${error}`;
      this.settleInfo(undefined);
      for (const p of this.queue.splice(0)) p.resolve({ ok: false, error: this.cannotStart, limit: false });
      return;
    }
    this.slots[index] = this.spawn(index);
    current?.resolve({ ok: false, error, limit });
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.current || this.queue.length === 0) continue;
      const next = this.queue.shift()!;
      // The clock starts when the task is handed over, after the worker has loaded.
      const timer = setTimeout(() => this.fail(slot, `the time limit of ${this.options.timeLimitMs / 1000} s was exceeded`, true), this.options.timeLimitMs);
      slot.current = { ...next, timer, started: Date.now() };
      slot.worker.postMessage(next.task);
    }
  }
}
