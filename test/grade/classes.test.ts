// A class as instructors hand it over (issue 16): a folder of submissions (`--each`, and the warning when a
// folder graded as one looks like a class), Gradescope's export with its submission_metadata.yml, a CSV
// roster, and submissions from which nothing can be read (an error result each, exit 1, the batch goes on).
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { LOGREG, runCli, tempDir } from './helpers';
import type { ClassSummary } from '../../src/grade/summary';

const RIGHT = 'problem 1\ndL/dW = X^T (a - y)\ndL/db = a - y\n';
const SIGN = 'problem 1\ndL/dW = X^T (y - a)\ndL/db = a - y\n';

/** Writes `files` (relative path → text) under a fresh folder, with the LOGREG assignment beside them. */
function layout(files: Record<string, string>): { dir: string; assignment: string } {
  const dir = tempDir('class');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const assignment = path.join(dir, 'hw.cr');
  fs.writeFileSync(assignment, LOGREG);
  return { dir, assignment };
}

function summary(out: string): ClassSummary {
  return JSON.parse(fs.readFileSync(path.join(out, 'summary.json'), 'utf8')) as ClassSummary;
}

describe('a class folder', () => {
  const files = { 'subs/ada.cr': RIGHT, 'subs/ben.cr': SIGN, 'subs/cleo/answers.md': '## Problem 1\n\n$$\\frac{\\partial L}{\\partial W} = X^T (a - y)$$\n' };

  it('graded as one submission, it is warned about', () => {
    const { dir, assignment } = layout(files);
    const r = runCli(['grade', assignment, path.join(dir, 'subs'), '--out', path.join(dir, 'out'), '--jobs', '1']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('graded 1 submission');
    expect(r.stderr).toContain('chainrule: warning: subs: this folder looks like a whole class: 3 of its files or folders (ada.cr, ben.cr, cleo) each answer 1 dL/dW');
    expect(r.stderr).toContain('add --each');
  });

  it('with --each, every file or folder in it is a submission of its own', () => {
    const { dir, assignment } = layout(files);
    const r = runCli(['grade', assignment, path.join(dir, 'subs'), '--each', '--out', path.join(dir, 'out'), '--jobs', '1']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const s = summary(path.join(dir, 'out'));
    // ada and cleo are right (4 + 2; cleo left dL/db out: 4), ben has a sign slip on dL/dW (2 of 4) and dL/db right (2).
    expect(s.results.map((x) => [x.submission, x.score])).toEqual([['ada', 6], ['ben', 4], ['cleo', 4]]);
  });

  it('a student\'s two files answering the same ask are not a class', () => {
    const { dir, assignment } = layout({ 'alice/draft.cr': SIGN, 'alice/final.cr': RIGHT });
    const r = runCli(['grade', assignment, path.join(dir, 'alice'), '--out', path.join(dir, 'out'), '--jobs', '1']);
    expect(r.stderr).toBe('');
    expect(summary(path.join(dir, 'out')).results).toEqual([{ submission: 'alice', score: 6, status: 'graded' }]);
  });
});

describe('nothing readable', () => {
  it('gives an error result for each such submission, goes on with the others, and exits 1', () => {
    const { dir, assignment } = layout({
      'ada.cr': RIGHT,
      'prose.md': '# Homework 3\n\nI did not get to the maths this week.\n',
      'broken.cr': 'dL/dW = X^T (a - y\n\ndL/db = ) a - y\n',
      'empty/notes.txt': 'not a submission file',
    });
    const out = path.join(dir, 'out');
    const r = runCli(['grade', assignment, ...['ada.cr', 'prose.md', 'broken.cr', 'empty'].map((f) => path.join(dir, f)), '--out', out, '--jobs', '1']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('3 not graded (see their result.json)');
    const s = summary(out);
    expect(s.results.map((x) => [x.submission, x.score, x.status])).toEqual([['ada', 6, 'graded'], ['broken', 0, 'error'], ['empty', 0, 'error'], ['prose', 0, 'error']]);
    const result = (name: string) => JSON.parse(fs.readFileSync(path.join(out, 'submissions', name, 'result.json'), 'utf8')) as { error: string; notes: Array<{ code: string; line: number | null }> };
    expect(result('prose').error).toBe('nothing could be read from this submission: it holds no maths chainrule can read (a notebook is read from its markdown cells, not its code)');
    expect(result('broken').error).toBe('nothing could be read from this submission: none of its lines could be read (2 did not parse: see the notes)');
    expect(result('broken').notes.filter((n) => n.code === 'parse-error').map((n) => n.line)).toEqual([1, 3]);
    expect(result('empty').error).toBe('no .cr, .md, .tex or .ipynb file was found in this submission');
  });
});

describe('rosters', () => {
  // The shape Gradescope's "Export Submissions" writes: Ruby symbols as keys, a timestamp, a group submission.
  const METADATA = `---
submission_183742211:
  :submitters:
  - :name: Ada Lovelace
    :sid: '1815'
    :email: ada@example.edu
  :created_at: 2024-03-10 09:12:44.518436000 -08:00
  :score: 6.0
  :history: []
submission_183742212:
  :submitters:
  - :name: Alan Turing
    :sid: '1912'
    :email: alan@example.edu
  - :name: Grace Hopper
    :sid:
    :email: grace@example.edu
  :created_at: 2024-03-10 10:01:02.000000000 -08:00
  :score:
`;

  it('reads a Gradescope export: names, ids and emails in the gradebook and on the class page', () => {
    const { dir, assignment } = layout({ 'export/submission_metadata.yml': METADATA, 'export/submission_183742211/hw.cr': RIGHT, 'export/submission_183742212/hw.md': '## Problem 1\n\n$$\\frac{\\partial L}{\\partial W} = X^T (y - a)$$\n' });
    const out = path.join(dir, 'out');
    const r = runCli(['grade', assignment, path.join(dir, 'export'), '--each', '--out', out, '--jobs', '1']);
    expect(r.stderr).toBe('');
    const csv = fs.readFileSync(path.join(out, 'gradebook.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('submission,name,id,email,1 dL/dW,1 dL/db,total');
    expect(csv[1]).toBe('submission_183742211,Ada Lovelace,1815,ada@example.edu,4,2,6');
    // The group's sign slip on dL/dW earns 2 of 4; it left dL/db out.
    expect(csv[2]).toBe('submission_183742212,Alan Turing; Grace Hopper,1912,alan@example.edu; grace@example.edu,2,0,2');
    const page = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(page).toContain('<th>Name</th><th>ID</th>');
    expect(page).toContain('<td>Alan Turing; Grace Hopper</td><td>1912; grace@example.edu</td>');
    expect(summary(out).results[0].students).toEqual([{ name: 'Ada Lovelace', id: '1815', email: 'ada@example.edu' }]);
  });

  it('reads a CSV roster by submission name or file name, and --roster wins over metadata', () => {
    const { dir, assignment } = layout({ 'subs/ada.cr': RIGHT, 'subs/ben.cr': SIGN, 'subs/submission_metadata.yml': 'ada.cr:\n  :submitters:\n  - :name: Someone Else\n' });
    const roster = path.join(dir, 'roster.csv');
    fs.writeFileSync(roster, 'Submission,Name,SID,Email\r\nada,"Lovelace, Ada",1815,ada@example.edu\r\nben.cr,"Ben ""the Sign"" Bitdiddle",7,\r\n');
    const out = path.join(dir, 'out');
    runCli(['grade', assignment, path.join(dir, 'subs'), '--each', '--roster', roster, '--out', out, '--jobs', '1']);
    const csv = fs.readFileSync(path.join(out, 'gradebook.csv'), 'utf8').split('\r\n');
    expect(csv.slice(0, 3)).toEqual(['submission,name,id,email,1 dL/dW,1 dL/db,total', 'ada,"Lovelace, Ada",1815,ada@example.edu,4,2,6', 'ben,"Ben ""the Sign"" Bitdiddle",7,,2,2,4']);
  });

  it('without a roster the gradebook keeps its columns, and a bad --roster is a usage error', () => {
    const { dir, assignment } = layout({ 'subs/ada.cr': RIGHT });
    const out = path.join(dir, 'out');
    runCli(['grade', assignment, path.join(dir, 'subs'), '--each', '--out', out, '--jobs', '1']);
    expect(fs.readFileSync(path.join(out, 'gradebook.csv'), 'utf8').split('\r\n')[0]).toBe('submission,1 dL/dW,1 dL/db,total');
    const roster = path.join(dir, 'roster.csv');
    fs.writeFileSync(roster, 'name,id\nAda,1\n');
    const r = runCli(['grade', assignment, path.join(dir, 'subs'), '--each', '--roster', roster, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('roster.csv: the first line names the columns, one of them `submission`');
  });
});
