// Every fixture submission graded against fixtures/grade/assignment.cr, compared with the scores worked
// out by hand in fixtures/grade/expected.json (each with its reason); the same for the second set in
// fixtures/grade/scalars (undeclared scalars, values beyond floating-point range).
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { loadAssignment } from '../../src/grade/assignment';
import type { SubmissionResult } from '../../src/grade/result';
import { FIXTURES, fixtureAssignment, fixtureSubmissions, gradePath } from './helpers';

interface ExpectedAsk {
  score: number;
  outcome: string;
  rule: string | null;
  reason: string;
}
interface Expected {
  asks: Record<string, number>;
  maxScore: number;
  submissions: Record<string, { total: number; summary: string; asks: Record<string, ExpectedAsk> }>;
}

const readExpected = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
const expected = readExpected(FIXTURES);

/** A graded submission against its hand-worked scores: every ask's score, outcome and policy row, and the total. */
function expectScores(result: SubmissionResult, want: Expected['submissions'][string]): void {
  expect(result.status).toBe('graded');
  const got = Object.fromEntries(result.asks.map((a) => [a.id, { score: a.score, outcome: a.outcome, rule: a.rule }]));
  const wanted = Object.fromEntries(Object.entries(want.asks).map(([id, a]) => [id, { score: a.score, outcome: a.outcome, rule: a.rule }]));
  expect(got).toEqual(wanted);
  expect(result.score).toBe(want.total);
}

describe('grading fixtures', () => {
  it('has the assignment and submissions the issue asks for', () => {
    const a = fixtureAssignment();
    expect(a.problems.length).toBeGreaterThanOrEqual(4);
    expect(a.asks.length).toBeGreaterThanOrEqual(10);
    expect(Object.fromEntries(a.asks.map((x) => [x.id, x.points]))).toEqual(expected.asks);
    expect(a.maxScore).toBe(expected.maxScore);
    const names = fixtureSubmissions().map((p) => path.basename(p).replace(/\.(cr|md|tex)$/, ''));
    expect(names.length).toBeGreaterThanOrEqual(12);
    expect(names.sort()).toEqual(Object.keys(expected.submissions).sort());
  });

  it('gives every expected score a reason', () => {
    for (const s of Object.values(expected.submissions)) {
      for (const a of Object.values(s.asks)) expect(a.reason.length).toBeGreaterThan(10);
    }
  });

  for (const p of fixtureSubmissions()) {
    const name = path.basename(p).replace(/\.(cr|md|tex)$/, '');
    it(name, () => expectScores(gradePath(p), expected.submissions[name]));
  }

  it('tells a submission that redefines the problem\'s names so', () => {
    const result = gradePath(path.join(FIXTURES, 'submissions/kim_redefines.cr'));
    const redefinitions = result.notes.filter((n) => n.code === 'redefinition');
    expect(redefinitions.map((n) => n.line)).toEqual([5, 6, 12]);
    expect(redefinitions[0].message).toContain('a is defined by the problem');
    expect(redefinitions[1].message).toContain('X is given by the problem');
    expect(result.notes.some((n) => n.code === 'ignored' && n.line === 26)).toBe(true);
  });

  it('says why a missing answer scores 0', () => {
    const result = gradePath(path.join(FIXTURES, 'submissions/jack_syntax.cr'));
    const ask = result.asks.find((a) => a.id === '1 dL/dW')!;
    expect(ask.feedback).toMatch(/^No answer found for dL\/dW: write a line `dL\/dW = \.\.\.` under `problem 1`\. \(1 line of this problem did not parse/);
    expect(result.notes.filter((n) => n.code === 'parse-error').map((n) => n.line)).toEqual([5, 13]);
  });

  it('reads a folder submission file by file, with lines relative to each file', () => {
    const result = gradePath(path.join(FIXTURES, 'submissions/cleo_folder'));
    expect(result.files).toEqual(['p1_logistic.cr', 'p3_softmax.cr']);
    const answer = result.asks.find((a) => a.id === '3 dL/dW')!.answer!;
    expect([answer.file, answer.line]).toEqual(['p3_softmax.cr', 4]);
  });
});

describe('grading fixtures: undeclared scalars and floating-point range', () => {
  const dir = path.join(FIXTURES, 'scalars');
  const want = readExpected(dir);
  // Loading refused x, y undeclared in `ask jacobian(F(G(x, y)), [x, y])` before issue 11 (an input error).
  const assignment = loadAssignment(fs.readFileSync(path.join(dir, 'assignment.cr'), 'utf8'), 'assignment.cr');
  const submissions = fs.readdirSync(path.join(dir, 'submissions')).sort();

  it('has the asks and points worked out by hand, and a reason for every score', () => {
    expect(Object.fromEntries(assignment.asks.map((a) => [a.id, a.points]))).toEqual(want.asks);
    expect(assignment.maxScore).toBe(want.maxScore);
    expect(submissions.map((f) => f.replace(/\.cr$/, ''))).toEqual(Object.keys(want.submissions).sort());
    for (const s of Object.values(want.submissions)) for (const a of Object.values(s.asks)) expect(a.reason.length).toBeGreaterThan(10);
  });

  it('warns the instructor once about the undeclared lam of a problem with arrays, and no student', () => {
    expect(assignment.warnings.map((d) => `${d.code}@${d.span.line}:${d.span.column}`)).toEqual(['assumed-scalar@26:11']);
    for (const f of submissions) expect(gradePath(path.join(dir, 'submissions', f), assignment).notes).toEqual([]);
  });

  for (const f of submissions) {
    const name = f.replace(/\.cr$/, '');
    it(name, () => expectScores(gradePath(path.join(dir, 'submissions', f), assignment), want.submissions[name]));
  }
});
