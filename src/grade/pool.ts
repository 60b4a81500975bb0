// A pool of worker threads, each running one task at a time under a time limit and a memory cap. A task
// that runs out of time has its worker terminated; one that runs out of memory loses its worker to V8;
// either way the task fails with a message and a fresh worker takes the next task.
import { Worker } from 'worker_threads';

export interface PoolOptions {
  script: string;
  workerData: unknown;
  size: number;
  timeLimitMs: number;
  memoryMb: number;
}

const MAX_STARTUP_FAILURES = 3;

export type TaskOutcome<R> = { ok: true; value: R } | { ok: false; error: string };

/** What a worker posts: `ready` once after start-up, then one reply per task. */
export type WorkerReply<R> = { ready: true } | { ready?: false; ok: true; value: R } | { ready?: false; ok: false; error: string };

interface Pending<T, R> {
  task: T;
  resolve(outcome: TaskOutcome<R>): void;
}

interface Slot<T, R> {
  worker: Worker;
  ready: boolean;
  current?: Pending<T, R> & { timer?: NodeJS.Timeout };
}

export class WorkerPool<T, R> {
  private readonly slots: Slot<T, R>[] = [];
  private readonly queue: Pending<T, R>[] = [];
  private closed = false;
  private startupFailures = 0;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < Math.max(1, options.size); i++) this.slots.push(this.spawn());
  }

  run(task: T): Promise<TaskOutcome<R>> {
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot<T, R> {
    const { script, workerData, memoryMb } = this.options;
    const worker = new Worker(script, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(memoryMb / 8))) },
      stdout: false,
      stderr: false,
    });
    const slot: Slot<T, R> = { worker, ready: false };
    worker.on('message', (reply: WorkerReply<R>) => this.onReply(slot, reply));
    worker.on('error', (err: Error & { code?: string }) => {
      const error = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `the memory cap of ${memoryMb} MB was exceeded` : `the grader failed: ${err.message}`;
      this.fail(slot, error);
    });
    worker.on('exit', (code) => this.fail(slot, `the grader stopped unexpectedly (exit code ${code})`));
    return slot;
  }

  private onReply(slot: Slot<T, R>, reply: WorkerReply<R>): void {
    if (reply.ready) {
      slot.ready = true;
    } else if (slot.current) {
      const { resolve, timer } = slot.current;
      if (timer) clearTimeout(timer);
      slot.current = undefined;
      resolve(reply.ok ? { ok: true, value: reply.value } : { ok: false, error: reply.error });
    }
    this.dispatch();
  }

  /** The slot's worker is gone or must go: fail its task, and put a fresh worker in its place. */
  private fail(slot: Slot<T, R>, error: string): void {
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
      for (const p of this.queue.splice(0)) p.resolve({ ok: false, error: `the grader could not start: ${error}` });
      return;
    }
    this.slots[index] = this.spawn();
    current?.resolve({ ok: false, error });
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.current || this.queue.length === 0) continue;
      const next = this.queue.shift()!;
      // The clock starts when the task is handed over, after the worker has loaded.
      const timer = setTimeout(() => this.fail(slot, `the time limit of ${this.options.timeLimitMs / 1000} s was exceeded`), this.options.timeLimitMs);
      slot.current = { ...next, timer };
      slot.worker.postMessage(next.task);
    }
  }
}
