// The command line as SPEC section 2 describes it: output forms and exit codes of check, diff and shapes.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '../..');
const cli = path.join(root, 'dist/bin/chainrule.js'); // the shipped binary (scripts/build-bin.js)

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
}

/** The step verdicts `check --json` gives a derivation written to a temporary file. */
function verdicts(source: string): string[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-cli-')), 'claim.cr');
  fs.writeFileSync(file, source);
  const json = JSON.parse(run('check', file, '--json').stdout) as { claims: Array<{ steps: Array<{ verdict: string }> }> };
  return json.claims.flatMap((c) => c.steps.map((s) => s.verdict));
}

describe('chainrule CLI', () => {
  it('diff --json gives the readable, expanded and LaTeX forms', () => {
    const r = run('diff', 'fixtures/examples/two_layer.cr', '--of', 'L', '--wrt', 'W1', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      of: 'L', wrt: 'W1', kind: 'gradient', shape: 'M x N',
      result: 'X^T ((a2 - y) W2^T .* a1 .* (1 - a1))',
      expanded: 'X^T ((sigma(sigma(X W1 + b1) W2 + b2) - y) W2^T .* sigma(X W1 + b1) .* (1 - sigma(X W1 + b1)))',
      expandedShared: 't1 = sigma(X W1 + b1)\nX^T ((sigma(t1 W2 + b2) - y) W2^T .* t1 .* (1 - t1))',
      latex: 'X^\\top \\left(\\left(a_{2} - y\\right) W_{2}^\\top \\odot a_{1} \\odot \\left(1 - a_{1}\\right)\\right)',
    });
  });

  it('diff --latex prints an equation', () => {
    const r = run('diff', 'fixtures/examples/two_layer.cr', '--of', 'L', '--wrt', 'W2', '--latex');
    expect(r.stdout.trim()).toBe('\\frac{\\partial L}{\\partial W_{2}} = \\left(a_{2} - y\\right) a_{1}^\\top');
  });

  it('diff writes Jacobians as matrices; an elementwise map gives its diagonal alongside', () => {
    // g = A x + b: dg = A dx + db, so by b the Jacobian is eye(m) with diagonal ones(m, 1).
    const r = run('diff', 'fixtures/diff/jacobians.cr', '--of', 'g', '--wrt', 'b', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      of: 'g', wrt: 'b', kind: 'elementwise', shape: 'm x m',
      result: 'eye(m)', expanded: 'eye(m)', expandedShared: 'eye(m)', latex: 'I_{m}', diagonal: 'ones(m, 1)',
    });
    expect(run('diff', 'fixtures/diff/jacobians.cr', '--of', 'g', '--wrt', 'b').stdout).toBe('dg/db = eye(m)    (m x m, elementwise; diagonal ones(m, 1))\n');
  });

  it('diff --of dL/dw differentiates the gradient again: the Hessian', () => {
    // dL2/dw = X^T (a - y) with a = sigma(X w); da = a .* (1 - a) .* (X dw), so the Hessian is X^T diag(a .* (1 - a)) X.
    const text = run('diff', 'fixtures/diff/jacobians.cr', '--of', 'dL2/dw', '--wrt', 'w');
    expect(text.stdout).toBe('d(dL2/dw)/dw = X^T diag(a .* (1 - a)) X    (p x p, jacobian)\n');
    const latex = run('diff', 'fixtures/diff/jacobians.cr', '--of', 'dL2/dw', '--wrt', 'w', '--latex');
    expect(latex.stdout).toBe('\\frac{\\partial}{\\partial w} \\frac{\\partial L_{2}}{\\partial w} = X^\\top \\operatorname{diag}\\left(a \\odot \\left(1 - a\\right)\\right) X\n');
  });

  it('diff refuses tensors and Jacobians it can only evaluate, with a message', () => {
    // dL/dW1 is M x N: its derivative by the matrix W1 has four indices.
    const tensor = run('diff', 'fixtures/examples/two_layer.cr', '--of', 'dL/dW1', '--wrt', 'W1');
    expect(tensor.status).toBe(2);
    expect(tensor.stderr).toBe('chainrule: d(dL/dW1)/dW1 is a tensor (an array by a matrix); differentiate a scalar with respect to W1, or use a vector\n');
    // E = C(w) for a C with no formula: its Hessian is known only at points.
    const numeric = run('diff', 'fixtures/diff/jacobians.cr', '--of', 'dE/dw', '--wrt', 'w');
    expect(numeric.status).toBe(2);
    expect(numeric.stderr).toBe('chainrule: d(dE/dw)/dw (p x p) can only be evaluated at points: chainrule cannot write it as an expression\n');
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

// Issue 11, item 4: undeclared names are scalars (SPEC 1.1) in diff, shapes and grade as in check.
describe('undeclared scalars on the command line', () => {
  it('diff differentiates by an undeclared scalar, with no warning in a file without arrays', () => {
    // f = sin(x)^2 / x, x declared nowhere (fixtures/check/undeclared_scalars.cr).
    const r = run('diff', 'fixtures/check/undeclared_scalars.cr', '--of', 'f', '--wrt', 'x', '--json');
    expect([r.status, r.stderr]).toEqual([0, '']);
    const json = JSON.parse(r.stdout);
    expect([json.kind, json.shape]).toEqual(['gradient', 'scalar']);
    // The quotient rule worked by hand, (2 x sin(x) cos(x) - sin(x)^2) / x^2, equals the expanded result.
    expect(verdicts(`(2 x sin(x) cos(x) - sin(x)^2) / x^2 = ${json.expanded}\n`)).toEqual(['correct']);
  });

  it('diff warns about an undeclared scalar in a file with arrays, as shapes does', () => {
    const r = run('diff', 'fixtures/shapes/undeclared_scalars.cr', '--of', 'L', '--wrt', 'lam', '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('undeclared_scalars.cr:14:11: warning[assumed-scalar]: lam is not declared; it is taken as a scalar');
    expect(r.stderr).toContain('undeclared_scalars.cr:16:12: warning[similar-name]: Y is not declared or defined');
    // L = r^2 + lam sum(w .* w) is linear in lam: dL/dlam = sum(w .* w).
    const json = JSON.parse(r.stdout);
    expect([json.kind, json.shape]).toEqual(['gradient', 'scalar']);
    expect(verdicts(`w : M x 1\nsum(w .* w) = ${json.expanded}\n`)).toEqual(['correct']);
  });

  it('diff still refuses a name the file never uses, and the derivative of an undeclared scalar', () => {
    const file = 'fixtures/shapes/undeclared_scalars.cr';
    const unused = run('diff', file, '--of', 'L', '--wrt', 'q');
    expect(unused.status).toBe(2);
    expect(unused.stderr).toContain(`chainrule: q is not declared, defined or used in ${file}\n`);
    expect(run('diff', file, '--of', 'L', '--wrt', 'W').stderr).toContain(`chainrule: W is not declared, defined or used in ${file}; did you mean w?`);
    const leaf = run('diff', file, '--of', 'lam', '--wrt', 'w');
    expect(leaf.status).toBe(2);
    expect(leaf.stderr).toContain(`chainrule: lam is not defined in ${file}, so dlam/dw cannot be worked out`);
  });

  it('shapes lists declared and defined names, warning about undeclared ones only where the SPEC says', () => {
    const r = run('shapes', 'fixtures/shapes/undeclared_scalars.cr');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('X : 1 x M\nw : M x 1\ny : scalar\nr : scalar\nL : scalar\nG : scalar\nE : scalar\n');
    expect(r.stderr.match(/warning\[[a-z-]+\]/g)).toEqual(['warning[assumed-scalar]', 'warning[assumed-scalar]', 'warning[similar-name]']);
    // No array declared: x, y, t, a are scalars without a word.
    const scalars = run('shapes', 'fixtures/check/undeclared_scalars.cr');
    expect([scalars.status, scalars.stdout, scalars.stderr]).toEqual([0, 'f : scalar\n', '']);
  });

  it('grade accepts `ask jacobian(F(G(x, y)), [x, y])` with x, y undeclared and gives a right answer full marks', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-cli-grade-'));
    const assignment = 'fixtures/grade/scalars/assignment.cr';
    const r = run('grade', assignment, 'fixtures/grade/scalars/submissions/ana_right.cr', '--out', out, '--format', 'json');
    expect(r.status).toBe(0);
    // The instructor sees the assignment's own warning (lam, in the problem that declares arrays).
    expect(r.stderr).toContain(`${assignment}:26:11: warning[assumed-scalar]: lam is not declared`);
    const result = JSON.parse(fs.readFileSync(path.join(out, 'submissions/ana_right/result.json'), 'utf8'));
    const jacobian = result.asks.find((a: { id: string }) => a.id === '1 jacobian(F(G(x, y)), [x, y])');
    expect([jacobian.score, jacobian.maxScore, jacobian.outcome]).toEqual([5, 5, 'correct']);
  });
});
