// Every fixture claim against the verdicts and diagnoses worked out by hand beside it (fixtures/README.md).
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { checkSource } from '../../src/check/index';
import { expectedExit, expectedSteps } from './annotations';

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
      const expected = expectedSteps(source);
      expect(expected.length).toBeGreaterThan(0);
      const stepsByLine = new Map<number, Array<{ verdict: string; diagnosis: string | null; shapeOk?: boolean }>>();
      for (const claim of report.claims) {
        for (const step of claim.steps) {
          const list = stepsByLine.get(step.line) ?? [];
          list.push({ verdict: step.verdict, diagnosis: step.diagnosis, shapeOk: claim.shapeClaim?.ok });
          stepsByLine.set(step.line, list);
        }
      }
      const seen = new Map<number, number>();
      const actual = expected.map((e) => {
        const k = seen.get(e.line) ?? 0;
        seen.set(e.line, k + 1);
        const got = stepsByLine.get(e.line)?.[k];
        return {
          line: e.line,
          verdict: got?.verdict,
          diagnosis: e.diagnosis === null ? null : got?.diagnosis,
          ...(e.shapeClaim ? { shapeClaim: got?.shapeOk === undefined ? undefined : got.shapeOk ? 'ok' : 'wrong' } : {}),
        };
      });
      const wanted = expected.map((e) => ({ line: e.line, verdict: e.verdict, diagnosis: e.diagnosis, ...(e.shapeClaim ? { shapeClaim: e.shapeClaim } : {}) }));
      expect(actual).toEqual(wanted);
      const exit = expectedExit(source);
      if (exit !== undefined) expect(exitCode).toBe(exit);
    });
  }
});
