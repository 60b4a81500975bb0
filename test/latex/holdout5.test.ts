// Textbook-style multivariable calculus (the eleventh, held-out set of fixtures/real): a problem's function stated
// inside a plain-text sentence (`Find ∇f for f(x, y) = x²y + y³.`, proseFormulas.ts), and gradients written with
// angle brackets, `\nabla f = \langle 2xy, x^2 + 3y^2 \rangle` (three entries read as a tuple, normalize.ts; two
// entries of the function's own variables or of numbers as the vector of those components, resolve/innerProducts.ts).
// Each document has a deliberately wrong line, so the tests fail if the reading stops judging.
import { describe, expect, it } from 'vitest';
import { stepsOf } from './helpers';

describe('a function stated in a plain-text sentence', () => {
  it('reads the formula after `for`, up to the full stop, as the function of the lines below', () => {
    // Stewart-style exercise. f = x y^2 z^3: grad f = (y^2 z^3, 2xyz^3, 3xy^2z^2) (sympy); line 4 right, line 5
    // drops the 2 of the second entry.
    const doc = [
      '## Exercise 3', // 1
      'Find the gradient of the function for f(x, y, z) = xy²z³.', // 2
      '', // 3
      '$$\\nabla f = \\begin{bmatrix} y^2 z^3 \\\\ 2xyz^3 \\\\ 3xy^2z^2 \\end{bmatrix}$$', // 4
      '$$\\nabla f = \\begin{bmatrix} y^2 z^3 \\\\ xyz^3 \\\\ 3xy^2z^2 \\end{bmatrix}$$', // 5
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['4 correct'], ['5 incorrect']]);
  });

  it('ends the formula where the sentence goes on (`at (0, 0)`, `, where ...`)', () => {
    // g = sin(x) e^y: g_x = cos(x) e^y, g_y = sin(x) e^y (sympy); the second line writes cos for sin.
    const doc = [
      'Compute the partial derivatives at (0, 0) of g(x, y) = sin(x) e^y, where x and y are real.', // 1
      '', // 2
      '$$g_x = \\cos(x) e^{y}$$', // 3
      '$$g_y = \\cos(x) e^{y}$$', // 4
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['4 incorrect']]);
  });

  it('takes no value or point stated in prose for the function', () => {
    // `h(x) = 0 at the optimum` states a value (its body does not use x): h stays undefined, so the claim about
    // it is not judged against 0; `h(2) = 5` is a point.
    const doc = ['We know that h(x) = 0 at the optimum and h(2) = 5.', '', "$$h'(x) = 3x^2$$"].join('\n');
    expect(stepsOf(doc).flat().some((s) => / (correct|incorrect)$/.test(s))).toBe(false);
  });
});

describe('gradients written with angle brackets', () => {
  it('reads three entries as the vector of components', () => {
    // f = xyz: grad f = (yz, xz, xy) (sympy); line 3 has xz for the third entry xy.
    const doc = ['$$f(x, y, z) = xyz$$', '$$\\nabla f = \\langle yz, xz, xy \\rangle$$', '$$\\nabla f = \\langle yz, xz, xz \\rangle$$'].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct'], ['3 incorrect']]);
  });

  it('reads two entries of the function\'s variables, and a value at a point, as components', () => {
    // Lecture-notes style with T for temperature: T = 50 - x^2 - 3y^2, grad T = (-2x, -6y) (sympy), at (1, 1)
    // (-2, -6); line 4 writes -3 for -6.
    const doc = [
      'The temperature is $T(x, y) = 50 - x^2 - 3y^2$.', // 1
      '$$\\nabla T = \\langle -2x, -6y \\rangle$$', // 2
      '$$\\nabla T(1, 1) = \\langle -2, -6 \\rangle$$', // 3
      '$$\\nabla T(1, 1) = \\langle -2, -3 \\rangle$$', // 4
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct'], ['3 correct'], ['4 incorrect']]);
  });

  it('still refuses two entries of names no function has as a variable (vectors whose size the text never states)', () => {
    const doc = ['$$g(w) = w^2$$', '$$\\nabla_a \\langle a, b \\rangle = b$$'].join('\n');
    expect(stepsOf(doc)).toEqual([['2 error']]);
  });
});
