// A bare sum sign before a matrix in an answer for a vector (src/grade/sampleSums.ts): with the samples in the
// columns, `db = \frac{1}{m} \sum dZ` (H x m summed into H x 1) is the sum over the samples, numpy's
// `np.sum(dZ, axis=1)`: the only sum of dZ with db's shape. It was read as the sum of every entry, a number.
import { describe, expect, it } from 'vitest';
import { gradeText } from './helpers';

// Two layers, samples in the m columns, the mean cross-entropy J. By hand: dJ/dZ2 = (A2 - Y)/m, so
// dJ/db2 = sum(A2 - Y)/m and dJ/db1 = (W2^T (A2 - Y) ⊙ (1 - A1 ⊙ A1)) ones(m, 1) / m. numpy, finite differences at a
// random point (n = 3, m = 5, h = 4): dJ/db1 = [-0.10551, -0.2668, 0.04799, 0.00703] equals the row sums / m, while
// the row sums without 1/m are m times it ([-0.52755, ...]); dJ/db2 = 0.367473 = sum(A2 - Y)/m.
const ASSIGNMENT = `problem 1 "Two-layer network, samples in columns"
X : n x m
Y : 1 x m binary
W1 : h x n
b1 : h x 1
W2 : 1 x h
b2 : scalar
Z1 = W1 X + b1
A1 = tanh(Z1)
Z2 = W2 A1 + b2
A2 = sigma(Z2)
J = -sum(Y .* log(A2) + (1 - Y) .* log(1 - A2)) / m
ask dJ/db2 1 point
ask dJ/db1 2 points
`;

// Course-notes style (Andrew Ng's layers in brackets), db^{[1]} once with its 1/m and once without.
const notes = (scale: string) => [
  '## Backward propagation',
  '',
  '$$\\frac{\\partial J}{\\partial b^{[2]}} = \\frac{1}{m} \\sum (A^{[2]} - Y)$$',
  '',
  `$$\\frac{\\partial J}{\\partial b^{[1]}} = ${scale} \\sum \\left( W^{[2]T} (A^{[2]} - Y) \\odot (1 - A^{[1]} \\odot A^{[1]}) \\right)$$`,
].join('\n');

describe('a bare sum of a matrix in an answer for a vector', () => {
  it('sums over the samples, the only sum of the ask’s shape; a scalar ask keeps the sum of every entry', () => {
    const result = gradeText(ASSIGNMENT, notes('\\frac{1}{m}'), 'notes.md');
    expect(result.asks.map((a) => [a.id, a.rule, a.score, a.confidence])).toEqual([
      ['1 dJ/db2', 'correct', 1, 'sure'],
      ['1 dJ/db1', 'correct', 2, 'needs-review'],
    ]);
    expect(result.asks[1].reasons.some((r) => r.startsWith('read \\sum(') && r.endsWith('ones(m, 1)'))).toBe(true);
  });

  it('grades a sum over the samples that lost its 1/m by the scale row', () => {
    const result = gradeText(ASSIGNMENT, notes(''), 'notes.md');
    // m times the truth: 50% of 2.
    expect(result.asks.map((a) => [a.id, a.rule, a.score])).toEqual([
      ['1 dJ/db2', 'correct', 1],
      ['1 dJ/db1', 'scale', 1],
    ]);
  });
});
