// Multivariable calculus as textbooks and problem sets write it: the vector of a function's arguments
// (`\nabla_x f(x)` for f(x_1, x_2)), Hessians and second partial derivatives read as nested derivatives.
// Each expected verdict was worked out by hand and checked with numpy (central differences, h = 1e-5).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const NO_CLOCK = { timeMs: Infinity, memoryMb: 512 };
const check = (md: string) => checkSource(md, 't.md', 1, NO_CLOCK);
const verdicts = (md: string) => check(md).report.claims.map((c) => `${c.line} ${c.verdict}`);

describe('the vector of a function’s arguments', () => {
  const f = 'Let $f(x_1, x_2) = x_1^2 x_2 + \\sin(x_2)$.';
  it('reads x as (x_1, x_2) in \\nabla_x f(x), and says so', () => {
    const md = ['# 1', f,
      '$$\\nabla_x f(x) = \\begin{bmatrix} 2 x_1 x_2 \\\\ x_1^2 + \\cos(x_2) \\end{bmatrix}$$',
      '$$\\nabla_x f(x) = \\begin{bmatrix} 2 x_1 x_2 \\\\ x_1^2 - \\cos(x_2) \\end{bmatrix}$$',
    ].join('\n');
    // ∂f/∂x_1 = 2 x_1 x_2, ∂f/∂x_2 = x_1² + cos x_2 (numpy at (0.7, -1.3): 1.4·(-1.3) = -1.82, 0.49 + 0.2675):
    // the first gradient is right, the second has the sign of cos x_2 wrong.
    const result = check(md);
    expect(result.report.claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(['3 correct', '4 incorrect']);
    expect(result.diagnostics.map((d) => d.message)).toContain('read x as the vector (x_1, x_2) of the arguments of f');
  });

  it('leaves x alone where the question gives it a meaning, or x_1 means something else', () => {
    const declared = ['# 1', f, 'Let $x \\in \\mathbb{R}$.', '$$\\frac{\\partial f}{\\partial x_1} = 2 x_1 x_2$$'].join('\n');
    expect(check(declared).diagnostics.map((d) => d.message)).not.toContain('read x as the vector (x_1, x_2) of the arguments of f');
    // x_1 = 2x is a quantity of its own: x = (x_1, x_2) would go round in a circle.
    const quantity = ['# 1', 'Let $g(x_1, x_2) = x_1 x_2$ and $x_1 = 2 x$.', '$$\\frac{\\partial g(x)}{\\partial x} = 2 x_2$$'].join('\n');
    expect(check(quantity).diagnostics.map((d) => d.message)).not.toContain('read x as the vector (x_1, x_2) of the arguments of g');
  });
});

describe('second derivatives', () => {
  it('reads the Hessian \\nabla_x^2 f(x) as the Jacobian of the gradient', () => {
    const md = ['# 1', 'Let $f(x_1, x_2) = x_1^2 x_2 + \\sin(x_2)$.',
      '$$\\nabla_x^2 f(x) = \\begin{bmatrix} 2 x_2 & 2 x_1 \\\\ 2 x_1 & -\\sin(x_2) \\end{bmatrix}$$',
      '$$\\nabla_x^2 f(x) = \\begin{bmatrix} 2 x_2 & 2 x_1 \\\\ 2 x_1 & \\sin(x_2) \\end{bmatrix}$$',
    ].join('\n');
    // f_11 = 2 x_2, f_12 = f_21 = 2 x_1, f_22 = -sin x_2 (numpy at (0.7, -1.3): -2.6, 1.4, 0.9636): the second
    // matrix has the sign of its last entry wrong.
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect']);
  });

  it('reads \\partial^2 f / \\partial x \\partial y and \\partial x^2 as nested partial derivatives', () => {
    const md = ['# 1', 'Let $g(u, v) = u^3 v^2$.',
      '$$\\frac{\\partial^2 g}{\\partial u \\, \\partial v} = 6 u^2 v$$', '$$\\frac{\\partial^2 g}{\\partial u \\partial v} = 3 u^2 v$$',
      '$$\\frac{\\partial^{2} g}{\\partial u^{2}} = 6 u v^2$$', '$$\\frac{\\partial^2 g}{\\partial v^2} = 2 u^3 v$$',
    ].join('\n');
    // g_uv = ∂/∂u (2 u³ v) = 6 u² v (numpy at (0.9, 1.4): 6.804), so 3 u² v is half of it; g_uu = 6 u v²;
    // g_vv = 2 u³, not 2 u³ v.
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect', '5 correct', '6 incorrect']);
  });

  it('reads \\frac{d^2}{dt^2} as the operator applied twice', () => {
    const md = ['# 1', '$$\\frac{d^2}{dt^2} \\tanh(t) = -2 \\tanh(t) (1 - \\tanh^2(t))$$', '$$\\frac{d^2 y}{dt^2} = 0$$'].join('\n');
    // (tanh)'' = (1 - tanh²)' = -2 tanh · (1 - tanh²) (numpy at t = 0.4: -0.6502). y means nothing here: no claim on it is judged.
    expect(verdicts(md)[0]).toBe('2 correct');
  });

  it('does not judge a wrong Hessian by a name whose shape nothing states', () => {
    const md = ['# 1', 'Let $L(w) = \\lambda \\|w\\|^2$.', '$$\\frac{\\partial^2 L(w)}{\\partial w^2} = 2 \\lambda I + 1$$'].join('\n');
    // With w a vector the Hessian is 2λI, a matrix; chainrule took w as a scalar, where it is 2λ: the line is
    // wrong by chainrule's reading only, so it is unjudged.
    expect(verdicts(md)).toEqual(['3 unjudged']);
  });

  it("judges a Hessian by a name the function's body makes a column", () => {
    // L(w) = λ w^T w: the transpose makes w a column (k x 1, L a number), so the Hessian is 2λI (k x k). 2λI + 1 has
    // 1 off the diagonal, and a number w would give 2λ, not 2λ + 1: wrong in every reading (it was unjudged, w a scalar).
    const md = ['# 1', 'Let $L(w) = \\lambda w^T w$.', '$$\\frac{\\partial^2 L(w)}{\\partial w^2} = 2 \\lambda I + 1$$', '$$\\frac{\\partial^2 L(w)}{\\partial w^2} = 2 \\lambda I$$'].join('\n');
    expect(verdicts(md)).toEqual(['3 incorrect', '4 correct']);
  });
});

describe('a function written in terms of itself', () => {
  it('defines nothing (a Taylor expansion of f is a claim about the f the question has)', () => {
    const md = ['# 1', 'Let $f(x) = x^2$.', '$$f(y) = f(x) + 2 x (y - x) + (y - x)^2$$', '$$f(y) = f(x) + 2 x (y - x)$$'].join('\n');
    // y² = x² + 2x(y - x) + (y - x)² exactly; without the last term it is off by (y - x)².
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect']);
    const alone = ['# 1', '$$g(y) = g(x) + 2 x (y - x)$$'].join('\n');
    expect(check(alone).diagnostics.map((d) => d.message)).toContain('set aside: g(y) is written in terms of itself, so this line defines nothing chainrule can check');
  });
});

describe('a Jacobian at a point', () => {
  const setup = ['# 1', 'Let $F(x, y) = \\begin{bmatrix} x^2 y \\\\ 5x + \\sin y \\end{bmatrix}$ and $G(u, v) = \\begin{bmatrix} u v \\\\ u + v \\end{bmatrix}$.'];
  it('reads J_F(G(u, v)) as the Jacobian of F evaluated at G(u, v): the chain rule J_{F∘G} = J_F(G) J_G', () => {
    const md = [...setup,
      '$$J_{F \\circ G}(u, v) = J_F(G(u, v)) J_G(u, v)$$', '$$J_{F \\circ G}(u, v) = J_G(u, v) J_F(G(u, v))$$', '$$J_{F \\circ G}(u, v) = J_F(u, v) J_G(u, v)$$',
    ].join('\n');
    // J_F = [[2xy, x²], [5, cos y]], J_G = [[v, u], [1, 1]]. The chain rule is J_F(G(u, v)) J_G(u, v) (numpy with
    // central differences of F(G(u, v)) at (0.8, -0.6): agrees to 1e-10); the factors swapped, or J_F taken at
    // (u, v) instead of at G(u, v), give other matrices.
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect', '5 incorrect']);
  });

  it('reads J_F(1, 2) as the Jacobian at the point (1, 2)', () => {
    const md = [...setup, '$$J_F(1, 2) = \\begin{bmatrix} 4 & 1 \\\\ 5 & \\cos 2 \\end{bmatrix}$$', '$$J_F(1, 2) = \\begin{bmatrix} 4 & 1 \\\\ 5 & \\sin 2 \\end{bmatrix}$$'].join('\n');
    // J_F(1, 2) = [[2·1·2, 1²], [5, cos 2]] = [[4, 1], [5, -0.416]]; sin 2 = 0.909 in the corner is wrong.
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect']);
  });
});

describe('evaluation at a point', () => {
  const f = ['# 1', 'Let $f(x, y) = x^2 + 3 x y$.'];
  it('reads \\nabla f(1, 2) and a bar at the tuple (1, 2) as the gradient there', () => {
    const md = [...f,
      '$$\\nabla f(1, 2) = \\begin{bmatrix} 8 \\\\ 3 \\end{bmatrix}$$', '$$\\nabla f(1, 2) = \\begin{bmatrix} 8 \\\\ 4 \\end{bmatrix}$$',
      '$$\\nabla f(x, y) \\Big|_{(1,2)} = \\begin{bmatrix} 8 \\\\ 3 \\end{bmatrix}$$', '$$\\frac{\\partial f}{\\partial y}\\Big|_{(1, 2)} = 4$$',
    ].join('\n');
    // ∇f = (2x + 3y, 3x) = (8, 3) at (1, 2); ∂f/∂y = 3x = 3 there, not 4.
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect', '5 correct', '6 incorrect']);
  });

  it('does not read a tuple point whose variables it cannot tell', () => {
    const md = ['# 1', '$$L = w^2 b$$', '$$\\frac{\\partial L}{\\partial w}\\Big|_{(1, 2)} = 4$$'].join('\n');
    // Is (1, 2) the point (w, b) or (b, w)? ∂L/∂w = 2wb is 4 at w = 1, b = 2 and 4 at w = 2, b = 1 too, but
    // nothing says which: the line is not read, never checked at random points.
    const result = check(md);
    expect(result.report.claims).toEqual([]);
    expect(result.diagnostics.map((d) => d.message)).toContain('cannot read this maths: the point of this evaluation bar gives values in order, but chainrule cannot tell whose');
  });
});
