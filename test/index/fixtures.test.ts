// Every index-notation and abstract-function fixture claim against the verdicts worked out by hand beside
// it (fixtures/README.md, section C), as test/check/fixtures.test.ts does for fixtures/check.
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { checkSource } from '../../src/check/index';
import { expectedExit, expectedSteps } from '../check/annotations';

const dir = path.join(__dirname, '../../fixtures/index');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cr')).sort();

describe('index fixtures', () => {
  for (const file of files) {
    it(file, () => {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      const { report, exitCode, diagnostics } = checkSource(source, `fixtures/index/${file}`);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
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
      // Every step written in the file is annotated: no claim goes unchecked by accident.
      expect(report.claims.reduce((n, c) => n + c.steps.length, 0)).toBe(expected.length);
      const exit = expectedExit(source);
      if (exit !== undefined) expect(exitCode).toBe(exit);
    });
  }
});
