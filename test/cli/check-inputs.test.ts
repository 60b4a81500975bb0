// `check` on several files and on standard input (SPEC 4.1): `-` reads stdin (`--as` names its format),
// several files give a JSON array, and the worst exit code wins.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '../..');
const cli = path.join(root, 'dist/src/cli/main.js');

function run(input: string, ...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', input });
}

describe('check inputs', () => {
  it('reads .cr from standard input', () => {
    // d/dx x^2 = 2 x: right, exit 0.
    const r = run('f = x^2\ndf/dx = 2 x\n', 'check', '-', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: 'stdin.cr', summary: { claims: 1, correct: 1 } });
  });

  it('reads Markdown from standard input with --as md, beside a file, and the worst exit code wins', () => {
    // 3x is not d/dx x^2 = 2x: incorrect (exit 1); the example file has slips too (exit 1); as an array.
    const r = run('$$f = x^2$$\n$$\\frac{df}{dx} = 3x$$\n', 'check', '-', 'fixtures/examples/numeric_backprop.cr', '--as', 'md', '--json');
    const reports = JSON.parse(r.stdout) as Array<{ file: string; summary: { incorrect: number } }>;
    expect(reports.map((x) => x.file)).toEqual(['stdin.md', 'fixtures/examples/numeric_backprop.cr']);
    expect(reports[0].summary.incorrect).toBe(1);
    expect(r.status).toBe(1);
  });

  it('checks several files, each in its own report, and exits with the worst code', () => {
    // A right claim (exit 0) beside a line that does not parse (exit 2): 2, and both are reported.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-inputs-'));
    fs.writeFileSync(path.join(dir, 'right.cr'), 'f = x^3\ndf/dx = 3 x^2\n');
    fs.writeFileSync(path.join(dir, 'broken.cr'), 'f = x^3 +\n');
    const r = run('', 'check', path.join(dir, 'right.cr'), path.join(dir, 'broken.cr'));
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('right.cr: 1 claims, 1 correct');
    expect(r.stderr).toContain('broken.cr:1');
  });

  it('refuses --as without standard input, and an unknown format', () => {
    expect(run('', 'check', 'fixtures/examples/two_layer.cr', '--as', 'md').status).toBe(2);
    expect(run('', 'check', '-', '--as', 'docx').stderr).toMatch(/--as takes cr, md, tex or ipynb/);
  });
});
