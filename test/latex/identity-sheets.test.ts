// Identity sheets: one identity per numbered section, as a matrix-calculus handout or an exercise list writes
// them, each section declaring its own names. A later section's names are its own, so an earlier section's
// formula or shape must not decide its lines, and an earlier section's arrays say nothing of a later section
// that declares nothing. Each verdict is the identity's (sympy/numpy: the right lines differ from the
// derivative by 0 or ~1e-9 by finite differences; the wrong ones by a nonzero function or by their shape).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { printed } from './helpers';

const run = (source: string) => checkSource(source, 'sheet.md').report;
const verdicts = (source: string) => run(source).claims.map((c) => `${c.line} ${c.verdict}`);
const md = (...lines: string[]) => lines.join('\n') + '\n';

describe('an identity sheet whose sections declare the same names again', () => {
  it("reads a section's own A, not an earlier section's formula written with another A (it was a shape error at the earlier line)", () => {
    // Section 2's L = ||Ax - b||^2 has A m x n; sections 3 and 4 declare A n x n. L is borrowed by them but no
    // longer fits: set aside there, not reported as an error at line 4. ∇_x L = 2A^T(Ax - b); d tr(AX)/dX = A^T.
    const doc = md(
      '## 1. Quadratic form',
      'Let $x \\in \\mathbb{R}^n$, $A \\in \\mathbb{R}^{n \\times n}$ and $f(x) = x^T A x$: $$\\frac{\\partial f}{\\partial x} = (A + A^T) x$$',
      '## 2. Least squares',
      'Let $A \\in \\mathbb{R}^{m \\times n}$, $b \\in \\mathbb{R}^m$, $x \\in \\mathbb{R}^n$ and $L = \\|Ax - b\\|^2$.',
      '$$\\nabla_x L = 2A^T(Ax - b)$$',
      '## 3. Trace',
      'Let $X \\in \\mathbb{R}^{n \\times n}$, $A \\in \\mathbb{R}^{n\\times n}$, $g = \\mathrm{tr}(AX)$.',
      '$$\\frac{\\partial g}{\\partial X} = A^T$$',
      '## 4. Log-determinant',
      'Let $X \\in \\mathbb{R}^{n \\times n}$ and $h = \\log\\det X$: $$\\frac{\\partial h}{\\partial X} = X^{-T}$$',
      '$$\\frac{\\partial g}{\\partial X} = A$$',
    );
    const report = run(doc);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Line 11 is in section 4 but about section 3's g: A is the transpose of the right A^T, but the line rests on
    // another section's definition, so it is unjudged (the honest verdict when the scope may be wrong).
    expect(report.claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(['2 correct', '5 correct', '8 correct', '10 correct', '11 unjudged']);
  });

  it('judges scalar identities in a section that declares nothing, after sections that declared arrays', () => {
    // σ' = σ(1 - σ) (sympy: 0), so σ(1 + σ) is wrong (difference -2e^{2t}/(e^t + 1)^2); tanh' = 1 - tanh^2, so
    // 1 - tanh is wrong (difference tanh - tanh^2). t and v are declared nowhere: taken as numbers, they are wrong
    // for any shape, entry by entry, and the arrays of section 1 (which these sections never write) change nothing.
    const doc = md(
      '## 1. Linear map',
      'Let $W \\in \\mathbb{R}^{m \\times n}$, $x \\in \\mathbb{R}^n$ and $y = Wx$: $$\\frac{\\partial y}{\\partial x} = W$$',
      '## 2. Sigmoid',
      'Let $s = \\sigma(t)$.',
      '$$\\frac{ds}{dt} = \\sigma(t)(1 - \\sigma(t))$$',
      '$$\\frac{ds}{dt} = \\sigma(t)(1 + \\sigma(t))$$',
      '## 3. tanh',
      '$u = \\tanh(v)$',
      '$$\\frac{du}{dv} = 1 - \\tanh^2(v)$$',
      '$$\\frac{du}{dv} = 1 - \\tanh(v)$$',
    );
    expect(verdicts(doc)).toEqual(['2 correct', '5 correct', '6 incorrect', '9 correct', '10 incorrect']);
  });

  it("lets a section's own declaration replace an earlier section's formula, and its own formula an earlier shape", () => {
    // Section 1 defines x = r cos θ and y = r sin θ (scalars). Section 2 declares x ∈ R^n and defines y = Wx + b:
    // its x is a vector of its own (it was read as r cos θ: "x is declared n x 1 but its definition is scalar",
    // every line an error). numpy: dL/dW = (y - t)x^T to 7e-10; x(y - t)^T is n x m, the transpose.
    // Section 3's "$A \in \mathbb{R}^{n \times n}$ symmetric" makes A symmetric: ∇f = Ax + b (FD 9e-10), and
    // 2Ax + b is wrong (FD 3.1).
    const doc = md(
      '# Problem 1',
      '$x = r\\cos\\theta$, $y = r\\sin\\theta$: $$\\frac{\\partial x}{\\partial \\theta} = -r\\sin\\theta$$',
      '# Problem 2',
      'Let $W \\in \\mathbb{R}^{m \\times n}$, $x \\in \\mathbb{R}^n$, $b \\in \\mathbb{R}^m$, $y = Wx + b$ and $L = \\frac{1}{2}\\|y - t\\|^2$ with $t \\in \\mathbb{R}^m$.',
      '$$\\frac{\\partial L}{\\partial W} = (y - t) x^T$$',
      '$$\\frac{\\partial L}{\\partial W} = x (y - t)^T$$',
      '# Problem 3',
      '$f(x) = \\frac{1}{2} x^T A x + b^T x$ with $A \\in \\mathbb{R}^{n \\times n}$ symmetric, $b, x \\in \\mathbb{R}^n$.',
      '$$\\nabla f(x) = A x + b$$',
      '$$\\nabla f(x) = 2Ax + b$$',
    );
    const report = run(doc);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(['2 correct', '5 correct', '6 incorrect', '9 correct', '10 incorrect']);
  });

  it('reads the Jacobian of listed functions by listed variables, and the Hessian of a function the sheet defines', () => {
    // Polar coordinates (sympy): ∂(x, y)/∂(r, θ) = [cos θ, -r sin θ; sin θ, r cos θ], determinant r; the second
    // matrix has the sign of -r sin θ dropped. f(x) = ½xᵀAx + bᵀx with A symmetric: ∇²f = A, so 2A is off by 2.
    // g(x, y) = x³y + e^{xy}: the Hessian below is sympy's (difference 0); the last drops the e^{xy} of the
    // mixed entries. The parameters of g(x, y) are its numbers, though section 2 declared x a vector.
    const doc = md(
      '## 1. Polar coordinates',
      '$x = r\\cos\\theta$, $y = r\\sin\\theta$.',
      '$$\\frac{\\partial (x, y)}{\\partial (r, \\theta)} = \\begin{bmatrix} \\cos\\theta & -r\\sin\\theta \\\\ \\sin\\theta & r\\cos\\theta \\end{bmatrix}$$',
      '$$\\frac{\\partial (x, y)}{\\partial (r, \\theta)} = \\begin{bmatrix} \\cos\\theta & r\\sin\\theta \\\\ \\sin\\theta & r\\cos\\theta \\end{bmatrix}$$',
      '$$\\det \\frac{\\partial (x, y)}{\\partial (r, \\theta)} = r$$',
      '## 2. Quadratic',
      '$f(x) = \\frac{1}{2} x^T A x + b^T x$ with $A \\in \\mathbb{R}^{n \\times n}$ symmetric, $b, x \\in \\mathbb{R}^n$.',
      '$$\\nabla^2 f(x) = A$$',
      '$$\\nabla^2 f(x) = 2A$$',
      '## 3. Two variables',
      '$g(x, y) = x^3 y + e^{xy}$',
      '$$\\nabla^2 g(x, y) = \\begin{bmatrix} 6xy + y^2 e^{xy} & 3x^2 + e^{xy} + xy e^{xy} \\\\ 3x^2 + e^{xy} + xy e^{xy} & x^2 e^{xy} \\end{bmatrix}$$',
      '$$\\nabla^2 g(x, y) = \\begin{bmatrix} 6xy + y^2 e^{xy} & 3x^2 + xy e^{xy} \\\\ 3x^2 + xy e^{xy} & x^2 e^{xy} \\end{bmatrix}$$',
    );
    expect(verdicts(doc)).toEqual(['3 correct', '4 incorrect', '5 correct', '8 correct', '9 incorrect', '12 correct', '13 incorrect']);
  });

  it('parses the Hessian and the listed Jacobian in exactly one way', () => {
    expect(printed('\\nabla^2 g(x, y) = H')).toEqual(['(d (d g(x, y) / x y) / x y) = H']);
    expect(printed('\\det \\frac{\\partial (x, y)}{\\partial (r, \\theta)} = r')).toEqual(['det((d [x; y] / r theta)) = r']);
  });

  it("reads a sample x_i of a declared X as a column, as textbooks stack samples, and a coefficient letter as a number", () => {
    // Regularized logistic regression: ∇J = (1/n) Xᵀ(σ(Xw) − y) + λw and its per-sample sum (numpy FD: 4e-11 both);
    // the flipped residual is off by 0.35, the dropped λw by 0.23. x_i^T w and w^T x_i were shape errors (x_i read as
    // row i of X, 1 x d); λ, declared nowhere, made the wrong lines unjudged.
    const doc = md(
      '# Logistic regression',
      'Let $X \\in \\mathbb{R}^{n \\times d}$, $y \\in \\{0,1\\}^n$, $w \\in \\mathbb{R}^d$, and',
      '$$J(w) = -\\frac{1}{n}\\sum_{i=1}^n \\left[ y_i \\log \\sigma(x_i^T w) + (1 - y_i)\\log(1 - \\sigma(w^T x_i)) \\right] + \\frac{\\lambda}{2}\\|w\\|^2$$',
      '$$\\nabla_w J = \\frac{1}{n} X^T(\\sigma(Xw) - y) + \\lambda w$$',
      '$$\\nabla_w J = \\frac{1}{n} \\sum_{i=1}^n (\\sigma(x_i^T w) - y_i) x_i + \\lambda w$$',
      '$$\\nabla_w J = \\frac{1}{n} X^T(y - \\sigma(Xw)) + \\lambda w$$',
      '$$\\nabla_w J = \\frac{1}{n} X^T(\\sigma(Xw) - y)$$',
    );
    expect(verdicts(doc)).toEqual(['4 correct', '5 correct', '6 incorrect', '7 incorrect']);
  });

  it("reports a step it cannot vectorise as its own limit, never as the author's shape mistake", () => {
    // d tr(XX)/dX = 2Xᵀ (sympy, entry by entry). The middle step, ∂X_ij/∂X_pq X_ji + X_ij ∂X_ji/∂X_pq, is right, but
    // holds four indices at once, more than chainrule's index notation vectorises: it was ✗ "shape".
    const doc = md(
      '# Trace of a square',
      'Let $X \\in \\mathbb{R}^{n \\times n}$.',
      '$$\\frac{\\partial}{\\partial X}\\mathrm{tr}(XX) = \\frac{\\partial X_{ij}}{\\partial X_{pq}} X_{ji} + X_{ij}\\frac{\\partial X_{ji}}{\\partial X_{pq}} = 2X^T$$',
      '$$\\frac{\\partial}{\\partial X}\\mathrm{tr}(XX) = 2X$$',
    );
    const claims = run(doc).claims;
    expect(claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(['3 correct', '4 incorrect']);
    expect(claims[0].steps.map((st) => st.verdict)).toEqual(['error', 'correct']);
    expect(claims[0].steps[0].message).toContain('at most two');
  });

  it('takes a positive (semi)definite matrix as symmetric, as textbooks define it', () => {
    // ∇ xᵀAx = (A + Aᵀ)x = 2Ax for a symmetric A (numpy FD on a random SPD A: 1e-9); Bx is half of it.
    const doc = md(
      '# Quadratic',
      'Let $A \\in \\mathbb{R}^{n \\times n}$ be positive definite, $x \\in \\mathbb{R}^n$ and $f = x^T A x$.',
      '$$\\nabla_x f = 2Ax$$',
      '# Quadratic 2',
      'Let $f = x^T B x$ for a positive semi-definite matrix $B \\in \\mathbb{R}^{n \\times n}$ and $x \\in \\mathbb{R}^n$.',
      '$$\\nabla_x f = 2Bx$$',
      '$$\\nabla_x f = Bx$$',
    );
    expect(verdicts(doc)).toEqual(['3 correct', '6 correct', '7 incorrect']);
  });

  it("sets aside a course's gradient names dZ, dW (it read dW^{[2]} as the product d W2 and marked a right line wrong)", () => {
    // deeplearning.ai's backward pass: dZ2 = A2 - Y (one example's loss, summed), dW2 = dZ2 A1^T / m (the mean
    // cost): right as that course defines them, and no product d·W2. Which cost each name differentiates is left
    // to the text, so the lines are notes, not claims; the ∂ line after them is checked (J = ½‖a − y‖², ∂J/∂a = a − y).
    const doc = md(
      '# Backward pass',
      '$$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}$$',
      '$$dZ^{[2]} = A^{[2]} - Y$$',
      '$$dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]T}$$',
      '# Check',
      '$$J = \\frac{1}{2}(a - y)^2$$',
      '$$\\frac{\\partial J}{\\partial a} = a - y$$',
    );
    const report = run(doc);
    expect(report.claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(['7 correct']);
    expect(report.diagnostics.filter((d) => d.code === 'not-a-claim').map((d) => d.line)).toEqual([3, 4]);
  });

  it("takes a question's own f(w, x) = ... as its function after a sibling question's f = qz", () => {
    // cs231n's sigmoid neuron: u = w0 x0 + w1 x1 + w2 = 1 at the point, σ'(1) = 0.1966; ∂f/∂w0 = σ'(1) x0 = -0.197,
    // ∂f/∂x0 = σ'(1) w0 = 0.393, ∂f/∂w2 = 0.197 (numpy), so ≈ 0.5 is wrong. The first question's f = qz made
    // `f(w, x) = ...` a claim about that f, and every line an error.
    const doc = md(
      '# Simple circuit',
      'Let $f(x, y, z) = (x + y) z$ and $q = x + y$, so $f = qz$.',
      '$$\\frac{\\partial f}{\\partial z} = q$$',
      '# Sigmoid neuron',
      '$f(w, x) = \\frac{1}{1 + e^{-(w_0 x_0 + w_1 x_1 + w_2)}}$ at $w_0 = 2, x_0 = -1, w_1 = -3, x_1 = -2, w_2 = -3$.',
      '$$\\frac{\\partial f}{\\partial w_0} = \\sigma(1)(1 - \\sigma(1)) x_0 \\approx -0.2$$',
      '$$\\frac{\\partial f}{\\partial x_0} \\approx 0.39$$',
      '$$\\frac{\\partial f}{\\partial w_2} \\approx 0.5$$',
    );
    expect(verdicts(doc)).toEqual(['3 correct', '6 correct', '7 correct', '8 incorrect']);
  });

  it("reads a function's parameter named like a declared array as that array (θ_k of θ in R^K was an error)", () => {
    // A(θ) = log Σ_k exp θ_k: ∇A = softmax(θ), ∇²A = diag(softmax θ) − softmax θ softmax θᵀ (sympy, K = 3: 0).
    const doc = md(
      '# Log-partition',
      'Let $\\theta \\in \\mathbb{R}^K$ and $A(\\theta) = \\log \\sum_{k=1}^K \\exp(\\theta_k)$.',
      '$$\\nabla A(\\theta) = \\mathrm{softmax}(\\theta)$$',
      '$$\\nabla^2 A(\\theta) = \\mathrm{diag}(\\mathrm{softmax}(\\theta)) - \\mathrm{softmax}(\\theta)\\mathrm{softmax}(\\theta)^T$$',
      '$$\\nabla A(\\theta) = \\exp(\\theta)$$',
    );
    const report = run(doc);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(['3 correct', '4 correct', '5 incorrect']);
  });

  it('differentiates a loss written with entries (\\hat{y}_k) by the intermediate its array is defined from', () => {
    // z = Wx + b, ŷ = softmax(z), L = −Σ_k y_k log ŷ_k, y one-hot: ∂L/∂z = ŷ − y (numpy FD: 1e-10), so y − ŷ is
    // wrong. L was read as not depending on z (its entries ŷ_k did not count as a use of ŷ): unjudged.
    const doc = md(
      '## Problem 2',
      'The scores are $\\mathbf{z} = W\\mathbf{x} + \\mathbf{b}$ with $W \\in \\mathbb{R}^{K \\times D}$, $\\mathbf{x} \\in \\mathbb{R}^D$, $\\hat{\\mathbf{y}} = \\text{softmax}(\\mathbf{z})$ and $L = -\\sum_{k=1}^K y_k \\log \\hat{y}_k$ where $\\mathbf{y}$ is one-hot.',
      '$$\\frac{\\partial L}{\\partial \\mathbf{z}} = \\hat{\\mathbf{y}} - \\mathbf{y}$$',
      '$$\\frac{\\partial L}{\\partial \\mathbf{z}} = \\mathbf{y} - \\hat{\\mathbf{y}}$$',
    );
    expect(verdicts(doc)).toEqual(['3 correct', '4 incorrect']);
  });
});
