// Exercise sets as a calculus textbook (Stewart's §14.5 chain rule, a table of derivatives) prints them and a
// student answers them: bare operator commands whose argument opens with a number (`\sin 2t`), and question
// numbers in bold (`**1.**`). Each verdict is worked by hand and checked with sympy (the differences quoted).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const verdicts = (source: string) => checkSource(source, 'exercises.md').report.claims.map((c) => `${c.line} ${c.verdict}`);
const md = (...lines: string[]) => lines.join('\n') + '\n';

describe('a bare operator whose argument opens with a number', () => {
  it('reads \\sin 2t as sin(2t) in the chain rule for z(x(t), y(t))', () => {
    // z = x^2 y + 3xy^4, x = sin 2t, y = cos t. dz/dt = (2xy + 3y^4)(2cos 2t) + (x^2 + 12xy^3)(-sin t): sympy
    // difference 0. With +sin t the difference is nonzero (line 6 is wrong). Read as sin(2)·t, the right line 5
    // was ✗ "expected 2.7279 y^4 + ...".
    const doc = md(
      'Let $z = x^2 y + 3xy^4$, where $x = \\sin 2t$ and $y = \\cos t$.',
      '$$\\frac{\\partial z}{\\partial x} = 2xy + 3y^4$$',
      '$$\\frac{\\partial z}{\\partial y} = x^2 + 12xy^3$$',
      '',
      '$$\\frac{dz}{dt} = (2xy + 3y^4)(2\\cos 2t) + (x^2 + 12xy^3)(-\\sin t)$$',
      '$$\\frac{dz}{dt} = (2xy + 3y^4)(2\\cos 2t) + (x^2 + 12xy^3)(\\sin t)$$',
    );
    expect(verdicts(doc)).toEqual(['2 correct', '3 correct', '5 correct', '6 incorrect']);
  });

  it('takes every name written against the number, and a power of the operator, and stops at the next operator', () => {
    // d/dt sin(2t) = 2cos(2t): `\cos 2t` alone misses the factor 2 (difference cos 2t). g = -1/2 log(2πσ²):
    // dg/dσ = -1/σ (sympy 0), -2/σ is off by 2 (difference 1/σ). d/dt sin²(3t) = 6 sin 3t cos 3t (sympy 0).
    // d/dt sin(2πt) = 2π cos(2πt) (sympy 0).
    const doc = md(
      '## (a)',
      'Let $x = \\sin 2t$. $$\\frac{dx}{dt} = 2\\cos 2t$$',
      '$$\\frac{dx}{dt} = \\cos 2t$$',
      '## (b)',
      'Let $g = -\\frac{1}{2}\\log 2\\pi\\sigma^2$. $$\\frac{dg}{d\\sigma} = -\\frac{1}{\\sigma}$$',
      '$$\\frac{dg}{d\\sigma} = -\\frac{2}{\\sigma}$$',
      '## (c)',
      'Let $u = \\sin^2 3t$. $$\\frac{du}{dt} = 6\\sin 3t\\cos 3t$$',
      '## (d)',
      'Let $q = \\sin 2\\pi t$. $$\\frac{dq}{dt} = 2\\pi\\cos 2\\pi t$$',
    );
    expect(verdicts(doc)).toEqual(['2 correct', '3 incorrect', '5 correct', '6 incorrect', '8 correct', '10 correct']);
  });
});

describe('question numbers in bold', () => {
  it('starts a question at **1.**, **2** so that a later exercise may define z again', () => {
    // Exercise 1: z = x^2, dz/dx = 2x. Exercise 2: z = x^3, dz/dx = 3x^2 (right); 2x is wrong there (difference
    // 3x^2 - 2x). Without the split, exercise 2's `z = x^3` was a ✗ claim against z = x^2 and its right
    // dz/dx = 3x^2 a ✗.
    const doc = md(
      'Answer each exercise.',
      '',
      '**1.** Let $z = x^2$.',
      '$$\\frac{dz}{dx} = 2x$$',
      '',
      '**2** Let $z = x^3$.',
      '$$\\frac{dz}{dx} = 3x^2$$',
      '$$\\frac{dz}{dx} = 2x$$',
    );
    expect(verdicts(doc)).toEqual(['4 correct', '7 correct', '8 incorrect']);
  });
});

