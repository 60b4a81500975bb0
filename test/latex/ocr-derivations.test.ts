// fixtures/latex/ocr_two_derivations.md: an OCR'd homework of our own (a sigmoid neuron, then a tanh layer
// with a sigmoid output, no heading between them), with the seed's kinds of slips. The key of each claim is
// in the comment before it (worked out by hand, checked with numpy: see the fixture's header). A line keyed
// right is `correct`, listing its readings; a line keyed wrong is `incorrect` when it was read as written and
// `unjudged` when chainrule had to read a slip to get there (docs/latex.md, "Reading OCR slips").
import { readFileSync } from 'fs';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const FILE = 'fixtures/latex/ocr_two_derivations.md';
const source = readFileSync(FILE, 'utf8');
const { report } = checkSource(source, FILE);

/** Line of the maths after each `<!-- key correct|incorrect ... -->` comment, with its key. */
function keys(): Array<{ line: number; key: string }> {
  const lines = source.split('\n');
  return lines.flatMap((text, i) => {
    const m = /^<!-- key (correct|incorrect)/.exec(text);
    if (!m) return [];
    const end = lines.findIndex((l, j) => j >= i && l.includes('-->'));
    return [{ line: end + 2, key: m[1] }];
  });
}

const readingsAt = (line: number) => (report.claims.find((c) => c.line === line)?.readings ?? []).map((r) => `${r.written} as ${r.readAs}`);

describe(FILE, () => {
  it('judges every keyed line as its key says, or leaves a wrong line read through a slip unjudged', () => {
    const verdicts = report.claims.map((c) => [c.line, c.verdict]);
    expect(verdicts).toEqual(
      keys().map(({ line, key }) => [line, key === 'correct' ? 'correct' : readingsAt(line).length > 0 ? 'unjudged' : 'incorrect']),
    );
    // The two wrong lines: 45 (the factor 1 - p dropped) was read through ∂ and γ; 48 (p + y) was written plainly.
    expect(verdicts.filter(([, v]) => v !== 'correct')).toEqual([[45, 'unjudged'], [48, 'incorrect'], [79, 'unjudged']]);
  });

  it('reads γ and V as the y of the losses, in both derivations', () => {
    // y is written only in the first derivation's E = (p - y)^2 / 2, which the second defines again: the names
    // of a definition replaced later are still the document's.
    expect(readingsAt(38)).toContain('V as y');
    expect(readingsAt(67)).toEqual(['\\frac{2E}{2o} as dE/do', '\\gamma as y']);
    // (o - V) v^T ⊙ (1 - r ⊙ r): V could be the y of the loss or the declared v, both lower; read as y it is
    // 1 x K, the shape of dE/dq, read as v (K x 1) it is K x K: the reading of the target's shape is taken.
    expect(readingsAt(73)).toEqual(['\\frac{2E}{2q} as dE/dq', 'V as y']);
  });

  it('reads X as the x the second derivation declares, and the first derivation\'s X as written', () => {
    // z = X w + c: X is the first derivation's undeclared scalar, and x is declared only in the second, which
    // starts at its declarations (line 50), not at the E it defines again (line 64).
    expect(readingsAt(35)).not.toContain('X as x');
    expect(readingsAt(76)).toEqual(['\\frac{2E}{2U} as dE/dU', 'X as x', '\\frac{2E}{2q} as dE/dq']);
    expect(report.claims.find((c) => c.line === 76)?.steps[0].shape).toBe('D x K');
  });

  it('reads a stray integral sign before a derivative as a bracket, ≠ before a shape as ∈, and a 6 before ( as σ', () => {
    expect(readingsAt(41)).toEqual(['\\int as (', '\\gamma as y']);
    // ≠ R^{1 x K}: a value compared with a set means nothing; read as ∈, the shape claim 1 x K is right
    expect(readingsAt(85)).toEqual(['\\neq as in']);
    expect(report.claims.find((c) => c.line === 85)?.shapeClaim).toMatchObject({ ok: true });
    // ≠ between two values is no slip: refused, as before
    expect(report.diagnostics.some((d) => d.line === 87 && d.message.includes('≠ states no checkable claim'))).toBe(true);
    expect(readingsAt(32)).toEqual(['\\frac{2p}{3z} as dp/dz', '6(z) as sigma(z)']);
  });
});
