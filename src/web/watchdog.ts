// The page's time limit: one check at a time in the worker, the latest edit waiting behind it, and a check
// running past the limit stopped by terminating the worker and starting a fresh one — the editor, on the
// main thread, never waits. When `check` has in-process limits (a cooperative deadline), the worker
// reports them itself and this stays as the backstop.
import type { CheckReply, CheckRequest, PageResult, WorkerMessage } from './protocol';

export const CHECK_TIME_LIMIT_MS = 2000;

/** What the runner needs of a Web Worker (a test passes a fake). */
export interface CheckWorker {
  onmessage: ((event: { data: WorkerMessage }) => void) | null;
  /** A worker that dies (out of memory, an uncaught error) answers nothing: it is replaced at once. */
  onerror: ((event: unknown) => void) | null;
  postMessage(request: CheckRequest): void;
  terminate(): void;
}

export class CheckRunner {
  private worker: CheckWorker;
  private running?: { request: CheckRequest; timer?: ReturnType<typeof setTimeout> };
  private waiting?: CheckRequest;

  constructor(
    private readonly spawn: () => CheckWorker,
    private readonly deliver: (reply: CheckReply) => void,
    private readonly limitMs = CHECK_TIME_LIMIT_MS,
  ) {
    this.worker = this.start();
  }

  /** Checks `request` now if the worker is free, else after the running check (replacing any waiting one). */
  submit(request: CheckRequest): void {
    if (this.running) this.waiting = request;
    else this.run(request);
  }

  private start(): CheckWorker {
    const worker = this.spawn();
    worker.onmessage = ({ data }) => {
      if (!this.running || data.id !== this.running.request.id) return;
      // The clock starts when the worker takes the request, not while a fresh worker loads its script.
      if ('started' in data) this.running.timer = setTimeout(() => this.stop(), this.limitMs);
      else {
        clearTimeout(this.running.timer);
        this.finish(data);
      }
    };
    worker.onerror = () => {
      if (!this.running) return;
      clearTimeout(this.running.timer);
      this.replace({ id: this.running.request.id, failure: 'the checking worker stopped (out of memory, or a crash)' });
    };
    return worker;
  }

  private run(request: CheckRequest): void {
    this.running = { request };
    this.worker.postMessage(request);
  }

  private stop(): void {
    const { request } = this.running!;
    this.replace({ id: request.id, result: stoppedResult(request, this.limitMs) });
  }

  /** A fresh worker in place of the busy or dead one; `reply` answers the check it was running. */
  private replace(reply: CheckReply): void {
    this.worker.terminate();
    this.worker = this.start();
    this.finish(reply);
  }

  private finish(reply: CheckReply): void {
    this.running = undefined;
    this.deliver(reply);
    const next = this.waiting;
    this.waiting = undefined;
    if (next) this.run(next);
  }
}

/** The page's report of a stopped check: one `limit-exceeded` diagnostic on the whole text. */
export function stoppedResult(request: CheckRequest, limitMs: number): PageResult {
  return {
    id: request.id, mode: request.assignment ? 'assignment' : 'check', claims: [], shapes: {}, answers: [], assignmentErrors: [],
    summary: `stopped after ${limitMs / 1000} s`,
    diagnostics: [{
      severity: 'error', code: 'limit-exceeded', span: null,
      message: `checking took longer than ${limitMs / 1000} s and was stopped`,
      hint: 'large declared sizes (X : 1000 x 1000) or long chains of products make every sample point expensive; use symbolic sizes (M x N)',
    }],
    elapsedMs: limitMs,
  };
}
