// Every index-notation and abstract-function fixture claim against the verdicts worked out by hand beside
// it (fixtures/README.md, section D), compared as test/check/fixtures.test.ts compares fixtures/check.
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { checkSource } from '../../src/app/check';
import { annotatedVerdicts, expectedExit, expectedSteps } from '../check/annotations';

const dir = path.join(__dirname, '../../fixtures/index');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cr')).sort();

describe('index fixtures', () => {
  it('has the fixture set the issue asks for', () => {
    expect(files).toEqual(expect.arrayContaining(['logreg_index.cr', 'two_layer_index.cr', 'softmax_index.cr', 'softmax_batch_index.cr', 'graph_abstract.cr']));
  });

  for (const file of files) {
    it(file, () => {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      const { report, exitCode, diagnostics } = checkSource(source, `fixtures/index/${file}`);
      // The fixtures have no input errors and no warnings: every index and function is read as meant.
      expect(diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.code} ${d.message}`)).toEqual([]);
      const expected = expectedSteps(source);
      expect(expected.length).toBeGreaterThan(0);
      // Every step written in the file is annotated: none goes unchecked by accident.
      expect(report.claims.reduce((n, c) => n + c.steps.length, 0)).toBe(expected.length);
      const { actual, wanted } = annotatedVerdicts(source, report);
      expect(actual).toEqual(wanted);
      const exit = expectedExit(source);
      if (exit !== undefined) expect(exitCode).toBe(exit);
    });
  }
});
