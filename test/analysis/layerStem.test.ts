// A bare name beside its numbered layers (src/latex/confusions.ts, entry 9): `W` in a line that does not read,
// where the document writes W^{(1)} and W^{(2)}, is the layer whose shapes fit, said as a reading; a line
// that reads as written (W a scalar of its own) is left alone.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

// Row vectors, CS224d style: t = x W1 + b1, h = σ(t), θ = h W2 + b2, ŷ = softmax(θ), J the cross-entropy.
// By hand: ∂J/∂θ = ŷ - y, ∂J/∂h = (ŷ - y) W2^T, ∂J/∂b1 = (ŷ - y) W2^T ∘ σ'(t) (1 x H). numpy, D = 3, H = 4,
// C = 5, finite differences at a random point: that form agrees (rel. err. ~1e-9); with σ(t) for σ'(t) it does
// not. W read as W1 (D x H) cannot multiply ŷ - y (1 x C) by its transpose; only W2 (H x C) fits.
const network = (h: number, c: number) => [
  `$$x \\in \\mathbb{R}^{1 \\times 3}, \\quad y \\in \\mathbb{R}^{1 \\times ${c}}$$`,
  `$$W^{(1)} \\in \\mathbb{R}^{3 \\times ${h}}, \\quad b^{(1)} \\in \\mathbb{R}^{1 \\times ${h}}$$`,
  `$$W^{(2)} \\in \\mathbb{R}^{${h} \\times ${c}}, \\quad b^{(2)} \\in \\mathbb{R}^{1 \\times ${c}}$$`,
  '$$t = x W^{(1)} + b^{(1)}$$',
  '$$h = \\sigma(t)$$',
  '$$\\theta = h W^{(2)} + b^{(2)}$$',
  '$$\\hat{y} = \\mathrm{softmax}(\\theta)$$',
  '$$J = -\\sum_k y_k \\log \\hat{y}_k$$',
].join('\n\n');

const answer = (activation: string) => `\n\n$$\\frac{\\partial J}{\\partial b^{(1)}} = (\\hat{y} - y) W^T \\circ ${activation}(t)$$`;

describe('a bare name beside its numbered layers', () => {
  it('reads W as the layer whose shapes fit, and says so', () => {
    const [claim] = checkSource(network(4, 5) + answer("\\sigma'"), 'notes.md').report.claims.slice(-1);
    expect(claim.verdict).toBe('correct');
    // (the labels' reading of the cross-entropy comes with it: y sums to 1)
    expect(claim.readings?.map((r) => [r.written, r.readAs])).toContainEqual(['W', 'W2']);
  });

  it('does not mark a wrong line right through the reading', () => {
    const [claim] = checkSource(network(4, 5) + answer('\\sigma'), 'notes.md').report.claims.slice(-1);
    expect(claim.verdict).not.toBe('correct');
    expect(claim.verdict).not.toBe('incorrect'); // read by a slip it may not be: not judged
  });

  it('reads nothing where the line reads as written (square layers)', () => {
    // H = C = D = 3: read as written, W is an undeclared scalar and the line lowers, so no layer is tried (the
    // entry is never suspect by itself); a TA would have to ask which W is meant.
    const [claim] = checkSource(network(3, 3) + answer("\\sigma'"), 'notes.md').report.claims.slice(-1);
    expect(claim.readings ?? []).not.toContainEqual(expect.objectContaining({ written: 'W' }));
  });
});
