// Outer products written ⊗, transposes written ^t, differentials and limit definitions of a derivative, in the
// notations of other authors than the fixtures': each document holds a right line (✓) and a wrong one (✗), and the
// readings chainrule cannot be sure of are refused, never guessed.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { stepsOf } from './helpers';

/** Each claim's steps as `line verdict`, and the messages of the steps that are errors. */
function errorsOf(source: string): string[] {
  return checkSource(source, 'doc.md').report.claims.flatMap((c) => c.steps.filter((s) => s.verdict === 'error').map((s) => `${s.line} ${s.message ?? ''}`));
}

describe('a ⊗ b between two vectors is their outer product', () => {
  it('reads it between columns as a b^T, the matrix of entries a_i b_j', () => {
    // L = y^T W x: dL/dW = y x^T (m x n), so y ⊗ x is right and x ⊗ y (n x m, the transpose) is wrong.
    const doc = [
      'Let $x \\in \\mathbb{R}^{n}$, $y \\in \\mathbb{R}^{m}$, $W \\in \\mathbb{R}^{m \\times n}$.',
      '$$L = y^T W x$$',
      '$$\\frac{\\partial L}{\\partial W} = y \\otimes x$$',
      '$$\\frac{\\partial L}{\\partial W} = x \\otimes y$$',
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['4 incorrect']]);
  });

  it('reads it between rows, as texts that write v = hW + b do, as h^T b (a unicode ⊗ too)', () => {
    // v = hW + b with rows h (1 x k), b, y (1 x c); J = ||v - y||^2 / 2: dJ/dW = h^T (v - y) (k x c), checked by
    // central differences in numpy; 2 h ⊗ (v - y) is twice it.
    const doc = [
      'Rows: $h \\in \\mathbb{R}^{1 \\times k}$, $W \\in \\mathbb{R}^{k \\times c}$, $b \\in \\mathbb{R}^{1 \\times c}$, $y \\in \\mathbb{R}^{1 \\times c}$.',
      '$$v = h W + b$$',
      '$$J = \\frac{1}{2} \\| v - y \\|^2$$',
      '$$\\frac{\\partial J}{\\partial W} = h ⊗ (v - y)$$',
      '$$\\frac{\\partial J}{\\partial W} = 2 h \\otimes (v - y)$$',
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['4 correct'], ['5 incorrect']]);
  });

  it('refuses ⊗ between matrices (a Kronecker product) and between numbers, never checking them', () => {
    const doc = [
      'Let $A, B \\in \\mathbb{R}^{n \\times n}$.',
      '$$f = \\operatorname{tr}(A B)$$',
      '$$\\frac{\\partial f}{\\partial A} = B \\otimes I$$',
      '$$g = p q$$',
      '$$\\frac{\\partial g}{\\partial p} = q \\otimes 1$$',
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 error'], ['5 error']]);
    expect(errorsOf(doc)[0]).toContain('Kronecker');
  });
});

describe('a small ^t is a transpose only where t can be nothing else', () => {
  it('reads (A + A^t) x as (A + A^T) x in a document that writes t nowhere else', () => {
    // f = x^T A x + b^T x: ∇f = (A + A^T) x + b (sympy, n = 2, symbols); 2Ax + b holds only for a symmetric A.
    const doc = [
      'Let $x, b \\in \\mathbb{R}^{n}$ and $A \\in \\mathbb{R}^{n \\times n}$.',
      '$$f = x^t A x + b^{t} x$$',
      '$$\\nabla_x f = (A + A^t) x + b$$',
      '$$\\nabla_x f = (A^t A) x + b$$',
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['4 incorrect']]);
  });

  it('keeps ^t a power where t is a variable, a step, or the exponent of e or a number', () => {
    // d/dt (e^t + 2^t) = e^t + 2^t ln 2: right; with ln 2 left out it is wrong. t is f's variable, so ^t is a power.
    const powers = ['$$f(t) = e^t + 2^t + s^t$$', '$$\\frac{df}{dt} = e^t + 2^t \\ln 2 + s^t \\ln s$$', '$$\\frac{df}{dt} = e^t + 2^t + s^t \\ln s$$'].join('\n');
    expect(stepsOf(powers)).toEqual([['2 correct'], ['3 incorrect']]);
    // t written only as ^t and in dt: differentiated by, so a variable, and (1 + r)^t a power (d/dt is (1 + r)^t ln(1 + r)).
    const growth = ['$$P = (1 + r)^t$$', '$$\\frac{dP}{dt} = (1 + r)^t \\ln(1 + r)$$', '$$\\frac{dP}{dt} = (1 + r)^t$$'].join('\n');
    expect(stepsOf(growth)).toEqual([['2 correct'], ['3 incorrect']]);
    // A step h_t in the document: x^t is not read as a transpose (x^T x would make line 3 hold), so h_t is unread
    // and its derivative unjudged, never ✓.
    const steps = ['Let $x \\in \\mathbb{R}^{n}$.', '$$h_t = x^t x$$', '$$\\frac{\\partial h_t}{\\partial x} = 2 x$$'].join('\n');
    expect(stepsOf(steps)).toEqual([['3 unjudged']]);
  });
});

