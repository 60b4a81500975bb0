// Other instances of a scalar abstract function (numeric/abstract.ts withScalarVariant), which src/check/everyLoss.ts
// uses to ask whether a line holds for every loss: they apply to the named functions only, while the variant runs.
import { describe, expect, it } from 'vitest';
import { evaluateScalarDerivative, evaluateScalarFunction, withScalarVariant } from '../../src/numeric/abstract';
import type { Matrix } from '../../src/ir/types';

const column = (...xs: number[]): Matrix => ({ rows: xs.length, cols: 1, data: Float64Array.from(xs) });
const x = column(0.3, -1.2, 0.8);
const value = (fn: string) => evaluateScalarFunction(fn, [x]).data[0];
const gradient = (fn: string) => [...evaluateScalarDerivative(fn, [], 0, [], [x]).data];

describe('another instance of a scalar function', () => {
  const names = new Set(['C#unknown']);

  it('scales the function and its derivatives: 0 makes it constant, 2 doubles it', () => {
    const usual = gradient('C#unknown');
    expect(usual.some((g) => Math.abs(g) > 1e-3)).toBe(true); // the instance has no flat direction
    expect(withScalarVariant({ names, key: '', scale: 0 }, () => gradient('C#unknown'))).toEqual([0, 0, 0]);
    const doubled = withScalarVariant({ names, key: '', scale: 2 }, () => gradient('C#unknown'));
    doubled.forEach((g, k) => expect(g).toBeCloseTo(2 * usual[k], 12));
    expect(withScalarVariant({ names, key: '', scale: 2 }, () => value('C#unknown'))).toBeCloseTo(2 * value('C#unknown'), 12);
  });

  it('draws another function under another key, for the named functions only, while it runs', () => {
    const usual = value('C#unknown');
    const other = withScalarVariant({ names, key: 'other1', scale: 1 }, () => value('C#unknown'));
    expect(Math.abs(other - usual)).toBeGreaterThan(1e-6);
    expect(withScalarVariant({ names, key: 'other1', scale: 0 }, () => value('D'))).toBe(value('D'));
    expect(value('C#unknown')).toBe(usual);
  });
});
