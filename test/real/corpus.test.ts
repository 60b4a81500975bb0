// fixtures/real: real documents by other authors (and the two OCR'd seeds) against their hand keys
// (fixtures/real/README.md). chainrule must never be confidently wrong on them: a right line marked
// incorrect, or a wrong line marked correct. What it cannot judge it says so (unjudged, not read).
// `node scripts/real-corpus.js --lines` prints the comparison line by line.
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { compareWithKey } from '../../src/app/corpus';

const dir = path.join(__dirname, '../../fixtures/real');
const keys = fs.readdirSync(dir).filter((f) => f.endsWith('.key.json')).sort();

/**
 * Lines judged as the key says, over the documents this test runs, as measured when this floor was set (issue 13).
 * It went down from 95 once: 16 lines had been ✓ only because chainrule read the target as not depending on the
 * variable (the loss left to prose), so the claim was 0 = 0; such a step is unjudged now (src/check/doubts.ts).
 * Raised to 107 when δ notation and worked examples' numeric instances were read (docs/latex.md), and to 130 (136
 * measured) with per-entry cases, sample superscripts and identities, and to 139 (145 measured) with spaced inline
 * maths, forward passes at a generic layer l and chains of undefined names (src/analysis/genericLayers.ts,
 * unknownTargets.ts), and letters other than i, j, k as indices of a derivative between entries. With the fourth,
 * held-out set of documents (175 more lines) and plain-text maths, reasons and `\tr` read, 160 (171 measured).
 * Raised to 450 (474 measured on the 1036 lines of today's corpus) once names defined only by the derivative written
 * of them, symbolic layers over numbered ones, prose kinds of arrays and textbook notation (`\sin 2t`, `(∂g/∂x)(1, 2)`)
 * were read.
 * The margin is for claims that reach the time limit on a loaded machine.
 */
const AGREEMENT_FLOOR = 450;

describe('real documents against their keys', () => {
  let agree = 0;
  let lines = 0;

  it('has the corpus the issue asks for: the two seeds and at least 8 documents by other authors', () => {
    expect(keys.length).toBeGreaterThanOrEqual(10);
  });

  for (const keyFile of keys) {
    it(`${keyFile}: no line judged confidently wrong`, () => {
      const key = JSON.parse(fs.readFileSync(path.join(dir, keyFile), 'utf8'));
      const result = compareWithKey(fs.readFileSync(path.join(dir, key.file), 'utf8'), `fixtures/real/${key.file}`, key);
      expect(result.counts.lines).toBeGreaterThan(0);
      expect(result.lines.filter((l) => l.outcome === 'wrong')).toEqual([]);
      agree += result.counts.agree;
      lines += result.counts.lines;
    });
  }

  it('judges at least as many lines as a TA would as when last measured', () => {
    expect(lines).toBeGreaterThan(150);
    expect(agree).toBeGreaterThanOrEqual(AGREEMENT_FLOOR);
  });
});
