// Union-find over dimensions (src/analysis/dimensionUnion.ts): unknowns join anything, two known dimensions
// only themselves (SPEC 1.3: distinct names are distinct sizes), and a snapshot takes joins back.
import { describe, expect, it } from 'vitest';
import { DimensionUnion, knownDim } from '../../src/analysis/dimensionUnion';

describe('DimensionUnion', () => {
  it('gives an unknown joined to a known dimension that dimension, through a chain of joins', () => {
    const u = new DimensionUnion();
    const [a, b] = [u.fresh(), u.fresh()];
    expect(u.join(a, b)).toBe(true);
    expect(u.known(a)).toBeUndefined();
    expect(u.join(b, knownDim('n'))).toBe(true);
    expect(u.known(a)).toBe('n');
    expect(u.join(a, knownDim(3))).toBe(false); // n is no number
    expect(u.join(a, knownDim('m'))).toBe(false); // nor another name
    expect(u.known(a)).toBe('n');
  });

  it('takes joins back to a snapshot', () => {
    const u = new DimensionUnion();
    const a = u.fresh();
    const saved = u.snapshot();
    u.join(a, knownDim(1));
    expect(u.known(a)).toBe(1);
    u.restore(saved);
    expect(u.known(a)).toBeUndefined();
  });
});
