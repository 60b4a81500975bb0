// `\langle a, b \rangle` is the inner product of a and b, read as dot(a, b) (it was "angle brackets are not
// supported" and the line unread); a weighted `\langle a, b \rangle_A` the document does not define stays unread, and a
// differential applied to a direction, `d_w f(w) \cdot v`, is the gradient against v (latex/appliedDifferentials.ts),
// never the product of a name d_w.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { stepsOf } from './helpers';

// Least squares on one example in the inner-product notation of kernel and optimisation notes.
const DOC = [
  'Let $w, x, v \\in \\mathbb{R}^{d}$, $A \\in \\mathbb{R}^{d \\times d}$ and $y \\in \\mathbb{R}$.', // 1
  '$$\\ell(w) = \\frac{1}{2}(\\langle w, x \\rangle - y)^2$$', // 2
  '$$\\nabla_w \\ell(w) = (\\langle w, x \\rangle - y) x$$', // 3: right
  '$$\\nabla_w \\ell(w) = \\left\\langle x, w \\right\\rangle x$$', // 4: wrong, the -y x term dropped
  '$$\\nabla_w \\langle w, w \\rangle_A = 2Aw$$', // 5: weighted, not read
  '$$d_w \\ell(w) \\cdot v = (\\langle w, x \\rangle - y) \\langle x, v \\rangle$$', // 6: a differential, right
].join('\n');

describe('inner products', () => {
  it('reads \\langle a, b \\rangle as the dot product', () => {
    // sympy (d = 3, symbols): grad of (w.x - y)^2 / 2 is (w.x - y) x, so line 3 holds and line 4 (w.x) x misses -y x;
    // against v it is (w.x - y)(x.v), line 6.
    expect(stepsOf(DOC)).toEqual([['3 correct'], ['4 incorrect'], ['6 correct']]);
  });

  it('leaves a weighted product it has no definition of unread, and sets aside a differential it cannot read', () => {
    const { report } = checkSource(DOC, 'doc.md');
    expect(report.summary.read?.notRead.map((n) => n.line)).toEqual([5]);
    // A direction written against the call's bracket in two factors is no one direction: not the product d_w ℓ(w) v w.
    const odd = checkSource(DOC.replace('\\cdot v =', '\\cdot v w ='), 'doc.md').report;
    const notes = odd.diagnostics.filter((d) => d.code === 'not-a-claim').map((d) => `${d.line} ${d.message}`);
    expect(notes).toEqual(['6 set aside: d_w ell(..) is a differential applied to a direction (the derivative of ell by w times it), which chainrule does not read']);
  });

  it('reads angle brackets around two numbers as a calculus vector where they hold only the function\'s variables', () => {
    // f = x^2 + y^2: the gradient is the vector (2x, 2y), which Stewart-style texts write <2x, 2y> (read as the
    // product 4xy it would be a false ✗); x and y are f's variables, so numbers: the components are read. Of a and b,
    // no function's variables (vectors an analysis text never sized), the reading is still refused: an error, never ✗.
    const doc = ['$$f(x, y) = x^2 + y^2$$', '$$\\nabla f(x, y) = \\langle 2x, 2y \\rangle$$', '$$\\nabla f(x, y) = \\langle 2x, y \\rangle$$', '$$\\frac{\\partial}{\\partial a} \\langle a, b \\rangle = b$$'].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct'], ['3 incorrect'], ['4 error']]);
  });
});
