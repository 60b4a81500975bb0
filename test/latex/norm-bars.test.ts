// Norms as students type them: `||X\theta - y||^2` with plain bars, the subscript after the power (`\|x\|^2_2`),
// and `\triangledown` for ∇ (src/latex/normalize.ts: barsPaired, afterNormPower, the nabla commands).
import { describe, expect, it } from 'vitest';
import { stepsOf } from './helpers';

describe('norms typed with plain bars', () => {
  it('reads paired bars as the norm, its subscript after its power, and \\triangledown as ∇', () => {
    // sympy (m = 3, n = 2, symbols for X, y, theta): the gradient of (1/(2m)) ||X theta - y||^2 is (1/m) X^T (X theta - y),
    // so line 2 is right; the gradient of lambda ||theta||_2^2 is 2 lambda theta, so line 3 (lambda theta) is wrong.
    const doc = [
      '$X \\in \\mathbb{R}^{m \\times n}$, $\\theta \\in \\mathbb{R}^{n}$, $y \\in \\mathbb{R}^{m}$, $\\lambda \\in \\mathbb{R}$', // 1
      '$$\\bigtriangledown_{\\theta} \\frac{1}{2m}||X\\theta - y||^2 = \\frac{1}{m} X^T (X\\theta - y)$$', // 2
      '$$\\triangledown_{\\theta} \\lambda \\|\\theta\\|^2_2 = \\lambda \\theta$$', // 3
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct'], ['3 incorrect']]);
  });

  it('keeps bars that do not all pair as absolute values', () => {
    // |a||b| is |a| times |b|: d/da = (a / |a|) |b| away from a = 0, right (as a norm the row would not read).
    const doc = ['$a, b \\in \\mathbb{R}$', '$$\\frac{\\partial}{\\partial a}(|a||b|) = \\frac{a}{|a|} |b|$$'].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct']]);
  });
});
