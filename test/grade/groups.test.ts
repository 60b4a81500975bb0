// Answer groups and overrides (SPEC 4.3): answers are grouped by mathematical equality (their values at the
// sample points) and verdict, never by their text; an instructor's `override` gives every answer equal to it
// the points it names, and is checked when the assignment loads.
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { LOGREG, TWO_LAYER, runCli, tempDir } from './helpers';
import { loadAssignment, AssignmentError } from '../../src/grade/assignment';
import { gradeSubmission } from '../../src/grade/grader';
import { digestOf, type SubmissionResult } from '../../src/grade/result';
import { summarize } from '../../src/grade/summary';
import { classPage } from '../../src/grade/html/classPage';

/**
 * dL/dW for LOGREG is X^T (a - y) (M x 1); every submission also writes dL/db = a - y. Worked out by hand:
 * a, b, c are right in three spellings ((a - y) X^T is a scalar times a column); d and e are minus the truth
 * in two spellings; f is half of it; g leaves a derivative reference in (right value, not worked out); h
 * answers nothing for dL/dW.
 */
const ANSWERS: Record<string, string> = {
  a: 'X^T (a - y)',
  b: 'X^T a - X^T y',
  c: '(a - y) X^T',
  d: 'X^T (y - a)',
  e: '-X^T (a - y)',
  f: 'X^T (a - y) / 2',
  g: 'X^T dL/dh',
};

function gradeAll(assignmentSource: string): SubmissionResult[] {
  const assignment = loadAssignment(assignmentSource, 'hw.cr');
  return ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((name) => {
    const lines = ['problem 1', ...(ANSWERS[name] ? [`dL/dW = ${ANSWERS[name]}`] : []), 'dL/db = a - y'];
    return gradeSubmission(assignment, { name, files: [{ path: `${name}.cr`, source: lines.join('\n') + '\n' }], inputHash: name }, 1);
  });
}

describe('answer groups', () => {
  const results = gradeAll(LOGREG);
  const summary = summarize({ file: 'hw.cr', maxScore: 6, asks: [{ id: '1 dL/dW', points: 4 }, { id: '1 dL/db', points: 2 }] }, 1, results.map(digestOf));

  it('groups answers by value and verdict, whatever their spelling, largest first', () => {
    const groups = summary.asks[0].groups.map((g) => ({ rule: g.rule, count: g.count, submissions: g.submissions, answer: g.answer, score: g.score }));
    expect(groups).toEqual([
      { rule: 'correct', count: 3, submissions: ['a', 'b', 'c'], answer: 'X^T (a - y)', score: 4 },
      { rule: 'sign', count: 2, submissions: ['d', 'e'], answer: 'X^T (y - a)', score: 2 },
      { rule: 'scale', count: 1, submissions: ['f'], answer: 'X^T (a - y) / 2', score: 2 },
      { rule: 'unexpanded', count: 1, submissions: ['g'], answer: 'X^T dL/dh', score: 0 },
    ]);
    expect(summary.asks[0].groups[0]).toMatchObject({ verdict: 'correct', answerLatex: expect.stringContaining('X^{\\top}'), feedback: 'Correct.' });
    // Every one of the eight wrote dL/db = a - y.
    expect(summary.asks[1].groups).toEqual([expect.objectContaining({ rule: 'correct', count: 8 })]);
  });

  it('shows the groups on the class page with their answers, feedback and members', () => {
    const page = classPage(summary, true);
    expect(page).toContain('<h4>Answers, grouped by value</h4>');
    expect(page).toContain('<span class="count">× 2</span>');
    expect(page).toContain('<summary>3 submissions</summary><a href="submissions/a/report.html">a</a>, <a href="submissions/b/report.html">b</a>, <a href="submissions/c/report.html">c</a>');
    expect(page).toContain('Sign slip: the sign is flipped');
  });

  it('keeps apart answers of equal value with a different verdict or shape claim', () => {
    const assignment = loadAssignment(LOGREG, 'hw.cr');
    const r = ['dL/dW = X^T (a - y)', 'dL/dW = X^T (a - y) in R^(1 x M)'].map((line, i) => gradeSubmission(assignment, { name: `s${i}`, files: [{ path: 's.cr', source: `problem 1\n${line}\n` }], inputHash: `${i}` }, 1));
    const groups = summarize({ file: 'hw.cr', maxScore: 6, asks: [{ id: '1 dL/dW', points: 4 }] }, 1, r.map(digestOf)).asks[0].groups;
    // The wrong shape claim costs 25% (policy shape-claim 75%): 3 of 4.
    expect(groups.map((g) => [g.rule, g.submissions, g.score])).toEqual([['correct', ['s0'], 4], ['shape-claim', ['s1'], 3]]);
  });

  it('fingerprints the same answer alike in every submission, and different answers apart', () => {
    const fp = (name: string) => results.find((r) => r.submission === name)!.asks[0].answer?.fingerprint;
    expect(fp('a')).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(['a', 'b', 'c', 'g'].map(fp)).size).toBe(1);
    expect(new Set(['a', 'd', 'f'].map(fp)).size).toBe(3);
  });
});