describe('a formula introduced in prose as a definition', () => {
  it('reads "Now let $z = x^3$" as z\'s definition from there on, and "Hence $z = x^4$" as a claim', () => {
    // z = x^2: dz/dx = 2x. "Now let z = x^3" defines z again: dz/dx = 3x^2, so 2x on line 3 is wrong (difference
    // 3x^2 - 2x). "Hence z = x^4" claims z is x^4, which it is not (x^3): ✗; dz/dx = 3x^2 still holds. The
    // definition on line 3 was a ✗ claim "expected x^2", and the right dz/dx after it a ✗.
    const doc = md(
      'Let $z = x^2$. Then $$\\frac{dz}{dx} = 2x$$',
      '',
      'Now let $z = x^3$. Then $$\\frac{dz}{dx} = 2x$$',
      '',
      'Hence $z = x^4$ and $$\\frac{dz}{dx} = 3x^2$$',
    );
    expect(verdicts(doc)).toEqual(['1 correct', '3 incorrect', '5 incorrect', '5 correct']);
  });
});

describe('functions that exercises define and compose', () => {
  it('reads H = F \\circ G of two defined functions as their composition, so J_H is its Jacobian', () => {
    // G(x, y) = (x + y, xy), F(u, v) = (u^2, sin v): H = F∘G = ((x + y)^2, sin(xy)), whose Jacobian (sympy) is
    // [[2(x + y), 2(x + y)], [y cos(xy), x cos(xy)]]. Line 7 swaps x and y in the second row: wrong. `J_H` was a
    // function of its own, "defined twice" at line 7, whose wrong matrix went unchecked.
    const doc = md(
      'Let $G(x, y) = (x + y, xy)$ and $F(u, v) = (u^2, \\sin v)$, and $H = F \\circ G$.',
      '',
      '$$J_G(x, y) = \\begin{pmatrix} 1 & 1 \\\\ y & x \\end{pmatrix}$$',
      '',
      '$$J_H(x, y) = J_F(G(x, y)) J_G(x, y) = \\begin{pmatrix} 2(x+y) & 2(x+y) \\\\ y\\cos(xy) & x\\cos(xy) \\end{pmatrix}$$',
      '',
      '$$J_H(x, y) = \\begin{pmatrix} 2(x+y) & 2(x+y) \\\\ x\\cos(xy) & y\\cos(xy) \\end{pmatrix}$$',
    );
    const report = checkSource(doc, 'exercises.md').report;
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(verdicts(doc)).toEqual(['3 correct', '5 correct', '7 incorrect']);
  });

  it("checks the gradient at a point with its own question's f, not an earlier question's f of three arguments", () => {
    // Question 1: f = xyz, df/dx = yz. Question 2: f = x^2 + 3xy, grad f = (2x + 3y, 3x), (8, 3) at (1, 2); (3, 8)
    // is wrong. The earlier f(x, y, z) was given question 2's gradient function too: "f takes 3 arguments, not 2".
    const doc = md(
      '## 1',
      'For $f(x, y, z) = xyz$, $\\frac{\\partial f}{\\partial x} = yz$.',
      '## 2',
      'For $f(x, y) = x^2 + 3xy$, $$\\nabla f(1, 2) = \\begin{bmatrix} 8 \\\\ 3 \\end{bmatrix}$$',
      '$$\\nabla f(1, 2) = \\begin{bmatrix} 3 \\\\ 8 \\end{bmatrix}$$',
    );
    const report = checkSource(doc, 'exercises.md').report;
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(verdicts(doc)).toEqual(['2 correct', '4 correct', '5 incorrect']);
  });
});

