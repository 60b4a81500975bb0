// Property: grading in a fork of a problem's prepared graph gives exactly what a fresh graph gives, for
// submissions made of random lines: right and wrong answers, chains, definitions of the student's own,
// declarations (new names, new dimensions, names the problem defines), aliases, restated and redefined
// problem names, `at` lines and lines that do not parse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../src/grade/grader';
import { loadAssignment, type Assignment } from '../../src/grade/assignment';
import { CheckMemo } from '../../src/grade/checkMemo';
import { fixtureAssignment } from './helpers';

const LINES = [
  'dL/dh = a - y', 'dL/dh = y - a', 'dL/dh = sigma(h) - y', 'dL/dW = X^T (a - y)', 'dL/dW = (a - y) X', 'dL/dW = X^T dL/dh',
  'dL/dW = 2 X^T (a - y)', 'dL/db = a - y : scalar', 'dL/db = dL/dh dh/db = a - y', 'delta = a - y', 'dL/dW = X^T delta',
  'v : 1 x M', 'u : K x 1', 'L : 1 x 5', 'a : scalar', 'alias \\hat{y} = a', 'dL/dh = \\hat{y} - y', 'pi = 3', 'dL/dW = pi X^T (a - y)',
  'h = X W', 'a = sigma(h)', 'X = 0', 'at x1 = 2', 'dL/dh2 = a2 - y', 'dL/dW2 = a1^T (a2 - y)', 'dL/dh1 = (a2 - y) W2^T .* a1 .* (1 - a1)',
  'dL/dh1 = (a2 - y) W2^T .* a1', 'dL/dW1 = X^T dL/dh1', 'dL/dW1 = ((a2 - y) W2^T .* a1 .* (1 - a1))^T X', 'dL/db1 = ((a2 - y) W2^T) .* (1 - a1 .* a1)',
  'dL/dW = X^T (s - y)', 'dL/db = 3 (s - y)', 'dy/da = 0.18', 'dy/da = 0.21', 'dy/dc = -0.09', 'dy/de = [1 · 0.9 (1 - 0.9)] · (-1) = -0.09',
  'f(t) = t^2', 'dL/dh = f(a) - y', 'i : index', 'dL/dh = (a - y', 'g = d/dx (x^2)', 'dh/dW = X',
];
const PROBLEMS = ['1', '2', '3', '4'];

/** Jacobians of composed functions, and batch losses that use a dimension as a number (`/ B`). */
const SECOND = `problem 1 "Jacobians"
x : scalar
y : scalar
z : scalar
F(x, y, z) = [3 x y; y - z]
G(x, y) = [x - 5 y; x y; x - y]
H(x, y) = F(G(x, y))
ask jacobian(H(x, y), [x, y]) 4 points
ask jacobian(G(x, y), [x, y]) 2 points

problem 2 "Batch losses"
X : B x M
w : M x 1
t : B x 1
V : M x C
Y : B x C onehot
r = X w - t
L = sum(r .* r) / (2 B)
J = -sum(Y .* log(softmax(X V))) / B
ask dL/dw 3 points
ask dJ/dV 3 points
`;
const SECOND_LINES = [
  'jacobian(H(x, y), [x, y]) = [6 x y - 15 y^2, 3 x^2 - 30 x y; y - 1, x + 1]', 'jacobian(H(x, y), [x, y]) = [6 x y - 15 y^2, y - 1; 3 x^2 - 30 x y, x + 1]',
  'jacobian(G(x, y), [x, y]) = [1, -5; y, x; 1, -1]', 'jacobian(G(x, y), [x, y]) = [1, 5; y, x; 1, -1]', 'K(x, y) = [x; y]', 'G(x, y) = [x; y]',
  'dL/dw = X^T r / B', 'dL/dw = 2 X^T r', 'dL/dw = X^T r / (2 B)', 'B = 4', 'q : B x 1', 'q : D x 1', 'P = softmax(X V)', 'dJ/dV = X^T (P - Y) / B',
  'dJ/dV = X^T (P - Y)', 'e = 2', 'dJ/dV = X^T (softmax(X V) - Y) / B', 'alias \\hat{Y} = P', 'dJ/dV = X^T (\\hat{Y} - Y) / B', 'R = r', 'dL/dw = X^T R / B',
];

/** Grades random submissions made of `lines` under `problems` both ways and compares the results. */
function forksAsFresh(assignment: Assignment, problems: string[], lines: string[], runs: number): void {
  // A memo of its own, never filled: the fresh side checks every claim (checkMemo.ts).
  const fresh = () => ({ ...assignment, checks: new CheckMemo(), problems: assignment.problems.map((p) => ({ ...p, base: undefined })) });
  const section = fc.tuple(fc.constantFrom(...problems), fc.array(fc.constantFrom(...lines), { maxLength: 6 }));
  fc.assert(
    fc.property(fc.array(section, { minLength: 1, maxLength: 4 }), (sections) => {
      const source = sections.map(([problem, chosen]) => [`problem ${problem}`, ...chosen].join('\n')).join('\n\n') + '\n';
      const input = { name: 'sub', files: [{ path: 'sub.cr', source }], inputHash: 'x' };
      expect(gradeSubmission(assignment, input, 1)).toEqual(gradeSubmission(fresh(), input, 1));
    }),
    { numRuns: runs, seed: 20261122 },
  );
}

describe('grading in a fork', () => {
  it('gives every random submission of the fixture assignment the result a fresh graph gives', () => {
    const assignment = fixtureAssignment();
    expect(assignment.problems.every((p) => p.base)).toBe(true);
    forksAsFresh(assignment, PROBLEMS, LINES, 150);
  });

  it('does so for Jacobians of composed functions and losses that divide by a dimension', () => {
    const assignment = loadAssignment(SECOND, 'second.cr');
    expect(assignment.problems.every((p) => p.base)).toBe(true);
    forksAsFresh(assignment, ['1', '2'], SECOND_LINES, 100);
  });
});
