// The cleaned LaTeX transcriptions of the seed homework (fixtures/latex) get the same verdicts as their
// .cr transcriptions (fixtures/check), claim by claim: each derivative claim of the LaTeX file is matched
// with the next .cr claim of the same target; their claim verdicts, final steps and (where both wrote a chain
// of the same length) every step's verdict and diagnosis must agree.
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { checkSource } from '../../src/app/check';
import type { ClaimJson } from '../../src/check/report';

const root = path.join(__dirname, '../..');
const PAIRS: Array<[string, string]> = [
  ['fixtures/latex/logreg.md', 'fixtures/check/seed_logreg.cr'],
  ['fixtures/latex/two_layer.md', 'fixtures/check/seed_two_layer.cr'],
  ['fixtures/latex/softmax_regression.md', 'fixtures/check/seed_softmax.cr'],
  ['fixtures/latex/softmax_two_layer.md', 'fixtures/check/seed_softmax_mlp.cr'],
  ['fixtures/latex/numeric_backprop.md', 'fixtures/check/seed_numeric_backprop.cr'],
  ['fixtures/latex/new_primitives.md', 'fixtures/check/new_primitives.cr'],
];

// Brackets go too: LaTeX targets print `d/dx (cosh(x))` where the .cr source says `d/dx cosh(x)`.
const normalTarget = (t: string) => t.replace(/∂/g, 'd').replace(/[_()]/g, '').replace(/\s+/g, '');
const isDerivative = (c: ClaimJson) => /^d.*\/d/.test(normalTarget(c.target));
const stepVerdict = (s: ClaimJson['steps'][number]) => `${s.verdict}:${s.diagnosis}`;
/** The claim's verdict and its final (graded) step; every step too when both wrote the same chain length. */
function verdicts(c: ClaimJson, other: ClaimJson) {
  const steps = c.steps.length === other.steps.length ? c.steps.map(stepVerdict) : [stepVerdict(c.steps[c.steps.length - 1])];
  return { verdict: c.verdict, steps };
}

function claimsOf(file: string): ClaimJson[] {
  return checkSource(fs.readFileSync(path.join(root, file), 'utf8'), file).report.claims.filter(isDerivative);
}

describe('LaTeX and .cr transcriptions agree', () => {
  let matched = 0;
  for (const [latex, cr] of PAIRS) {
    it(`${latex} matches ${cr}`, () => {
      const fromLatex = claimsOf(latex);
      const fromCr = claimsOf(cr);
      expect(fromLatex.length).toBeGreaterThan(0);
      let next = 0;
      for (const claim of fromLatex) {
        const at = fromCr.findIndex((c, i) => i >= next && normalTarget(c.target) === normalTarget(claim.target));
        expect(at, `no .cr claim for ${claim.target} (line ${claim.line})`).toBeGreaterThanOrEqual(0);
        expect(verdicts(claim, fromCr[at]), `${latex}:${claim.line} ${claim.target}`).toEqual(verdicts(fromCr[at], claim));
        next = at + 1;
        matched++;
      }
    });
  }
  it('matched the seed derivations claim by claim', () => {
    expect(matched).toBeGreaterThanOrEqual(40);
  });
});
