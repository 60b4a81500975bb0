// `check`, `diff` and `shapes` under limits (issue 15): each resource bomb ends in a `limit-exceeded`
// diagnostic at the right line, never a hang, a crash or gigabytes of memory.
import { describe, expect, it, vi } from 'vitest';
import { checkSource } from '../../src/app/check';
import { shapesSource } from '../../src/app/shapes';
import { diffSource } from '../../src/app/diff';
import { splitIntoKnownNames } from '../../src/resolve/similar';
import { Budget, LimitExceeded, underBudget, MAX_MATRIX_ENTRIES } from '../../src/limits/index';
import { zeros } from '../../src/numeric/matrix';
import type { Diagnostic } from '../../src/diagnostics';

function limitOf(diagnostics: readonly Diagnostic[]): { line: number; message: string } | undefined {
  const d = diagnostics.find((x) => x.code === 'limit-exceeded');
  return d && { line: d.span.line, message: d.message };
}

describe('declared sizes and constructed matrices', () => {
  it('refuses `X : 1e9 x 1` (it was 10 GB) before anything is evaluated', () => {
    const r = checkSource('X : 1000000000 x 1\nL = sum(X)\ndL/dX = ones(1000000000, 1)\n', 'huge.cr');
    expect(r.exitCode).toBe(2);
    const refusals = r.diagnostics.filter((d) => d.code === 'limit-exceeded').map((d) => [d.span.line, d.message]);
    expect(refusals).toEqual([
      [1, `this line asks for a matrix of 1000000000 entries; the limit is ${MAX_MATRIX_ENTRIES}, so it is not read`],
      [3, `this line asks for a matrix of 1000000000 entries; the limit is ${MAX_MATRIX_ENTRIES}, so it is not read`],
    ]);
  });

  it('refuses a problem whose declared matrices alone exceed the memory limit (2,000 lines of 499 x 499 grew to GBs)', () => {
    // 30 matrices of 400 x 400 at 12 sample points: 30 · 160,000 · 8 bytes · 12 = 460.8 MB (439.5 MiB), over 64 MB.
    const lines = Array.from({ length: 30 }, (_, i) => `Q${i} : 400 x 400\n`).join('') + 'sum(Q0) = sum(Q0)\n';
    const r = checkSource(lines, 'declared.cr', 1, { timeMs: 60_000, memoryMb: 64 });
    expect(limitOf(r.diagnostics)).toEqual({
      line: 31,
      message: 'checking this claim: the declared matrices of this problem at its sample points need 440 MB; the memory limit is 64 MB; the rest was not checked',
    });
  });

  it('counts the matrices evaluation makes: a chain of products past the cap stops the check', () => {
    // X, W and each partial product are 300 x 300 = 720 KB. The declarations need 2 · 720 KB · 12 points = 17.3 MB,
    // within 24 MB (25.2 MB); with the five products of the forward pass each point holds 5 MB, 60 MB in all.
    const r = checkSource('X : 300 x 300\nW : 300 x 300\nL = sum(X W X W X W)\ndL/dW = X^T\n', 'chain.cr', 1, { timeMs: 60_000, memoryMb: 24 });
    expect(limitOf(r.diagnostics)?.line).toBe(4);
    expect(limitOf(r.diagnostics)?.message).toMatch(/^checking this claim: a matrix of \d+ entries would take the matrices past the memory limit of 24 MB; the rest was not checked$/);
  });
});

