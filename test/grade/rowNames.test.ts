// `v_k` for row k of the problem's matrix `Vk : K x d` (src/grade/rowNames.ts): the student writes the vectors
// that the matrix stacks, lowercase and as columns, with the index letter whose capital counts its rows.
import { describe, expect, it } from 'vitest';
import { gradeText } from './helpers';

// Softplus of K scores: L = Σ_k log(1 + e^{v_k^T x}). By hand: ∂L/∂x = Σ_k σ(v_k^T x) v_k = Vk^T σ(Vk x), and
// ∂L/∂v_k = σ(v_k^T x) x, row k of dL/dVk = σ(Vk x) x^T. With σ(-v_k^T x) in place of σ(v_k^T x) both are
// wrong (numpy, finite differences at a random point: the first pair agree, the second do not).
const ASSIGNMENT = `problem 1 "Softplus scores"
x : d x 1
Vk : K x d
L = sum(log(1 + exp(Vk x)))
ask dL/dx 2 points
ask dL/dVk 2 points
`;

const answers = (sign: string) => [
  '**1.** With $v_k$ the $k$-th row of $V_k$:',
  '',
  `$$\\nabla_x L = \\frac{\\partial L}{\\partial x} = \\sum_{k=1}^{K} \\sigma(${sign}v_k^\\top x)\\, v_k$$`,
  '',
  `$$\\frac{\\partial L}{\\partial v_k} = \\sigma(${sign}v_k^\\top x)\\, x$$`,
].join('\n');

describe('a vector of a stacked matrix', () => {
  it('reads v_k as row k of Vk, a column, in the uses and as the variable', () => {
    const result = gradeText(ASSIGNMENT, answers(''), 'answers.md');
    expect(result.asks.map((a) => [a.id, a.outcome, a.score])).toEqual([
      ['1 dL/dx', 'correct', 2],
      ['1 dL/dVk', 'correct', 2],
    ]);
    expect(result.problems[0].claims[0].readings?.map((r) => [r.written, r.readAs])).toContainEqual(['v_k', 'Vk_k']);
  });

  it('finds the wrong sign inside σ wrong, flagged since it rests on the reading', () => {
    const result = gradeText(ASSIGNMENT, answers('-'), 'answers.md');
    expect(result.asks.map((a) => [a.id, a.score, a.confidence])).toEqual([
      ['1 dL/dx', 0, 'needs-review'],
      ['1 dL/dVk', 0, 'needs-review'],
    ]);
  });

  it('reads no row where the matrix has no dimension named by the index', () => {
    // Vk : d x d: nothing says k counts its rows, so v_k is the problem's Vk written in lowercase (a case slip).
    const square = ASSIGNMENT.replace('Vk : K x d', 'Vk : d x d');
    const result = gradeText(square, answers(''), 'answers.md');
    expect(result.problems[0].claims.flatMap((c) => c.readings ?? []).map((r) => r.readAs)).not.toContain('Vk_k');
  });
});
