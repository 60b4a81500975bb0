// How many worker threads grade a class by default (batch.ts workersFor): one per core, but a small class
// does not start a worker it would not keep busy (a worker's start costs about what 100 submissions do).
import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'os';
import { workersFor } from '../../src/grade/batch';

describe('the default number of workers', () => {
  it('is one for a class of up to 100 submissions', () => {
    expect([1, 40, 100].map(workersFor)).toEqual([1, 1, 1]);
  });

  it('grows by one per 100 submissions, up to one per core', () => {
    const cores = availableParallelism();
    expect(workersFor(101)).toBe(Math.min(cores, 2));
    expect(workersFor(400)).toBe(Math.min(cores, 4));
    expect(workersFor(100_000)).toBe(cores);
  });
});
