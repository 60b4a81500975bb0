// A gradient written with no function, `\nabla_w = ...` (src/grade/unnamedGradients.ts): in a part answering a
// problem whose asks by w all differentiate one function L, it is ∇_w L; otherwise it stays unread.
import { describe, expect, it } from 'vitest';
import { gradeText } from './helpers';

// Logistic regression over n samples, averaged. By hand: ∂L/∂s_i = (yhat_i - y_i)/n, so ∂L/∂w = X^T (yhat - y)/n
// and ∂L/∂b = Σ_i (yhat_i - y_i)/n. sympy at a random point (n = 4, d = 3): |∂L/∂w - X^T(yhat - y)/n| = 0 and
// ∂L/∂b = -0.3809 = Σ(yhat - y)/n, while 2Σ(yhat - y)/n = -0.7619: the second answer below is wrong by a factor 2.
const ASSIGNMENT = `problem 1 "Averaged logistic loss"
y : n x 1 binary
X : n x d
w : d x 1
b : scalar
s = X w + b
yhat = sigma(s)
L = -sum(y .* log(yhat) + (1 - y) .* log(1 - yhat)) / n
ask dL/dw 4 points
ask dL/db 2 points
`;

// Lecture-notes style: both gradients on one display line, separated by \quad.
const NOTES = ['### Model', '', '$$\\hat{y} = \\sigma(s)$$', '', '### Gradients', '', '$$\\nabla_w = \\frac{1}{n} X^\\top (\\hat{y} - y), \\quad \\nabla_b = \\frac{2}{n}\\sum_i(\\hat{y}_i - y_i)$$'].join('\n');

describe('a gradient written with no function', () => {
  it('is the gradient of the function the asks by its variable differentiate; a wrong one is not marked right', () => {
    const result = gradeText(ASSIGNMENT, NOTES, 'notes.md');
    expect(result.asks.map((a) => [a.id, a.rule, a.score, a.confidence])).toEqual([
      ['1 dL/dw', 'correct', 4, 'needs-review'],
      // 2/n instead of 1/n: wrong; since it rests on chainrule's reading, not judged (0 points, for a TA to look at).
      ['1 dL/db', 'unjudged', 0, 'needs-review'],
    ]);
    const answer = result.problems[0].claims.find((c) => c.graded === '1 dL/dw');
    expect(answer?.readings?.map((r) => [r.written, r.readAs, r.column])).toEqual([['\\nabla_w', 'the gradient of L', 3]]);
    // Columns as written, not as parsed with the function put in: `\frac` at 14, the second `\nabla_b` at 48.
    expect(answer?.steps[0].column).toBe(14);
    expect(result.problems[0].claims.find((c) => c.graded === '1 dL/db')?.readings?.[0].column).toBe(54);
  });

  it('stays unread where the asks by the variable differentiate two functions', () => {
    // dL/dw and dJ/dw with J = L + λ w^T w: which of them ∇_w means, the line does not say.
    const two = ASSIGNMENT.replace('ask dL/db 2 points', 'lambda : scalar\nJ = L + lambda * w^T w\nask dJ/dw 2 points');
    const result = gradeText(two, NOTES, 'notes.md');
    expect(result.asks.map((a) => [a.id, a.outcome, a.confidence])).toEqual([
      ['1 dL/dw', 'missing', 'needs-review'],
      ['1 dJ/dw', 'missing', 'needs-review'],
    ]);
  });
});
