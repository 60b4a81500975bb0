// The OCR slips of the seed documents read as a person reads them. The lines are quoted from
// fixtures/real/homework_backprop_matrix_form.md (a copy of ../shared/seeds/homework_backprop_matrix_form.md,
// the project's OCR'd student homework, with a provenance line added: line numbers are the fixture's, one
// more than the seed's). fixtures/real/homework_logreg_and_numeric_backprop.md has no slips: nothing in it
// is read otherwise than written.
import { readFileSync } from 'fs';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const MATRIX = 'fixtures/real/homework_backprop_matrix_form.md';
const LOGREG = 'fixtures/real/homework_logreg_and_numeric_backprop.md';
const source = readFileSync(MATRIX, 'utf8');
const { report, exitCode } = checkSource(source, MATRIX);

function claimAt(line: number) {
  const claim = report.claims.find((c) => c.line === line);
  expect(claim, `a claim at line ${line}`).toBeDefined();
  return claim!;
}

function readingsAt(line: number): string[] {
  return (claimAt(line).readings ?? []).map((r) => `${r.written} as ${r.readAs}`);
}

function notesAt(line: number): string[] {
  return report.diagnostics.filter((d) => d.code === 'reading' && d.line === line).map((d) => /^read (.*?): /.exec(d.message)![1]);
}

