// A sum from 0 to n - 1 (or to a number k) runs over n (k + 1) entries, as one from 1 to n does
// (src/resolve/indexNotation.ts fromZero). Verdicts by hand, checked with sympy at n = 3 (a throw-away check).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const verdicts = (md: string) => checkSource(md, 't.md').report.claims.map((c) => `${c.line} ${c.verdict}`);

describe('zero-based summation bounds', () => {
  it('reads \\sum_{k=0}^{n-1} over the n samples and \\sum_{i=0}^{2} over three entries', () => {
    const md = [
      '## Fitting a line, zero-based', // 1
      '$$E(a, c) = \\frac{1}{n}\\sum_{k=0}^{n-1}\\left(a t^{(k)} + c - s^{(k)}\\right)^2$$', // 2
      // 3: ∂E/∂c = (2/n) Σ_k (a t_k + c − s_k): right.
      '$$\\frac{\\partial E}{\\partial c} = \\frac{2}{n}\\sum_{k=0}^{n-1}\\left(a t^{(k)} + c - s^{(k)}\\right)$$',
      // 4: ∂E/∂a needs the factor t_k in each term: wrong.
      '$$\\frac{\\partial E}{\\partial a} = \\frac{2}{n}\\sum_{k=0}^{n-1}\\left(a t^{(k)} + c - s^{(k)}\\right)$$',
      '## A penalty on three weights', // 5
      '$$R = \\sum_{i=0}^{2} w_i^2$$', // 6
      '$$\\frac{\\partial R}{\\partial w_i} = 2 w_i$$', // 7: right
      '$$\\frac{\\partial R}{\\partial w_i} = w_i$$', // 8: the factor 2 lost: wrong
    ].join('\n');
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect', '7 correct', '8 incorrect']);
  });

  it('still refuses a sum from 0 to n, which has n + 1 terms', () => {
    const md = ['$$E = \\sum_{k=0}^{n}\\left(a t^{(k)} - s^{(k)}\\right)^2$$', '$$\\frac{\\partial E}{\\partial a} = \\sum_{k=0}^{n} 2\\left(a t^{(k)} - s^{(k)}\\right) t^{(k)}$$'].join('\n');
    expect(verdicts(md)).toEqual(['2 error']);
  });
});
