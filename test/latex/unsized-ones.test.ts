// A bold 1 with no size is the column of ones whose length its neighbours force (resolve/onesVectors.ts), as a
// TA reads `(I - \frac{1}{p}\mathbf{1}\mathbf{1}^T) x`. The document is written for the test (a centring
// exercise), in notation other than the corpus's batch-norm write-up.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const doc = [
  '# Centering',
  '',
  'Let $x \\in \\mathbb{R}^{p}$.',
  '',
  '$$V = \\frac{1}{p} x^T (I - \\frac{1}{p}\\mathbf{1}\\mathbf{1}^T) x$$',
  '',
  '$$\\frac{\\partial V}{\\partial x} = \\frac{2}{p}(I - \\frac{1}{p}\\mathbf{1}\\mathbf{1}^T) x$$',
  '',
  '$$\\frac{\\partial V}{\\partial x} = \\frac{2}{p}(I - \\mathbf{1}\\mathbf{1}^T) x$$',
  '',
  '$$\\frac{\\partial V}{\\partial x} = \\frac{2}{p} x - \\frac{2}{p^2}\\mathbf{1}\\mathbf{1}^T x$$',
  '',
  '$$\\frac{\\partial (\\mathbf{1}^T x)}{\\partial x} = \\mathbf{1}^T \\mathbf{1}$$',
  '',
].join('\n');

describe('a bold 1 without its size', () => {
  it('takes the length the product or sum it stands in forces', () => {
    // C = I - 11^T/p is symmetric, so dV/dx = 2 C x / p. numpy central differences (p = 4, random x): 1.8e-11;
    // the expanded 2x/p - 2 11^T x / p^2 is the same vector. Dropping the 1/p inside C is off by 0.073: incorrect
    // (the length is forced by x, so nothing rests on a guess).
    const claims = checkSource(doc, 'doc.md').report.claims;
    expect(claims.slice(0, 3).map((c) => c.steps.map((s) => s.verdict).join(', '))).toEqual(['correct', 'incorrect', 'correct']);
  });

  it('is not read where nothing beside it forces a length', () => {
    // 1^T 1 is the length itself: any length chainrule chose would be a guess, so the line is not checked.
    const last = checkSource(doc, 'doc.md').report.claims[3];
    expect(last.steps[0].verdict).toBe('error');
    expect(last.steps[0].message).toContain('nothing beside it here says its length');
  });
});
