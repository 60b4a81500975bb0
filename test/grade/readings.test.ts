// The grader reads a submission's OCR slips with the problem's names (src/grade/readings.ts, the same
// search as `check`): `\frac{2L}{2W}` answers `ask dL/dW` when the problem defines L and W, and the result
// and the report say what was read. A `.cr` submission is typed: nothing in it is read.
import { describe, expect, it } from 'vitest';
import { gradeText, LOGREG } from './helpers';
import { submissionReport } from '../../src/grade/html/report';

// Problem 1 (helpers.ts): X 1 x M, W M x 1, b, y scalars, h = XW + b, a = sigma(h), L the cross-entropy;
// dL/dW = X^T (a - y), dL/db = a - y.
const SUBMISSION = [
  '## Problem 1',
  '',
  '$$\\frac{2L}{2W} = X^{T} (\\alpha - \\gamma)$$',
  '',
  '$$\\frac{JL}{Jb} = \\alpha - \\gamma$$',
].join('\n');

describe('grading with readings', () => {
  it('answers the asks through the readings, and lists them on the claims with file lines', () => {
    const result = gradeText(LOGREG, SUBMISSION, 'answers.md');
    // both right once read: X^T (a - y) and a - y
    expect(result.asks.map((a) => [a.id, a.outcome, a.score])).toEqual([
      ['1 dL/dW', 'correct', 4],
      ['1 dL/db', 'correct', 2],
    ]);
    const [first] = result.problems[0].claims;
    expect(first.readings?.map((r) => [r.line, r.column, r.written, r.readAs])).toEqual([
      [3, 3, '\\frac{2L}{2W}', 'dL/dW'],
      [3, 26, '\\alpha', 'a'], // $$ (2) \frac{2L}{2W} (13) ' = X^{T} (' (10): column 26
      [3, 35, '\\gamma', 'y'],
    ]);
    const html = submissionReport(result);
    expect(html).toContain('read <code>\\frac{2L}{2W}</code> as <code>dL/dW</code> (line 3)');
  });

  it('reads nothing in a .cr submission (typed, not OCR\'d)', () => {
    const result = gradeText(LOGREG, 'problem 1\nalpha = 0\ndL/dW = X^T (a - y) + alpha\n', 'answers.cr');
    expect(result.problems[0].claims.map((c) => c.readings)).toEqual([undefined]);
  });
});
