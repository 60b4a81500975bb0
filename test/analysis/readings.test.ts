// The bounded search for readings of OCR slips (src/analysis/readings.ts, readStep.ts): nothing is read
// when the line reads as written; the reading with the fewest substitutions is taken; at most 2
// substitutions per step and 200 readings tried per statement; readings that tie and mean different things
// are ambiguous and none is taken; `check` reports the readings of a claim.
import { describe, expect, it } from 'vitest';
import { Graph } from '../../src/ir/graph';
import { Builder } from '../../src/ir/build';
import { makeCalculus } from '../../src/calculus/index';
import { lowerProblem, readDocument } from '../../src/analysis/source';
import { latexSpans } from '../../src/analysis/document';
import { readSlips, type SlipOptions } from '../../src/analysis/readings';
import { preferred } from '../../src/analysis/readStep';
import { addStatements, emptyScope } from '../../src/resolve/scope';
import { checkSource } from '../../src/app/check';
import type { Statement } from '../../src/syntax/ast';

/** Reads the slips of a Markdown document (one problem). */
function read(md: string, limits?: SlipOptions['limits']) {
  const doc = readDocument(md, 'slips.md');
  const statements = doc.sections[0].statements;
  const result = readSlips(statements, {
    file: 'slips.md',
    textOf: doc.textOf,
    isLatex: latexSpans(doc.parsed),
    scopeOf: (sts) => addStatements(emptyScope(), sts),
    lowerScratch: (scope) => {
      const graph = new Graph();
      const builder = new Builder(graph);
      return lowerProblem(scope, builder, doc.textOf, makeCalculus(builder, graph));
    },
    ...(limits ? { limits } : {}),
  });
  return { before: statements, ...result };
}

/** Every reading, as `line: written as readAs`. */
function readings(statements: readonly Statement[]): string[] {
  return statements.flatMap((st) => (st.kind === 'equation' ? (st.readings ?? []).map((r) => `${r.span.line}: ${r.written} as ${r.readAs}`) : []));
}

// X 1 x M, W M x 1, b and y scalars, h = XW + b, a = sigma(h), L the cross-entropy of a and y.
const SETUP = [
  '$$X \\in \\mathbb{R}^{1 \\times M}$$',
  '$$W \\in \\mathbb{R}^{M \\times 1}$$',
  '$$b, y \\in \\mathbb{R}$$',
  '$$h = XW + b$$',
  '$$a = \\sigma(h)$$',
  '$$L = -y \\log a - (1-y) \\log (1-a)$$',
].join('\n\n');

