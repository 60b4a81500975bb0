// A ✓ that rests on chainrule taking undeclared names as scalars: transposes and traces do nothing to a
// scalar, so a line can hold for scalars and fail for the matrices the author means (src/check/doubts.ts).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const verdicts = (md: string) => checkSource(md, 't.md').report.claims.map((c) => `${c.line} ${c.steps.map((s) => s.verdict).join(' ')}`);

describe('scalar guesses under matrix operations', () => {
  it('leaves unjudged a ✓ that holds only because X and A, declared nowhere, were taken as scalars', () => {
    // ∂ tr(XᵀA)/∂X = A (tr(XᵀA) = Σ_ij X_ij A_ij); Aᵀ is wrong for matrices, right for scalars.
    const md = ['$$\\frac{\\partial}{\\partial X} \\operatorname{tr}(X^T A) = A^T$$'].join('\n');
    expect(verdicts(md)).toEqual(['1 unjudged']);
  });

  it('judges the same lines once the shapes are stated', () => {
    // numpy: X, A random 3 x 3; central differences of np.trace(X.T @ A) give A (error 1e-10), not A.T (error ~1).
    const md = [
      'Let $X, A \\in \\mathbb{R}^{3 \\times 3}$.',
      '$$\\frac{\\partial}{\\partial X} \\operatorname{tr}(X^T A) = A^T$$', // wrong: transposed
      '$$\\frac{\\partial}{\\partial X} \\operatorname{tr}(X^T A) = A$$', // right
    ].join('\n');
    expect(verdicts(md)).toEqual(['2 incorrect', '3 correct']);
  });

  it('keeps a ✓ with no matrix operation on a guessed scalar', () => {
    // f = x^2 y with x, y undeclared scalars: ∂f/∂x = 2 x y holds whatever their values.
    expect(verdicts('$f = x^2 y$\n\n$$\\frac{\\partial f}{\\partial x} = 2 x y$$')).toEqual(['3 correct']);
  });
});

describe('a name the question transposes, written without the transpose in another line', () => {
  it('leaves unjudged a ✓ that holds only because that name was taken as a scalar', () => {
    // s⁽ˡ⁾ = tanh(U⁽ˡ⁾ s⁽ˡ⁻¹⁾) at a generic layer, U⁽ˡ⁾ declared nowhere, J a loss left to the text. ∂J/∂s⁽ˡ⁻¹⁾ =
    // U⁽ˡ⁾ᵀ (∂J/∂s⁽ˡ⁾ ⊙ (1 − s⁽ˡ⁾²)); without the transpose it is wrong for a matrix U (numpy: U 3 x 3 random,
    // J = Σ s³ + sin(w·s): error ~1), but for a scalar U = Uᵀ, so the second line holds as chainrule reads it.
    const md = [
      '# Backward recursion through the layers',
      '$$s^{(l)} = \\tanh(U^{(l)} s^{(l-1)})$$',
      'The objective $J$ is computed from the last layer.',
      '$$\\frac{\\partial J}{\\partial s^{(l-1)}} = (U^{(l)})^T \\left(\\frac{\\partial J}{\\partial s^{(l)}} \\odot (1 - s^{(l)} \\odot s^{(l)})\\right)$$',
      '$$\\frac{\\partial J}{\\partial s^{(l-1)}} = U^{(l)} \\left(\\frac{\\partial J}{\\partial s^{(l)}} \\odot (1 - s^{(l)} \\odot s^{(l)})\\right)$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['4 unjudged', '5 unjudged']);
  });
});
