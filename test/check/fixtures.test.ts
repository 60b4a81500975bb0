// Every fixture claim against the verdicts and diagnoses worked out by hand beside it (fixtures/README.md).
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { checkSource } from '../../src/app/check';
import { annotatedVerdicts, expectedExit, expectedSteps } from './annotations';

const dir = path.join(__dirname, '../../fixtures/check');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cr')).sort();

describe('check fixtures', () => {
  it('has the fixture set the issue asks for', () => {
    const total = files.reduce((n, f) => n + checkSource(fs.readFileSync(path.join(dir, f), 'utf8'), f).report.claims.length, 0);
    expect(total).toBeGreaterThanOrEqual(60);
  });

  for (const file of files) {
    it(file, () => {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      const { report, exitCode } = checkSource(source, `fixtures/check/${file}`);
      expect(expectedSteps(source).length).toBeGreaterThan(0);
      const { actual, wanted } = annotatedVerdicts(source, report);
      expect(actual).toEqual(wanted);
      const exit = expectedExit(source);
      if (exit !== undefined) expect(exitCode).toBe(exit);
    });
  }
});
