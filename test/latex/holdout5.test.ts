// Textbook-style multivariable calculus (the twelfth, held-out set of fixtures/real): a problem's function stated
// inside a plain-text sentence (`Find ∇f for f(x, y) = x²y + y³.`, proseFormulas.ts), and gradients written with
// angle brackets, `\nabla f = \langle 2xy, x^2 + 3y^2 \rangle` (three entries read as a tuple, normalize.ts; two
// entries of the function's own variables or of numbers as the vector of those components, resolve/innerProducts.ts).
// A Jacobian written with its functions and variables listed, `\frac{\partial (x, y)}{\partial (u, v)}`, is also
// its determinant where a step is a number (calculus/meaning.ts); `\det` of a derivative is a claim, no formula of
// det's own (resolve/scope.ts). `D_\mathbf{u} f(2, 1)` is the gradient at the point times u, for a unit u the
// document gives in numbers (latex/directionalDerivatives.ts, resolve/innerProducts.ts). A Lagrange condition,
// `\nabla f = \lambda \nabla g`, is an equation to solve, not an identity (check/conditionsToSolve.ts). Each document has a deliberately wrong line, so the tests fail if the reading stops judging.
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

describe('the Jacobian of a change of variables as its determinant', () => {
  it('checks a step that is a number against the determinant, a matrix against the matrix', () => {
    // Thomas-style substitution x = u^2, y = uv: the Jacobian matrix is [[2u, 0], [v, u]], its determinant 2u^2
    // (sympy). Line 4 gives the matrix, line 5 the determinant through a vmatrix, line 6 forgets the 2; line 7
    // writes det of the derivative, right, and line 8 the matrix's trace for it (3u), wrong.
    const doc = [
      'Let $u, v \\in \\mathbb{R}$.', // 1
      '$$x = u^2, \\quad y = uv$$', // 2
      '', // 3
      '$$\\frac{\\partial(x, y)}{\\partial(u, v)} = \\begin{bmatrix} 2u & 0 \\\\ v & u \\end{bmatrix}$$', // 4
      '$$\\frac{\\partial(x, y)}{\\partial(u, v)} = \\begin{vmatrix} 2u & 0 \\\\ v & u \\end{vmatrix} = 2u^2$$', // 5
      '$$\\frac{\\partial(x, y)}{\\partial(u, v)} = u^2$$', // 6
      '$$\\det \\frac{\\partial(x, y)}{\\partial(u, v)} = 2u^2$$', // 7
      '$$\\det \\frac{\\partial(x, y)}{\\partial(u, v)} = 3u$$', // 8
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['4 correct'], ['5 correct', '5 correct'], ['6 incorrect'], ['7 correct'], ['8 incorrect']]);
  });
});

describe('directional derivatives', () => {
  it('reads D_u f at a point as the gradient there times a unit vector given in numbers', () => {
    // Lecture-notes style: g = x^3 - 3xy, grad g = (3x^2 - 3y, -3x), at (2, 1) (9, -6) (sympy); u = (3/5, -4/5)
    // gives 27/5 + 24/5 = 51/5. Line 5 right, line 6 writes the sum with +4/5 (27/5 - 24/5 = 3/5), wrong.
    const doc = [
      '### Problem 2', // 1
      'Let $g(x, y) = x^3 - 3xy$.', // 2
      '$$\\mathbf{u} = \\langle 3/5, -4/5 \\rangle$$', // 3
      '', // 4
      '$$D_{\\mathbf{u}} g(2, 1) = \\frac{51}{5}$$', // 5
      '$$D_{\\mathbf{u}} g(2, 1) = \\frac{3}{5}$$', // 6
      '$$D_{\\mathbf{u}} g = \\frac{9}{5}x^2 - \\frac{9}{5}y + \\frac{12}{5}x$$', // 7
    ].join('\n');
    // Line 7: (3x^2 - 3y)(3/5) + (-3x)(-4/5) = 9/5 x^2 - 9/5 y + 12/5 x (sympy), right.
    expect(stepsOf(doc)).toEqual([['5 correct'], ['6 incorrect'], ['7 correct']]);
  });

  it('refuses a direction that is not a unit vector, where texts differ on dividing by its length', () => {
    const doc = ['Let $g(x, y) = x^3 - 3xy$.', '$$\\mathbf{v} = \\langle 3, -4 \\rangle$$', '$$D_{\\mathbf{v}} g(2, 1) = 51$$'].join('\n');
    expect(stepsOf(doc)).toEqual([['3 error']]);
  });
});

describe('Lagrange conditions', () => {
  it('leaves a condition with a multiplier unjudged, and still checks the gradients beside it', () => {
    // Optimise f = x + 2y on x^2 + y^2 = 5: grad f = (1, 2), grad g = (2x, 2y) (sympy). Lines 3-5 are the
    // conditions (right, but no identities: ✗ there marked right lines); line 6 is right, line 7 gives grad g as
    // (2x, y), wrong.
    const doc = [
      '## Problem 4: maximise f on the circle', // 1
      'Let $f(x, y) = x + 2y$ and $g(x, y) = x^2 + y^2$.', // 2
      '$$\\nabla f = \\lambda \\nabla g$$', // 3
      '$$f_x = \\lambda g_x, \\quad f_y = \\lambda g_y$$', // 4
      '$$\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix} = \\lambda \\begin{bmatrix} 2x \\\\ 2y \\end{bmatrix}$$', // 5
      '$$\\nabla g = \\begin{bmatrix} 2x \\\\ 2y \\end{bmatrix}$$', // 6
      '$$\\nabla g = \\begin{bmatrix} 2x \\\\ y \\end{bmatrix}$$', // 7
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 unjudged'], ['4 unjudged'], ['4 unjudged'], ['5 unjudged'], ['6 correct'], ['7 incorrect']]);
  });
});
