// A quantity named by its square in a document (`\sigma^2 = \frac{1}{m}\sum_i (x_i - \mu)^2`, a variance):
// it defines σ as the square root of the right side (src/resolve/scope.ts `squaredDefinition`), with a
// reading that says so. Verdicts worked by hand and checked with numpy by finite differences (m = 5, seed 1).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const report = (md: string) => checkSource(md, 't.md').report;
const verdicts = (md: string) => report(md).claims.map((c) => `${c.line} ${c.verdict}`);

const variance = ['# Batch statistics', '$$ \\mu = \\frac{1}{m} \\sum_{i=1}^{m} x_{i} $$', '$$ \\sigma^2 = \\frac{1}{m} \\sum_{i=1}^{m} (x_{i} - \\mu)^2 $$'];

describe('a variance named by its square', () => {
  it('is a definition, not a claim, and says how it was read', () => {
    const r = report(variance.join('\n'));
    // before: σ² = ... was a claim about an undefined σ, marked incorrect
    expect(r.claims).toEqual([]);
    const reading = r.diagnostics.find((d) => d.code === 'reading' && d.line === 3);
    expect(reading?.message).toContain('as the definition of \\sigma, the square root of the right side');
  });

  it('checks derivatives of σ² and of σ against it', () => {
    const md = [
      ...variance,
      // ∂σ²/∂x_i = (2/m)(x_i − μ) (the terms through μ cancel, Σ_k (x_k − μ) = 0): right
      '$$ \\frac{\\partial \\sigma^2}{\\partial x_i} = \\frac{2}{m} (x_i - \\mu) $$',
      // the 2 lost: wrong
      '$$ \\frac{\\partial \\sigma^2}{\\partial x_i} = \\frac{1}{m} (x_i - \\mu) $$',
      // σ = √σ²: ∂σ/∂x_i = (x_i − μ)/(m σ): right
      '$$ \\frac{\\partial \\sigma}{\\partial x_i} = \\frac{x_i - \\mu}{m \\sigma} $$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['4 correct', '5 incorrect', '6 correct']);
  });

  it('leaves σ² a claim where σ has a meaning, and in .cr files', () => {
    // σ defined first: σ² = ... is a claim about it (σ² = 4 is right for σ = 2)
    expect(verdicts(['# Q', '$$ \\sigma = 2 $$', '$$ \\sigma^2 = 4 $$'].join('\n'))).toEqual(['3 correct']);
    const cr = checkSource(['x : 3 x 1', 's^2 = sum(x .^ 2)'].join('\n'), 't.cr').report;
    expect(cr.claims.map((c) => c.line)).toEqual([2]);
  });
});
