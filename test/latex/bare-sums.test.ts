// Readings of index notation as authors leave it implicit: a `\sum` with no subscript runs over the index its
// summand has that the left side does not (src/indexing/lower.ts bareSum, src/resolve/indexUses.ts), and a
// function given entry by entry, written bare, is the vector of its entries (src/resolve/lower.ts).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const report = (md: string) => checkSource(md, 't.md').report;
const verdicts = (md: string) => report(md).claims.map((c) => `${c.line} ${c.verdict}`);

describe('a summation sign with no subscript', () => {
  // E = ½ Σ_j (Σ_k W_jk x_k − t_j)², W m x n. sympy at m = 2, n = 3: ∂E/∂x_k = Σ_j (y_j − t_j) W_jk
  // (and not Σ_j (y_j + t_j) W_jk), ∂E/∂t_j = t_j − y_j, ∂E/∂W_jk = (y_j − t_j) x_k.
  const network = [
    'Let $W \\in \\mathbb{R}^{m \\times n}$, $x \\in \\mathbb{R}^{n}$ and $t \\in \\mathbb{R}^{m}$. The layer computes',
    '$$y_j = \\sum W_{jk} x_k$$',
    'and the error is',
    '$$E = \\frac{1}{2} \\sum (y_j - t_j)^2$$',
  ];

  it('sums over the index the left side does not have, in definitions and in steps', () => {
    const md = [
      ...network,
      '$$\\frac{\\partial E}{\\partial x_k} = \\sum (y_j - t_j) W_{jk}$$', // right: the sign runs over j, k is the target's
      '$$\\frac{\\partial E}{\\partial x_k} = \\sum (y_j + t_j) W_{jk}$$', // the sign of t_j flipped: wrong
      '$$\\frac{\\partial E}{\\partial t_j} = t_j - y_j$$', // right
      '$$\\frac{\\partial E}{\\partial W_{jk}} = (y_j - t_j) x_k$$', // right
    ].join('\n');
    expect(verdicts(md)).toEqual(['5 correct', '6 incorrect', '7 correct', '8 correct']);
  });

  it('leaves a sign over two indices the left side lacks unread, never summing both', () => {
    // u has no index, so the sign could run over k (u a vector of entries u_j, badly named) or over both.
    const md = [
      'Let $W \\in \\mathbb{R}^{m \\times n}$, $x \\in \\mathbb{R}^{n}$.',
      '$$u = \\sum W_{jk} x_k$$',
      '$$\\frac{\\partial u}{\\partial x} = W^T \\mathbf{1}_m$$',
    ].join('\n');
    const r = report(md);
    expect(r.claims.map((c) => c.verdict)).toEqual(['error']);
    expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(/no subscript over j, k does not say which/);
  });

  it('reads the softmax of a blog post written `s(\\mathbf x)_i` with a bare sum in its denominator', () => {
    // sympy at size 3: ∂s_i/∂x_i = s_i − s_i², not s_i + s_i²; ∂s_i/∂x_j = −s_i s_j.
    const md = [
      'The $i$th output is',
      '$$s(\\mathbf x)_i = \\frac{e^{x_i}}{\\sum e^{x_j}}$$',
      '$$\\frac{\\partial s(\\mathbf x)_i}{\\partial x_i} = \\frac{\\sum_j e^{x_j} e^{x_i} - e^{x_i} e^{x_i}}{(\\sum_j e^{x_j})^2} = s(\\mathbf x)_i - s(\\mathbf x)_i^2$$',
      '$$\\frac{\\partial s(\\mathbf x)_i}{\\partial x_i} = s(\\mathbf x)_i + s(\\mathbf x)_i^2$$', // wrong
      '$$\\frac{\\partial s(\\mathbf x)_i}{\\partial x_j} = - s(\\mathbf x)_i s(\\mathbf x)_j, \\quad j \\neq i$$', // right off the diagonal
      '$$\\frac{\\partial s(\\mathbf x)_i}{\\partial x_j} = - s(\\mathbf x)_i s(\\mathbf x)_j$$', // for every i, j: wrong on the diagonal
    ].join('\n');
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect', '5 correct', '6 incorrect']);
  });
});

describe('a function given entry by entry, written bare', () => {
  it('is the vector of its entries at its own parameters', () => {
    // L = ½ sᵀs with s = softmax(z); ∂L/∂z = Jᵀs = s ⊙ s − (sᵀs) s (sympy at K = 3: difference 1e-16),
    // and s ⊙ s alone is off by 0.30.
    const md = [
      'Let $\\mathbf z \\in \\mathbb{R}^K$. Component $k$ of the softmax is',
      '$$\\mathrm{s}(\\mathbf z)_k = \\frac{\\exp(z_k)}{\\sum \\exp(z_j)}$$',
      'and the penalty is',
      '$$L = \\frac{1}{2} \\mathbf s^T \\mathbf s$$',
      '$$\\frac{\\partial L}{\\partial \\mathbf z} = \\mathbf s \\odot \\mathbf s - (\\mathbf s^T \\mathbf s) \\mathbf s$$',
      '$$\\frac{\\partial L}{\\partial \\mathbf z} = \\mathbf s \\odot \\mathbf s$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['5 correct', '6 incorrect']);
  });
});
