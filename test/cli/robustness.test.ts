// Untrusted input: any byte string ends with exit code 0, 1 or 2 and readable messages — never a stack
// trace, never a hang (issue 2). Random text and random sequences of the language's own tokens go
// through the whole pipeline (parse, resolve, shapes, check), and a few nasty files through the CLI.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeSource } from '../../src/analysis/source';
import { shapesOf } from '../../src/app/shapes';
import { makeCalculus } from '../../src/calculus/index';
import { checkSource } from '../../src/app/check';

const CODES = new Set(['parse-error', 'unknown-name', 'unknown-function', 'arity', 'shape-mismatch', 'declared-shape-mismatch', 'redefinition', 'cyclic-definition', 'limit-exceeded', 'similar-name', 'assumed-scalar', 'internal-error']);

const TOKENS = [
  'X', 'W1', 'W_1', 'a1', 'h', 'L', 'y', 'x', 'M', 'N', '1', '2', '0.5', ':', 'x', '=', '+', '-', '*', '.*', '/', '^T', "'", '^', '(', ')', '[', ']', ',', ';',
  'sigma(', 'log(', 'sum(', 'softmax(', 'jacobian(', 'grad(', 'dL/dW1', 'd/dx', '∂L/∂h', 'in', 'R^(', 'scalar', 'onehot', 'at', '~', 'problem', 'ask', 'points',
  '\n', '\n', ' ', '#', '⊙', '·', '>', '1 x N', 'M x N', '= ', 'F(x, y)', '[1 2]', 'sigma\'(', 'inv(', 'det(', 'max(',
];

const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((ts) => ts.join(' '));
const preamble = 'X : 1 x M\nW1 : M x N\nh = X W1\na1 = sigma(h)\nL = sum(a1)\n';

function runsCleanly(source: string): void {
  const shapes = shapesOf(analyzeSource(source, 'fuzz.cr', makeCalculus));
  expect([0, 2]).toContain(shapes.exitCode);
  for (const d of shapes.diagnostics) expect(CODES.has(d.code)).toBe(true);
  const checked = checkSource(source, 'fuzz.cr');
  expect([0, 1, 2]).toContain(checked.exitCode);
}

describe('untrusted input', () => {
  it('random unicode text never crashes the pipeline', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => runsCleanly(s)), { numRuns: 300 });
  });

  it('random token sequences never crash the pipeline', () => {
    fc.assert(fc.property(tokenText, (s) => runsCleanly(s)), { numRuns: 300 });
  });

  it('random statements after a valid network never crash the checker', () => {
    fc.assert(fc.property(tokenText, (s) => runsCleanly(preamble + s)), { numRuns: 300 });
  });

  it('the CLI answers nasty files with an exit code and no stack trace', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-'));
    const cli = path.join(__dirname, '../../dist/src/cli/main.js');
    const cases: Record<string, Buffer | string> = {
      'binary.cr': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      'deep.cr': 'x = ' + '('.repeat(10000) + '1' + ')'.repeat(10000) + '\n',
      'long.cr': 'y = ' + Array.from({ length: 20000 }, (_, i) => `x${i}`).join(' + ') + '\n',
      'empty.cr': '',
    };
    for (const [name, content] of Object.entries(cases)) {
      fs.writeFileSync(path.join(dir, name), content);
      for (const command of ['shapes', 'check']) {
        const r = spawnSync(process.execPath, [cli, command, path.join(dir, name)], { encoding: 'utf8', timeout: 60_000 });
        expect([0, 1, 2], `${command} ${name}`).toContain(r.status);
        expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      }
    }
    const missing = spawnSync(process.execPath, [cli, 'check', path.join(dir, 'nope.cr')], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});
