// gradescope/run_autograder run locally (AUTOGRADER_ROOT moves /autograder): it always leaves a valid
// results.json, graded or not.
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { ASSIGNMENT, CLI, FIXTURES, ROOT, requireBuild, tempDir } from './helpers';

const SCRIPT = path.join(ROOT, 'gradescope/run_autograder');

/** An /autograder tree with the given submission files, and a `chainrule` that runs dist/. */
function autograder(submission: Record<string, string>, assignment: string | null = fs.readFileSync(ASSIGNMENT, 'utf8')): { root: string; env: NodeJS.ProcessEnv } {
  requireBuild();
  const root = tempDir('autograder');
  fs.mkdirSync(path.join(root, 'source'));
  fs.mkdirSync(path.join(root, 'submission'));
  if (assignment !== null) fs.writeFileSync(path.join(root, 'source/assignment.cr'), assignment);
  for (const [name, text] of Object.entries(submission)) fs.writeFileSync(path.join(root, 'submission', name), text);
  const bin = path.join(root, 'chainrule');
  fs.writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
  return { root, env: { ...process.env, AUTOGRADER_ROOT: root, CHAINRULE_BIN: bin } };
}

function run(env: NodeJS.ProcessEnv): { status: number | null; stdout: string; results: Record<string, unknown> & { score: number; tests: Array<Record<string, unknown> & { output: string }>; output: string } } {
  const r = spawnSync('bash', [SCRIPT], { env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, results: JSON.parse(fs.readFileSync(path.join(env.AUTOGRADER_ROOT!, 'results/results.json'), 'utf8')) };
}

const DAN = fs.readFileSync(path.join(FIXTURES, 'submissions/dan_signs.cr'), 'utf8');
/** dan's dL/dW, X^T (y - a) on line 5, is minus the expected X^T (a - y): a sign slip, 2 of 4 points. */
const DAN_DL_DW = { full: 'Sign slip: the sign is flipped: this is −(dL/dW). 50% of the points.', hints: 'Sign slip (answers.cr, line 5, column 9). 2 of 4 points.', score: 'Partly right.' };

describe('gradescope/run_autograder', () => {
  it('is executable, with a #! line', () => {
    expect(fs.statSync(SCRIPT).mode & 0o111).not.toBe(0);
    expect(fs.readFileSync(SCRIPT, 'utf8').startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(fs.statSync(path.join(ROOT, 'gradescope/setup.sh')).mode & 0o111).not.toBe(0);
  });

  it('grades /autograder/submission into /autograder/results/results.json', () => {
    const { env } = autograder({ 'answers.cr': fs.readFileSync(path.join(FIXTURES, 'submissions/finn_scale.cr'), 'utf8') });
    const { status, results } = run(env);
    expect(status).toBe(0);
    expect(results.score).toBe(36.5);
    expect(results.tests).toHaveLength(16);
    expect(typeof results.execution_time).toBe('number');
    expect(results.tests[1]).toMatchObject({ name: '1 dL/dW', score: 2, max_score: 4, output_format: 'text', visibility: 'visible' });
  });

  it('grades an empty submission, or one with nothing readable, as 0 with a friendly note', () => {
    const empty = run(autograder({}).env);
    expect(empty.status).toBe(0);
    expect(empty.results.score).toBe(0);
    expect(empty.results.output).toContain('Not graded: no .cr, .md, .tex or .ipynb file was found in this submission. Every question scores 0.\n');
    // A notebook whose only maths is in a code cell: nothing of it is read (markdown cells are).
    const notebook = { cells: [{ cell_type: 'markdown', source: ['# Homework 3\n', 'My answers are in the code below.'] }, { cell_type: 'code', source: ['dL_dW = X.T @ (a - y)'], outputs: [] }], metadata: {}, nbformat: 4, nbformat_minor: 5 };
    const unread = run(autograder({ 'hw3.ipynb': JSON.stringify(notebook) }).env);
    expect(unread.results.score).toBe(0);
    expect(unread.results.tests.every((t) => t.score === 0 && t.output.startsWith('Not graded'))).toBe(true);
    expect(unread.results.output).toContain('Not graded: nothing could be read from this submission: it holds no maths chainrule can read');
  });

  it('still writes results.json when the assignment is missing or broken', () => {
    const missing = run(autograder({ 'a.cr': 'problem 1\n' }, null).env);
    expect(missing.status).toBe(0);
    expect(missing.results).toMatchObject({ score: 0, tests: [] });
    expect(missing.results.output).toContain('its assignment file is missing');
    const broken = run(autograder({ 'a.cr': 'problem 1\n' }, 'problem 1 "x"\nX : 1 x M\nask dL/dX 2 points\n').env);
    expect(broken.results).toMatchObject({ score: 0, tests: [] });
    expect(broken.results.output).toContain('The autograder failed (chainrule exit status 2)');
  });

  it('shows what each feedback level allows, set by the assignment or by CHAINRULE_FEEDBACK', () => {
    const assignment = fs.readFileSync(ASSIGNMENT, 'utf8');
    for (const level of ['full', 'hints', 'score'] as const) {
      const byLine = run(autograder({ 'answers.cr': DAN }, `feedback ${level}\n${assignment}`).env).results;
      const byEnv = run({ ...autograder({ 'answers.cr': DAN }).env, CHAINRULE_FEEDBACK: level }).results;
      for (const results of [byLine, byEnv]) {
        expect(results.score).toBe(35.5); // fixtures/grade/expected.json: sign slips in problem 1 and in dy/de
        expect(results.tests[1].output).toBe(`Your answer (answers.cr, line 5): dL/dW = X^T (y - a)\n${DAN_DL_DW[level]}`);
        if (level !== 'full') expect(JSON.stringify(results)).not.toMatch(/expected|replace|X\^T \(a - y\)/);
      }
    }
  });

  it('sets every test\'s visibility from the assignment line, or CHAINRULE_VISIBILITY', () => {
    const withLine = run(autograder({ 'answers.cr': DAN }, `visibility after_published\n${fs.readFileSync(ASSIGNMENT, 'utf8')}`).env).results;
    expect(withLine.visibility).toBe('after_published');
    expect(withLine.tests.every((t) => t.visibility === 'after_published')).toBe(true);
    const withEnv = run({ ...autograder({ 'answers.cr': DAN }).env, CHAINRULE_VISIBILITY: 'hidden' }).results;
    expect(withEnv.visibility).toBe('hidden');
    expect(withEnv.tests.every((t) => t.visibility === 'hidden')).toBe(true);
  });

  it('reads the authors from submission_metadata.json into its log', () => {
    const { root, env } = autograder({ 'answers.cr': DAN });
    // The shape of Gradescope's metadata (reference/gradescope.md): the submission's users, among other fields.
    const metadata = { id: 123456, created_at: '2024-03-10T09:12:44.518436-08:00', assignment: { id: 42, title: 'HW3' }, users: [{ email: 'ada@example.edu', id: 1815, name: 'Ada Lovelace' }], previous_submissions: [] };
    fs.writeFileSync(path.join(root, 'submission_metadata.json'), JSON.stringify(metadata));
    const { stdout, results } = run(env);
    expect(results.score).toBe(35.5);
    expect(stdout).toContain('author: Ada Lovelace (1815) ada@example.edu');
  });

  it('still writes results.json when chainrule itself cannot run', () => {
    const { env } = autograder({ 'a.cr': 'problem 1\n' });
    const { status, results } = run({ ...env, CHAINRULE_BIN: path.join(env.AUTOGRADER_ROOT!, 'no-such-chainrule') });
    expect(status).toBe(0);
    expect(results).toMatchObject({ score: 0, tests: [] });
  });
});
