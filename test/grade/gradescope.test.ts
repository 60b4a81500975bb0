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

function run(env: NodeJS.ProcessEnv): { status: number | null; results: Record<string, unknown> & { score: number; tests: Array<Record<string, unknown>>; output: string } } {
  const r = spawnSync('bash', [SCRIPT], { env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, results: JSON.parse(fs.readFileSync(path.join(env.AUTOGRADER_ROOT!, 'results/results.json'), 'utf8')) };
}

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

  it('grades an empty submission as 0 with a friendly note', () => {
    const { env } = autograder({});
    const { results } = run(env);
    expect(results.score).toBe(0);
    expect(results.output).toContain('no .cr, .md, .tex or .ipynb file was found in this submission');
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

  it('still writes results.json when chainrule itself cannot run', () => {
    const { env } = autograder({ 'a.cr': 'problem 1\n' });
    const { status, results } = run({ ...env, CHAINRULE_BIN: path.join(env.AUTOGRADER_ROOT!, 'no-such-chainrule') });
    expect(status).toBe(0);
    expect(results).toMatchObject({ score: 0, tests: [] });
  });
});
