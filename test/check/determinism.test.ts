// The same file and seed give byte-identical JSON (issue: determinism).
import { expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { checkSource } from '../../src/app/check';

it('gives byte-identical JSON for the same seed, across fresh runs', () => {
  const file = path.join(__dirname, '../../fixtures/check/seed_two_layer.cr');
  const source = fs.readFileSync(file, 'utf8');
  const a = JSON.stringify(checkSource(source, 'x.cr', 7).report);
  const b = JSON.stringify(checkSource(source, 'x.cr', 7).report);
  expect(a).toBe(b);
  expect(JSON.parse(a).claims.length).toBeGreaterThan(5);
});
