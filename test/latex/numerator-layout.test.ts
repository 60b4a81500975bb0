// A gradient worked out in numerator (Jacobian) layout, where the derivative of a scalar by a column is a row and
// the chain rule reads ∂E/∂x = ∂E/∂r ∂r/∂x (src/check/chainLayouts.ts): chainrule gives that derivative the
// column's shape, so a step that fails by its shape alone is unjudged, never ✗, in that claim and in the other claims
// of its question; a product that conforms in no layout stays ✗. Checked alone and against an assignment that
// declares the shapes (which used to skip the doubt).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { checkAgainstAssignment } from '../../src/app/assignmentCheck';
import { loadAssignment } from '../../src/grade/assignment';

// E = ½‖Ax − t‖², A m x n. By hand: ∇E = Aᵀ(Ax − t) (a column); in numerator layout ∂E/∂r = rᵀ, ∂r/∂x = A, so
// ∂E/∂x = rᵀA = (Aᵀr)ᵀ. numpy (m, n = 3, 4, random A, x, t): central differences agree with Aᵀr and with rᵀA
// read as a row to 4e-10. A r (m x n times m x 1) conforms in no layout.
const chain = (last: string) => `$$\\frac{\\partial E}{\\partial x} = \\frac{\\partial E}{\\partial r}\\frac{\\partial r}{\\partial x} = r^\\top \\frac{\\partial (Ax - t)}{\\partial x} = ${last}$$`;
const body = ['Put $r = Ax - t$ and $E = \\frac{1}{2} r^\\top r$. The derivative of a scalar by a column is a row:', '', chain('r^\\top A'), '', chain('A r'), '', 'As a gradient shaped like $x$: $\\nabla_x E = A^\\top (Ax - t)$.'];
const verdicts = (claims: ReadonlyArray<{ line: number; steps: ReadonlyArray<{ verdict: string }> }>) => claims.filter((c) => c.line > 1).map((c) => `${c.line} ${c.steps.map((s) => s.verdict).join(' ')}`);

describe('a gradient in numerator layout', () => {
  it('leaves the chain and its row unjudged where the document states the shapes, and still marks A r', () => {
    const md = ['Let $A \\in \\mathbb{R}^{m \\times n}$, $x \\in \\mathbb{R}^{n}$ and $t \\in \\mathbb{R}^{m}$, with $m = 3$ and $n = 4$.', ...body].join('\n');
    expect(verdicts(checkSource(md, 'ls.md').report.claims)).toEqual(['4 unjudged unjudged unjudged', '6 unjudged unjudged incorrect', '8 correct']);
  });

  it('does the same against an assignment that declares the shapes', () => {
    const assignment = loadAssignment('problem 1\nA : m x n\nx : n x 1\nt : m x 1\nr = A x - t\nE = sum(r .* r) / 2\nask dE/dx 2 points\n', 'ls.cr');
    const { report } = checkAgainstAssignment(assignment, ['## Problem 1', '', ...body].join('\n'), 'ls.md', 1);
    expect(verdicts(report.claims).filter((v) => !/^3 /.test(v))).toEqual(['5 unjudged unjudged unjudged', '7 unjudged unjudged incorrect', '9 correct']);
    expect(report.answers[0]).toMatchObject({ outcome: 'correct', score: 2 });
  });

  it('leaves unjudged a gradient written as a row in a question whose chain is in numerator layout', () => {
    // ∂E/∂r = rᵀ is that layout's row (E = ½ rᵀr, ∇_r E = r); the chain of the next line sets the layout.
    const md = ['Let $A \\in \\mathbb{R}^{3 \\times 4}$, $x \\in \\mathbb{R}^{4}$ and $t \\in \\mathbb{R}^{3}$.', body[0], '', '$$\\frac{\\partial E}{\\partial r} = r^\\top$$', '', chain('r^\\top A')].join('\n');
    expect(verdicts(checkSource(md, 'ls.md').report.claims)).toEqual(['4 unjudged', '6 unjudged unjudged unjudged']);
  });

  it('keeps ✗ on a gradient by a column written as a row with no chain in that layout', () => {
    // ∂E/∂x = (Ax − t)ᵀA alone: chainrule's convention (the gradient has x's shape) with nothing to say otherwise.
    const md = 'Let $A \\in \\mathbb{R}^{3 \\times 4}$, $x \\in \\mathbb{R}^{4}$, $t \\in \\mathbb{R}^{3}$ and $E = \\frac{1}{2} (Ax - t)^\\top (Ax - t)$.\n\n$$\\frac{\\partial E}{\\partial x} = (Ax - t)^\\top A$$';
    expect(verdicts(checkSource(md, 'ls.md').report.claims)).toEqual(['3 incorrect']);
  });
});