describe('overrides', () => {
  const OVERRIDES = `override 1 dL/dW "X^T (y - a)" 3 points\noverride 1 dL/dW "0.5 X^T a - 0.5 X^T y" 1 point\n`;

  it('give every answer equal to the override its points, whatever its spelling, and say so', () => {
    const results = gradeAll(LOGREG + OVERRIDES);
    const scores = Object.fromEntries(results.map((r) => [r.submission, r.asks[0].score]));
    // d, e: the sign slip (2 by the policy) is given 3; f: half the truth (2 by the policy) is given 1; the
    // right answers keep 4; g's reference has the right value but is not worked out: 0, no override.
    expect(scores).toEqual({ a: 4, b: 4, c: 4, d: 3, e: 3, f: 1, g: 0, h: 0 });
    const e = results.find((r) => r.submission === 'e')!.asks[0];
    expect(e).toMatchObject({ outcome: 'partial', rule: 'sign', override: { line: 11, answer: 'X^T (y - a)', points: 3 } });
    expect(e.feedback).toBe('Sign slip: the sign is flipped: this is −(dL/dW). Your instructor gives this answer 3 of 4 points.');
  });

  it('apply on re-grade: a changed assignment grades every submission again', () => {
    const dir = tempDir('override');
    const assignment = path.join(dir, 'hw.cr');
    fs.writeFileSync(assignment, LOGREG);
    for (const name of ['d', 'e']) fs.writeFileSync(path.join(dir, `${name}.cr`), `problem 1\ndL/dW = ${ANSWERS[name]}\ndL/db = a - y\n`);
    const grade = () => runCli(['grade', assignment, path.join(dir, 'd.cr'), path.join(dir, 'e.cr'), '--out', path.join(dir, 'out'), '--jobs', '1']);
    expect(grade().stdout).toContain('mean 4 / 6');
    fs.writeFileSync(assignment, LOGREG + OVERRIDES);
    const again = grade();
    expect(again.stdout).not.toContain('earlier run');
    expect(again.stdout).toContain('mean 5 / 6');
  }, 60_000);

  it('are checked when the assignment loads', () => {
    const errors = (extra: string, base = LOGREG) => {
      try {
        loadAssignment(base + extra, 'hw.cr');
      } catch (err) {
        if (err instanceof AssignmentError) return err.diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.code}: ${d.message}`);
        throw err;
      }
      return [];
    };
    // LOGREG has 10 lines: the override is line 11.
    expect(errors('override 2 dL/dW "X^T (y - a)" 3 points\n')).toEqual(['11:1 unknown-name: the assignment has no problem 2']);
    expect(errors('override 1 dL/dh "a - y" 1 point\n')).toEqual(['11:12 unknown-name: no ask of this problem is dL/dh']);
    expect(errors('override 1 dL/db "a - y" 3 points\n')).toEqual(['11:1 parse-error: an override gives between 0 and 2 points for 1 dL/db, not 3']);
    expect(errors('override 1 dL/dW "Q^T (a - y)" 1 point\n')).toEqual(['11:19 unknown-name: Q is not a name of this problem']);
    expect(errors('override 1 dL/dW "(a - y) X" 1 point\n')).toEqual(['11:19 shape-mismatch: this answer is 1 x M, but dL/dW is M x 1']);
    // Two problems: an override before both must say which it is for.
    expect(errors('override dL/dW1 "X^T a1" 1 point\n', `override dL/dW1 "X" 1 point\n${LOGREG}${TWO_LAYER}`)).toEqual([
      '1:1 parse-error: this override is before the first problem: say which problem it is for',
    ]);
    expect(errors('override dL/dW "X^T (y - a)" 3 points\n')).toEqual([]);
  });
});
