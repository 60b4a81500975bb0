// Derivatives written as operators, in the styles of other authors than the corpus's: a Jacobian with its variable
// in the subscript and its function as the argument (`\mathbf J_{\mathbf x}(\mathbf u)`, latex/subscriptJacobians.ts);
// a derivative applied to a direction (`Df(x)[h]`, `d_w F(w) \cdot v`, latex/appliedDifferentials.ts); a weighted
// inner product the document defines (`\langle a, b \rangle_M := a^\top M b`, latex/weightedProducts.ts).
// Each document has a right line that must come out correct and a wrong one that must come out incorrect.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { stepsOf } from './helpers';

describe('a Jacobian written J_{variable}(function)', () => {
  it('reads \\mathbf J_{\\mathbf x}(\\mathbf u) as du/dx', () => {
    // Lecture-notes style, bold vectors. u = tanh(Ax): du/dx = diag(1 - u ⊙ u) A (numpy, m = 2, n = 3, finite
    // differences agree to 1e-9); line 4 drops the square, diag(1 - u) A, wrong wherever u ≠ 0.
    const doc = [
      'Let $\\mathbf x \\in \\mathbb{R}^{n}$, $A \\in \\mathbb{R}^{m \\times n}$ and $\\mathbf u = \\tanh(A \\mathbf x)$.', // 1
      '',
      '$$\\mathbf J_{\\mathbf x}(\\mathbf u) = \\text{diag}(1 - \\mathbf u \\odot \\mathbf u) A$$', // 3: right
      '$$\\mathbf{J}_{\\mathbf{x}}(\\mathbf{u}) = \\text{diag}(1 - \\mathbf u) A$$', // 4: wrong
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['4 incorrect']]);
  });

  it('reads the Jacobian of a number by a column as its row, or as the gradient', () => {
    // L = θᵀθ + 3: ∂L/∂θ = 2θ; the Jacobian of a number by θ ∈ R² is the 1 x 2 row 2θᵀ, which texts also write as
    // the column. θᵀ (line 5) misses the factor 2.
    const doc = [
      'Let $\\boldsymbol\\theta \\in \\mathbb{R}^{2}$ and $L = \\theta^T \\theta + 3$.', // 1
      '',
      '$$\\mathbf{J}_{\\boldsymbol{\\theta}}(L) = 2\\theta^T$$', // 3: right (the row)
      '$$\\mathbf{J}_{\\boldsymbol{\\theta}}(L) = 2\\theta$$', // 4: right (the gradient's layout)
      '$$\\mathbf{J}_{\\boldsymbol{\\theta}}(L) = \\theta^T$$', // 5: wrong
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['4 correct'], ['5 incorrect']]);
  });

  it('reads a function of the document written bare as its value at its parameters', () => {
    // g(w) = exp(Bw): J_w(g) = diag(exp(Bw)) B; line 5 writes diag(Bw) B, the exponential dropped.
    const doc = [
      'Take $B \\in \\mathbb{R}^{m \\times n}$, $w \\in \\mathbb{R}^{n}$ and $g(w) = \\exp(B w)$.', // 1
      '',
      '$$J_{w}(g) = \\text{diag}(\\exp(B w)) B$$', // 3: right
      '',
      '$$J_{w}(g) = \\text{diag}(B w) B$$', // 5: wrong
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['5 incorrect']]);
  });

  it('keeps J_F(x, y) of a defined function its Jacobian at the point, and judges no J_f(x) of an undefined f', () => {
    // g(x, y) = x²y: J_g = [2xy, x²] (right, line 2); [xy, x²] misses the 2 (line 3). In part 2 f is only named in
    // prose: J_f(x) is not read as a Jacobian by x, and no verdict rests on reading it the other way.
    const doc = [
      '## Part 1', // 1
      'Let $g(x, y) = x^2 y$.', // 2
      '$$J_g(x, y) = \\begin{bmatrix} 2xy & x^2 \\end{bmatrix}$$', // 3: right
      '$$J_g(x, y) = \\begin{bmatrix} xy & x^2 \\end{bmatrix}$$', // 4: wrong
      '## Part 2', // 5
      'Suppose $f : \\mathbb{R}^n \\to \\mathbb{R}^m$.', // 6
      '$$J_f(x) = A$$', // 7
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['4 incorrect'], ['7 unjudged']]);
  });

  it('leaves a wrong-looking step unjudged where it transposes a vector whose orientation chainrule guessed', () => {
    // Row-vector texts: s = softmax(x) with x a row, J_x(s) = diag(s) - sᵀs (sᵀs the outer product). Read with x a
    // column, sᵀs is a number; the prose states the rows, chainrule does not read it, so no verdict.
    const doc = [
      'We use row vectors.', // 1
      '$$s(\\mathbf x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$$', // 2
      '$$\\mathbf J_{\\mathbf x}(\\mathbf s) = \\text{diag}(\\mathbf s) - \\mathbf s^\\top \\mathbf s$$', // 3
    ].join('\n');
    const { report } = checkSource(doc, 'doc.md');
    const steps = report.claims.flatMap((c) => c.steps.map((s) => `${s.line} ${s.verdict}`));
    expect(steps).toContain('3 unjudged');
    expect(steps).not.toContain('3 incorrect');
  });
});