describe('the bounded search', () => {
  it('reads nothing in lines that read as written (the same statements come back)', () => {
    const { before, statements, diagnostics, tried } = read(`${SETUP}\n\n$$\\frac{\\partial L}{\\partial W} = X^T (a - y)$$\n\n$$\\frac{\\partial a}{\\partial h} = a(1-a)$$`);
    expect(statements.every((st, i) => st === before[i])).toBe(true);
    expect(diagnostics).toEqual([]);
    // no step had a glyph of the table, so no reading was even tried
    expect(tried).toEqual([]);
  });

  it('takes the fewest substitutions: \\frac{2L}{2W} is dL/dW, never dL/dw with a case change as well', () => {
    // w is declared too, so W -> w is a site (not suspect); one substitution (∂) already reads, and
    // ∂ with W -> w (two) would read too: the search never gets there.
    const { statements } = read(`${SETUP}\n\n$$w \\in \\mathbb{R}^{M \\times 1}$$\n\n$$\\frac{2L}{2W} = X^T (a - y)$$`);
    expect(readings(statements)).toEqual(['15: \\frac{2L}{2W} as dL/dW']);
  });

  it('at most 2 substitutions in a step: with a limit of 1, the target is read and the step is not', () => {
    const line = `${SETUP}\n\n$$\\frac{2L}{3h} = \\alpha - \\gamma$$`;
    expect(readings(read(line).statements)).toEqual(['13: \\frac{2L}{3h} as dL/dh', '13: \\alpha as a', '13: \\gamma as y']);
    expect(readings(read(line, { substitutions: 1, candidates: 200 }).statements)).toEqual(['13: \\frac{2L}{3h} as dL/dh']);
  });

  it('a step that needs 3 substitutions is read as written', () => {
    const { statements } = read(`${SETUP}\n\n$$\\frac{\\partial L}{\\partial h} = \\alpha - \\gamma + 0 V$$`);
    expect(readings(statements)).toEqual([]);
  });

  it('at most 200 readings tried per statement: a line of 21 suspect letters runs out and reads nothing', () => {
    // 21 upper-case names declared; the line differentiates L by each in lower case: 21 suspect case
    // substitutions, none enough alone (20 stay suspect), all 210 pairs too: 21 + 210 > 200, so the search
    // stops at 200.
    const upper = 'ABCDFGHJKNPQRSUVWXYZT'.split('');
    expect(new Set(upper).size).toBe(21);
    const terms = upper.map((c) => `\\frac{\\partial L}{\\partial ${c.toLowerCase()}}`).join(' + ');
    const md = `$$${upper.join(', ')} \\in \\mathbb{R}$$\n\n$$L = ${upper.join(' + ')}$$\n\n$$\\theta = ${terms}$$`;
    const { statements, tried } = read(md);
    expect(readings(statements)).toEqual([]);
    expect(tried).toEqual([{ line: 5, candidates: 200 }]);
    // with room for them all, the same line is tried through (21 + 210 = 231) and still reads nothing
    expect(read(md, { substitutions: 2, candidates: 1000 }).tried).toEqual([{ line: 5, candidates: 231 }]);
  });

  it('two readings with as few substitutions that mean different things: ambiguous, none is taken', () => {
    // V could be y (a look-alike) or v (the other case): both are names of the document.
    const { statements, diagnostics } = read(`${SETUP}\n\n$$v \\in \\mathbb{R}$$\n\n$$\\frac{\\partial L}{\\partial a} = -\\frac{V}{a}$$`);
    expect(readings(statements)).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.span.line, d.message])).toEqual([
      ['ambiguous-reading', 15, '-\\frac{V}{a} could be read as `-(y / a)` or as `-(v / a)`; it is read as written'],
    ]);
  });

  it('ties that mean the same are broken by the order of the table', () => {
    // the entries of the substitutions each used, compared sorted: [0, 6] (∂, dropped backslash) comes
    // before [0, 7] (∂, case), whatever order they were made in
    const backslash = { meaning: 'dL/dW', entries: [6, 0] };
    const letterCase = { meaning: 'dL/dW', entries: [0, 7] };
    expect(preferred([letterCase, backslash])).toBe(backslash);
    expect(preferred([backslash, letterCase])).toBe(backslash);
    expect(preferred([backslash, { ...letterCase, meaning: 'dL/dw' }])).toBe('ambiguous');
  });

  it('reads a definition against its declared shape (X for a declared x), said in a warning', () => {
    const md = '$$x \\in \\mathbb{R}^{1 \\times M}$$\n\n$$W_1 \\in \\mathbb{R}^{M \\times N}$$\n\n$$h_1, b_1 \\in \\mathbb{R}^{1 \\times N}$$\n\n$$g = X$$\n\n$$h_1 = X W_1 + b_1$$';
    // X is used in another definition (g = X) but never declared or defined, while x is declared: X is
    // suspect wherever it stands (line 7), and line 9 would be read anyway, since X W_1 + b_1 is M x N and h_1
    // is declared 1 x N.
    const { statements, diagnostics } = read(md);
    expect(readings(statements)).toEqual(['7: X as x', '9: X as x']);
    expect(diagnostics.map((d) => [d.code, d.span.line, d.span.column])).toEqual([['reading', 7, 7], ['reading', 9, 9]]);
  });

  it('leaves a name of the other case alone where the document declares or defines it (X = 2 g beside x)', () => {
    // X = 2 g settles X as the document's own name: g = X + 1 is about that X, a scalar, and lowers as written.
    const md = '$$x \\in \\mathbb{R}^{1 \\times M}$$\n\n$$X = 2 c$$\n\n$$g = X + 1$$';
    expect(readings(read(md).statements)).toEqual([]);
  });
});

describe('check --json', () => {
  it('lists the readings on the claim (SPEC 4.1) and a correct reached through them stays correct', () => {
    const { report } = checkSource(`${SETUP}\n\n$$\\frac{2L}{2W} = X^{T} \\frac{2L}{2h}$$`, 'slips.md');
    const [claim] = report.claims;
    expect(claim.verdict).toBe('correct');
    expect(claim.target).toBe('dL/dW');
    expect(claim.readings).toEqual([
      { line: 13, column: 3, written: '\\frac{2L}{2W}', readAs: 'dL/dW', why: '`2` and `2` read as ∂: a fraction of L and W, names of the document, where a derivative is expected' },
      { line: 13, column: 25, written: '\\frac{2L}{2h}', readAs: 'dL/dh', why: '`2` and `2` read as ∂: a fraction of L and h, names of the document, where a derivative is expected' },
    ]);
  });

  it('leaves the field out of claims read as written, and reads nothing in .cr files', () => {
    expect(checkSource(`${SETUP}\n\n$$\\frac{\\partial L}{\\partial W} = X^{T} (a - y)$$`, 'slips.md').report.claims[0]).not.toHaveProperty('readings');
    const cr = 'X : 1 x M\nW : M x 1\nh = X W\nalpha = 2\ndh/dW = X^T + 0 alpha\n';
    expect(checkSource(cr, 'slips.cr').report.claims[0]).not.toHaveProperty('readings');
  });
});
