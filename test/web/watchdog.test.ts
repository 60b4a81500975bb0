// The page's time limit (src/web/watchdog.ts) with fake workers and fake timers: a check past the limit is
// stopped by replacing the worker, the clock starts when the worker takes the request, only the latest
// edit waits behind a running check, and a worker that dies is replaced at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CheckRunner, type CheckWorker } from '../../src/web/watchdog';
import type { CheckReply, CheckRequest, PageResult, WorkerMessage } from '../../src/web/protocol';

class FakeWorker implements CheckWorker {
  onmessage: ((event: { data: WorkerMessage }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly received: CheckRequest[] = [];
  terminated = false;

  postMessage(request: CheckRequest): void {
    this.received.push(request);
  }

  terminate(): void {
    this.terminated = true;
  }

  send(message: WorkerMessage): void {
    this.onmessage?.({ data: message });
  }
}

const request = (id: number): CheckRequest => ({ id, text: `text ${id}`, format: 'cr' });
const result = (id: number) => ({ id, result: { id, summary: `done ${id}` } as PageResult });

describe('the check runner', () => {
  let workers: FakeWorker[];
  let replies: CheckReply[];
  let runner: CheckRunner;

  beforeEach(() => {
    vi.useFakeTimers();
    workers = [];
    replies = [];
    runner = new CheckRunner(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    }, (reply) => void replies.push(reply), 2000);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('delivers a check that ends within the limit', () => {
    runner.submit(request(1));
    workers[0].send({ id: 1, started: true });
    vi.advanceTimersByTime(1999);
    workers[0].send(result(1));
    vi.advanceTimersByTime(5000);
    expect(replies).toEqual([result(1)]);
    expect(workers).toHaveLength(1);
  });

  it('stops a check past the limit: a fresh worker, and a limit-exceeded result', () => {
    runner.submit(request(1));
    workers[0].send({ id: 1, started: true });
    vi.advanceTimersByTime(2000);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(replies).toHaveLength(1);
    const stopped = (replies[0] as { result: PageResult }).result;
    expect(stopped.id).toBe(1);
    expect(stopped.diagnostics.map((d) => [d.code, d.message])).toEqual([['limit-exceeded', 'checking took longer than 2 s and was stopped']]);
    // The old worker's late answer is ignored; the fresh one checks the next request.
    workers[0].send(result(1));
    runner.submit(request(2));
    expect(workers[1].received.map((r) => r.id)).toEqual([2]);
    expect(replies).toHaveLength(1);
  });

  it('starts the clock when the worker takes the request, not while it loads', () => {
    runner.submit(request(1));
    vi.advanceTimersByTime(10_000); // a fresh worker still loading its script
    expect(workers[0].terminated).toBe(false);
    workers[0].send({ id: 1, started: true });
    vi.advanceTimersByTime(2000);
    expect(workers[0].terminated).toBe(true);
  });

  it('keeps only the latest edit waiting behind a running check', () => {
    runner.submit(request(1));
    runner.submit(request(2));
    runner.submit(request(3));
    expect(workers[0].received.map((r) => r.id)).toEqual([1]);
    workers[0].send({ id: 1, started: true });
    workers[0].send(result(1));
    expect(workers[0].received.map((r) => r.id)).toEqual([1, 3]);
    workers[0].send({ id: 3, started: true });
    workers[0].send(result(3));
    expect(replies.map((r) => r.id)).toEqual([1, 3]);
  });

  it('replaces a worker that dies, answering its check with a failure', () => {
    runner.submit(request(1));
    workers[0].send({ id: 1, started: true });
    workers[0].onerror?.(new Event('error'));
    expect(workers[0].terminated).toBe(true);
    expect(replies).toEqual([{ id: 1, failure: 'the checking worker stopped (out of memory, or a crash)' }]);
    vi.advanceTimersByTime(5000); // the dead check's timer no longer fires
    expect(workers).toHaveLength(2);
  });
});
