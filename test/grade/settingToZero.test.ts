// A claim that the gradient is 0 after an expression for it (`令 \nabla_\theta J(\theta) = 0`, "setting the
// gradient to zero" to solve for θ) is a condition, not the answer (src/grade/answerSelection.ts): the answer
// is the expression before it, right or wrong.
import { describe, expect, it } from 'vitest';
import { gradeText } from './helpers';

// Ridge regression. By hand: J = ½‖Xθ - y‖² + ½λ θᵀθ, so ∇_θ J = Xᵀ(Xθ - y) + λθ. sympy at a random point
// (m = 4, n = 3, λ = 0.7): |∇J - (XᵀXθ - Xᵀy + λθ)| = 0, while with 2λθ the difference is λ|θ| ≠ 0.
const ASSIGNMENT = `problem 1 "Ridge regression"
X : m x n
theta : n x 1
y : m x 1
lambda : scalar positive
J = (X theta - y)^T (X theta - y) / 2 + lambda * theta^T theta / 2
ask dJ/dtheta 4 points
`;

const notes = (gradient: string) =>
  [
    '**Closed form.**',
    '',
    '$$',
    '\\begin{aligned}',
    '\\nabla_\\theta J(\\theta) &= \\frac 12 \\nabla_\\theta (X\\theta - y)^T (X\\theta - y) + \\frac{\\lambda}{2} \\nabla_\\theta \\theta^T \\theta \\\\',
    `    &= ${gradient}`,
    '\\end{aligned}',
    '$$',
    '',
    '令 $\\nabla_\\theta J(\\theta) = 0$，解得 $\\theta = (X^TX + \\lambda I)^{-1}X^Ty$',
  ].join('\n');

describe('a gradient set to zero', () => {
  it('is a condition: the expression before it is the answer', () => {
    const result = gradeText(ASSIGNMENT, notes('X^TX\\theta - X^Ty + \\lambda \\theta'), 'notes.md');
    // line 5: the claim, whose target \nabla_\theta J(\theta) opens the aligned block
    expect(result.asks.map((a) => [a.outcome, a.score, a.answer?.line, a.confidence])).toEqual([['correct', 4, 5, 'sure']]);
  });

  it('leaves a wrong expression the answer, graded wrong (the 0 after it does not hide it)', () => {
    const result = gradeText(ASSIGNMENT, notes('X^TX\\theta - X^Ty + 2\\lambda \\theta'), 'notes.md');
    expect(result.asks.map((a) => [a.score, a.answer?.line, a.answer?.verdict])).toEqual([[0, 5, 'incorrect']]);
  });

  it('is the answer where nothing else claims the gradient', () => {
    const alone = '**Closed form.** Setting $\\nabla_\\theta J(\\theta) = 0$ gives the normal equations.';
    const result = gradeText(ASSIGNMENT, alone, 'notes.md');
    expect(result.asks[0].answer?.text).toBe('0');
    expect(result.asks[0].score).toBe(0);
  });
});
