// fixtures/latex/ocr_slips.md: each maths line after an `expect:` comment is read as the comment says (its
// readings, in the order they stand in the line, or none) and gets the verdict it gives. The expectations
// were worked out by hand; the reasoning is in the fixture's comments.
import { readFileSync } from 'fs';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const FILE = 'fixtures/latex/ocr_slips.md';
const source = readFileSync(FILE, 'utf8');

interface Expectation {
  /** The line of the maths the comment is about (the first line after the comment). */
  line: number;
  readings: string[];
  notes: string[];
  verdicts: string[];
}

/** `<!-- expect: read A as B; note A as B; no reading; verdict correct|unjudged ... -->` */
function expectations(): Expectation[] {
  const lines = source.split('\n');
  const out: Expectation[] = [];
  lines.forEach((text, i) => {
    const m = /^<!-- expect: ([^\n]*)$/.exec(text);
    if (!m) return;
    const end = lines.findIndex((l, j) => j >= i && l.includes('-->'));
    const e: Expectation = { line: end + 2, readings: [], notes: [], verdicts: [] };
    for (const part of m[1].replace(/-->.*/, '').split(';').map((p) => p.trim())) {
      if (part.startsWith('read ')) e.readings.push(part.slice(5));
      else if (part.startsWith('note ')) e.notes.push(part.slice(5));
      else if (part.startsWith('verdict ')) e.verdicts = part.slice(8).split('|');
      else expect(part).toBe('no reading');
    }
    out.push(e);
  });
  return out;
}

const EXPECTED = expectations();
const { report } = checkSource(source, FILE);

describe(FILE, () => {
  it('has an expectation before every answer line (20 claims and one definition)', () => {
    expect(EXPECTED.length).toBe(21);
    expect(report.claims.length).toBe(20);
  });

  it.each(EXPECTED.map((e) => [e.line, e] as const))('line %i is read and judged as its comment says', (line, e) => {
    const claim = report.claims.find((c) => c.line === line);
    const notes = report.diagnostics.filter((d) => d.code === 'reading' && d.line === line).map((d) => /^read (.*?): /.exec(d.message)?.[1]);
    expect(notes).toEqual(e.notes);
    if (e.verdicts.length === 0) {
      expect(claim).toBeUndefined();
      return;
    }
    expect(claim, `a claim at line ${line}`).toBeDefined();
    expect((claim!.readings ?? []).map((r) => `${r.written} as ${r.readAs}`)).toEqual(e.readings);
    expect(e.verdicts).toContain(claim!.verdict);
    // Each reading is placed where its written text is.
    for (const r of claim!.readings ?? []) expect(source.split('\n')[r.line - 1].slice(r.column - 1)).toContain(r.written.split('\n')[0]);
  });
});
