// A derivative by a power of a name in a fraction's braces, `\partial \sigma^2`: by the variance, the intermediate
// σ² of the function's graph (grammar/latex.ne FracWrt; docs/index-notation.md section 5).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const verdicts = (md: string) => checkSource(md, 't.md').report.claims.map((c) => `${c.line} ${c.verdict}`);

describe('a derivative by the variance written σ²', () => {
  it('is by the intermediate σ², holding the other inputs', () => {
    // z = γ (h − μ)/√(σ² + ε) + β: ∂z/∂σ² = −γ/2 (h − μ)(σ² + ε)^{-3/2} (sympy: difference 0), not with the
    // power −1/2; ∂σ²/∂μ = −2/n Σ_k (h_k − μ) (sympy at n = 3: difference 0).
    const md = [
      'Let $h \\in \\mathbb{R}^n$ and $\\gamma, \\beta, \\epsilon \\in \\mathbb{R}$.',
      '$$\\mu = \\frac{1}{n} \\sum_{k=1}^n h_k$$',
      '$$\\sigma^2 = \\frac{1}{n} \\sum_{k=1}^n (h_k - \\mu)^2$$',
      '$$z = \\gamma \\frac{h - \\mu}{\\sqrt{\\sigma^2 + \\epsilon}} + \\beta$$',
      '$$\\frac{\\partial z}{\\partial \\sigma^2} = -\\frac{\\gamma}{2} (h - \\mu)(\\sigma^2 + \\epsilon)^{-3/2}$$',
      '$$\\frac{\\partial z}{\\partial \\sigma^{2}} = -\\frac{\\gamma}{2} (h - \\mu)(\\sigma^2 + \\epsilon)^{-1/2}$$',
      '$$\\frac{\\partial \\sigma^2}{\\partial \\mu} = -\\frac{2}{n} \\sum_{k=1}^n (h_k - \\mu)$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['5 correct', '6 incorrect', '7 correct']);
  });

  it('leaves a power that is no intermediate of the function unjudged', () => {
    const md = ['Let $h \\in \\mathbb{R}^n$.', '$$z = 3 h$$', '$$\\frac{\\partial z}{\\partial h^2} = 0$$'].join('\n');
    expect(verdicts(md)).toEqual(['3 unjudged']); // z does not depend on h² as chainrule reads it
  });
});
