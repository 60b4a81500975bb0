// Which claim answers an ask: by meaning (lowered function and variables), the last claim counting.
import { describe, expect, it } from 'vitest';
import { AssignmentError, loadAssignment } from '../../src/grade/assignment';
import { gradeText, LOGREG, TWO_LAYER } from './helpers';

const RIGHT = 'X^T ((a2 - y) W2^T .* a1 .* (1 - a1))';

describe('matching claims to asks', () => {
  for (const target of ['dL/dW1', 'dL/dW_1', 'dL/dW_{1}', '∂L/∂W1', '∂L/∂W_1', 'd(L)/d(W1)', 'dL / dW1', 'grad(L, [W1])', 'd/dW1 (L)']) {
    it(`reads ${target} as dL/dW1`, () => {
      const result = gradeText(TWO_LAYER, `problem 2\n${target} = ${RIGHT}\n`);
      expect(result.asks[0].outcome).toBe('correct');
      expect(result.problems[0].claims[0].graded).toBe('2 dL/dW1');
    });
  }

  it('matches a derivative of the student\'s own name for the same function', () => {
    const result = gradeText(TWO_LAYER, `problem 2\nJ = L\ndJ/dW1 = ${RIGHT}\n`);
    expect(result.asks[0].outcome).toBe('correct');
  });

  it('does not match other derivatives', () => {
    const result = gradeText(TWO_LAYER, `problem 2\ndL/dW2 = a1^T (a2 - y)\ndL/dh1 = (a2 - y) W2^T .* a1 .* (1 - a1)\n`);
    expect(result.asks[0].outcome).toBe('missing');
    expect(result.problems[0].claims.map((c) => c.verdict)).toEqual(['correct', 'correct']);
  });

  it('grades the last claim for a target', () => {
    const wrongThenRight = gradeText(LOGREG, 'problem 1\ndL/dW = X^T a\ndL/dW = X^T (a - y)\n');
    expect(wrongThenRight.asks[0]).toMatchObject({ outcome: 'correct', answer: { line: 3 } });
    const rightThenWrong = gradeText(LOGREG, 'problem 1\ndL/dW = X^T (a - y)\ndL/dW = X^T (y - a)\n');
    expect(rightThenWrong.asks[0]).toMatchObject({ outcome: 'partial', rule: 'sign', answer: { line: 3 } });
  });

  it('grades the final step of a chain', () => {
    const result = gradeText(LOGREG, 'problem 1\ndL/dW = dL/dh dh/dW = X^T (y - a)\n      = X^T (a - y)\n');
    expect(result.asks[0]).toMatchObject({ outcome: 'correct', answer: { text: 'X^T (a - y)' } });
  });

  it('reads a submission without problem lines under a one-problem assignment', () => {
    const result = gradeText(LOGREG, 'dL/dW = X^T (a - y)\ndL/db = a - y\n');
    expect(result.score).toBe(6);
  });

  it('matches a problem id whatever its case, and reports ids the assignment lacks', () => {
    const twoProblems = `${LOGREG}\n${TWO_LAYER}`;
    const result = gradeText(twoProblems, `problem 2\ndL/dW1 = ${RIGHT}\nproblem 7\ndL/dW = X^T (a - y)\n`);
    expect(result.asks.map((a) => a.outcome)).toEqual(['missing', 'missing', 'correct']);
    expect(result.notes.map((n) => n.code)).toEqual(['unknown-problem']);
  });

  it('does not count an answer given under the wrong problem', () => {
    const result = gradeText(`${LOGREG}\n${TWO_LAYER}`, 'problem 2\ndL/dW = X^T (a - y)\n');
    expect(result.asks[0].outcome).toBe('missing');
  });

  it('refuses answers that still hold a derivative, even right ones', () => {
    const result = gradeText(LOGREG, 'problem 1\ndL/dW = X^T dL/dh\ndL/db = dL/db\n');
    expect(result.asks.map((a) => [a.rule, a.score])).toEqual([['unexpanded', 0], ['unexpanded', 0]]);
  });

  it('credits a transposed vector answer as a transpose slip, not a shape error', () => {
    const result = gradeText(LOGREG, 'problem 1\ndL/dW = (a - y) X\n');
    expect(result.asks[0]).toMatchObject({ rule: 'transpose', score: 2, answer: { diagnosis: 'shape' } });
  });

  it('keeps a student from redefining given names to trivialise the problem', () => {
    const result = gradeText(LOGREG, 'problem 1\nW = zeros(M, 1)\nM = 1\ndL/dW = X^T (a - y)\n');
    expect(result.asks[0].outcome).toBe('correct');
    expect(result.notes.filter((n) => n.code === 'redefinition').map((n) => n.line)).toEqual([2, 3]);
  });
});

// Issue 11, item 4: an ask's undeclared names are scalars (SPEC 1.1), as in `chainrule check`.
describe('asks with undeclared names', () => {
  /** The messages of the errors that refuse an assignment (none when it loads). */
  const refusals = (source: string): string[] => {
    try {
      loadAssignment(source, 'a.cr');
      return [];
    } catch (err) {
      if (!(err instanceof AssignmentError)) throw err;
      return err.diagnostics.map((d) => d.message);
    }
  };

  it('reads undeclared names in an ask as scalars, with nothing else in the problem', () => {
    // d/dx (x^2 sin(x)) = 2 x sin(x) + x^2 cos(x) by the product rule.
    const result = gradeText('problem 1\nask d/dx (x^2 sin(x)) 2 points\n', 'problem 1\nd/dx (x^2 sin(x)) = 2 x sin(x) + x^2 cos(x)\n');
    expect(result.asks[0]).toMatchObject({ outcome: 'correct', score: 2 });
  });

  it('still refuses dA/dB between names the problem neither declares, defines nor uses', () => {
    // Q appears nowhere, so dL/dQ would be the quotient of two new scalars dL and dQ.
    expect(refusals(`${LOGREG}ask dL/dQ 2 points\n`)).toEqual(['Q is not declared, defined or used in this problem']);
    // x is used nowhere but in the ask: dy/dx would be the quotient dy / dx.
    expect(refusals('problem 1\ny = 3\nask dy/dx 1 point\n')).toEqual(['x is not declared, defined or used in this problem']);
  });

  it('refuses the derivative of an undeclared scalar, which has no definition', () => {
    // Q is an undeclared scalar of L's definition: dQ/dx would be the derivative of a leaf.
    expect(refusals('problem 1\nL = Q x\nask dQ/dx 1 point\n')).toEqual(['Q is not defined here, so dQ/dx cannot be worked out']);
  });
});