describe('a derivative applied to a direction', () => {
  it('reads Df(x)[h] of a number-valued f as its gradient against h', () => {
    // Optimisation-text style. f(x) = xᵀAx: Df(x)[h] = xᵀ(A + Aᵀ)h (numpy, n = 3, random A not symmetric, agrees
    // with (f(x + εh) - f(x - εh)) / 2ε to 1e-8); 2xᵀAh (line 7) holds only for a symmetric A.
    const doc = [
      '## Directional derivative of a quadratic', // 1
      '',
      'Let $A \\in \\mathbb{R}^{n \\times n}$, $x, h \\in \\mathbb{R}^{n}$ and $f(x) = x^T A x$.', // 3
      '',
      '$$Df(x)[h] = x^T (A + A^T) h$$', // 5: right
      '',
      '$$Df(x)[h] = 2 x^T A h$$', // 7: wrong
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['5 correct'], ['7 incorrect']]);
  });

  it('reads d_w F(w) \\cdot v of a vector map as its Jacobian times v, and Df(x) alone as the Jacobian', () => {
    // F(w) = tanh(Bw): dF·v = (1 - F⊙F) ⊙ (Bv) (numpy, m = 2, n = 3); line 4 drops the square. f(x) = Cx: Df(x) = C
    // (line 7), not Cᵀ (line 8, C not symmetric).
    const doc = [
      'Let $B \\in \\mathbb{R}^{m \\times n}$, $w, v \\in \\mathbb{R}^{n}$ and $F(w) = \\tanh(B w)$.', // 1
      '',
      '$$d_w F(w) \\cdot v = (1 - F(w) \\odot F(w)) \\odot (B v)$$', // 3: right
      '$$d_w F(w) \\cdot v = (1 - F(w)) \\odot (B v)$$', // 4: wrong
      '## Linear map', // 5
      'Let $x \\in \\mathbb{R}^{n}$, $C \\in \\mathbb{R}^{n \\times n}$, $f(x) = C x$.', // 6
      '$$D f(x) = C$$', // 7: right
      '$$D f(x) = C^T$$', // 8: wrong
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['4 incorrect'], ['7 correct'], ['8 incorrect']]);
  });

  it('reads a D the document gives a value as the product it is', () => {
    // D = diag(d) is a matrix: D f(x) is D times f(x), no derivative, and g = D f(x) defines g; dg/dx = D diag(cos x).
    const doc = [
      'Let $d, x \\in \\mathbb{R}^{n}$, $D = \\text{diag}(d)$ and $f(x) = \\sin(x)$.', // 1
      '$$g = D f(x)$$', // 2
      '$$\\frac{\\partial g}{\\partial x} = D \\, \\text{diag}(\\cos(x))$$', // 3: right
      '$$\\frac{\\partial g}{\\partial x} = \\text{diag}(\\cos(x))$$', // 4: wrong, D dropped
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['4 incorrect']]);
  });

  it('sets aside a differential applied to a tuple direction, or by a variable the call does not take, rather than read it as a product', () => {
    const doc = ['Let $x, y, u, v \\in \\mathbb{R}^{n}$ and $S(x, y) = x^T y$.', '$$dS(x, y) \\cdot (u, v) = u^T y + x^T v$$'].join('\n');
    const { report } = checkSource(doc, 'doc.md');
    expect(report.claims.flatMap((c) => c.steps.map((s) => s.verdict))).toEqual([]);
    // d_z of f(x, y): no variable of f; read as the product d_z·f(x, y)·h it was a ✗ on a line that claims no product.
    const other = checkSource(['Let $f(x, y) = x y$.', '$$d_z f(x, y) \\cdot h = x h$$'].join('\n'), 'doc.md').report;
    expect(other.claims.flatMap((c) => c.steps.map((s) => s.verdict))).toEqual([]);
    expect(other.diagnostics.filter((d) => d.code === 'not-a-claim').map((d) => d.line)).toEqual([2]);
  });
});

