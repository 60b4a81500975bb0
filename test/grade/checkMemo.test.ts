// The memo of checked claims (src/grade/checkMemo.ts): a submission whose lines for a problem are those of an
// earlier one, at the same places, gets the earlier checks; what it is graded must be exactly what checking
// afresh gives. Property: random submissions graded in turn against one assignment (its memo filling up) equal
// the same submissions graded against a copy whose memo is always empty.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { gradeSubmission } from '../../src/grade/grader';
import { loadAssignment, type Assignment } from '../../src/grade/assignment';
import { CheckMemo } from '../../src/grade/checkMemo';
import { fixtureAssignment } from './helpers';

// Few lines, so that sections repeat: right answers, near misses (sign, transpose, scale, a missing factor),
// carried errors (a wrong dL/dh2 used by dL/dW2 = a1^T dL/dh2), helpers of the student's own, a shape claim,
// an undeclared name (a lowering warning), a numeric answer and a line that does not parse.
const LINES = [
  'dL/dh = a - y', 'dL/dh = y - a', 'dL/dW = X^T (a - y)', 'dL/dW = (a - y) X', 'dL/dW = X^T dL/dh', 'dL/db = 2 (a - y)',
  'e1 = a - y', 'dL/dW = X^T e1', 'dL/dW = X^T (a - y) in R^(1 x M)', 'dL/dh = a - yy',
  'dL/dh2 = y - a2', 'dL/dW2 = a1^T dL/dh2', 'dL/dh1 = (a2 - y) W2^T .* a1', 'dy/da = 0.18', 'dy/da = 0.21', 'dL/dh = (a - y',
];

function cold(assignment: Assignment): Assignment {
  return { ...assignment, checks: new CheckMemo() };
}

describe('the memo of checked claims', () => {
  it('gives every random submission what checking afresh gives, and is used', () => {
    const assignment = loadAssignment(fixtureAssignment().source, 'assignment.cr');
    const get = vi.spyOn(assignment.checks, 'get');
    const section = fc.tuple(fc.constantFrom('1', '2', '4'), fc.array(fc.constantFrom(...LINES), { maxLength: 3 }));
    let n = 0;
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 3 }), (sections) => {
        const source = sections.map(([problem, chosen]) => [`problem ${problem}`, ...chosen].join('\n')).join('\n\n') + '\n';
        // A name and file of its own each time: the memo is keyed by what is written, not by who wrote it.
        const input = { name: `s${n}`, files: [{ path: `s${n++}.cr`, source }], inputHash: 'x' };
        expect(gradeSubmission(assignment, input, 1)).toEqual(gradeSubmission(cold(assignment), input, 1));
      }),
      { numRuns: 120, seed: 20261206 },
    );
    expect(get.mock.results.filter((r) => r.value !== undefined).length).toBeGreaterThan(50);
  });

  it('keys a problem by its lines and their places: the same answer one line lower is checked again', () => {
    const assignment = loadAssignment(fixtureAssignment().source, 'assignment.cr');
    const set = vi.spyOn(assignment.checks, 'set');
    const storedForProblem1 = () => set.mock.calls.filter(([key]) => key.startsWith('["1"')).length;
    const grade = (name: string, source: string) => gradeSubmission(assignment, { name, files: [{ path: `${name}.cr`, source }], inputHash: 'x' }, 1);
    const first = grade('first', 'problem 1\ndL/dW = (a - y) X\n');
    grade('again', 'problem 1\ndL/dW = (a - y) X\n');
    expect(storedForProblem1()).toBe(1); // the second is the first's lines at the same places
    const lower = grade('lower', 'problem 1\n\ndL/dW = (a - y) X\n');
    expect(storedForProblem1()).toBe(2);
    // Both wrong by a transpose (X^T (a - y) is the gradient); each message at its own line.
    expect(first.problems[0].claims[0].line).toBe(2);
    expect(lower.problems[0].claims[0].line).toBe(3);
    expect(lower.asks.find((a) => a.id === '1 dL/dW')!.outcome).toBe(first.asks.find((a) => a.id === '1 dL/dW')!.outcome);
  });

  it('leaves documents out: a Markdown answer is read as a document, and checked every time', () => {
    const assignment = loadAssignment(fixtureAssignment().source, 'assignment.cr');
    const get = vi.spyOn(assignment.checks, 'get');
    const md = '## Problem 1\n\n$$\\frac{\\partial L}{\\partial W} = X^T (a - y)$$\n';
    for (const name of ['m1', 'm2']) gradeSubmission(assignment, { name, files: [{ path: `${name}.md`, source: md }], inputHash: 'x' }, 1);
    // Problems 2 to 4 have no lines in it (nothing to check, shared); problem 1's line is LaTeX.
    expect(get.mock.calls.filter(([key]) => key.startsWith('["1"'))).toEqual([]);
  });
});

describe('what the memo keeps beside the checks', () => {
  // A folder of three sub-folders, each with the same lines (a whole class handed in as one submission). The
  // second submission's lines are the first's at the same places, so its problem 1 comes from the memo: which
  // claim answers each ask, and the report's LaTeX, are kept, but the files named are its own.
  // By hand (problem 1: h = X W + b, a = sigma(h), L = -y log(a) - (1 - y) log(1 - a), so dL/dh = a - y and
  // dL/dW = X^T (a - y), M x 1):
  // the last dL/dW, X^T dL/dh, is graded with the author's own dL/dh put in: X^T (y - a), wrong by its sign;
  // the last dL/dh, y - a, is wrong by its sign.
  const lines = 'problem 1\ndL/dh = y - a\ndL/dW = X^T dL/dh\n';
  const folder = (who: string) => ['p', 'q', 'r'].map((d) => ({ path: `${who}${d}/main.cr`, source: lines }));

  it('gives a submission read from the memo its own files, and what checking afresh gives', () => {
    const assignment = loadAssignment(fixtureAssignment().source, 'assignment.cr');
    const get = vi.spyOn(assignment.checks, 'get');
    const grade = (a: Assignment, who: string) => gradeSubmission(a, { name: who, files: folder(who), inputHash: 'x' }, 1);
    const first = grade(assignment, 'ann');
    const second = grade(assignment, 'bob');
    expect(get.mock.results.filter((r) => r.value !== undefined).length).toBeGreaterThan(0); // problem 1 of bob's was kept
    expect(second).toEqual(grade(cold(assignment), 'bob'));
    const dW = (r: typeof first) => r.asks.find((a) => a.id === '1 dL/dW')!;
    const dh = (r: typeof first) => r.asks.find((a) => a.id === '1 dL/dh')!;
    for (const r of [first, second]) {
      expect(dh(r).outcome).not.toBe('correct');
      expect(dh(r).answer!.diagnosis).toBe('sign');
      expect(dW(r).outcome).not.toBe('correct');
    }
    expect(second.notes.find((n) => n.code === 'looks-like-class')!.message).toContain('bobp, bobq, bobr');
    expect(first.notes.find((n) => n.code === 'looks-like-class')!.message).toContain('annp, annq, annr');
    expect(dW(second).answer!.latex).toBe(dW(first).answer!.latex);
  });
});
