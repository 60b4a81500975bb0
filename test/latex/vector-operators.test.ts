// Divergence, curl and the Laplacian (latex/vectorOperators.ts), in the notations of other authors: Stewart's
// bold F with i, j, k, Paul's Online Notes' arrows and `\mathop{\rm div}\nolimits`, angle-bracket fields, a plane
// field's scalar curl, `\nabla^2` and `\Delta` of a defined function. Every key was worked out by hand and checked
// with sympy; each document has a deliberately wrong line, so the tests fail if the reading stops judging.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { stepsOf } from './helpers';

/** The messages of a document's diagnostics that say a line was not read. */
function unread(source: string): string[] {
  return checkSource(source, 'doc.md').report.diagnostics.filter((d) => /cannot read/.test(d.message)).map((d) => `${d.line} ${d.message}`);
}

describe('divergence and curl of a field written by its components', () => {
  it('reads a field of i, j, k (Stewart) under \\operatorname{curl}, \\nabla \\cdot and \\operatorname{div}', () => {
    // F = xz i + xyz j - y^2 k: curl F = (-y(x + 2), x, yz), div F = z + xz (sympy). Line 5 right, line 6 right,
    // line 7 drops the z of xz (wrong), line 8 writes the curl's j component as -x (wrong).
    const doc = [
      '**Example 1.** Let $\\mathbf F(x, y, z) = xz\\,\\mathbf i + xyz\\,\\mathbf j - y^2\\,\\mathbf k$.', // 1
      '', // 2
      'Find the curl and the divergence of $\\mathbf F$.', // 3
      '', // 4
      '$$\\operatorname{curl} \\mathbf F = -y(2 + x)\\,\\mathbf i + x\\,\\mathbf j + yz\\,\\mathbf k$$', // 5
      '$$\\nabla \\cdot \\mathbf F = z + xz$$', // 6
      '$$\\operatorname{div} \\mathbf F = z + x$$', // 7
      '$$\\nabla \\times \\mathbf F = -y(2 + x)\\,\\mathbf i - x\\,\\mathbf j + yz\\,\\mathbf k$$', // 8
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['5 correct'], ['6 correct'], ['7 incorrect'], ['8 incorrect']]);
  });

  it('reads an arrow field in angle brackets with no header, in x, y, z, and the curl as a tuple', () => {
    // F = <x^2 y, 2xz, y>: curl F = (1 - 2x, 0, 2z - x^2), div F = 2xy (sympy). Line 4 right; line 5 writes the
    // curl's first component 1 + 2x (wrong); line 6 right; line 7 writes 2x + y (wrong).
    const doc = [
      'Given $\\vec F = \\langle x^2 y, 2xz, y \\rangle$,', // 1
      '', // 2
      '$$\\nabla\\times\\vec F = \\langle 1 - 2x, 0, 2z - x^2 \\rangle$$', // 3
      '$$\\nabla\\times\\vec F = (1 + 2x, 0, 2z - x^2)$$', // 4
      '$$\\nabla\\cdot\\vec F = 2xy$$', // 5
      '$$\\nabla\\cdot\\vec F = 2x + y$$', // 6
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['4 incorrect'], ['5 correct'], ['6 incorrect']]);
  });

  it("reads Paul's Online Notes' {\\mathop{\\rm div}\\nolimits}, \\centerdot and \\textrm{div}", () => {
    // F = (3x + 2z^2) i + (x^3 y^2 / z) j - (z - 7x) k: div F = 3 + 2x^3 y / z - 1 = 2 + 2x^3 y / z (sympy). Line 3
    // right through its chain; line 4 keeps the -1 out (3 + ..., wrong).
    const doc = [
      '\\(\\vec F = \\left( {3x + 2{z^2}} \\right)\\,\\vec i + \\frac{{{x^3}{y^2}}}{z}\\vec j - \\left( {z - 7x} \\right)\\vec k\\)', // 1
      '', // 2
      '\\[{\\mathop{\\rm div}\\nolimits} \\vec F = \\nabla \\centerdot \\vec F = 2 + \\frac{2x^3 y}{z}\\]', // 3
      '\\[\\textrm{div}\\,\\vec F = 3 + \\frac{2x^3 y}{z}\\]', // 4
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct', '3 correct'], ['4 incorrect']]);
  });

  it('reads the curl of a plane field as the number dQ/dx - dP/dy, and as (0, 0, ..) where the line writes a vector', () => {
    // F(x, y) = (x^2 y, x y^2): dQ/dx - dP/dy = y^2 - x^2 (sympy). Line 3 right, line 4 has the sign turned
    // (wrong), line 5 right as the vector (0, 0, y^2 - x^2).
    const doc = [
      'Let $F(x, y) = (x^2 y, x y^2)$.', // 1
      '', // 2
      '$$\\nabla \\times F = y^2 - x^2$$', // 3
      '$$\\nabla \\times F = x^2 - y^2$$', // 4
      '$$\\nabla \\times F = (y^2 - x^2)\\mathbf{k}$$', // 5
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['4 incorrect'], ['5 correct']]);
  });

  it('reads a plain-text field stated in a sentence, F = (-y, xy, z), and div(F) typed in letters', () => {
    // Lecture-page style with no $: div F = 0 + x + 1 (sympy). Line 3 right, line 4 writes x - 1 (wrong).
    const doc = [
      'Calculate the divergence of F = (-y, xy, z).', // 1
      '', // 2
      'div(F) = 0 + x + 1 = x + 1', // 3
      '$$\\operatorname{div}(F) = x - 1$$', // 4
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct', '3 correct'], ['4 incorrect']]);
  });

  it('reads a plane field of hatted dotless i and j, \\hat{\\imath}, \\hat{\\jmath}', () => {
    // F = x^2 i + xy j: div F = 2x + x = 3x, curl F = d(xy)/dx - d(x^2)/dy = y (sympy). Lines 2 and 4 right; line 3
    // writes 2x + y (wrong).
    const doc = [
      '$$\\mathbf F = x^2\\,\\hat{\\imath} + xy\\,\\hat{\\jmath}$$', // 1
      '$$\\operatorname{div} \\mathbf F = 3x$$', // 2
      '$$\\operatorname{div} \\mathbf F = 2x + y$$', // 3
      '$$\\operatorname{curl} \\mathbf F = y$$', // 4
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct'], ['3 incorrect'], ['4 correct']]);
  });

  it('does not read the divergence of a field the document does not give by components in named variables', () => {
    // F is given in polar terms (r, theta), which are not the coordinates x, y: no reading, so no verdict.
    const doc = [
      '$$\\mathbf F = \\cos\\theta\\,\\mathbf i + \\sin\\theta\\,\\mathbf j$$', // 1
      '$$\\operatorname{div} \\mathbf F = \\frac{1}{r}$$', // 2
      '$$\\nabla \\cdot \\mathbf G = 3$$', // 3
    ].join('\n');
    expect(stepsOf(doc)).toEqual([]);
    expect(unread(doc)).toEqual([
      '2 cannot read this maths: the divergence of F, which the document does not define as a field by its components in named variables',
      '3 cannot read this maths: the divergence of G, which the document does not define as a field by its components in named variables',
    ]);
  });
});

