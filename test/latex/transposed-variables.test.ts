// A derivative by a transpose, `\partial L / \partial X^T`, is the gradient by an input standing for Xᵀ: the
// transposed gradient by X (src/calculus/meaning.ts byTranspose).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const report = (md: string) => checkSource(md, 't.md').report;
const verdicts = (md: string) => report(md).claims.map((c) => `${c.line} ${c.verdict}`);

describe('a derivative by a transposed variable', () => {
  it('is the transposed gradient, with its transpose and shape mistakes found', () => {
    // L = aᵀXb: ∂L/∂X_ij = a_i b_j, so ∂L/∂(Xᵀ)_ij = a_j b_i, i.e. b aᵀ (and a bᵀ is its transpose).
    const md = [
      'For $a, b \\in \\mathbb{R}^n$ and $X \\in \\mathbb{R}^{n \\times n}$ let $L = a^T X b$.',
      '$$\\frac{\\partial L}{\\partial X^{\\top}} = b a^T$$',
      '$$\\frac{\\partial L}{\\partial (X^T)} = a b^T$$',
      '$$\\frac{\\partial L}{\\partial X} = a b^T$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['2 correct', '3 incorrect', '4 correct']);
  });

  it('reads the rule of a blog post that moves a gradient across a transpose', () => {
    // Y = X W (X m x n, W n x m), L = tr(Y Yᵀ): ∂L/∂Y = 2Y, ∂L/∂X = 2Y Wᵀ, so ∂L/∂Xᵀ = W (∂L/∂Y)ᵀ = 2 W Yᵀ
    // (sympy at m = 2, n = 3: difference 0); (∂L/∂Y)ᵀ W is m x m times n x m, no product at all.
    const md = [
      'Let $W \\in \\mathbb{R}^{n \\times m}$, $X \\in \\mathbb{R}^{m \\times n}$, $Y = X W$ and $L = \\mathrm{tr}(Y Y^T)$.',
      '$$\\frac{\\partial L}{\\partial X^T} = W (\\frac{\\partial L}{\\partial Y})^T$$',
      '$$\\frac{\\partial L}{\\partial X^T} = (\\frac{\\partial L}{\\partial Y})^T W$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['2 correct', '3 incorrect']);
  });

  it('is not read of a loss the maths leaves undefined', () => {
    const md = ['Let $X \\in \\mathbb{R}^{m \\times n}$.', '$$\\frac{\\partial L}{\\partial X^T} = X$$'].join('\n');
    expect(verdicts(md)).toEqual(['2 unjudged']); // L is not defined in the maths: the text may say what it is
  });
});
