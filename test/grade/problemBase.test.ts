// Submissions are graded in a fork of their problem's prepared graph (src/grade/problemBase.ts) when
// their lines keep the problem's meanings. The fork must never change a result: every fixture graded
// both ways gives the same JSON, and a submission that adds a dimension or gives a meaning to a name
// the problem uses gets a fresh graph.
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { addStatements, extendScope } from '../../src/resolve/scope';
import { parseFile } from '../../src/syntax/parse';
import { submissionWorkspace } from '../../src/grade/problemBase';
import { loadAssignment } from '../../src/grade/assignment';
import { gradeSubmission } from '../../src/grade/grader';
import { fixtureAssignment, fixtureSubmissions, gradePath, LOGREG } from './helpers';

describe('problem bases', () => {
  const assignment = fixtureAssignment();
  const withoutBases = { ...assignment, problems: assignment.problems.map((p) => ({ ...p, base: undefined })) };

  it('are prepared for every problem of the fixture assignment', () => {
    expect(assignment.problems.every((p) => p.base !== undefined)).toBe(true);
  });

  for (const p of fixtureSubmissions()) {
    it(`${path.basename(p)} grades the same in a fork and in a fresh graph`, () => {
      expect(gradePath(p)).toEqual(gradePath(p, withoutBases));
    });
  }

  const logreg = loadAssignment(LOGREG, 'assignment.cr');
  const problem = logreg.problems[0];
  /** Whether a submission with these lines is lowered in a fork of the problem's graph. */
  const forks = (lines: string) => {
    const scope = addStatements(extendScope(problem.scope), parseFile(lines, 'sub.cr').statements, 'submission');
    const { lowering } = submissionWorkspace(problem.base, scope, logreg.meanings.meaning, { textOf: () => '' });
    return lowering.b.graph.base === problem.base!.graph;
  };

  it('fork for submissions that only add names of their own', () => {
    expect(forks('dL/dW = X^T (a - y)')).toBe(true);
    expect(forks('delta = a - y\nv : 1 x M\ndL/dW = X^T delta')).toBe(true);
  });

  it('do not fork when a submission adds a dimension (sizes would be drawn anew) or an index name', () => {
    expect(forks('v : K x 1\ndL/dW = X^T (a - y)')).toBe(false);
    expect(forks('i : index\ndL/dW = X^T (a - y)')).toBe(false);
  });

  it('do not fork when a submission gives a meaning to a name the problem uses', () => {
    // The problem's L uses the constant pi; a submission's own pi would change what L means.
    const circle = loadAssignment('problem 1\nr : scalar\nA = pi r^2\nask dA/dr 2 points\n', 'a.cr');
    const scopeOf = (lines: string) => addStatements(extendScope(circle.problems[0].scope), parseFile(lines, 'sub.cr').statements, 'submission');
    const graphOf = (lines: string) => submissionWorkspace(circle.problems[0].base, scopeOf(lines), circle.meanings.meaning, { textOf: () => '' }).lowering.b.graph;
    expect(graphOf('dA/dr = 2 pi r').base).toBe(circle.problems[0].base!.graph);
    expect(graphOf('pi = 3\ndA/dr = 6 r').base).toBeUndefined();
  });

  it('do not fork when a submission declares a scalar that only an ask uses (its points would be drawn anew)', () => {
    // t is sampled as N(0, 1) in the base; declared positive, 2 a abs(t) equals the truth 2 a t at every
    // point, so a fork keeping the base's points would grade it otherwise than a fresh graph.
    const ask = loadAssignment('problem 1\nA = 3\nask d/dt (a t^2) 1 point\n', 'a.cr');
    const withoutBase = { ...ask, problems: ask.problems.map((p) => ({ ...p, base: undefined })) };
    const submission = { name: 's', files: [{ path: 's.cr', source: 't : scalar positive\nd/dt (a t^2) = 2 a abs(t)\n' }], inputHash: 'x' };
    expect(ask.problems[0].base).toBeDefined();
    expect(gradeSubmission(ask, submission, 1)).toEqual(gradeSubmission(withoutBase, submission, 1));
  });

  it('fork when a submission declares a name the problem defines: its definition gives the shape, the declaration is ignored', () => {
    expect(forks('L : 1 x 5\ndL/dW = X^T (a - y)')).toBe(true);
    expect(forks('L : scalar\ndL/dW = X^T (a - y)')).toBe(true);
  });

  it('grade a submission that declares the problem\'s L with a wrong shape the same either way', () => {
    const withoutBase = { ...logreg, problems: logreg.problems.map((p) => ({ ...p, base: undefined })) };
    const submission = { name: 's', files: [{ path: 's.cr', source: 'L : 1 x 5\ndL/dW = X^T (a - y)\ndL/db = a - y\n' }], inputHash: 'x' };
    expect(gradeSubmission(logreg, submission, 1)).toEqual(gradeSubmission(withoutBase, submission, 1));
  });

  it('are not prepared for a problem whose definitions use a name it leaves undeclared, or index notation', () => {
    const open = loadAssignment('problem 1\nX : 1 x M\nw : M x 1\nL = lambda sum(X w)\nask dL/dw 2 points\n', 'a.cr');
    expect(open.problems[0].base).toBeUndefined();
    const indexed = loadAssignment('problem 1\nh : 1 x n\ny : 1 x n\nL = sum_j y_j log(softmax_j(h))\nask dL/dh 2 points\n', 'a.cr');
    expect(indexed.problems[0].base).toBeUndefined();
  });
});
