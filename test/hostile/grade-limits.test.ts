// `grade` under limits (issue 15): matrix memory counted per submission, a watchdog on the workers' memory,
// results that record their limits, one run per output folder, clear errors for what grade is given.
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { WorkerPool } from '../../src/grade/pool';
import { csvField } from '../../src/grade/gradebook';
import { LOCK_FILE } from '../../src/grade/lock';
import { gradeSubmission } from '../../src/grade/grader';
import { loadAssignment } from '../../src/grade/assignment';
import { Budget, LimitExceeded, underBudget } from '../../src/limits/index';
import type { SubmissionResult } from '../../src/grade/result';
import { ASSIGNMENT, LOGREG, runCli, tempDir } from '../grade/helpers';

const RIGHT = 'problem 1\ndL/dh = a - y\n';

function resultOf(out: string, name: string): SubmissionResult {
  return JSON.parse(fs.readFileSync(path.join(out, 'submissions', name, 'result.json'), 'utf8')) as SubmissionResult;
}

function submission(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('memory', () => {
  it('counts a submission\'s matrices: 300 declared 499 x 499 matrices (GBs under --memory 128) are refused', () => {
    // 300 · 249,001 entries · 8 bytes · 12 points = 7.2 GB (6,840 MiB), over 128 MB.
    const lines = Array.from({ length: 300 }, (_, i) => `Q${i} : 499 x 499\nsum(Q${i}) = sum(Q${i})\n`).join('');
    const dir = tempDir('grade-memory');
    const out = path.join(dir, 'out');
    const r = runCli(['grade', ASSIGNMENT, submission(dir, 'bomb.cr', `problem 1\n${lines}`), submission(dir, 'fine.cr', RIGHT), '--out', out, '--memory', '128']);
    expect(r.status).toBe(1);
    expect(resultOf(out, 'bomb')).toMatchObject({
      status: 'error',
      limits: { timeLimitSeconds: 30, memoryMb: 128 },
      notes: [{ code: 'limit-exceeded', message: 'the declared matrices of this problem at its sample points need 6840 MB; the memory limit is 128 MB' }],
    });
    expect(resultOf(out, 'fine')).toMatchObject({ status: 'graded', score: 2 });
  }, 120_000);

  it('stops grading a submission whose evaluation goes past the budget in force', () => {
    const assignment = loadAssignment(LOGREG, 'assignment.cr');
    // Two 150 x 150 matrices need 2 · 180 KB · 12 points = 4.3 MB to be declared (within 6 MB); with the three
    // products of the forward pass, 9 MB.
    const input = { name: 's', files: [{ path: 's.cr', source: 'problem 1\nA : 150 x 150\nB : 150 x 150\nsum(A B A B) = sum(A B A B)\n' }], inputHash: 'h' };
    expect(() => underBudget(new Budget({ timeMs: Infinity, memoryMb: 6 }), () => gradeSubmission(assignment, input, 1))).toThrow(LimitExceeded);
    expect(underBudget(new Budget({ timeMs: Infinity, memoryMb: 512 }), () => gradeSubmission(assignment, input, 1)).status).toBe('graded');
  });

  it('the pool\'s watchdog replaces a worker whose memory outside any budget passes the cap', async () => {
    // The stand-in writes 400 MB into a Buffer (outside V8's heap cap and any budget), then spins.
    const script = path.join(tempDir('pool-rss'), 'worker.js');
    fs.writeFileSync(script, `
const { parentPort } = require('worker_threads');
parentPort.on('message', (task) => {
  if (task === 'rss') { const b = Buffer.alloc(400 * 1024 * 1024, 1); for (;;) if (b[0] !== 1) break; }
  parentPort.postMessage({ ok: true, value: task.toUpperCase() });
});
parentPort.postMessage({ ready: true });
`);
    const pool = new WorkerPool<string, string>({ script, workerData: null, size: 1, timeLimitMs: 60_000, memoryMb: 64 });
    try {
      const [hog, next] = await Promise.all([pool.run('rss'), pool.run('after')]);
      expect(hog).toEqual({ ok: false, error: 'the memory cap of 64 MB was exceeded', limit: true });
      expect(next).toEqual({ ok: true, value: 'AFTER' });
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('limits belong to the result', () => {
  it('regrades a submission that hit a limit when the limits change, and counts a reused failure in the exit code', () => {
    const dir = tempDir('grade-relimit');
    const out = path.join(dir, 'out');
    const sub = submission(dir, 'alice.cr', RIGHT);
    const run = (seconds: string) => runCli(['grade', ASSIGNMENT, sub, '--out', out, '--format', 'json', '--time-limit', seconds]);
    const tight = run('0.001');
    expect([tight.status, resultOf(out, 'alice').notes[0].code]).toEqual([1, 'limit-exceeded']);
    const again = run('0.001'); // same limits: the result stands, and still counts
    expect([again.status, again.stdout]).toEqual([1, `graded 1 submission, mean 0 / 40, 1 from an earlier run, 1 not graded (see their result.json) → ${out}\n`]);
    const loose = run('120');
    expect([loose.status, loose.stdout]).toEqual([0, `graded 1 submission, mean 2 / 40 → ${out}\n`]);
    expect(resultOf(out, 'alice')).toMatchObject({ status: 'graded', score: 2, limits: { timeLimitSeconds: 120, memoryMb: 512 } });
    expect(run('60').stdout).toContain('1 from an earlier run'); // a graded result stands under any limits
  }, 120_000);
});

describe('what grade is given', () => {
  it('runs once per output folder: a live run\'s lock refuses a second, a dead one\'s is taken over', () => {
    const dir = tempDir('grade-lock');
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    const sub = submission(dir, 'alice.cr', RIGHT);
    const lock = path.join(out, LOCK_FILE);
    const host = require('os').hostname() as string;
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host })); // this test runner: alive
    const busy = runCli(['grade', ASSIGNMENT, sub, '--out', out]);
    expect([busy.status, busy.stderr]).toEqual([2, `chainrule: ${out} is being written by another chainrule grade (process ${process.pid} on ${host}); wait for it, or remove ${lock} if no run is going\n`]);
    expect(fs.existsSync(path.join(out, 'submissions'))).toBe(false);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid; // has exited
    fs.writeFileSync(lock, JSON.stringify({ pid: dead, host }));
    const taken = runCli(['grade', ASSIGNMENT, sub, '--out', out]);
    expect(taken.status).toBe(0);
    expect(fs.existsSync(lock)).toBe(false); // released at the end
  }, 120_000);

  it('says what is wrong with --out naming a file, a folder or a FIFO as the assignment', () => {
    const dir = tempDir('grade-inputs');
    const sub = submission(dir, 'alice.cr', RIGHT);
    const file = submission(dir, 'notes.txt', 'x');
    expect(runCli(['grade', ASSIGNMENT, sub, '--out', file])).toMatchObject({ status: 2, stderr: `chainrule: --out ${file}: is a file (or inside one); name a folder\n` });
    expect(runCli(['grade', dir, sub, '--out', path.join(dir, 'o')])).toMatchObject({ status: 2, stderr: `chainrule: the assignment ${dir}: is a folder, expected a file\n` });
    const fifo = path.join(dir, 'hw.cr');
    spawnSync('mkfifo', [fifo]);
    expect(runCli(['grade', fifo, sub, '--out', path.join(dir, 'o')])).toMatchObject({ status: 2, stderr: `chainrule: the assignment ${fifo}: is a FIFO, not a regular file; not read\n` });
  }, 120_000);

  it('guards spreadsheet formulas behind leading spaces in the gradebook', () => {
    expect(csvField(' =1+1')).toBe(`' =1+1`);
    expect(csvField('\t@SUM(A1)')).toBe(`'\t@SUM(A1)`);
    expect(csvField(' plain')).toBe('" plain"');
  });
});
