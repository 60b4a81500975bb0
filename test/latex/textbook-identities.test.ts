// A list of textbook derivatives in one section, as a cheat sheet or an exercise set writes them: functions of
// x beside a matrix X, and the reciprocal and inverse trigonometric functions. Each verdict is the identity's
// (checked with sympy: the right ones differ from the derivative by 0, the wrong ones do not).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const verdicts = (source: string) => checkSource(source, 'doc.md').report.claims.map((c) => `${c.line} ${c.verdict}`);
const md = (...lines: string[]) => lines.join('\n') + '\n';

describe('a list of identities', () => {
  it('reads x as x beside a matrix X whose shape chainrule solved for (it was read as a slip of X: unjudged)', () => {
    // d/dx sin^2 x = 2 sin x cos x; d/dx e^{-x^2/2} = -x e^{-x^2/2}; d/dX tr(X^T X) = 2X (X solved as k1 x k2).
    // The last line's x e^{-x^2/2} has the wrong sign.
    const doc = md(
      '# Identities',
      '$$\\frac{d}{dx} \\sin^2 x = 2 \\sin x \\cos x$$',
      '$$\\frac{\\partial}{\\partial X} \\text{tr}(X^T X) = 2X$$',
      '$$\\frac{d}{dx} e^{-x^2/2} = -x e^{-x^2/2}$$',
      '$$\\frac{d}{dx} e^{-x^2/2} = x e^{-x^2/2}$$',
    );
    expect(verdicts(doc)).toEqual(['2 correct', '3 correct', '4 correct', '5 incorrect']);
  });

  it('knows sec, csc, cot and arctan', () => {
    const doc = md(
      '# Trig',
      '$$\\frac{d}{dx} \\tan x = \\sec^2 x$$',
      '$$\\frac{d}{dx} \\sec x = \\sec x \\tan x$$',
      '$$\\frac{d}{dx} \\cot x = -\\csc^2 x$$',
      '$$\\frac{d}{dx} \\csc x = -\\csc x \\cot x$$',
      '$$\\frac{d}{dx} \\arctan(2x) = \\frac{2}{1 + 4x^2}$$',
      '$$\\frac{d}{dx} \\sec x = \\sec x \\cot x$$',
      '$$\\frac{d}{dx} \\arctan x = \\frac{1}{1 - x^2}$$',
    );
    expect(verdicts(doc)).toEqual(['2 correct', '3 correct', '4 correct', '5 correct', '6 correct', '7 incorrect', '8 incorrect']);
  });

  it("reads each prime: g''(t) is the second derivative (it was read as g'(t): a right line was ✗)", () => {
    // g = t^4: g'' = 12t^2, g''' = 24t, so `g''(t) = 12t` is wrong; σ'' = σ(1-σ)(1-2σ) and sin'' = -sin (sympy:
    // differences 0).
    const doc = md(
      '# Primes',
      '$$g(t) = t^4$$',
      "$$g''(t) = 12t^2$$",
      "$$g'''(t) = 24t$$",
      "$$g''(t) = 12t$$",
      "$$\\sigma''(z) = \\sigma(z)(1-\\sigma(z))(1 - 2\\sigma(z))$$",
      "$$\\sin''(z) = -\\sin(z)$$",
    );
    expect(verdicts(doc)).toEqual(['3 correct', '4 correct', '5 incorrect', '6 correct', '7 correct']);
  });

  it('leaves unjudged a line at a point that gives a value to a name the question defines', () => {
    // f(x, y) = x^2 y + sin(xy): ∂f/∂y at (1, 0) is x^2 + x cos(xy) = 2, right for f's own y. The question also
    // defines y = e^{2x} cos x, and chainrule works y out from it (value 0.34): which y the line means it cannot tell.
    const doc = md(
      '# Point',
      '$$f(x, y) = x^2 y + \\sin(xy)$$',
      '$$\\frac{\\partial f}{\\partial y}\\Big|_{(1, 0)} = 2$$',
      '$$y = e^{2x}\\cos x$$',
      '$$\\frac{dy}{dx} = e^{2x}(2\\cos x - \\sin x)$$',
    );
    expect(verdicts(doc)).toEqual(['3 unjudged', '5 correct']);
  });

  it('reads \\partial_x f as the derivative by x, and leaves a line unjudged where a parameter is also defined', () => {
    // f(x, y) = x^2 y + sin(xy): ∂f/∂x = 2xy + y cos(xy) (sympy: difference 0); 2x + y cos(xy) is wrong.
    const clean = md(
      '# Partials',
      '$$f(x, y) = x^2 y + \\sin(xy)$$',
      '$$\\partial_x f = 2xy + y\\cos(xy)$$',
      '$$\\partial_{x} f = 2x + y\\cos(xy)$$',
    );
    expect(verdicts(clean)).toEqual(['3 correct', '4 incorrect']);
    // With y = e^{2x} also defined, ∂f/∂x may hold y fixed or follow it: the right partial must not be a ✗.
    const both = md('# Both', '$$f(x, y) = x^2 y + \\sin(xy)$$', '$$y = e^{2x}$$', '$$\\partial_x f = 2xy + y\\cos(xy)$$');
    expect(verdicts(both)).toEqual(['4 unjudged']);
  });

  it('reads inverse trigonometric functions and logarithms to a base', () => {
    // sympy: d/dx arctan(x^2) = 2x/(1+x^4); d/dx arcsin x = 1/sqrt(1-x^2); d/dx arccos(2x) = -2/sqrt(1-4x^2), so the
    // line without the minus is wrong; d/dx log_2 x = 1/(x ln 2), so 1/x is wrong; d/dx log_10(x^2+1) = 2x/((x^2+1) ln 10).
    const doc = md(
      '# Inverses and bases',
      '$$\\frac{d}{dx} \\tan^{-1}(x^2) = \\frac{2x}{1+x^4}$$',
      '$$\\frac{d}{dx} \\arcsin x = \\frac{1}{\\sqrt{1-x^2}}$$',
      '$$\\frac{d}{dx} \\cos^{-1}(2x) = \\frac{2}{\\sqrt{1-4x^2}}$$',
      '$$\\frac{d}{dx} \\log_2 x = \\frac{1}{x \\ln 2}$$',
      '$$\\frac{d}{dx} \\log_2 x = \\frac{1}{x}$$',
      '$$\\frac{d}{dx} \\log_{10}(x^2+1) = \\frac{2x}{(x^2+1)\\ln 10}$$',
    );
    expect(verdicts(doc)).toEqual(['2 correct', '3 correct', '4 incorrect', '5 correct', '6 incorrect', '7 correct']);
  });

  it('reads an exponent without braces as one token: x^x(\\ln x + 1) is x^x times the bracket', () => {
    // sympy: d/dx x^x = x^x (ln x + 1); d/dx x e^x = e^x (1 + x). Both were unread (the bracket was taken for a call).
    const doc = md('# Powers', '$$y = x^x$$', '$$\\frac{dy}{dx} = x^x(\\ln x + 1)$$', '$$\\frac{d}{dx} x e^x = e^x(1 + x)$$');
    expect(verdicts(doc)).toEqual(['3 correct', '4 correct']);
  });

  it("makes a question's own function parameters its variables, whatever an earlier question meant by them", () => {
    // Question 2's f(x, y) has y as a variable; question 1's y = x^x must not reach it. sympy: f_x = 2xy + y cos(xy),
    // f_xy = 2x + cos(xy) - xy sin(xy); 2x + y cos(xy) is a wrong f_x. Prime claims count as derivative lines.
    const doc = md(
      '## 1',
      '$y = x^x$, so $y\' = x^x(\\ln x + 1)$.',
      '## 2',
      '$f(x,y) = x^2 y + \\sin(xy)$',
      '$\\frac{\\partial f}{\\partial x} = 2xy + y\\cos(xy)$',
      '$\\frac{\\partial f}{\\partial x} = 2x + y\\cos(xy)$',
      '$\\frac{\\partial^2 f}{\\partial x \\partial y} = 2x + \\cos(xy) - xy\\sin(xy)$',
      '## 3',
      "$g(t) = t^3$, $g'(t) = 3t^2$",
    );
    const { report } = checkSource(doc, 'doc.md');
    expect(report.claims.filter((c) => c.line >= 5).map((c) => `${c.line} ${c.verdict}`)).toEqual(['5 correct', '6 incorrect', '7 correct', '9 correct']);
    expect(report.summary.read?.derivationLines).toBe(report.summary.read?.derivationLinesRead);
    expect(report.summary.read?.derivationLines).toBeGreaterThanOrEqual(4);
  });

  it('reads \\nabla f of a function the document defines as its gradient by the parameters', () => {
    // f(x, y) = x^2 sin y: ∇f = (2x sin y, x^2 cos y) (sympy); the second line has sin y where cos y belongs.
    // `\nabla L` of a quantity that is no function names no variable: not read, with the reason.
    const doc = md(
      '## (a)',
      '$f(x, y) = x^2 \\sin y$',
      '$\\nabla f = \\begin{bmatrix} 2x \\sin y \\\\ x^2 \\cos y \\end{bmatrix}$',
      '$\\nabla f = \\begin{bmatrix} 2x \\sin y \\\\ x^2 \\sin y \\end{bmatrix}$',
      '## (b)',
      '$L = w^2$, $\\nabla L = 2w$',
    );
    const { report } = checkSource(doc, 'doc.md');
    expect(report.claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(['3 correct', '4 incorrect']);
    expect(report.summary.read?.notRead.map((n) => n.line)).toEqual([6]);
  });

  it('judges each step of a numeric backward pass, rounded decimals times given values included', () => {
    // f = (x + y) z at x = -2, y = 5, z = -4: q = 3, ∂f/∂x = z = -4. ∂f/∂q of f(x, y, z), which is not written
    // with q, is 0 as chainrule reads it, so the chain step through it is unjudged, not ✗ (it was ✗).
    // f = σ(w0 x0 + w1 x1 + w2) = σ(1) ≈ 0.7311 at the values given; ∂f/∂x0 = σ(1)(1 - σ(1)) w0 = 0.3932, and
    // `0.2 \cdot w_0` carries the rounding of 0.2 (0.15 to 0.25): right (it was ✗); `0.2 \cdot w_1` = -0.6 is wrong.
    const doc = md(
      '## 1',
      '$f(x, y, z) = (x + y) z$ with $x = -2$, $y = 5$, $z = -4$, $q = x + y$',
      '$\\frac{\\partial f}{\\partial x} = \\frac{\\partial f}{\\partial q}\\frac{\\partial q}{\\partial x} = -4 \\cdot 1 = -4$',
      '## 2',
      '$w_0 = 2, x_0 = -1, w_1 = -3, x_1 = -2, w_2 = -3$, $f = \\sigma(w_0 x_0 + w_1 x_1 + w_2)$',
      '$\\frac{\\partial f}{\\partial x_0} = 0.2 \\cdot w_0 = 0.4$',
      '$\\frac{\\partial f}{\\partial x_0} = 0.2 \\cdot w_1 = -0.6$',
    );
    const { report } = checkSource(doc, 'doc.md');
    const steps = report.claims.filter((c) => c.kind !== 'value').map((c) => `${c.line} ${c.steps.map((s) => s.verdict).join(' ')}`);
    expect(steps).toEqual(['3 unjudged correct correct', '6 correct correct', '7 incorrect incorrect']);
  });

  it('takes a coefficient letter beside the identity as a number, and a set of numbers as a number label', () => {
    // Ridge regression: ∇_w J = X^T (Xw - y)/n + λw (sympy on 3x2 X: difference 0). `(X^T X + nλI)^{-1}` made λ a
    // d x d matrix, so J was no scalar and the right gradient "informal". Logistic loss with y ∈ {-1, +1}:
    // ∇_w ℓ = -y x / (1 + exp(y w^T x)) (sympy: difference 0); without the minus it is wrong. The set was refused,
    // so y was a guessed scalar and the wrong line unjudged.
    const doc = md(
      '## 3',
      'Let $w \\in \\mathbb{R}^d$, $X \\in \\mathbb{R}^{n \\times d}$, $y \\in \\mathbb{R}^n$, $J(w) = \\frac{1}{2n}\\|Xw - y\\|^2 + \\frac{\\lambda}{2}\\|w\\|^2$.',
      '$$\\nabla_w J = \\frac{1}{n} X^T (Xw - y) + \\lambda w$$',
      'Setting it to zero gives $w^* = (X^T X + n\\lambda I)^{-1} X^T y$.',
      '## 4',
      'Let $u \\in \\mathbb{R}^d$ and $\\ell = \\log(1 + \\exp(-t u^T x))$ with $t \\in \\{-1, +1\\}$.',
      '$$\\nabla_u \\ell = \\frac{-t x}{1 + \\exp(t u^T x)}$$',
      '$$\\nabla_u \\ell = \\frac{t x}{1 + \\exp(t u^T x)}$$',
    );
    expect(verdicts(doc)).toEqual(['3 correct', '7 correct', '8 incorrect']);
  });

  it('marks a step wrong by its shape where the shape is wrong whatever the guessed shape of a label', () => {
    // y is sized by no line (chainrule guesses a column). z = Wx + b, a = σ(z), L = ½‖a - y‖²: ∂L/∂W = (δ) x^T with
    // δ = (a - y) ⊙ a ⊙ (1 - a), ∂L/∂x = W^T δ (numpy, central differences: errors < 1e-9). `δ x` cannot be multiplied
    // and `x δ^T`, `W δ` have the wrong shape with y a column or a number alike: wrong (they were unjudged).
    const d = '((a - y) \\odot a \\odot (1 - a))';
    const doc = md(
      '## 1',
      'Let $x \\in \\mathbb{R}^{n}$, $W \\in \\mathbb{R}^{m \\times n}$, $b \\in \\mathbb{R}^m$, $z = Wx + b$, $a = \\sigma(z)$, $L = \\frac{1}{2}\\|a - y\\|^2$.',
      `$\\frac{\\partial L}{\\partial W} = ${d} x^T$`,
      `$\\frac{\\partial L}{\\partial W} = ${d} x$`,
      `$\\frac{\\partial L}{\\partial W} = x ${d}^T$`,
      `$\\frac{\\partial L}{\\partial x} = W^T ${d}$`,
      `$\\frac{\\partial L}{\\partial x} = W ${d}$`,
    );
    expect(verdicts(doc)).toEqual(['3 correct', '4 incorrect', '5 incorrect', '6 correct', '7 incorrect']);
  });

  it("marks a step that is a gradient of the loss by another name wrong by its shape, whatever a guessed label's shape", () => {
    // T is sized by no line (chainrule takes the one declared shape that fits, c x n). Z = V G + d, L = -tr(T^T log σ(Z)):
    // ∂L/∂d sums ∂L/∂Z over the n columns (c x 1), so ∂L/∂Z itself (c x n, the shape of Z whatever T is) is wrong
    // (numpy, central differences at c = 3, n = 5: the gradient is 3 x 1; it was unjudged); ∂L/∂Z G^T is ∂L/∂V
    // (numpy: error < 1e-9); ∂L/∂T G^T = -log(P) G^T is of the right shape and wrong by its values.
    const doc = md(
      '## 1',
      'Shapes: $V \\in \\mathbb{R}^{c \\times r}$, $G \\in \\mathbb{R}^{r \\times n}$, $d \\in \\mathbb{R}^{c \\times 1}$, $Z \\in \\mathbb{R}^{c \\times n}$.',
      '$Z = V G + d$, $P = \\sigma(Z)$, $L = -\\mathrm{tr}(T^T \\log P)$',
      '$\\frac{\\partial L}{\\partial d} = \\frac{\\partial L}{\\partial Z}$',
      '$\\frac{\\partial L}{\\partial V} = \\frac{\\partial L}{\\partial Z} G^T$',
      '$\\frac{\\partial L}{\\partial V} = \\frac{\\partial L}{\\partial T} G^T$',
    );
    expect(verdicts(doc)).toEqual(['4 incorrect', '5 correct', '6 incorrect']);
  });
});