describe('a gradient transposed in a question that writes its Jacobians in denominator layout', () => {
  it('is unjudged, where a wrong value in the variable\'s shape stays ✗', () => {
    // Rows z = x W (1 x h), x (1 x d), J = sum(sigma(z)): the gradient is the row sigma'(z) W^T (1 x d). The author
    // writes dz/dx = W (d x h, the Jacobian transposed: denominator layout), so W sigma'(z)^T, the column, is that
    // layout's gradient: unjudged (a transposed step is not compared in the other layout, so any is unjudged).
    // 2 sigma'(z) W^T, a row in the variable's shape, is twice the gradient: ✗.
    const doc = [
      'Let $x \\in \\mathbb{R}^{1 \\times d}$, $W \\in \\mathbb{R}^{d \\times h}$.',
      '$$z = x W$$',
      '$$J = \\sum_i \\sigma(z_i)$$',
      '$$\\frac{\\partial z}{\\partial x} = W$$',
      '$$\\frac{\\partial J}{\\partial x} = W (\\sigma(z) \\odot (1 - \\sigma(z)))^T$$',
      '$$\\frac{\\partial J}{\\partial x} = 2 (\\sigma(z) \\odot (1 - \\sigma(z))) W^T$$',
      '$$\\frac{\\partial J}{\\partial x} = (\\sigma(z) \\odot (1 - \\sigma(z))) W^T$$',
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['4 unjudged'], ['5 unjudged'], ['6 incorrect'], ['7 correct']]);
  });
});

describe('a limit definition of a derivative', () => {
  it('is set aside with a note, and the chain it stands in still claims the derivative on the rows after it', () => {
    // f(x) = x^3: lim_{h→0} ((x + h)^3 - x^3)/h = 3x^2 (sympy). The limit rows are set aside, never checked; the
    // last row of the first chain, f'(x) = 3x^2, is right, the second chain's f'(x) = 3x is wrong.
    const doc = [
      '## Exercise 1',
      'Let $f(x) = x^3$.',
      '$$\\begin{aligned} f\'(x) &= \\lim_{h \\to 0} \\frac{(x+h)^3 - x^3}{h} \\\\ &= \\lim_{h \\to 0} (3x^2 + 3xh + h^2) \\\\ &= 3x^2 \\end{aligned}$$',
      '$$\\begin{aligned} \\frac{df}{dx} &= \\lim_{h \\to 0} \\frac{f(x+h) - f(x)}{h} \\\\ &= 3x \\end{aligned}$$',
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['4 incorrect']]);
    const notes = checkSource(doc, 'doc.md').report.diagnostics.filter((d) => d.code === 'not-a-claim').map((d) => d.line);
    expect(notes).toEqual([3, 3, 4]);
  });

  it('a limit alone claims nothing', () => {
    // The textbook definition of a partial: nothing to check, and no parse error either.
    const doc = '$$\\frac{\\partial f}{\\partial x} = \\lim_{h \\to 0} \\frac{f(x + h, y) - f(x, y)}{h}$$';
    const { report } = checkSource(doc, 'doc.md');
    expect(report.claims).toEqual([]);
    expect(report.diagnostics.map((d) => d.code)).toEqual(['not-a-claim']);
  });
});
