// `chainrule check --feedback LEVEL` (SPEC 4.2, 4.3): below `full` neither the text nor the JSON holds the
// expected answer or the edit that fixes a step; `hints` keeps the kind of each mistake and its place,
// `score` the verdicts. The exit code does not depend on the level.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const cli = path.join(__dirname, '../../dist/src/cli/main.js');
// Logistic regression with three slips, worked out by hand: dL/dW is X^T (a - y) (M x 1), so X (a - y) has
// the wrong shape (a transpose fixes it); dL/db is a - y, so y - a is a sign slip; dL/da is
// (1 - y)/(1 - a) - y/a, which (a - y)/2 is not.
const SOURCE = 'X : 1 x M\nW : M x 1\nb : scalar\ny : scalar binary\nh = X W + b\na = sigma(h)\nL = -y log(a) - (1 - y) log(1 - a)\ndL/dW = X (a - y)\ndL/db = y - a\ndL/da = (a - y) / 2\n';
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-levels-')), 'lr.cr');
fs.writeFileSync(file, SOURCE);

function check(...args: string[]) {
  return spawnSync(process.execPath, [cli, 'check', file, ...args], { encoding: 'utf8' });
}

const SECRETS = ['X^T (a - y)', 'replace X by X^T', '(1 - y) / (1 - a) - y / a', 'expected'];

describe('check --feedback', () => {
  it('at full, gives the expected answers and the fix', () => {
    const r = check();
    expect(r.status).toBe(1);
    for (const s of SECRETS) expect(r.stdout).toContain(s);
    expect(check('--feedback', 'full').stdout).toBe(r.stdout);
  });

  it('at hints, names the kind and place of each mistake, in the text and the JSON', () => {
    const text = check('--feedback', 'hints');
    expect(text.status).toBe(1);
    for (const s of SECRETS) expect(text.stdout).not.toContain(s);
    expect(text.stdout).toContain('= step 1: sign: a sign is wrong (line 9, column 9)');
    const json = JSON.parse(check('--feedback', 'hints', '--json').stdout) as { claims: Array<{ expected: string | null; steps: Array<{ diagnosis: string; message: string }> }> };
    expect(json.claims.map((c) => c.expected)).toEqual([null, null, null]);
    expect(json.claims.map((c) => [c.steps[0].diagnosis, c.steps[0].message])).toEqual([
      ['shape', 'the shape is wrong (line 8, column 9)'],
      ['sign', 'a sign is wrong (line 9, column 9)'],
      ['unknown', 'this is not right (line 10, column 9)'],
    ]);
  });

  it('at score, gives verdicts only', () => {
    const json = JSON.parse(check('--feedback', 'score', '--json').stdout) as { ok: boolean; claims: Array<{ verdict: string; steps: Array<{ diagnosis: string | null; message: string }> }> };
    expect(json.ok).toBe(false);
    expect(json.claims.map((c) => [c.verdict, c.steps[0].diagnosis, c.steps[0].message])).toEqual([
      ['incorrect', null, ''],
      ['incorrect', null, ''],
      ['incorrect', null, ''],
    ]);
    expect(check('--feedback', 'score').stdout).not.toMatch(/sign|shape|expected/);
  });

  it('refuses an unknown level', () => {
    const r = check('--feedback', 'answers');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('chainrule: --feedback takes full, hints, score, not answers\n');
  });
});
