// The components of a vector-valued function (docs/latex.md, src/latex/vectorComponents.ts): with G defined by a
// column, G_k is its k-th entry as a function of G's parameters, so a Jacobian written as the matrix of the
// components' partials is checked entry by entry. Verdicts worked by hand and checked with sympy:
// G(s, t) = [s^2 t; e^s; s + t] has the Jacobian [[2st, s^2], [e^s, 0], [1, 1]].
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const report = (md: string) => checkSource(md, 't.md').report;
const steps = (md: string) => report(md).claims.map((c) => `${c.line} ${c.steps.map((s) => s.verdict).join(' ')}`);
const defined = '$$\\boldsymbol{G}(s, t) = \\begin{pmatrix} s^2 t \\\\ e^{s} \\\\ s + t \\end{pmatrix}$$';

describe('components of a vector-valued function', () => {
  it('reads G_k as the k-th entry of G, in the matrix of partials and alone', () => {
    const md = [
      defined,
      // the partials of the components, then their values (sympy): both steps right
      '$$J_{\\boldsymbol{G}}(s, t) = \\begin{pmatrix} \\frac{\\partial G_1}{\\partial s} & \\frac{\\partial G_1}{\\partial t} \\\\ \\frac{\\partial G_2}{\\partial s} & \\frac{\\partial G_2}{\\partial t} \\\\ \\frac{\\partial G_3}{\\partial s} & \\frac{\\partial G_3}{\\partial t} \\end{pmatrix} = \\begin{pmatrix} 2st & s^2 \\\\ e^{s} & 0 \\\\ 1 & 1 \\end{pmatrix}$$',
      // ∂G_1/∂t = s^2 (sympy): right; ∂G_2/∂s = e^s, not s e^{s-1}: wrong
      '$$\\frac{\\partial G_1}{\\partial t} = s^2$$',
      '$$\\frac{\\partial G_2}{\\partial s} = s e^{s - 1}$$',
      // the (2, 1) entry is e^s, not 0 (sympy): wrong
      '$$J_{\\boldsymbol{G}}(s, t) = \\begin{pmatrix} 2st & s^2 \\\\ 0 & 0 \\\\ 1 & 1 \\end{pmatrix}$$',
    ].join('\n');
    expect(steps(md)).toEqual(['2 correct correct', '3 correct', '4 incorrect', '5 incorrect']);
  });

  it("keeps a component the document defines itself, and reads no components of a matrix that is not a vector", () => {
    const md = [
      defined,
      // G_1 is the author's own (s t): ∂G_1/∂s = t is right by it (sympy), wrong by the first entry of G
      '$$G_1 = s t$$',
      '$$\\frac{\\partial G_1}{\\partial s} = t$$',
    ].join('\n');
    expect(steps(md)).toEqual(['3 correct']);
    const square = ['$$H(s, t) = \\begin{pmatrix} s & t \\\\ t & s \\end{pmatrix}$$', '$$\\frac{\\partial H_1}{\\partial s} = 1$$'].join('\n');
    expect(report(square).claims.map((c) => c.verdict)).not.toContain('correct');
  });
});
