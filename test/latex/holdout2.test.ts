// Notation of held-out calculus course material (fixtures/real, the ninth set): `u = u(x, y)` declaring what a
// name depends on before a chain rule. Each document below is written in another author's style; every verdict
// is worked by hand and checked with sympy (the differences quoted), and each holds a wrong line.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const md = (...lines: string[]) => lines.join('\n') + '\n';
const run = (source: string) => checkSource(source, 'holdout2.md').report;
const verdicts = (source: string) => run(source).claims.map((c) => `${c.line} ${c.verdict}`);
const errors = (source: string) => run(source).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);

describe('a name declared a function of variables (u = u(x, y))', () => {
  it('reads x = x(s, t) as an unknown function of s, t, not a definition by itself (it was a cycle error)', () => {
    // w = f(x, y), x, y functions of s and t. Line 5 is the chain rule itself (sympy with f = XY, x = st,
    // y = s + t: difference 0). Line 7 writes x_s where x_t belongs (difference (s - t)(s + t)); line 9 drops
    // the f_x x_t term (difference s(s + t)). Wrong for some f, x, y but right for others: unjudged, never ✓.
    const doc = md(
      '## Chain rule, case 2',
      '',
      'Suppose $w = f(x, y)$, where $x = x(s, t)$ and $y = y(s, t)$ are differentiable.',
      '',
      '$$\\frac{\\partial w}{\\partial s} = \\frac{\\partial f}{\\partial x}\\frac{\\partial x}{\\partial s} + \\frac{\\partial f}{\\partial y}\\frac{\\partial y}{\\partial s}$$',
      '',
      '$$\\frac{\\partial w}{\\partial t} = \\frac{\\partial f}{\\partial x}\\frac{\\partial x}{\\partial s} + \\frac{\\partial f}{\\partial y}\\frac{\\partial y}{\\partial t}$$',
      '',
      '$$\\frac{\\partial w}{\\partial t} = \\frac{\\partial f}{\\partial y}\\frac{\\partial y}{\\partial t}$$',
    );
    expect(errors(doc)).toEqual([]);
    expect(verdicts(doc)).toEqual(['5 correct', '7 unjudged', '9 unjudged']);
  });

  it('checks a known outer function through declared inner ones', () => {
    // z = e^u sin v, u and v functions of s, t: z_s = e^u sin v u_s + e^u cos v v_s (sympy with u = s^2 + t,
    // v = st: difference 0); line 7 swaps sin and cos (difference sqrt(2)(s - 1) e^{s^2+t} cos(st + pi/4), not 0).
    const doc = md(
      '**Example.** Let $z = e^{u} \\sin v$ with $u = u(s, t)$ and $v = v(s, t)$.',
      '',
      '$$\\frac{\\partial z}{\\partial s} = e^{u} \\sin v \\frac{\\partial u}{\\partial s} + e^{u} \\cos v \\frac{\\partial v}{\\partial s}$$',
      '',
      '$$\\frac{\\partial z}{\\partial t} = e^{u} \\cos v \\frac{\\partial u}{\\partial t} + e^{u} \\sin v \\frac{\\partial v}{\\partial t}$$',
    );
    expect(errors(doc)).toEqual([]);
    expect(verdicts(doc)).toEqual(['3 correct', '5 unjudged']);
  });
});

