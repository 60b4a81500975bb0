// A function given entry by entry, `p(\mathbf o)_k = \frac{\exp(o_k)}{\sum_j \exp(o_j)}`, is written bare afterwards
// as its value at its own parameters (`\mathbf p`), and its entries as `p_k`: entry k of that value
// (src/resolve/indexNames.ts). Read as a number of its own, p_k depended on nothing and every line on it was unjudged.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const verdicts = (source: string) => checkSource(source, 't.md').report.claims.map((c) => `${c.line} ${c.verdict}`);

describe('the entries of a function given entry by entry', () => {
  it('reads p_k as entry k of p(o) in a softmax layer', () => {
    const md = [
      '## Softmax layer',
      '$$p(\\mathbf o)_k = \\frac{\\exp(o_k)}{\\sum_j \\exp(o_j)}$$',
      '$$L = -\\sum_k t_k \\log p_k$$',
      '$$\\frac{\\partial L}{\\partial p_k} = -\\frac{t_k}{p_k}$$',
      '$$\\frac{\\partial L}{\\partial p_k} = \\frac{t_k}{p_k}$$',
      '$$\\frac{\\partial p_k}{\\partial o_k} = p_k (1 - p_k)$$',
      '$$\\frac{\\partial p_k}{\\partial o_k} = p_k^2$$',
    ].join('\n');
    // p = softmax(o), L = -Σ_k t_k log p_k (sympy, three classes): ∂L/∂p_k = -t_k/p_k, so line 5 flips the sign;
    // ∂p_k/∂o_k = p_k (1 - p_k), so line 7's p_k² is wrong. `p_k (1 - p_k)` stays a product: p is called only
    // at its own parameters.
    expect(verdicts(md)).toEqual(['4 correct', '5 incorrect', '6 correct', '7 incorrect']);
  });

  it('differentiates a loss of the function written bare by the whole vector', () => {
    const md = [
      '$$s(\\mathbf x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$$',
      '$$H = -\\sum_{i} y_i \\log s_i$$',
      '$$\\frac{\\partial H}{\\partial \\mathbf s} = -\\frac{\\mathbf y}{\\mathbf s}$$',
      '$$\\frac{\\partial H}{\\partial \\mathbf s} = -\\frac{\\mathbf s}{\\mathbf y}$$',
    ].join('\n');
    // H = -Σ y_i log s_i: ∂H/∂s = -y ⊘ s; line 4 turns the quotient over.
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect']);
  });
});
