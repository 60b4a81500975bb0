// Vector functions written as tuples, the textbook way: `F(x, y) = (x^2 y, 5x + \sin y)`, a gradient's value
// `\nabla f(x, y) = (2xy, x^2)`, and a Jacobian by listed variables `\frac{\partial f}{\partial (x, y, z)}`.
// A tuple anywhere else (a point `x = (4, 4)`, an interval) is not read: as a vector it would define x.
// Each expected verdict was worked out by hand and checked with sympy (jacobian() of the same functions).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { expectUnambiguous } from './helpers';

const NO_CLOCK = { timeMs: Infinity, memoryMb: 512 };
const check = (md: string) => checkSource(md, 't.md', 1, NO_CLOCK);
const verdicts = (md: string) => check(md).report.claims.map((c) => `${c.line} ${c.verdict}`);

describe('tuples as vector functions', () => {
  it('reads F(x, y) = (.., ..) as the column of its components, so J_F is checked', () => {
    const md = ['# 2', 'Let $F(p, q) = (p^2 q, 5p + \\sin q)$.',
      '$$J_F(p, q) = \\begin{bmatrix} 2pq & p^2 \\\\ 5 & \\cos q \\end{bmatrix}$$',
      '$$J_F(p, q) = \\begin{bmatrix} 2pq & p^2 \\\\ 5 & -\\cos q \\end{bmatrix}$$',
    ].join('\n');
    // Row 1: ∂(p²q)/∂p = 2pq, ∂/∂q = p²; row 2: ∂(5p + sin q)/∂p = 5, ∂/∂q = cos q (sympy jacobian). The
    // second matrix has the sign of cos q wrong.
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect']);
  });

  it('reads \\frac{\\partial f}{\\partial (x, y, z)} as the Jacobian by the variables listed', () => {
    const md = ['# 3', '$\\mathbf{f}(r, s, t) = \\left(rst, \\; r + s, \\; e^{t}\\right)$',
      '$$\\frac{\\partial \\mathbf{f}}{\\partial (r, s, t)} = \\begin{bmatrix} st & rt & rs \\\\ 1 & 1 & 0 \\\\ 0 & 0 & e^t \\end{bmatrix}$$',
      '$$\\frac{\\partial \\mathbf{f}}{\\partial (r, s, t)} = \\begin{bmatrix} st & rt & rs \\\\ 1 & 1 & 0 \\\\ 0 & 0 & t e^t \\end{bmatrix}$$',
    ].join('\n');
    // ∂(rst) = (st, rt, rs), ∂(r + s) = (1, 1, 0), ∂(e^t) = (0, 0, e^t): the second writes t e^t for e^t.
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect']);
  });

  it('checks the chain rule of composed tuple functions, factors in order', () => {
    const md = ['# 1', 'Let $G(u, v) = (u + v, uv)$ and $F(x, y) = (x^2 y, 5x + \\sin y)$.',
      '$$J_{F \\circ G}(u, v) = J_F(G(u, v)) \\, J_G(u, v)$$',
      '$$J_{F \\circ G}(u, v) = J_G(u, v) \\, J_F(G(u, v))$$',
    ].join('\n');
    // J_{F∘G} = J_F(G) J_G (sympy: the difference is the zero matrix); J_G J_F(G) differs from it (sympy: entry
    // (1,1) of the difference is 5 - v(u+v)², not 0).
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect']);
  });

  it('reads a gradient written as a tuple', () => {
    const md = ['# 4', 'Let $f(x, y) = x^2 y$.', '$$\\nabla f(x, y) = (2xy, x^2)$$', '$$\\nabla f(x, y) = (x^2, 2xy)$$'].join('\n');
    // ∇(x²y) = (2xy, x²); the second swaps the components.
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect']);
  });

  it('does not read a point or an interval written as a tuple, which would define a name', () => {
    const md = ['# 5', 'Let $h(x) = x^T x$ with $x \\in \\mathbb{R}^3$, at the point $x = (4, 4, 1)$.', '$$\\nabla h(x) = 2x$$'].join('\n');
    // x = (4, 4, 1) read as a definition would make x a constant, and ∇h a derivative of nothing; ∇(xᵀx) = 2x.
    const result = check(md);
    expect(result.report.claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(['3 correct']);
    expect(result.diagnostics.map((d) => d.message)).toContain('cannot read this maths: a tuple `(a, b)` is read only as the value of a vector function, as in `F(x, y) = (x y, x + y)`');
  });

  it('parses each of these rows one way only', () => {
    for (const math of ['F(p, q) = (p^2 q, 5p + \\sin q)', '\\frac{\\partial f}{\\partial (r, s, t)} = a', 'x (a, b) + (c, d)']) expectUnambiguous(math);
  });
});
