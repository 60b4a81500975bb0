// The policy statement (grammar), the default table, overrides per assignment and per problem.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/syntax/parse';
import { AssignmentError, loadAssignment } from '../../src/grade/assignment';
import { DEFAULT_POLICY, readPolicy } from '../../src/grade/policy';
import { gradeText, LOGREG } from './helpers';

describe('the policy statement', () => {
  it('parses a key, hyphenated or not, and a percentage', () => {
    const parsed = parseFile('policy sign 50%\npolicy carried-error 80 %\npolicy elementwise-vs-matrix-product 10%\n', 'a.cr');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.statements.map((s) => (s.kind === 'policy' ? [s.key, s.percent] : s.kind))).toEqual([
      ['sign', 50], ['carried-error', 80], ['elementwise-vs-matrix-product', 10],
    ]);
  });

  it('needs the % sign, with a hint', () => {
    const parsed = parseFile('policy sign 50\n', 'a.cr');
    expect(parsed.diagnostics.map((d) => [d.code, d.hint])).toEqual([['parse-error', 'a policy gives a kind of near miss a percentage of the points: policy sign 50%']]);
  });

  it('leaves `policy` an ordinary name elsewhere', () => {
    const parsed = parseFile('policy = 3\npolicy : scalar\n', 'a.cr');
    expect(parsed.statements.map((s) => s.kind)).toEqual(['equation', 'decl']);
  });
});

describe('the policy table', () => {
  it('has the documented defaults', () => {
    expect(Object.fromEntries(DEFAULT_POLICY.map((r) => [r.key, r.percent]))).toEqual({
      'shape-claim': 75, 'carried-error': 75, rounding: 75, sign: 50, transpose: 50, scale: 50,
      'missing-factor': 0, 'missing-term': 0, 'extra-term': 0, 'elementwise-vs-matrix-product': 0, shape: 0, unknown: 0,
      informal: 0, unexpanded: 0, unjudged: 0, error: 0,
    });
  });

  it('reports unknown keys with a suggestion, and percentages outside 0..100', () => {
    const parsed = parseFile('policy sigm 50%\npolicy scale 150%\n', 'a.cr');
    const { diagnostics } = readPolicy(parsed.statements);
    expect(diagnostics.map((d) => d.message)).toEqual(['unknown policy sigm', 'a policy gives between 0% and 100% of the points, not 150%']);
    expect(diagnostics[0].hint).toMatch(/^did you mean sign\?/);
  });

  it('makes an unknown policy an assignment error', () => {
    expect(() => loadAssignment(`policy sine 50%\n${LOGREG}`, 'a.cr')).toThrow(AssignmentError);
  });

  it('applies a preamble line to every problem and a problem line to its problem only', () => {
    const a = loadAssignment(`policy sign 20%\n${LOGREG}\n${LOGREG.replace('problem 1 "Logistic regression"', 'problem 2\npolicy sign 0%\npolicy scale 100%')}`, 'a.cr');
    expect([a.problems[0].policy.get('sign'), a.problems[0].policy.get('scale')]).toEqual([0.2, 0.5]);
    expect([a.problems[1].policy.get('sign'), a.problems[1].policy.get('scale')]).toEqual([0, 1]);
  });

  it('scores by the policy in force', () => {
    const sub = 'problem 1\ndL/dW = -X^T (a - y)\ndL/db = 2 (a - y)\n';
    expect(gradeText(LOGREG, sub).asks.map((a) => a.score)).toEqual([2, 1]);
    expect(gradeText(`policy sign 25%\npolicy scale 0%\n${LOGREG}`, sub).asks.map((a) => [a.score, a.outcome])).toEqual([[1, 'partial'], [0, 'wrong']]);
  });

  it('combines a near miss with a wrong shape claim by multiplying the credits', () => {
    const result = gradeText(LOGREG, 'problem 1\ndL/dW = -X^T (a - y) in R^(1 x M)\n');
    // sign 50% × shape-claim 75% of 4 points
    expect(result.asks[0].score).toBe(1.5);
    expect(result.asks[0].feedback).toContain('The claimed shape 1 x M is wrong');
  });

  it('ignores policy lines in a submission, and says so', () => {
    const result = gradeText(LOGREG, 'problem 1\npolicy sign 100%\ndL/dW = -X^T (a - y)\n');
    expect(result.asks[0].score).toBe(2);
    expect(result.notes.map((n) => [n.code, n.line])).toEqual([['ignored', 2]]);
  });
});