describe(`${MATRIX}: the slips are read`, () => {
  it('line 12 `\\frac{2L}{2W} = \\frac{2L}{2h} \\frac{2h}{2W} = X^{T} \\frac{2L}{2h}`: 2 for ∂, and the claim checks', () => {
    expect(readingsAt(12)).toEqual(['\\frac{2L}{2W} as dL/dW', '\\frac{2L}{2h} as dL/dh', '\\frac{2h}{2W} as dh/dW']);
    expect(claimAt(12).target).toBe('dL/dW');
    // dL/dW = dL/dh dh/dW = X^T dL/dh: right for matrices. Question 1 states no shapes; chainrule solves for the most
    // general ones its formulas allow (src/analysis/shapeUnification.ts): h = XW + b makes X r x c, W c x k, so the
    // step is checked at distinct sizes and holds (numpy, L = sum(h^3): finite differences equal X^T (3 h^2)).
    // Before, X was a scalar and the ✓ rested on that guess, so the line was unjudged.
    expect(claimAt(12).verdict).toBe('correct');
    expect(claimAt(12).readings![0]).toMatchObject({ line: 12, column: 3 });
  });

  it('line 21 `\\frac{2a}{3h} = 6(h)(1-6(h)) = a(1-a)`: 2 and 3 for ∂, 6 for σ', () => {
    // Solved over the whole document, whose later parts multiply by rows (`Q_1 = x W_1 + b_1`, x 1 x M), X is a
    // row and W a column, so h = XW + b is the one-sample scalar the author means and `6(h)` reads as σ(h). The line
    // stays unjudged: the document never defines a as σ(h), so σ(h)(1 - σ(h)) cannot be confirmed against da/dh.
    expect(readingsAt(21)).toEqual(['\\frac{2a}{3h} as da/dh', '6(h) as sigma(h)']);
    expect(claimAt(21).verdict).toBe('unjudged');
  });

  it('line 23 `\\frac{2L}{3h} = \\frac{\\alpha - \\gamma}{\\alpha(1 - \\alpha)} = \\alpha - \\gamma`: α for a, γ for y', () => {
    expect(readingsAt(23)).toEqual(['\\frac{2L}{3h} as dL/dh', '\\alpha as a', '\\gamma as y']);
  });

  it('line 17 `-\\frac{V}{a} + \\frac{1-V}{1-a}`: V for y', () => {
    expect(readingsAt(17)).toEqual(['V as y', '\\gamma as y']); // the \gamma is in line 19, which continues the chain
  });

  it('line 31 `\\frac{2h}{ab} = 1`: the a of the denominator is ∂, b a name of the document', () => {
    expect(readingsAt(31)).toEqual(['\\frac{2h}{ab} as dh/db']);
    expect(claimAt(31).verdict).toBe('correct'); // h = XW + b: dh/db = 1
  });

  it('lines 49, 50, 54: `h_1 = X W_1 + b_1` with x declared, `a_1 = 6(h_1)`, `a_2 = 6(h_2)` (definitions: warnings)', () => {
    expect(notesAt(49)).toEqual(['X as x']);
    expect(notesAt(50)).toEqual(['6(h_1) as sigma(h1)']);
    expect(notesAt(54)).toEqual(['6(h_2) as sigma(h2)']);
    // X W_1 + b_1 was M x N against h_1's declared 1 x N: read as x, the document is no longer in error there
    expect(report.diagnostics.filter((d) => d.code === 'declared-shape-mismatch')).toEqual([]);
  });

  it('line 66: w_1 for the declared W_1, a for ∂ in `\\frac{2h_{1}}{aw_{1}}`, and X for the declared x', () => {
    // X is the logistic regression's undeclared scalar (h = XW + b, line 8); the two-layer derivation, split off
    // at its declarations (line 37), declares x: there X is x, and X^T dL/dh1 is M x N, the shape of W1.
    expect(readingsAt(66)).toEqual(['w_{1} as W1', '\\frac{2L}{2h_{1}} as dL/dh1', '\\frac{2h_{1}}{aw_{1}} as dh1/dW1', 'X as x']);
    expect(claimAt(66).steps.map((s) => s.verdict)).toEqual(['informal', 'correct']);
  });

  it('line 88 `= \\alpha_1^T \\frac{2L}{2h_2}`: \\alpha_1 for a_1, and the claim checks', () => {
    expect(readingsAt(88)).toContain('\\alpha_1 as a1');
    expect(claimAt(88).verdict).toBe('correct'); // dL/dW2 = a1^T dL/dh2
  });

  it('line 108 `loq`, 159 `\\frac{JL}{Jb_{2}}`; none on line 104, where the question implies another shape', () => {
    // Line 104's `\\frac{\\Delta L}{2s}` would read as dL/ds, but this question writes `\\vec{s}_{i}` (line 114), so s is an
    // implied column (docs/index-notation.md §7) while L = -y · log(s) takes it as the student's row: no reading
    // shape-checks, and the line stays unjudged (L, read so, does not depend on W: the softmax line 100 is OCR garbage).
    expect(readingsAt(104)).toEqual([]);
    expect(claimAt(104).verdict).toBe('unjudged');
    expect(readingsAt(108)).toContain('loq(\\vec{s}) as log(s)');
    // S as s: the key's answer is (-y / s) Q; this question writes s_i, so s is an (implied) array of it
    expect(readingsAt(159)).toEqual(['\\frac{JL}{Jb_{2}} as dL/db2', 'V as y', 'S as s']);
  });

  it('reads nothing where the OCR is right: line 72 `\\frac{\\partial h_{2}}{\\partial a_{1}} = W_{2}^{T}`, line 74 with \\sigma', () => {
    expect(readingsAt(72)).toEqual([]);
    expect(readingsAt(74)).toEqual([]);
  });

  it('no claim is about a fraction of 2s any more (`expected 2 L / (2 W)`)', () => {
    expect(report.claims.filter((c) => /\b2 \w+ \/ \(2/.test(c.target)).map((c) => c.line)).toEqual([]);
    // what is left of exit 2: `\frac{q(x)}{h(x)}` (line 117), q for g, which the table does not have
    expect(exitCode).toBe(2);
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line)).toEqual([117]);
  });
});

describe(`${LOGREG}: nothing to read`, () => {
  it('has no reading and no ambiguous place', () => {
    const logreg = checkSource(readFileSync(LOGREG, 'utf8'), LOGREG).report;
    expect(logreg.claims.filter((c) => c.readings)).toEqual([]);
    // OCR slips are the readings `read X as Y`; the note that h, whose definition (line 10) cannot be read, is taken
    // as an unknown function is another kind of reading (src/analysis/unknownTargets.ts).
    expect(logreg.diagnostics.filter((d) => (d.code === 'reading' && d.message.startsWith('read ')) || d.code === 'ambiguous-reading')).toEqual([]);
  });
});
