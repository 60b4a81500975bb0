// The command line as SPEC section 2 describes it: output forms and exit codes of check, diff and shapes.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'child_process';
import * as path from 'path';

const root = path.join(__dirname, '../..');
const cli = path.join(root, 'dist/src/cli/main.js');

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
}

describe('chainrule CLI', () => {
  it('diff --json gives the readable, expanded and LaTeX forms', () => {
    const r = run('diff', 'fixtures/examples/two_layer.cr', '--of', 'L', '--wrt', 'W1', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      of: 'L', wrt: 'W1', kind: 'gradient', shape: 'M x N',
      result: 'X^T ((a2 - y) W2^T .* a1 .* (1 - a1))',
      expanded: 'X^T ((sigma(sigma(X W1 + b1) W2 + b2) - y) W2^T .* sigma(X W1 + b1) .* (1 - sigma(X W1 + b1)))',
      latex: 'X^\\top \\left(\\left(a_{2} - y\\right) W_{2}^\\top \\odot a_{1} \\odot \\left(1 - a_{1}\\right)\\right)',
    });
  });

  it('diff --latex prints an equation', () => {
    const r = run('diff', 'fixtures/examples/two_layer.cr', '--of', 'L', '--wrt', 'W2', '--latex');
    expect(r.stdout.trim()).toBe('\\frac{\\partial L}{\\partial W_{2}} = \\left(a_{2} - y\\right) a_{1}^\\top');
  });

  it('check exits 1 on a derivation with mistakes and 0 on a right one', () => {
    expect(run('check', 'fixtures/examples/two_layer.cr').status).toBe(1);
    expect(run('check', 'fixtures/examples/numeric_backprop.cr').status).toBe(0);
    const json = JSON.parse(run('check', 'fixtures/examples/two_layer.cr', '--json', '--seed', '3').stdout);
    expect(json.version).toBe(1);
    expect(json.summary).toEqual({ claims: 7, correct: 4, incorrect: 3, informal: 0, errors: 0 });
  });

  it('shapes --json lists every name, exits 2 on a shape error', () => {
    const r = run('shapes', 'fixtures/shapes/shape_mismatch_matmul.cr', '--json');
    expect(r.status).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json).sort()).toEqual(['diagnostics', 'file', 'shapes', 'version']);
    expect(json.diagnostics[0].code).toBe('shape-mismatch');
  });

  it('usage mistakes are input errors with a message', () => {
    const r = run('check', '--bogus', 'x.cr');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
  });
});
