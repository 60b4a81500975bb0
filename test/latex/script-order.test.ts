// TeX sets `z_j^l` and `z^l_j` alike, and notes write both in one derivation (src/latex/scriptOrder.ts): an index
// superscript written after a subscript is read as if written before it, so both spellings are one name.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { normalizeLatex } from '../../src/latex/normalize';
import { PositionMap } from '../../src/latex/positions';
import { ORIGIN } from './helpers';

const names = (math: string) => normalizeLatex(new PositionMap(math, ORIGIN)).tokens.filter((t) => t.type === 'name').map((t) => t.value);
const verdicts = (source: string) => checkSource(source, 't.md').report.claims.map((c) => `${c.line} ${c.verdict}`);

describe('a superscript index written after a subscript', () => {
  it('names one symbol whichever script comes first', () => {
    expect(names('z_j^l + z^l_j')).toEqual(['zlj', 'zlj']);
    expect(names('w_{jk}^{l+1} + w^{l+1}_{jk}')).toEqual(['wlp1jk', 'wlp1jk']);
    expect(names('x_j^{(i)} + x^{(i)}_j')).toEqual(['xij', 'xij']);
    // A power is no index: x_i^2 stays x_i squared.
    expect(names('x_i^2')).toEqual(['xi']);
  });

  it('checks an output layer defined as z_j^L and differentiated as z^L_j', () => {
    const md = [
      '## Output layer',
      '$$z_j^L = w_j^L a + b_j^L$$',
      '$$a_j^L = \\sigma(z_j^L)$$',
      '$$\\frac{\\partial a^L_j}{\\partial z^L_j} = \\sigma(z^L_j)(1 - \\sigma(z^L_j))$$',
      '$$\\frac{\\partial a^L_j}{\\partial b^L_j} = \\sigma\'(z_j^L)$$',
      '$$\\frac{\\partial a^L_j}{\\partial w^L_j} = \\sigma\'(z^L_j)$$',
      '$$\\frac{\\partial a^L_j}{\\partial w^L_j} = a \\, \\sigma\'(z^L_j)$$',
    ].join('\n');
    // With z = w a + b and a^L = σ(z) (sympy): ∂a^L/∂z = σ(z)(1 - σ(z)); ∂a^L/∂b = σ'(z), as ∂z/∂b = 1;
    // ∂a^L/∂w = a σ'(z), so line 6, which drops the factor a, is wrong (the difference is (a - 1) σ'(z)).
    // Read as two names, z_j^L was never the z^L_j differentiated and no line could be checked.
    expect(verdicts(md)).toEqual(['4 correct', '5 correct', '6 incorrect', '7 correct']);
  });

  it('keeps an entry squared a power', () => {
    const md = ['$$f = u_k^2 + 3 u_k$$', '$$\\frac{\\partial f}{\\partial u_k} = 2 u_k + 3$$', '$$\\frac{\\partial f}{\\partial u_k} = u_k + 3$$'].join('\n');
    // d/du (u² + 3u) = 2u + 3; line 3 drops the 2.
    expect(verdicts(md)).toEqual(['2 correct', '3 incorrect']);
  });
});
