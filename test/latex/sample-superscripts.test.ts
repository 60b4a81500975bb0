// Sample superscripts under a sum (docs/latex.md, src/resolve/indexArrays.ts): `x^{(i)}`, `y^{(i)}`,
// `x_j^{(i)}` in a statement summing over i are entries of the samples' arrays X, Y; elsewhere `x^{(i)}` is
// one sample, a number of its own. User functions of numbers are called on such entries entry by entry.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const verdicts = (source: string, file = 't.md') => checkSource(source, file).report.claims.map((c) => `${c.line} ${c.verdict}`);

describe('sample superscripts under a sum', () => {
  it('reads logistic regression in Andrew Ng notation through a defined h_\\theta', () => {
    const md = [
      '$$ h_\\theta(x) = \\frac{1}{1 + e^{-\\theta_0 - \\theta_1 x}} $$',
      '$$ J = -\\frac{1}{m} \\sum_{i=1}^{m} \\left( y^{(i)} \\log (h_{\\theta}(x^{(i)})) + (1-y^{(i)}) \\log (1 - h_{\\theta}(x^{(i)})) \\right) $$',
      '$$ \\frac{\\partial J}{\\partial \\theta_0} = \\frac{1}{m} \\sum_{i=1}^{m} ( h_{\\theta}(x^{(i)}) - y^{(i)} ) $$',
      '$$ \\frac{\\partial J}{\\partial \\theta_1} = \\frac{1}{m} \\sum_{i=1}^{m} ( h_{\\theta}(x^{(i)}) - y^{(i)} ) x^{(i)} $$',
      '$$ \\frac{\\partial J}{\\partial \\theta_1} = \\frac{1}{m} \\sum_{i=1}^{m} ( h_{\\theta}(x^{(i)}) - y^{(i)} ) $$',
      '$$ \\frac{\\partial J}{\\partial \\theta_1} = -\\frac{1}{m} \\sum_{i=1}^{m} ( h_{\\theta}(x^{(i)}) - y^{(i)} ) x^{(i)} $$',
    ].join('\n');
    // With h = σ(θ0 + θ1 x): d/dθ0 of -[y log h + (1-y) log(1-h)] is h - y, d/dθ1 is (h - y) x, averaged over
    // the m samples. Line 5 drops the factor x^{(i)}, line 6 flips the sign.
    expect(verdicts(md)).toEqual(['3 correct', '4 correct', '5 incorrect', '6 incorrect']);
  });

  it('reads a loss written through a user function of a sample (other names, k over n samples)', () => {
    const md = [
      '$$ f(u) = w u + c $$',
      '$$ \\text{Loss}(f(u^{(k)}), t^{(k)}) = \\frac{1}{2} (f(u^{(k)}) - t^{(k)})^2 $$',
      '$$ E = \\frac{1}{n} \\sum_{k=1}^{n} \\text{Loss}(f(u^{(k)}), t^{(k)}) $$',
      '$$ \\frac{\\partial E}{\\partial w} = \\frac{1}{n} \\sum_{k=1}^{n} (f(u^{(k)}) - t^{(k)}) u^{(k)} $$',
      '$$ \\frac{\\partial E}{\\partial w} = \\frac{1}{n} \\sum_{k=1}^{n} (f(u^{(k)}) - t^{(k)}) $$',
      '$$ \\frac{\\partial E}{\\partial c} = \\frac{1}{n} \\sum_{k=1}^{n} (w u^{(k)} + c - t^{(k)}) $$',
    ].join('\n');
    // E = (1/n) Σ_k ½ (w u_k + c - t_k)²: dE/dw = (1/n) Σ (f - t) u, dE/dc = (1/n) Σ (f - t); line 5 drops u.
    // t^{(k)} is a target per sample (T), although t is an index letter elsewhere.
    expect(verdicts(md)).toEqual(['4 correct', '5 incorrect', '6 correct']);
  });

  it('reads x_j^{(i)} and x^{(i)}_j as entry j of sample i', () => {
    const md = [
      '$$ J = \\frac{1}{2m} \\sum_{i=1}^{m} \\left( \\sum_{j=1}^{n} \\theta_j x_j^{(i)} - y^{(i)} \\right)^2 $$',
      '$$ \\frac{\\partial J}{\\partial \\theta_k} = \\frac{1}{m} \\sum_{i=1}^{m} \\left( \\sum_{j=1}^{n} \\theta_j x_j^{(i)} - y^{(i)} \\right) x^{(i)}_k $$',
      '$$ \\frac{\\partial J}{\\partial \\theta_k} = \\frac{1}{m} \\sum_{i=1}^{m} \\left( \\sum_{j=1}^{n} \\theta_j x_j^{(i)} - y^{(i)} \\right) $$',
    ].join('\n');
    // Linear regression: dJ/dθ_k = (1/m) Σ_i r_i x_k^{(i)} with r_i = θ·x^{(i)} - y^{(i)}; line 3 drops x_k^{(i)}.
    expect(verdicts(md)).toEqual(['2 correct', '3 incorrect']);
  });

  it('keeps x^{(i)} one number where no sum binds i', () => {
    const md = ['$$ g = (\\theta x^{(i)} - y^{(i)})^2 $$', '$$ \\frac{\\partial g}{\\partial \\theta} = 2 (\\theta x^{(i)} - y^{(i)}) x^{(i)} $$', '$$ \\frac{\\partial g}{\\partial \\theta} = 2 (\\theta x^{(i)} - y^{(i)}) $$'].join('\n');
    // One sample's squared error: dg/dθ = 2 (θ x - y) x; line 3 drops the inner derivative x.
    expect(verdicts(md)).toEqual(['2 correct', '3 incorrect']);
  });

  it('leaves a call on entries unread when the function mixes entries (a sum in its body)', () => {
    const md = ['$$ s(v) = \\sum_{j=1}^{n} v_j $$', '$$ J = \\sum_{i=1}^{m} s(x^{(i)}) $$', '$$ \\frac{\\partial J}{\\partial x^{(1)}} = 1 $$'].join('\n');
    expect(checkSource(md, 't.md').report.claims.every((c) => c.verdict !== 'correct' && c.verdict !== 'incorrect')).toBe(true);
  });
});
