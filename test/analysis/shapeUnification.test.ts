// Shapes no line states, solved from the question's formulas (src/analysis/shapeUnification.ts). Each document
// below declares no shape; the expectations were worked out by hand and checked with numpy (central finite
// differences at random matrices of distinct sizes, in a throw-away script).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

function stepVerdicts(lines: string[]): string[] {
  return checkSource(['# identities', ...lines].join('\n') + '\n', 'notes.md').report.claims.flatMap((c) => c.steps.map((s) => s.verdict));
}

function readingNotes(lines: string[]): string[] {
  return checkSource(['# identities', ...lines].join('\n') + '\n', 'notes.md').diagnostics.filter((d) => d.code === 'reading').map((d) => d.message);
}

describe('undeclared matrices take the most general shape their use allows', () => {
  it('checks d/dX tr(AXB) = A^T B^T at shapes with distinct sizes, and a missing transpose is no ✓', () => {
    // tr(AXB) needs A X B square: A is p x q, X q x r, B r x p (three free sizes). The gradient is A^T B^T
    // (q x r, numpy: equal to finite differences). B A is r x q, X's transpose: wrong, never ✓ (a shape error
    // at these guessed shapes is unjudged). Taken as scalars, both would pass.
    expect(stepVerdicts(['$$\\frac{\\partial}{\\partial \\mathbf{X}} \\mathrm{tr}(\\mathbf{A}\\mathbf{X}\\mathbf{B}) = \\mathbf{A}^\\top \\mathbf{B}^\\top$$'])).toEqual(['correct']);
    expect(stepVerdicts(['$$\\frac{\\partial}{\\partial \\mathbf{X}} \\mathrm{tr}(\\mathbf{A}\\mathbf{X}\\mathbf{B}) = \\mathbf{B}\\mathbf{A}$$'])).not.toContain('correct');
  });

  it('takes no prime for a transpose: (1/(1+e^{-x}))\' after σ\'(x) is a derivative, so x stays a scalar', () => {
    // σ'(x) = e^{-x}/(1+e^{-x})^2 = σ(x)(1 - σ(x)) (FD at x = 0.3: 0.24446 both ways): every step right. Taken
    // as a transpose, the prime made x a matrix and every step unjudged.
    const chain = "\\sigma'(x) = \\left(\\frac{1}{1+e^{-x}}\\right)' = \\frac{e^{-x}}{(1+e^{-x})^2} = \\sigma(x) (1 - \\sigma(x))";
    expect(stepVerdicts([`$$${chain}$$`])).toEqual(['correct', 'correct', 'correct']);
  });

  it('checks the gradient of a quadratic form, and leaves 2 Q v (right only for a symmetric Q) to the prose', () => {
    // v^T Q v needs Q square (n x n), and being differentiated and never differentiated by, it is a scalar, so v
    // is a column (n x 1). Its gradient is (Q + Q^T) v (numpy agrees); 2 Q v differs for a general Q (numpy: not
    // equal). Q is under no transpose: it is a matrix as the factor of a product with v. No line declares Q, so
    // the prose may say it is symmetric (or diagonal), where 2 Q v is right: unjudged (check/domains.ts); with Q
    // declared n x n and not symmetric, 2 Q v is ✗.
    const target = '\\nabla_{v} \\left( v^T Q v \\right)';
    expect(stepVerdicts([`$$${target} = (Q + Q^T) v$$`])).toEqual(['correct']);
    expect(stepVerdicts([`$$${target} = 2 Q v$$`])).toEqual(['unjudged']);
    const declared = 'Let $Q \\in \\mathbb{R}^{n \\times n}$ and $v \\in \\mathbb{R}^n$.';
    expect(stepVerdicts([declared, `$$${target} = 2 Q v$$`])).toEqual(['incorrect']);
  });

  it('reads linear regression written with no shapes: the gradient X^T(Xw - y) is checked', () => {
    // E = 1/2 (Aθ - t)^T (Aθ - t): A is m x d, θ d x 1, t m x 1 (a scalar E forces the columns). The gradient is
    // A^T (Aθ - t) (numpy: equal to finite differences). A^T (Aθ + t) is wrong by the sign of t (numpy: not
    // equal); A (Aθ - t), a missing transpose, is m x d times m x 1: a shape error at m ≠ d, never ✓.
    const lines = ['$$E = \\frac{1}{2} (A\\theta - t)^T (A\\theta - t)$$'];
    expect(stepVerdicts([...lines, '$$\\frac{\\partial E}{\\partial \\theta} = A^T (A\\theta - t)$$'])).toEqual(['correct']);
    expect(stepVerdicts([...lines, '$$\\frac{\\partial E}{\\partial \\theta} = A^T (A\\theta + t)$$'])).toEqual(['incorrect']);
    expect(stepVerdicts([...lines, '$$\\frac{\\partial E}{\\partial \\theta} = A (A\\theta - t)$$'])).not.toContain('correct');
    expect(readingNotes(lines).some((m) => /A is not declared; chainrule takes it as k\d x k\d, the most general shape/.test(m))).toBe(true);
  });

  it('keeps a wrong step from making free dimensions equal: its shape error stays unjudged, never ✓', () => {
    // S = U B: U is p x q, B q x r. dJ/dB = U^T dJ/dS (q x r; numpy with J = sum(S^3) agrees). The slip
    // dJ/dS U^T is p x r times q x p: were the step a constraint it would make p = q = r and could pass; it is
    // none, so the step is a shape error at chainrule's guessed shapes: unjudged.
    const lines = ['$$S = U B$$'];
    expect(stepVerdicts([...lines, '$$\\frac{\\partial J}{\\partial B} = U^T \\frac{\\partial J}{\\partial S}$$'])).toEqual(['correct']);
    expect(stepVerdicts([...lines, '$$\\frac{\\partial J}{\\partial B} = \\frac{\\partial J}{\\partial S} U^T$$'])).toEqual(['unjudged']);
  });

  it('takes a lowercase Greek factor as a scalar coefficient, and checks ridge regression', () => {
    // E = (Pw - c)^T (Pw - c) + λ w^T w: λ is a coefficient (a scalar), P m x d, w d x 1, c m x 1. The gradient
    // is 2 P^T (Pw - c) + 2 λ w; with λ w instead of 2 λ w it is wrong (numpy: equal, resp. not equal).
    const lines = ['$$E = (P w - c)^T (P w - c) + \\lambda w^T w$$'];
    const target = '\\frac{\\partial E}{\\partial w}';
    expect(stepVerdicts([...lines, `$$${target} = 2 P^T (P w - c) + 2 \\lambda w$$`])).toEqual(['correct']);
    expect(stepVerdicts([...lines, `$$${target} = 2 P^T (P w - c) + \\lambda w$$`])).toEqual(['incorrect']);
    expect(readingNotes(lines).some((m) => m.startsWith('\\lambda'))).toBe(false);
  });

  it("reads a function's body for its argument's shape: the gradient and Hessian of u^T M u - 2 c^T u", () => {
    // q(u) = u^T M u - 2 c^T u with M d x d and c in R^d: the body makes u a column of M's size (u^T M u a number),
    // so u is d x 1, although no line sizes u and the claims write u under no transpose. Gradient (M + M^T) u - 2c,
    // Hessian M + M^T (numpy, central differences at a random non-symmetric 4 x 4 M: error 2e-10); 2 M u - 2c
    // and 2M hold only for a symmetric M (error 2.9). Taken as a scalar, u made 2M a ✓.
    const lines = ['Let $M \\in \\mathbb{R}^{d \\times d}$ and $c \\in \\mathbb{R}^d$. Define $q(u) = u^T M u - 2 c^T u$.'];
    expect(stepVerdicts([...lines, '$$\\nabla_u q(u) = (M + M^T) u - 2c$$'])).toEqual(['correct']);
    expect(stepVerdicts([...lines, '$$\\nabla_u q(u) = 2 M u - 2 c$$'])).toEqual(['incorrect']);
    expect(stepVerdicts([...lines, '$$\\nabla_u^2 q(u) = M + M^T$$'])).toEqual(['correct']);
    expect(stepVerdicts([...lines, '$$\\nabla_u^2 q(u) = 2 M$$'])).toEqual(['incorrect']);
    expect(readingNotes([...lines, '$$\\nabla_u q(u) = 2 M u - 2 c$$'])).toContain('u is not declared; chainrule takes it as d x 1, the most general shape its use in this question allows');
  });
});