describe('the Laplacian of a defined function', () => {
  it('reads \\nabla^2 f and \\Delta f of f(x, y, z) as the sum of its second partials', () => {
    // f = x^2 + y^2 z: f_xx + f_yy + f_zz = 2 + 2z (sympy). Lines 3 and 5 right; line 4 writes 2y for 2z (wrong).
    const doc = [
      'Let $f(x, y, z) = x^2 + y^2 z$.', // 1
      '', // 2
      '$$\\nabla^2 f = 2 + 2z$$', // 3
      '$$\\nabla^2 f = 2 + 2y$$', // 4
      '$$\\Delta f = 2(1 + z)$$', // 5
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['4 incorrect'], ['5 correct']]);
  });

  it('reads \\Delta u of a function named without a header in x and y, and leaves a change in u as written', () => {
    // u = e^x sin y + x^3: u_xx + u_yy = e^x sin y + 6x - e^x sin y = 6x (sympy). Line 2 right, line 3 wrong
    // (3x). Line 4 is a change in u, not the Laplacian: it writes h, so it is not read as one.
    const doc = [
      '$$u = e^x \\sin y + x^3$$', // 1
      '$$\\Delta u = 6x$$', // 2
      '$$\\Delta u = 3x$$', // 3
      '$$\\Delta u = u(x + h) - u(x)$$', // 4
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct'], ['3 incorrect']]);
    expect(unread(doc)).toEqual([`4 cannot read this maths: Laplacian: the line writes names other than the function's variables, so it may mean the Hessian (\\nabla^2) or a change in the function (\\Delta), not the Laplacian`]);
  });

  it('leaves \\Delta f = 3x^2 y \\Delta x, a change in f, unread rather than the Laplacian', () => {
    // f = x^3 y: f_xx + f_yy = 6xy (sympy; line 3 right, line 4 wrong: 3xy). Line 2 is a change in f beside a
    // change in x.
    const doc = ['Let $f(x, y) = x^3 y$.', '$$\\Delta f = 3x^2 y \\Delta x$$', '$$\\Delta f = 6xy$$', '$$\\Delta f = 3xy$$'].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['4 incorrect']]);
  });

  it('reads \\nabla^2 f set equal to a square matrix as the Hessian, not the Laplacian', () => {
    // f = x^2 y: Hessian [[2y, 2x], [2x, 0]] (sympy); line 2 right, line 3 halves the off-diagonal (wrong).
    const doc = [
      'Let $f(x, y) = x^2 y$.', // 1
      '$$\\nabla^2 f = \\begin{bmatrix} 2y & 2x \\\\ 2x & 0 \\end{bmatrix}$$', // 2
      '$$\\nabla^2 f = \\begin{bmatrix} 2y & x \\\\ x & 0 \\end{bmatrix}$$', // 3
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct'], ['3 incorrect']]);
  });
});

describe('a derivative D with no subscript applied to a direction', () => {
  it('sets Df(x, y)[h] aside rather than reading the product D·f(x, y)·h, and still reads Df(x)[h]', () => {
    // g(x) = x^3: Dg(x)[h] = 3x^2 h (line 4 right, line 5 drops the square, wrong). Lines 6 and 7 apply the
    // derivative of f(x, y) = x^2 y to h; a verdict on them would rest on the product D·f·h: set aside.
    const doc = [
      'Let $g(x) = x^3$ and $f(x, y) = x^2 y$.', // 1
      '', // 2
      '## Part a', // 3
      '$$Dg(x)[h] = 3x^2 h$$', // 4
      '$$Dg(x)[h] = 3x h$$', // 5
      '$$Df(x, y)[h] = 2xy h_1 + x^2 h_2$$', // 6
      '$$D f(x, y)(h) = 0$$', // 7
    ].join('\n');
    expect(stepsOf(doc).filter((s) => !/^[67] /.test(s[0]))).toEqual([['4 correct'], ['5 incorrect']]);
    expect(stepsOf(doc).some((s) => /^[67] /.test(s[0]))).toBe(false);
    const notes = checkSource(doc, 'doc.md').report.diagnostics.filter((d) => d.code === 'not-a-claim').map((d) => d.line);
    expect(notes).toEqual([6, 7]);
  });
});