describe('a rule table in Lagrange primes on functions written without their argument', () => {
  it("reads (uv)' = u'v + uv' as d(uv)/dx (it was the transpose, a ✗ 'off by 2' on the product rule), and keeps (AB)' a transpose", () => {
    // sympy with u(x), v(x) unknown: the product (line 4), quotient (5), power (6) and exponential (7) rules differ
    // from the derivative by 0. Line 7 of the list (u'v') differs by u v' + v u' - u'v'; line 8 (+ in the quotient)
    // by -2 u v'/v^2: both wrong, neither ✓. The sum (line 3) and the constant multiple (line 10) never write u
    // unprimed outside the bracket, nor do the matrices' lines: they keep the transpose, scalars there, unjudged.
    const doc = md(
      '## Differentiation rules',
      '',
      "1. Sum: $(u + v)' = u' + v'$",
      "2. Product: $(uv)' = u'v + uv'$",
      "3. Quotient: $\\left(\\frac{u}{v}\\right)' = \\frac{u'v - uv'}{v^2}$",
      "4. Power of a function: $(u^n)' = n u^{n-1} u'$",
      "5. Product (as my notes had it): $(uv)' = u'v'$",
      "6. Quotient (as my notes had it): $\\left(\\frac{u}{v}\\right)' = \\frac{u'v + uv'}{v^2}$",
      "7. Exponential: $(e^{u})' = e^{u} u'$",
      "8. Constant multiple: $(cu)' = cu'$",
      '',
      '## Matrices',
      '',
      "$$(AB)' = B'A'$$",
      '',
      "$$(AB)' = A'B'$$",
    );
    expect(verdicts(doc)).toEqual(['3 unjudged', '4 correct', '5 correct', '6 correct', '7 unjudged', '8 unjudged', '9 correct', '10 unjudged', '14 unjudged', '16 unjudged']);
  });
});

describe("a table of derivatives in Lagrange primes on formulas", () => {
  it("reads (x^3)' = 3x^2 as d/dx (it was a transpose: x^3 = 3x^2, a ✗ on a right line), and keeps (Ax)' = x'A' a transpose", () => {
    // sympy: diff(x**3) = 3x^2, diff(sin x) = cos x, diff(sqrt(x)) = 1/(2 sqrt(x)), diff(2**x) = 2^x ln 2 and
    // diff(t**2, t) = 2t (differences 0); diff(cos x) = -sin x, so line 4's sin x differs by 2 sin x: ✗.
    // Line 11 primes names on its right side: a transpose identity, scalars here, unjudged.
    const doc = md(
      'Table of derivatives (students should memorize these):',
      "- $(x^3)' = 3x^2$",
      "- $(\\sin x)' = \\cos x$",
      "- $(\\cos x)' = \\sin x$",
      "- $(\\sqrt{x})' = \\frac{1}{2\\sqrt{x}}$",
      "- $(2^x)' = 2^x \\ln 2$",
      "- $(t^2)' = 2t$",
      '',
      '## Matrices',
      '',
      "$(Ax)' = x'A'$",
    );
    expect(verdicts(doc)).toEqual(['2 correct', '3 correct', '4 incorrect', '5 correct', '6 correct', '7 correct', '11 unjudged']);
  });
});

describe('a tangent plane written for the quantity it approximates', () => {
  it('leaves w = 2 + 2(x - 1) + 4(y - 1) unjudged (it was ✗ against w = x^2 y + y^3), and still marks a wrong w ✗', () => {
    // w = x^2 y + y^3 at (1, 1): w = 2, w_x = 2xy = 2, w_y = x^2 + 3y^2 = 4 (sympy), so line 3 is the tangent plane,
    // right as the linearization the prose announces, not equal to w. Line 5 (degree two) differs from w by
    // x^2 y + y^3 - 2xy - 3y^2, not 0: ✗. Line 9 writes 3y for 3y^2 (difference 3y^2 - 3y): ✗.
    const doc = md(
      'Let $w = x^2 y + y^3$. Near $(1, 1)$ the linearization is',
      '',
      '$$w = 2 + 2(x - 1) + 4(y - 1)$$',
      '',
      '$$w = 2xy + 3y^2$$',
      '',
      '$$\\frac{\\partial w}{\\partial x} = 2xy$$',
      '',
      '$$\\frac{\\partial w}{\\partial y} = x^2 + 3y$$',
    );
    expect(verdicts(doc)).toEqual(['3 unjudged', '5 incorrect', '7 correct', '9 incorrect']);
  });
});
