// Values beyond floating-point range (src/check/range.ts): what counts as telling no two expressions apart.
import { describe, expect, it } from 'vitest';
import { Graph } from '../../src/ir/graph';
import { Builder } from '../../src/ir/build';
import { beyondRange, isZeroConstant } from '../../src/check/range';

const values = (...xs: number[]) => [{ rows: 1, cols: xs.length, data: Float64Array.from(xs) }];

describe('floating-point range', () => {
  it('counts 0, subnormals, infinities and NaN as beyond range, and any normal number as within it', () => {
    // 5e-324 is the smallest subnormal and 2e-308 lies below the smallest normal, 2.2250738585072014e-308.
    expect(beyondRange(values(0, -0, 5e-324, -2e-308, Infinity, -Infinity, NaN))).toBe(true);
    expect(beyondRange(values(0, 2.2250738585072014e-308))).toBe(false);
    expect(beyondRange(values(0, 0, -1e300))).toBe(false);
  });

  it('knows the constant 0 as written: a scalar, a filled matrix, a literal of zeros', () => {
    const b = new Builder(new Graph());
    const x = b.variable('x', [1, 1]);
    expect(isZeroConstant(b.constant(0))).toBe(true);
    expect(isZeroConstant(b.zeros('M', 'N'))).toBe(true);
    expect(isZeroConstant(b.raw('hcat', [b.constant(0), b.constant(0)]))).toBe(true);
    expect(isZeroConstant(b.raw('hcat', [b.constant(0), x]))).toBe(false);
    expect(isZeroConstant(b.constant(1e-320))).toBe(false);
    expect(isZeroConstant(x)).toBe(false);
  });
});
