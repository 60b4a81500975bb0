// `w^L_{jk}`, `a^{L-1}_k`, `b^L_j`, `n_L` for entries and sizes of the problem's layers counted from the last
// (src/grade/layerEntries.ts): a general-layer write-up (Nielsen's notation, superscript first here) answers
// the matrix asks of a two-layer network entry by entry.
import { describe, expect, it } from 'vitest';
import { gradeText } from './helpers';

// Sigmoid outputs, cross-entropy averaged over the n2 outputs. By hand: ∂C/∂z2 = (a2 - y)/n2, so
// ∂C/∂w^L_{jk} = (a^L_j - y_j) a^{L-1}_k / n_L (entry (j, k) of (a2 - y) a1^T / n2) and ∂C/∂b^L_j = (a^L_j - y_j) / n_L.
// The quadratic cost's answer, with the extra factor a^L_j (1 - a^L_j), is wrong here. sympy, n0 = 2, n1 = 3,
// n2 = 2 at a random point: the right entries differ from ∂C/∂W2 by 0, the wrong ones by 0.04 to 0.15.
const ASSIGNMENT = `problem 1 "Sigmoid network, cross-entropy"
x : n0 x 1
W1 : n1 x n0
b1 : n1 x 1
W2 : n2 x n1
b2 : n2 x 1
y : n2 x 1 binary
z1 = W1 x + b1
a1 = sigma(z1)
z2 = W2 a1 + b2
a2 = sigma(z2)
C = -sum(y .* log(a2) + (1 - y) .* log(1 - a2)) / n2
ask dC/dW2 3 points
ask dC/db2 2 points
`;

const answers = (extra: string) =>
  [
    'For the output layer $L$, with $n_L$ output neurons:',
    '',
    `$$\\frac{\\partial C}{\\partial w^L_{jk}} = \\frac{1}{n_L} (a^L_j - y_j)${extra}\\, a^{L-1}_k$$`,
    '',
    '$$\\frac{\\partial C}{\\partial b^L_j} = \\frac{1}{n_L} (a^L_j - y_j)$$',
  ].join('\n');

describe('entries of a layer counted from the last', () => {
  it('reads w^L_{jk} as entry (j, k) of W2 and n_L as n2, a per-entry answer to the matrix ask', () => {
    const result = gradeText(ASSIGNMENT, answers(''), 'answers.md');
    expect(result.asks.map((a) => [a.id, a.outcome, a.score])).toEqual([
      ['1 dC/dW2', 'correct', 3],
      ['1 dC/db2', 'correct', 2],
    ]);
    const readings = result.problems[0].claims.flatMap((c) => c.readings ?? []).map((r) => [r.written, r.readAs]);
    expect(readings).toContainEqual(['w^L_{jk}', 'W2_{j,k}']);
    expect(readings).toContainEqual(['a^{L-1}_k', 'a1_{k}']);
    expect(readings).toContainEqual(['n_L', 'n2']);
  });

  it("grades the quadratic cost's extra factor wrong", () => {
    const result = gradeText(ASSIGNMENT, answers(' a^L_j (1 - a^L_j)'), 'answers.md');
    expect(result.asks.map((a) => [a.id, a.score])).toEqual([
      ['1 dC/dW2', 0],
      ['1 dC/db2', 2],
    ]);
  });

  it('maps no layer the problem lacks: w^{L+1}_{jk} stays a name of its own', () => {
    const result = gradeText(ASSIGNMENT, answers('').replace(/\{L-1\}/g, '{L+1}'), 'answers.md');
    expect(result.problems[0].claims.flatMap((c) => c.readings ?? []).map((r) => r.written)).not.toContain('a^{L+1}_k');
    expect(result.asks[0].score).toBe(0);
  });
});
