// The worker pool's limits, with small stand-in workers: a task over its time limit or memory cap fails
// with a message, its worker is replaced, and the next task runs.
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { WorkerPool } from '../../src/grade/pool';
import { tempDir } from './helpers';

/** A worker that, per task, echoes it, loops forever, or allocates until V8 gives up. */
const WORKER = `
const { parentPort } = require('worker_threads');
parentPort.on('message', (task) => {
  if (task === 'spin') for (;;) {}
  if (task === 'hog') { const keep = []; for (;;) keep.push(new Array(1e5).fill(keep.length)); }
  if (task === 'throw') throw new Error('boom');
  parentPort.postMessage({ ok: true, value: task.toUpperCase() });
});
parentPort.postMessage({ ready: true });
`;

function pool(options: { timeLimitMs?: number; memoryMb?: number; size?: number } = {}) {
  const script = path.join(tempDir('pool'), 'worker.js');
  fs.writeFileSync(script, WORKER);
  return new WorkerPool<string, string>({ script, workerData: null, size: options.size ?? 1, timeLimitMs: options.timeLimitMs ?? 10_000, memoryMb: options.memoryMb ?? 256 });
}

describe('WorkerPool', () => {
  it('runs tasks and keeps their results apart', async () => {
    const p = pool({ size: 2 });
    try {
      expect(await Promise.all(['a', 'b', 'c'].map((t) => p.run(t)))).toEqual([{ ok: true, value: 'A' }, { ok: true, value: 'B' }, { ok: true, value: 'C' }]);
    } finally {
      await p.close();
    }
  });

  it('terminates a task over its time limit and goes on', async () => {
    const p = pool({ timeLimitMs: 300 });
    try {
      const [spin, next] = await Promise.all([p.run('spin'), p.run('after')]);
      expect(spin).toEqual({ ok: false, error: 'the time limit of 0.3 s was exceeded', limit: true });
      expect(next).toEqual({ ok: true, value: 'AFTER' });
    } finally {
      await p.close();
    }
  });

  it('fails a task over the memory cap and goes on', async () => {
    const p = pool({ memoryMb: 32 });
    try {
      const [hog, next] = await Promise.all([p.run('hog'), p.run('after')]);
      expect(hog).toEqual({ ok: false, error: 'the memory cap of 32 MB was exceeded', limit: true });
      expect(next).toEqual({ ok: true, value: 'AFTER' });
    } finally {
      await p.close();
    }
  }, 60_000);

  it('fails a task whose worker crashes and goes on', async () => {
    const p = pool();
    try {
      const [crash, next] = await Promise.all([p.run('throw'), p.run('after')]);
      expect(crash).toEqual({ ok: false, error: 'the grader failed: boom', limit: false });
      expect(next).toEqual({ ok: true, value: 'AFTER' });
    } finally {
      await p.close();
    }
  });

  it('tells its owner what the first worker to start posted with `ready`', async () => {
    const script = path.join(tempDir('pool-info'), 'worker.js');
    fs.writeFileSync(script, `const { parentPort, workerData } = require('worker_threads');\nparentPort.postMessage({ ready: true, info: { cell: workerData.cell, setup: workerData.setup } });\n`);
    const p = new WorkerPool<string, string>({ script, workerData: 'hw.cr', size: 1, timeLimitMs: 10_000, memoryMb: 256 });
    try {
      expect(await p.firstInfo()).toEqual({ cell: 0, setup: 'hw.cr' });
    } finally {
      await p.close();
    }
  });

  it('tells its owner nothing when no worker can start', async () => {
    const script = path.join(tempDir('pool-broken'), 'worker.js');
    fs.writeFileSync(script, `throw new Error('cannot load');\n`);
    const p = new WorkerPool<string, string>({ script, workerData: null, size: 1, timeLimitMs: 10_000, memoryMb: 256 });
    try {
      expect(await p.firstInfo()).toBeUndefined();
      expect(await p.run('task')).toEqual({ ok: false, error: 'the grader could not start: the grader failed: cannot load', limit: false });
    } finally {
      await p.close();
    }
  });
});
