// A derivation typed as plain text in a fence with no language (docs/latex.md, plainMaths.ts `plainMathsFence`):
// each maths line is read as the same line outside the fence would be, with Leibniz's `dv/du` and an exponent in
// brackets (`e^(2t)`) read as plain text means them. Code stays code. Verdicts by hand, checked with sympy:
// d cos(u)/du = -sin(u); d t^3/dt = 3t^2; dv/du at u = t^3 is -sin(t^3), not -sin(3t^2); d e^(2t)/dt = 2e^(2t).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const verdicts = (md: string) => checkSource(md, 't.md').report.claims.map((c) => `${c.line} ${c.verdict}`);

describe('plain-text maths in a fence', () => {
  it('reads each maths line of a derivation fence', () => {
    const md = ['# Chain rule', '```', 'u(t) = t^3', "v(u) = cos(u), v'(u) = -sin(u)", 'du/dt = 3t^2', 'dv/du = -sin(3t^2)', '```'].join('\n');
    // v'(u) = -sin(u) and du/dt = 3t^2 right; -sin(3t^2) puts u' where u goes: wrong
    expect(verdicts(md)).toEqual(['4 correct', '5 correct', '6 incorrect']);
  });

  it('reads a bracket after ^ as the whole exponent', () => {
    const md = ['```', 'y(t) = e^(2t)', 'dy/dt = 2e^(2t)', '```'].join('\n');
    expect(verdicts(md)).toEqual(['3 correct']);
  });

  it('leaves code, and a fence that differentiates nothing, alone', () => {
    const code = ['```', 'def f(x):', "    return x ** 2", "df/dx = 2x", '```'].join('\n');
    const noDerivative = ['```', 'y = a * x + b', 'z = y^2', '```', '$$\\frac{\\partial z}{\\partial x} = 2 y a$$'].join('\n');
    expect(verdicts(code)).toEqual([]);
    // z is no formula here (the fence is not read), so the line is not checked as right or wrong
    expect(verdicts(noDerivative)).not.toContain('5 correct');
  });
});