describe('sibling questions that reuse a name', () => {
  it("reads Q2's own L = -y log a - ... over Q1's function L(w), and 'Q2. A ...' as question 2, not part 2a", () => {
    // Q1: L(w) = λ/2 ||w||^2, ∇_w L = λw. Q2: a = σ(z), L = -y log a - (1 - y) log(1 - a): dL/da = -y/a + (1-y)/(1-a)
    // (sympy 0), with - (1-y)/(1-a) wrong (difference 2(1-y)/(1-a)), dL/dz = a - y (sympy 0). Q2's lines read
    // Q1's L(w) ("L does not depend on a", unjudged), and "Q2. A logistic unit" was labelled 2a.
    const doc = md(
      '**Q1.** Let $w \\in \\mathbb{R}^d$ and $L(w) = \\frac{\\lambda}{2}\\|w\\|^2$. Then $\\nabla_w L = \\lambda w$.',
      '',
      '**Q2.** A logistic unit: $a = \\sigma(z)$ and $L = -y\\log a - (1 - y)\\log(1 - a)$.',
      '$$\\frac{\\partial L}{\\partial a} = -\\frac{y}{a} + \\frac{1 - y}{1 - a}$$',
      '$$\\frac{\\partial L}{\\partial a} = -\\frac{y}{a} - \\frac{1 - y}{1 - a}$$',
      '$$\\frac{\\partial L}{\\partial z} = a - y$$',
    );
    const claims = checkSource(doc, 'exercises.md').report.claims;
    expect(claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(['1 correct', '4 correct', '5 incorrect', '6 correct']);
    expect(claims.map((c) => c.label)).toEqual(['1', '2', '2', '2']);
  });
});

describe('index ranges that arrays share', () => {
  it('runs i over the N of the softmax sum, for the labels y_i written beside p_i', () => {
    // p = softmax(a) over N entries, L = -sum_i y_i log p_i with one-hot y: dL/da_i = p_i - y_i (sympy: p_i sum(y)
    // - y_i, with sum(y) = 1); y_i - p_i is its negative. y is declared nowhere; its range was a size of its own
    // (n), and every line an error "the index i runs over n in y_i but over N in p_i".
    const doc = md(
      'The softmax is $p_i = \\frac{e^{a_i}}{\\sum_{k=1}^N e^{a_k}}$ and the loss is $L = -\\sum_i y_i \\log p_i$.',
      '$$\\frac{\\partial L}{\\partial a_i} = p_i - y_i$$',
      '$$\\frac{\\partial L}{\\partial a_i} = y_i - p_i$$',
    );
    expect(verdicts(doc)).toEqual(['2 correct', '3 incorrect']);
  });

  it('takes the range of an index from a declared array it indexes', () => {
    // a in R^N declared, p = softmax(a), the same loss: dL/da_i = p_i - y_i. Without a's size for i the labels y
    // got a size of their own and the line was an error.
    const doc = md(
      'Let $p = \\mathrm{softmax}(a)$ with $a \\in \\mathbb{R}^N$ and $L = -\\sum_i y_i \\log p_i$.',
      '$$\\frac{\\partial L}{\\partial a_i} = p_i - y_i$$',
      '$$\\frac{\\partial L}{\\partial a_i} = p_i + y_i$$',
    );
    expect(verdicts(doc)).toEqual(['2 correct', '3 incorrect']);
  });
});

describe('a derivative written before the point it is taken at', () => {
  it('reads (∂g/∂x)(1, 2) and (df/dx)(2) as the derivative at that point', () => {
    // g = x^2 y + y^3: g_x = 2xy = 4 at (1, 2), g_y = x^2 + 3y^2 = 13 there (12 is wrong). f = x^3 - 4x:
    // f'(2) = 3*4 - 4 = 8 (12 is wrong). The bracket was a tuple times the derivative (not read) or, with one value,
    // a product (2 f'(x) = 8 is no claim a TA would check).
    const doc = md(
      '## 1',
      'Let $g(x, y) = x^2 y + y^3$.',
      '$$\\frac{\\partial g}{\\partial x}(1, 2) = 4$$',
      '$$\\frac{\\partial g}{\\partial y}(1, 2) = 13$$',
      '$$\\frac{\\partial g}{\\partial y}(1, 2) = 12$$',
      '## 2',
      'Let $f(x) = x^3 - 4x$.',
      '$$\\frac{df}{dx}(2) = 8$$',
      '$$\\frac{df}{dx}(2) = 12$$',
    );
    expect(verdicts(doc)).toEqual(['3 correct', '4 correct', '5 incorrect', '8 correct', '9 incorrect']);
  });
});

describe('a loss left to prose, with the upstream gradient given', () => {
  it('marks a step of the wrong shape wrong whatever the loss is', () => {
    // S = H_1 W_2 with H_1 N x H, W_2 H x C; L is never defined. dL/dW2 = H_1^T dL/dS (H x C) and dL/dH1 = dL/dS W_2^T
    // (N x H) hold for every scalar L (numpy with random upstream gradients: 0). dL/dS H_1^T multiplies N x C by
    // H x N: no L makes it a product, so it is wrong (it was unjudged, "this line does not hold for every L").
    const doc = md(
      '$X \\in \\mathbb{R}^{N \\times D}$, $W_1 \\in \\mathbb{R}^{D \\times H}$, $W_2 \\in \\mathbb{R}^{H \\times C}$.',
      '$$H_1 = \\max(0, X W_1)$$',
      '$$S = H_1 W_2$$',
      '$$\\frac{\\partial L}{\\partial W_2} = H_1^T \\frac{\\partial L}{\\partial S}$$',
      '$$\\frac{\\partial L}{\\partial H_1} = \\frac{\\partial L}{\\partial S} W_2^T$$',
      '$$\\frac{\\partial L}{\\partial W_2} = \\frac{\\partial L}{\\partial S} H_1^T$$',
    );
    expect(verdicts(doc)).toEqual(['4 correct', '5 correct', '6 incorrect']);
  });
});

describe('a heading that names the problem after the course work', () => {
  it('labels the parts under "Homework 3, Problem 2" as 2a, 2b', () => {
    // l = (yhat - y)^2 / 2 with yhat = w^T h + b: dl/dyhat = yhat - y, dl/dw = (yhat - y) h (sympy 0); (y - yhat) h is
    // its negative. The parts were labelled a, b, so an assignment's problem 2 could not find them by label.
    const doc = md(
      '# Homework 3, Problem 2',
      'Let $h \\in \\mathbb{R}^m$, $w \\in \\mathbb{R}^m$, $b \\in \\mathbb{R}$, $y \\in \\mathbb{R}$, $\\hat{y} = w^T h + b$ and $\\ell = \\frac{1}{2}(\\hat{y} - y)^2$.',
      '(a) $\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\hat{y} - y$',
      '',
      '(b) $\\frac{\\partial \\ell}{\\partial w} = (y - \\hat{y}) h$',
    );
    const claims = checkSource(doc, 'exercises.md').report.claims;
    expect(claims.map((c) => `${c.label} ${c.line} ${c.verdict}`)).toEqual(['2a 3 correct', '2b 5 incorrect']);
  });
});

describe('partial derivatives written as subscripts', () => {
  it('reads f_x, f_{xy} and f_y(1, 2) of a defined function as its partial derivatives', () => {
    // f = x^2 y^3 - 4y (sympy): f_x = 2xy^3, f_y = 3x^2y^2 - 4 (line 6 misses the -4), f_xy = 6xy^2, f_x(1, 2) = 16,
    // f_y(1, 2) = 8 (line 12's 12 is wrong). Read as names, every line defined a new name and nothing was checked.
    const doc = md(
      '## Exercise 1',
      'Let $f(x, y) = x^2 y^3 - 4y$.',
      '',
      '$f_x = 2xy^3$',
      '',
      '$f_y = 3x^2y^2$',
      '',
      '$f_{xy} = 6xy^2$',
      '',
      '$f_x(1, 2) = 16$',
      '',
      '$f_y(1, 2) = 12$',
    );
    expect(verdicts(doc)).toEqual(['4 correct', '6 incorrect', '8 correct', '10 correct', '12 incorrect']);
  });

  it('leaves a subscript that is no variable of the quantity a name', () => {
    // g = x^3: t is not a variable of g, so `g_t = 5` defines a name g_t and is no claim (read as ∂g/∂t it would
    // be ✗, 0 ≠ 5); W_1 is a name. dg/dx = 3x^2 (sympy 0) is the one claim.
    const doc = md('Let $g = x^3$ and $W_1 = 3$.', '$g_t = 5$', '$$\\frac{dg}{dx} = 3x^2$$');
    expect(verdicts(doc)).toEqual(['3 correct']);
  });
});

describe('a variable of the question that an earlier exercise defined', () => {
  it('takes x and y as variables again when the exercise uses them in its own formula and never writes r or θ', () => {
    // Exercise 2 defines x = r cos θ, y = r sin θ (w = xy, dw/dr = 2r sin θ cos θ: sympy 0). Exercise 3's
    // u = x^4 y + y^2 z^3 is in x, y, z: u_xy = 4x^3, u_z = 3y^2z^2 (line 12's 3yz^2 differs by 3yz^2(y - 1)).
    // With x, y borrowed as formulas in r and θ, u_xy was unjudged "u does not depend on y".
    const doc = md(
      '## Exercise 2',
      'Let $x = r\\cos\\theta$, $y = r\\sin\\theta$ and $w = xy$.',
      '',
      '$$\\frac{\\partial w}{\\partial r} = 2r\\sin\\theta\\cos\\theta$$',
      '',
      '## Exercise 3',
      'If $u = x^4 y + y^2 z^3$, find $u_{xy}$ and $u_z$.',
      '',
      '$u_{xy} = 4x^3$',
      '',
      '',
      '$u_z = 3yz^2$',
    );
    expect(verdicts(doc)).toEqual(['4 correct', '9 correct', '12 incorrect']);
  });
});

describe('numbered exercises at the top of a sheet', () => {
  it('does not hold exercise 4 to the y that exercise 3 defined', () => {
    // 3: y = ln(sec x), y' = tan x (sympy 0); sec x is wrong (difference sec x - tan x). 4: x^2 + y^2 = 25 defines y
    // implicitly, dy/dx = -x/y is right; chainrule does not differentiate implicitly, and y's formula comes from
    // exercise 3, so the line is unjudged. It was ✗ "expected tan(x)", exercise 3's y held against exercise 4.
    const doc = md(
      '**3.** $y = \\ln(\\sec x)$, so $y\' = \\tan x$.',
      '',
      '$y\' = \\sec x$',
      '',
      '**4.** If $x^2 + y^2 = 25$, then $\\frac{dy}{dx} = -\\frac{x}{y}$.',
    );
    const dy = checkSource(doc, 'exercises.md').report.claims.filter((c) => c.line !== 5 || /dy/.test(c.target));
    expect(dy.map((c) => `${c.line} ${c.verdict}`)).toEqual(['1 correct', '3 incorrect', '5 unjudged']);
  });
});

describe('a parameter vector no line declares, beside a declared design matrix', () => {
  it('reads Xθ - y as X times a vector, so the least-squares gradient is checked', () => {
    // L = ||Xθ - y||^2 / (2n), X n x d, y in R^n: ∇_θ L = X^T(Xθ - y)/n (numpy, random X, y, θ: difference 0);
    // 2X^T(Xθ - y) is 2n times it. θ was taken as a number (Xθ an n x d matrix beside y), and both lines were
    // unjudged.
    const doc = md(
      'Let $X \\in \\mathbb{R}^{n \\times d}$, $y \\in \\mathbb{R}^n$ and $L = \\frac{1}{2n}\\|X\\theta - y\\|_2^2$.',
      '',
      '$$\\nabla_{\\theta} L = \\frac{1}{n}X^\\top(X\\theta - y)$$',
      '',
      '$$\\nabla_{\\theta} L = 2X^\\top(X\\theta - y)$$',
    );
    expect(verdicts(doc)).toEqual(['3 correct', '5 incorrect']);
  });
});

describe('a bias and a label the formulas force to be numbers', () => {
  it('marks a wrong dJ/db wrong though b and y are never declared', () => {
    // ŷ = w^T x + b with w, x in R^d: w^T x is a number, so b is one (maths does not broadcast), and (ŷ - y)^2 makes
    // y one. J = (ŷ - y)^2/2 + λ||w||^2/2: ∂J/∂b = ŷ - y (sympy 0); the ridge term has no b, so + λb is wrong. It was
    // unjudged, "chainrule took b, y as scalars of their own".
    const doc = md(
      'Let $\\mathbf{x}, \\mathbf{w} \\in \\mathbb{R}^d$, $\\hat{y} = \\mathbf{w}^\\top \\mathbf{x} + b$ and',
      '$$J(\\mathbf{w}, b) = \\frac{1}{2}(\\hat{y} - y)^2 + \\frac{\\lambda}{2}\\|\\mathbf{w}\\|^2$$',
      '$$\\frac{\\partial J}{\\partial b} = \\hat{y} - y$$',
      '$$\\frac{\\partial J}{\\partial b} = (\\hat{y} - y) + \\lambda b$$',
    );
    expect(verdicts(doc)).toEqual(['3 correct', '4 incorrect']);
  });
});

describe("the derivative g'(t) of a vector-valued function of a number", () => {
  it("reads g'(t) as the vector of its entries' derivatives, and the chain rule through it", () => {
    // g(t) = (t^2, e^t): g'(t) = (2t, e^t) (sympy 0). f(x, y) = (x^2 y, 5x + sin y): d/dt f(g(t)) = (4t^3 e^t + t^4 e^t,
    // 10t + e^t cos(e^t)) (sympy 0); line 6 drops the e^t of the second entry. g'(t) was an internal error that stopped
    // the whole check ("the function is not elementwise in its argument").
    const doc = md(
      'Let $\\mathbf{f}(x, y) = \\begin{pmatrix} x^2 y \\\\ 5x + \\sin y \\end{pmatrix}$ and $\\mathbf{g}(t) = \\begin{pmatrix} t^2 \\\\ e^t \\end{pmatrix}$.',
      '',
      "$\\mathbf{g}'(t) = \\begin{pmatrix} 2t \\\\ e^t \\end{pmatrix}$",
      '',
      '$\\frac{d}{dt}\\mathbf{f}(\\mathbf{g}(t)) = \\begin{pmatrix} 4t^3 e^t + t^4 e^t \\\\ 10t + e^t\\cos(e^t) \\end{pmatrix}$',
      '$\\frac{d}{dt}\\mathbf{f}(\\mathbf{g}(t)) = \\begin{pmatrix} 4t^3 e^t + t^4 e^t \\\\ 10t + \\cos(e^t) \\end{pmatrix}$',
    );
    expect(verdicts(doc)).toEqual(['3 correct', '5 correct', '6 incorrect']);
  });

  it("says f'(X) of a matrix function is not read, instead of stopping with an internal error", () => {
    const doc = md('Let $X \\in \\mathbb{R}^{n \\times n}$ and $f(X) = X^T X$.', '', "$f'(X) = 2X$");
    const [claim] = checkSource(doc, 'exercises.md').report.claims;
    expect(claim.verdict).toBe('error');
    expect(claim.steps[0].message).toMatch(/f' is not read/);
  });
});

describe('a function written only applied, as CS229 writes g', () => {
  it('reads g(θ^T x) = 1/(1 + e^{-θ^T x}) as g(u) = 1/(1 + e^{-u}), so the gradient through h_θ is checked', () => {
    // g is the sigmoid: ∂ℓ/∂θ_j = (y - h_θ(x)) x_j (sympy with θ, x in R^3: difference 0); (h_θ(x) - y) x_j is its
    // negative. g was an unknown function, and every line through it an error blaming the author.
    const doc = md(
      '$h_\\theta(x) = g(\\theta^T x) = \\frac{1}{1 + e^{-\\theta^T x}}$',
      '',
      '$\\ell(\\theta) = y\\log h_\\theta(x) + (1 - y)\\log(1 - h_\\theta(x))$',
      '',
      '$\\frac{\\partial}{\\partial \\theta_j}\\ell(\\theta) = (y - h_\\theta(x))x_j$',
      '',
      '$\\frac{\\partial}{\\partial \\theta_j}\\ell(\\theta) = (h_\\theta(x) - y)x_j$',
    );
    expect(verdicts(doc)).toEqual(['1 correct', '5 correct', '7 incorrect']);
  });

  it('does not read g where the formula uses a name of the argument outside it', () => {
    // g(wx) = wx + w: w appears outside the copy of wx, so no one g fits every w; g stays unknown (an error, as before).
    const doc = md('$f(x) = g(wx) = wx + w$', '', '$\\frac{df}{dx} = w$');
    expect(verdicts(doc)).toEqual(['1 error', '3 error']);
  });
});

describe('the Hessian written H_f', () => {
  it('reads H_f and H_f(1, 2) of a defined function as its Hessian, at the point for the call', () => {
    // f = x^3 + xy^2: f_xx = 6x, f_xy = 2y, f_yy = 2x (sympy); at (1, 2): [6, 4; 4, 2]. Line 5's f_yy entry 3 is wrong.
    // H_f was an unknown function, every such line unjudged.
    const doc = md(
      'Let $f(x, y) = x^3 + x y^2$.',
      '$H_f = \\begin{bmatrix} 6x & 2y \\\\ 2y & 2x \\end{bmatrix}$',
      '',
      '$H_f(1, 2) = \\begin{bmatrix} 6 & 4 \\\\ 4 & 2 \\end{bmatrix}$',
      '$H_f(1, 2) = \\begin{bmatrix} 6 & 4 \\\\ 4 & 3 \\end{bmatrix}$',
    );
    expect(verdicts(doc)).toEqual(['2 correct', '4 correct', '5 incorrect']);
  });
});

describe('a later example that defines the function a set-up section named', () => {
  it("keeps example 2's f(w, x) its own, and checks the value of f at the values the example states", () => {
    // Example 1: f = qz, q = x + y at x = -2, y = 5, z = -4: df/dz = q = 3, df/dy = z = -4 (line 6's 4 is wrong).
    // Example 2 defines f(w, x) = σ(w_0 x_0 + w_1 x_1 + w_2) and states every w_i, x_i: `f = 0.73` is its value there,
    // σ(2·(-1) + (-3)(-2) - 3) = σ(1) = 0.7311 (numpy). It was ✗ "the value is 1.863", f read at chainrule's random
    // point, and `f(w, x) = ...` itself an error "unknown function f" (example 1's f = qz was taken as the set-up).
    const doc = md(
      '## Example 1',
      'Set $x = -2$, $y = 5$, $z = -4$. Let $q = x + y$ so $f = qz$.',
      '',
      '$\\frac{\\partial f}{\\partial z} = q = 3$',
      '',
      '$\\frac{\\partial f}{\\partial y} = 4$',
      '',
      '## Example 2',
      '$f(w, x) = \\frac{1}{1 + e^{-(w_0 x_0 + w_1 x_1 + w_2)}}$ with $w_0 = 2$, $x_0 = -1$, $w_1 = -3$, $x_1 = -2$, $w_2 = -3$.',
      '',
      'So $f = 0.73$.',
    );
    expect(verdicts(doc)).toEqual(['4 correct', '6 incorrect', '11 correct']);
  });

  it('leaves the value of f unjudged where the question states no point for it', () => {
    // f(w, x) = σ(w_0 x_0 + w_1 x_1 + w_2) with no values: `f = 0.73` is its value at a point the text does not give.
    const doc = md('$f(w, x) = \\frac{1}{1 + e^{-(w_0 x_0 + w_1 x_1 + w_2)}}$', '', 'So $f = 0.73$.');
    expect(verdicts(doc)).toEqual(['3 unjudged']);
  });
});

describe("CS231n's circuits, one example after another", () => {
  it("reads the sigmoid neuron's f(w, x) as its own after the circuit's f, and its value and gradient at the stated point", () => {
    // Question 3 (f = (x + y) z) lends its f to question 4 only as a formula; question 4's own f(w, x) replaces it,
    // and `f = σ(1) = 0.80` states its value, not a new constant f (every ∂f/∂w_i was then "f does not depend on
    // w_i"). At w = (2, -3, -3), x = (-1, -2): f = σ(1) = 0.7311, so 0.80 is wrong (numpy); ∂f/∂w_0 = x_0 σ(1)(1 - σ(1))
    // = -0.1966, so -0.30 is wrong; ∂f/∂x_0 = w_0 σ(1)(1 - σ(1)) = 0.3932 and ∂f/∂w_2 = 0.1966 are right.
    const doc = md(
      '## Question 3',
      '$f(x, y, z) = (x + y) z$ with $x = -2$, $y = 5$, $z = -4$; $q = x + y = 3$, $f = q z = -12$.',
      '## Question 4',
      '$f(w, x) = \\frac{1}{1 + e^{-(w_0 x_0 + w_1 x_1 + w_2)}}$ with $w_0 = 2, x_0 = -1, w_1 = -3, x_1 = -2, w_2 = -3$.',
      'The dot product is $w_0 x_0 + w_1 x_1 + w_2 = 1$, so $f = \\sigma(1) = 0.80$.',
      '$\\frac{\\partial f}{\\partial w_0} = -0.30$',
      '$\\frac{\\partial f}{\\partial x_0} = 0.39$',
      '$\\frac{\\partial f}{\\partial w_2} = 0.20$',
    );
    expect(verdicts(doc)).toEqual(['2 correct', '2 correct', '5 correct', '5 incorrect', '6 incorrect', '7 correct', '8 correct']);
  });
});

describe('a determinant written with vertical bars', () => {
  it('reads \\begin{vmatrix} as the determinant of its entries', () => {
    // D = ad - bc: ∂D/∂b = -c (sympy), so `c` is wrong by its sign (for blocks too: the block of D M^{-T} is no ±c).
    // The right line is unjudged: with a, b, c, d declared nowhere, a determinant over them might be of blocks. The
    // environment was not read at all, and a \det of a bmatrix took its entries as matrices (a shape error).
    const doc = md('Let $D = \\begin{vmatrix} a & b \\\\ c & d \\end{vmatrix}$.', '', '$\\frac{\\partial D}{\\partial b} = -c$', '', '$\\frac{\\partial D}{\\partial b} = c$');
    expect(verdicts(doc)).toEqual(['3 unjudged', '5 incorrect']);
  });
});

describe("a unit's names written once for every layer", () => {
  it('leaves the lines unjudged, not errors of the author, where chainrule reads the definitions as circular', () => {
    // Bishop §5.3: a_j = Σ_i w_ji z_i and z_j = h(a_j) name every layer's units at once; read as arrays, a and z are
    // defined by each other. The derivation is right (∂E_n/∂w_ji = δ_j z_i); each line was an error "the
    // definition of a depends on itself", blaming the author.
    const doc = md(
      'Each unit computes $a_j = \\sum_i w_{ji} z_i$ and $z_j = h(a_j)$, and $E_n = \\frac{1}{2}\\sum_k (a_k - t_k)^2$.',
      '$$\\frac{\\partial E_n}{\\partial w_{ji}} = \\delta_j z_i$$',
    );
    const claims = checkSource(doc, 'bishop.md').report.claims;
    expect(claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(['2 unjudged']);
    expect(claims[0].steps[0].message).toMatch(/depends on itself as chainrule reads the question/);
  });
});

describe('the l1 norm, and a function the document names but never defines', () => {
  it('reads \\|w\\|_1 as the sum of absolute values, and never defines sign by the claim written with it', () => {
    // L = ||w||_1 + ||w||_2^2 / 2: ∂L/∂w = sign(w) + w (sympy, w ≠ 0). sign is no function chainrule knows, so the
    // lines are unjudged; the claim's own sides once defined sign (the claim was then ✓ whatever it said).
    // 2||w||_1 against ||w||_1 + ||w||_1 checks the reading (✓), and 3||w||_1 is wrong.
    const doc = md(
      'Let $w \\in \\mathbb{R}^n$ and $L = \\|w\\|_1 + \\frac{1}{2}\\|w\\|_2^2$.',
      '$\\frac{\\partial L}{\\partial w} = \\operatorname{sign}(w) + 2w$',
      '$\\|w\\|_1 + \\|w\\|_1 = 2\\sum_i |w_i|$',
      '$\\|w\\|_1 + \\|w\\|_1 = 3\\sum_i |w_i|$',
    );
    expect(verdicts(doc)).toEqual(['2 unjudged', '3 correct', '4 incorrect']);
  });
});

describe('a shape wrong whatever the names no line sizes are', () => {
  it("marks a step wrong by its shape when its operands reach none of the undeclared names", () => {
    // X N×D, W_1 D×H, Z_1 = X W_1 + 1 b_1 (N×H), S = A_1 W_2 + 1 b_2, L = ‖S - Y‖²/(2N) with Y never sized (taken
    // as a number). ∂L/∂X = ∂L/∂Z_1 W_1^T (N×D): right (numpy, with Y any N×C). W_1 ∂L/∂Z_1 multiplies D×H by N×H,
    // wrong whatever Y is: it was unjudged ("no line ... declares Y").
    const doc = md(
      '# HW 2, Problem 1: two-layer network',
      'Let $X \\in \\mathbb{R}^{N \\times D}$, $W_1 \\in \\mathbb{R}^{D \\times H}$, $b_1 \\in \\mathbb{R}^{1 \\times H}$, $W_2 \\in \\mathbb{R}^{H \\times C}$, $b_2 \\in \\mathbb{R}^{1\\times C}$.',
      '$$Z_1 = X W_1 + \\mathbf{1} b_1, \\quad A_1 = \\text{ReLU}(Z_1), \\quad S = A_1 W_2 + \\mathbf{1} b_2$$',
      '$$L = \\frac{1}{2N}\\|S - Y\\|_F^2$$',
      '(b) $\\frac{\\partial L}{\\partial X} = \\frac{\\partial L}{\\partial Z_1} W_1^T$',
      '(c) $\\frac{\\partial L}{\\partial X} = W_1 \\frac{\\partial L}{\\partial Z_1}$',
    );
    expect(verdicts(doc)).toEqual(['5 correct', '6 incorrect']);
  });
});
