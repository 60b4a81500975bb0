// A sum over a letter the question reads as one sample's label (src/indexing/labelSums.ts): after
// `r = w x_i - y_i` (i bound by nothing: one point), x_i and y_i are numbers of their own, so nothing in
// `\sum_{i=1}^{3} (w x_i - y_i)^2` changes with i and the sum read as written would be 3 times one term. Read
// so, the wrong `6 x_i (w x_i - y_i)` matched it (a confidently wrong ✓); the sum is now a limit of the reading.
// sympy, with J = Σ_{i=1..3} (w x_i - y_i)^2 over three symbolic points: dJ/dw - Σ 2 (w x_i - y_i) x_i = 0,
// while dJ/dw - 6 x_1 (w x_1 - y_1) = -4 x_1 (w x_1 - y_1) + 2 x_2 (w x_2 - y_2) + 2 x_3 (w x_3 - y_3) ≠ 0.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const verdicts = (md: string) => checkSource(md, 'fit.md').report.claims.map((c) => `${c.line} ${c.verdict}`);

describe('a sum over a sample label', () => {
  it('is not read as that many copies of one term, so a wrong expansion is not marked right', () => {
    const md = [
      '# Fitting a line through the origin to three points',
      'For one point the residual is $r = w x_i - y_i$.',
      '$$J = \\sum_{i=1}^{3} (w x_i - y_i)^2$$',
      // right (sympy: difference 0), but read with i a label the sum is 3 copies: no verdict on it
      '$$\\frac{\\partial J}{\\partial w} = \\sum_{i=1}^{3} 2(w x_i - y_i) x_i$$',
      // wrong (sympy: differs by -4 x_1 (w x_1 - y_1) + ...); it was correct by the 3-copies reading
      '$$\\frac{\\partial J}{\\partial w} = 6 x_i (w x_i - y_i)$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['4 error', '5 error']);
  });

  it('leaves sums over an index that no line writes unbound as they were', () => {
    const md = [
      '# Fitting a line through the origin to three points',
      'The points are $(x_i, y_i)$.',
      '$$J = \\sum_{i=1}^{3} (w x_i - y_i)^2$$',
      // with i an index throughout (no line writes it unbound): right, and 3 times too large (sympy: differs by
      // 4 Σ x_i (w x_i - y_i)), so wrong
      '$$\\frac{\\partial J}{\\partial w} = \\sum_{i=1}^{3} 2(w x_i - y_i) x_i$$',
      '$$\\frac{\\partial J}{\\partial w} = \\sum_{i=1}^{3} 6 x_i (w x_i - y_i)$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['4 correct', '5 incorrect']);
  });

  it('counts a letter on a bold name of the left side (\\mathbf{u_c}) as bound there, so c stays an index', () => {
    // E_n = -log softmax(s)_{t_n} with s_c = u_c x_n + a_c: ∂E_n/∂a_c = ∂E_n/∂s_c (sympy, C = 3 at a random point:
    // differences ~1e-16), and 2 ∂E_n/∂s_c is wrong (differs by -0.53, 0.97, -0.44). Had c been read as a label
    // (from ∂s_c/∂\mathbf{u_c} on the right of the first claim), every line would rest on an unreadable sum.
    const md = [
      '## Q2 (softmax scores)',
      'For example $n$ the score of class $c$ is $s_c = \\mathbf{u_c}^\\top \\mathbf{x_n} + a_c$, and its loss is',
      '$$E_n = -\\log\\left(\\frac{e^{s_{t_n}}}{\\sum_{c=1}^{C} e^{s_c}}\\right)$$',
      '$$\\frac{\\partial E_n}{\\partial \\mathbf{u_c}} = \\frac{\\partial E_n}{\\partial s_c}\\frac{\\partial s_c}{\\partial \\mathbf{u_c}}$$',
      '$$\\frac{\\partial E_n}{\\partial a_c} = \\sum_{k=1}^{C} \\frac{\\partial E_n}{\\partial s_k}\\frac{\\partial s_k}{\\partial a_c} = \\frac{\\partial E_n}{\\partial s_c}$$',
      '$$\\frac{\\partial E_n}{\\partial a_c} = 2\\frac{\\partial E_n}{\\partial s_c}$$',
    ].join('\n');
    expect(verdicts(md).slice(1)).toEqual(['5 correct', '6 incorrect']);
  });
});