describe('a weighted inner product the document defines', () => {
  // Generalised least squares in a statistics-notes style: ⟨a, b⟩_M := aᵀMb with M the (symmetric) inverse covariance.
  // r = Xβ - y, J = ⟨r, r⟩_M: ∇J = 2XᵀMr = 2⟨X, r⟩_M (numpy, m = 4, n = 2, M = LLᵀ); ⟨X, r⟩_M (line 8) misses the 2;
  // 2⟨r, X⟩_Mᵀ (line 9) is 2(rᵀMX)ᵀ = 2XᵀMr.
  const doc = (definition: string) =>
    [
      `We write $\\langle a, b \\rangle_M ${definition}$ for the $M$-inner product.`, // 1
      'Let $X \\in \\mathbb{R}^{m \\times n}$, $\\beta \\in \\mathbb{R}^{n}$, $y \\in \\mathbb{R}^{m}$, $M \\in \\mathbb{R}^{m \\times m}$ symmetric, and $r = X\\beta - y$.', // 2
      '',
      '$$J = \\langle r, r \\rangle_M$$', // 4
      '',
      '$$\\nabla_\\beta J = 2 \\langle X, r \\rangle_M$$', // 6: right
      '',
      '$$\\nabla_\\beta J = \\langle X, r \\rangle_M$$', // 8: wrong
      '$$\\nabla_\\beta J = 2 \\langle r, X \\rangle_M^\\top$$', // 9: right
    ].join('\n');

  it('reads it as the document defines it, and sets the definition aside', () => {
    const source = doc(':= a^\\top M b');
    expect(stepsOf(source)).toEqual([['6 correct'], ['8 incorrect'], ['9 correct']]);
    const notes = checkSource(source, 'doc.md').report.diagnostics.filter((d) => d.code === 'not-a-claim').map((d) => d.line);
    expect(notes).toEqual([1]);
  });

  it('reads a definition with the sides swapped in that order', () => {
    // ⟨a, b⟩_M := bᵀMa: ⟨X, r⟩_M is rᵀMX, a 1 x n row, so 2⟨X, r⟩_M is the gradient's transpose, a shape error, and
    // 2⟨r, X⟩_M is 2XᵀMr, right.
    const source = doc('= b^T M a').replace('2 \\langle r, X \\rangle_M^\\top', '2 \\langle r, X \\rangle_M');
    expect(stepsOf(source)).toEqual([['6 incorrect'], ['8 incorrect'], ['9 correct']]);
  });

  it('leaves a weighted product the document does not define unread', () => {
    const source = doc('').replace('We write $\\langle a, b \\rangle_M $ for the $M$-inner product.', 'We weight by $M$.');
    const { report } = checkSource(source, 'doc.md');
    expect(report.claims.flatMap((c) => c.steps.map((s) => s.verdict))).toEqual([]);
    expect(report.summary.read?.notRead.map((n) => n.line)).toEqual([6, 8, 9]);
  });
});
