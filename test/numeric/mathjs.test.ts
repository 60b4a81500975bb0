// mathjs as chainrule loads it (src/numeric/mathjs.ts: an instance of the inv, det and erf factories
// alone), through both loaders: Node's lazy one and the web bundle's static one.
import { describe, expect, it } from 'vitest';
import { loadMathjs } from '../../src/numeric/loadMathjs';
import { loadMathjs as loadBundled } from '../../src/numeric/loadMathjs.bundled';

describe.each([['lazy (Node)', loadMathjs], ['static (web bundle)', loadBundled]])('mathjs, loaded %s', (_, load) => {
  const { inv, det, erf } = load();

  it('inverts and takes determinants', () => {
    // By hand: det [[4, 7], [2, 6]] = 24 - 14 = 10, and its inverse is [[6, -7], [-2, 4]] / 10.
    expect(det([[4, 7], [2, 6]])).toBeCloseTo(10, 12);
    const inverse = inv([[4, 7], [2, 6]]);
    [[0.6, -0.7], [-0.2, 0.4]].forEach((row, i) => row.forEach((x, j) => expect(inverse[i][j]).toBeCloseTo(x, 12)));
  });

  it('gives erf', () => {
    // erf(0.5) = 0.5204998778130465 (Abramowitz and Stegun, table 7.1); erf is odd.
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 14);
    expect(erf(-0.5)).toBeCloseTo(-0.5204998778130465, 14);
  });
});
