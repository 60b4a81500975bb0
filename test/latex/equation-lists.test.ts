// A brace of equations, `\begin{cases} m_1 = a p + b r \\ m_2 = a q + b s \end{cases}`, lists equations: each
// row is read as a line of its own, and the relation before the brace (`\frac{\partial M}{\partial A} =`) only
// heads the list (src/latex/equationLists.ts). A brace with conditions stays a case split.
import { describe, expect, it } from 'vitest';
import { stepsOf } from './helpers';
import { checkSource } from '../../src/app/check';

describe('braces of equations', () => {
  // A row vector [a b] times [[p q], [r s]], its entries written out in a brace, their derivatives in another.
  // sympy: m1 = a p + b r, m2 = a q + b s; dm1/da = p, dm1/dr = b, dm2/db = s, dm2/dp = 0.
  const doc = [
    '**Entries of the product**', // 1
    '$$', // 2
    '\\left\\{\\begin{cases}', // 3
    'm_1 = a p + b r \\\\', // 4
    'm_2 = a q + b s', // 5
    '\\end{cases}\\right.', // 6
    '$$', // 7
    '$$', // 8
    '\\frac{\\partial M}{\\partial A} = \\begin{cases}', // 9
    '\\frac{\\partial m_1}{\\partial a} = p \\\\', // 10: right
    '\\frac{\\partial m_1}{\\partial r} = b \\\\', // 11: right
    '\\frac{\\partial m_2}{\\partial b} = q \\\\', // 12: wrong, the truth is s
    '\\vdots \\\\', // 13: more of the same, not a row
    '\\frac{\\partial m_2}{\\partial p} = 0', // 14: right
    '\\end{cases}', // 15
    '$$', // 16
  ].join('\n');

  it('reads each row as a line, and sets the heading relation aside', () => {
    expect(stepsOf(doc)).toEqual([['10 correct'], ['11 correct'], ['12 incorrect'], ['14 correct']]);
    const notes = checkSource(doc, 'doc.md').report.diagnostics.filter((d) => d.code === 'not-a-claim');
    expect(notes.map((d) => d.line)).toEqual([9]);
  });

  it('keeps a system to solve set aside: its rows are conditions, not claims', () => {
    // Lagrange's conditions for F = x y under x + y = 1: ∂F/∂x = λ ∂G/∂x holds only at the solution, so a check
    // of it as an identity would mark a right line wrong; nothing of line 3 is claimed.
    const system = ['$$F = x y \\quad G = x + y$$', '$$', '\\begin{cases} \\frac{\\partial F}{\\partial x} = \\lambda \\frac{\\partial G}{\\partial x} \\\\ x + y = 1 \\end{cases}', '$$'].join('\n');
    const report = checkSource(system, 'doc.md').report;
    expect(report.claims.filter((c) => c.steps.some((s) => s.line === 3))).toEqual([]);
  });

  it('keeps a brace with conditions a case split, its rows no claims', () => {
    const split = ['$$f(x) = \\begin{cases} x = 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}$$', '$$\\frac{d f}{d x} = 3$$'].join('\n');
    const report = checkSource(split, 'doc.md').report;
    expect(report.diagnostics.some((d) => d.code === 'not-a-claim' && /case split/.test(d.message))).toBe(true);
    expect(report.claims.every((c) => c.steps.every((s) => s.line === 2))).toBe(true);
  });
});
