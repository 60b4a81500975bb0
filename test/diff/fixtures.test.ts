// `chainrule diff` on fixtures/diff: the expected output (worked out by hand in the fixture's comments), and
// for every case that the printed result and expanded forms parse back as .cr to one expression whose value
// is the Jacobian by finite differences, at distinct sizes for the dimension names.
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeSource } from '../../src/analysis/source';
import { makeCalculus } from '../../src/calculus/index';
import { derive, functionOf, type DiffResult } from '../../src/app/diff';
import { parseExpression } from '../../src/syntax/parse';
import { evaluate } from '../../src/numeric/evaluate';
import { relativeDifference } from '../../src/numeric/matrix';
import { randomEnv } from '../helpers/random-expr';
import { finiteDifferenceJacobian } from '../helpers/jacobian';

const dir = path.join(__dirname, '../../fixtures/diff');
const SIZES = new Map([['m', 3], ['n', 4], ['k', 5], ['p', 3], ['B', 6], ['q', 2]]);

describe('diff fixtures', () => {
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cr'))) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    const expected: Omit<DiffResult, 'latex'>[] = JSON.parse(fs.readFileSync(path.join(dir, file.replace(/\.cr$/, '.expected.json')), 'utf8'));
    const analysis = analyzeSource(source, file, makeCalculus);
    const lowering = analysis.problems[0].lowering;

    for (const want of expected) {
      it(`${file}: d${want.of.includes('/') ? `(${want.of})` : want.of}/d${want.wrt} = ${want.result}`, () => {
        const { latex, expandedShared, ...got } = derive(analysis, want.of, want.wrt);
        expect(latex).not.toBe('');
        expect(got).toEqual(want);

        const result = lowering.lower(parseExpression(got.result));
        expect(lowering.lower(parseExpression(got.expanded))).toBe(result);
        expect(lowering.lower(parseExpression(unshared(expandedShared)))).toBe(result);
        const f = lowering.lower(functionOf(want.of).expr);
        const env = randomEnv([f, result], 17, SIZES);
        const reference = finiteDifferenceJacobian(f, env, want.wrt);
        expect(relativeDifference(evaluate(result, env), reference)).toBeLessThan(1e-6);
        if (got.diagonal) {
          // The diagonal, shaped like the variable, holds the diagonal entries of the Jacobian.
          const d = evaluate(lowering.lower(parseExpression(got.diagonal)), env);
          expect([...d.data].map((v, i) => v - reference.data[i * (d.data.length + 1)]).every((x) => Math.abs(x) < 1e-6)).toBe(true);
        }
      });
    }
  }
});

/** expandedShared with its intermediates (`t1 = ...` lines) put back in place, parenthesised. */
function unshared(text: string): string {
  const lines = text.split('\n');
  const defined = new Map<string, string>();
  const substitute = (s: string) => s.replace(/\bt\d+\b/g, (name) => (defined.has(name) ? `(${defined.get(name)})` : name));
  for (const line of lines.slice(0, -1)) {
    const at = line.indexOf(' = ');
    defined.set(line.slice(0, at), substitute(line.slice(at + 3)));
  }
  return substitute(lines[lines.length - 1]);
}
