// A definition through a tensor-valued derivative (`g = \frac{\partial y}{\partial x}` with y and x matrices,
// the way CSC413-style "bar" notes write `\bar{x} = \bar{y} \frac{\partial y}{\partial x}`) stopped `check` and
// `shapes` with an internal error: the shape of every defined name was listed by lowering each definition.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { shapesSource } from '../../src/app/shapes';

const doc = [
  '$x \\in \\mathbb{R}^{3 \\times 2}$, $W \\in \\mathbb{R}^{4 \\times 3}$', '',
  '$$y = W x$$', '', '$$g = \\frac{\\partial y}{\\partial x}$$', '', '$$L = \\sum y$$', '',
  // L = sum of all entries of W x, so dL/dx = W^T ones(4, 2), whose rows are the column sums of W: correct.
  '$$\\frac{\\partial L}{\\partial x} = W^T J$$', '', '$$J = \\begin{bmatrix} 1 & 1 \\\\ 1 & 1 \\\\ 1 & 1 \\\\ 1 & 1 \\end{bmatrix}$$',
].join('\n') + '\n';

describe('a definition through a tensor-valued derivative', () => {
  it('checks the other claims of the document', () => {
    const r = checkSource(doc, 'bars.md');
    expect(r.report.claims.map((c) => [c.line, c.verdict])).toEqual([[9, 'correct']]);
  });

  it('lists the other names\' shapes and no shape for it', () => {
    const r = shapesSource(doc, 'bars.md');
    expect(r.shapes).toEqual({ x: '3 x 2', W: '4 x 3', y: '4 x 2', L: 'scalar', J: '4 x 2' });
    expect(r.exitCode).toBe(0);
  });

  it('takes a function whose body is such a derivative alike (it stopped check with an internal error)', () => {
    // g(v) = ∂(XA)/∂X v, X m x n, A n x n: a tensor times v, no shape. tr(X^T X) has gradient 2X (d/dX of the sum
    // of squares of X's entries); X alone is half of it: the other claims are still checked.
    const text = ['# notes', 'Let $X \\in \\mathbb{R}^{m \\times n}$ and $A \\in \\mathbb{R}^{n \\times n}$.', '$$g(v) = \\frac{\\partial (XA)}{\\partial X} v$$'];
    const verdict = (claim: string) => checkSource([...text, claim].join('\n\n') + '\n', 'notes.md').report.claims.map((c) => c.verdict);
    expect(verdict('$$\\frac{\\partial\\, \\mathrm{tr}(X^T X)}{\\partial X} = 2X$$')).toEqual(['correct']);
    expect(verdict('$$\\frac{\\partial\\, \\mathrm{tr}(X^T X)}{\\partial X} = X$$')).toEqual(['incorrect']);
  });
});