describe('the deadline', () => {
  it('stops `sum(X W X W X W)` with 400 x 600 matrices (it ran for minutes) at the claim being checked', () => {
    const source = 'X : 400 x 600\nW : 600 x 400\nL = sum(X W X W X W)\ndL/dW = X^T\n';
    const r = checkSource(source, 'slow.cr', 1, { timeMs: 200, memoryMb: 512 });
    expect(r.exitCode).toBe(2);
    expect(limitOf(r.diagnostics)).toEqual({ line: 4, message: 'checking this claim: the time limit of 0.2 s was exceeded; the rest was not checked' });
    expect(r.report.claims).toEqual([]);
  });

  it('counts the CPU time of the run, not the wall clock: waiting on a loaded machine spends none of it', () => {
    const budget = new Budget({ timeMs: 200, memoryMb: 512 });
    // Blocked for 400 ms without running (the main thread waits on a lock no one releases).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
    expect(() => budget.checkpoint()).not.toThrow();
    const spinning = new Budget({ timeMs: 50, memoryMb: 512 });
    expect(() => {
      for (;;) spinning.checkpoint();
    }).toThrow(LimitExceeded);
  });

  it('keeps the verdicts of the claims checked before the limit', () => {
    const source = 'x : scalar\ny = x^2\ndy/dx = 2 x\nX : 400 x 600\nW : 600 x 400\nL = sum(X W X W X W)\ndL/dW = X^T\n';
    const r = checkSource(source, 'partly.cr', 1, { timeMs: 2000, memoryMb: 512 });
    expect(r.report.claims.map((c) => [c.line, c.verdict])).toEqual([[3, 'correct']]);
    expect(limitOf(r.diagnostics)?.line).toBe(7);
  });

  it('bounds shapes and diff too: a deadline already past stops them at the top of the file', () => {
    const source = Array.from({ length: 500 }, (_, i) => `h${i} = x + ${i}\n`).join('');
    const message = 'reading this file: the time limit of 0 s was exceeded; the rest was not checked';
    const shapes = shapesSource(source, 'many.cr', { timeMs: 0, memoryMb: 512 });
    expect([shapes.exitCode, limitOf(shapes.diagnostics)]).toEqual([2, { line: 1, message }]);
    const diff = diffSource(source, 'many.cr', 'h1', 'x', { timeMs: 0, memoryMb: 512 });
    expect([diff.exitCode, limitOf(diff.diagnostics), diff.result]).toEqual([2, { line: 1, message }, undefined]);
  });
});

describe('expression size', () => {
  it('refuses 1,000 nested `\\sum_{i}` in Markdown (it overflowed the stack) with the line', () => {
    const source = `# Q1\n\n$$L = ${'\\sum_{i} '.repeat(1000)}x_i$$\n`;
    const r = checkSource(source, 'sums.md');
    expect(limitOf(r.diagnostics)).toEqual({ line: 3, message: 'this expression is nested more than 200 deep; the line is not read' });
  });

  it('gives no split hint for a 9 KB run-together name of declared letters (it took over a minute), and a short one still gets it', () => {
    const known = new Set(['x', 'y', 'z']);
    expect(splitIntoKnownNames('xyz'.repeat(3000), known)).toBeUndefined();
    expect(splitIntoKnownNames('xyzx', known)).toEqual(['x', 'y', 'z', 'x']);
    const r = checkSource(`x : scalar\ny : scalar\nz : scalar\nL = ${'xyz'.repeat(3000)}\n`, 'names.cr');
    expect(r.diagnostics.find((d) => d.code === 'unknown-name')?.hint).toBeUndefined();
  });

  it('reads an escaped quote in a problem title', () => {
    const r = checkSource('problem 1 "The \\"best\\" one"\nx : scalar\ny = x^2\ndy/dx = 2 x\n', 'title.cr');
    expect(r.diagnostics).toEqual([]);
    expect(r.report.claims.map((c) => c.verdict)).toEqual(['correct']);
  });
});

describe('the budget', () => {
  it('never asks the system for CPU time when it has no time limit (a grading worker: the pool keeps the clock)', () => {
    // The wall clock is made to jump 100 ms between reads, so the CPU clock would be read at every checkpoint.
    let wall = Date.now();
    const now = vi.spyOn(Date, 'now').mockImplementation(() => (wall += 100));
    const cpu = vi.spyOn(process, 'cpuUsage');
    try {
      const unlimited = new Budget({ timeMs: Infinity, memoryMb: 512 });
      for (let i = 0; i < 100; i++) unlimited.checkpoint();
      expect(cpu).not.toHaveBeenCalled();
      const limited = new Budget({ timeMs: 60_000, memoryMb: 512 }); // the control: a limit reads the clock
      limited.checkpoint();
      expect(cpu).toHaveBeenCalled();
    } finally {
      now.mockRestore();
      cpu.mockRestore();
    }
  });

  it('charges every matrix made while it is in force, and nothing outside it', () => {
    const budget = new Budget({ timeMs: 60_000, memoryMb: 1 });
    underBudget(budget, () => zeros(100, 100));
    expect(budget.used).toBe(100 * 100 * 8);
    zeros(1000, 1000); // no budget in force: not charged
    expect(budget.used).toBe(80_000);
    // 1 MB is 131,072 entries; 10,000 are used, so 121,073 more do not fit and 121,072 do.
    expect(() => underBudget(budget, () => zeros(121_073, 1))).toThrow(LimitExceeded);
    expect(() => underBudget(budget, () => zeros(121_072, 1))).not.toThrow();
  });
});
