// Every shapes fixture against its hand-written expectation (fixtures/README.md): the exit code, every
// name's shape, and the code, severity, line and column of every diagnostic, in source order.
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeSource } from '../../src/analysis/source';
import { shapesOf } from '../../src/app/shapes';
import { makeCalculus } from '../../src/calculus/index';

const dir = path.join(__dirname, '../../fixtures/shapes');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cr')).sort();

describe('shapes fixtures', () => {
  it('covers every diagnostic code of the SPEC', () => {
    const codes = new Set(files.flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f.replace(/\.cr$/, '.expected.json')), 'utf8')).diagnostics.map((d: { code: string }) => d.code)));
    for (const code of ['parse-error', 'unknown-name', 'unknown-function', 'arity', 'shape-mismatch', 'declared-shape-mismatch', 'redefinition', 'cyclic-definition', 'limit-exceeded', 'similar-name', 'assumed-scalar']) {
      expect(codes).toContain(code);
    }
  });

  for (const file of files) {
    it(file, () => {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      const expected = JSON.parse(fs.readFileSync(path.join(dir, file.replace(/\.cr$/, '.expected.json')), 'utf8'));
      const result = shapesOf(analyzeSource(source, file, makeCalculus));
      expect({
        exit: result.exitCode,
        shapes: result.shapes,
        diagnostics: result.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.span.line, column: d.span.column })),
      }).toEqual(expected);
    });
  }
});
