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
});
