// Every fixture under fixtures/latex reads completely (or with exactly the diagnostics expected),
// the grammar has exactly one parse for each of its rows, and every step's text is its source.
import { readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, type ParsedDocument } from '../../src/latex/documents';
import { scanMarkdown } from '../../src/latex/extract';
import { normalizeLatex } from '../../src/latex/normalize';
import { countRowParses } from '../../src/latex/parse';
import { PositionMap } from '../../src/latex/positions';
import { splitRows } from '../../src/latex/rows';
import type { Span, Statement } from '../../src/syntax/ast';
import { showStatement } from './print';

const ROOT = 'fixtures/latex';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? markdownFiles(p) : p.endsWith('.md') && f !== 'README.md' ? [p] : [];
  });
}

const FILES = markdownFiles(ROOT).sort();

/**
 * Blocks found, blocks read, statements (problem statements aside), problem ids, counted by hand:
 * e.g. logreg has 3 declarations + 3 definitions + 11 answer chains (the `$$= ...$$` block
 * continues the dL/da chain, so it adds no statement).
 */
const EXPECTED: Record<string, { blocks: number; read: number; statements: number; problems: string[] }> = {
  'fixtures/latex/logreg.md': { blocks: 18, read: 18, statements: 17, problems: ['1a'] },
  'fixtures/latex/two_layer.md': { blocks: 39, read: 39, statements: 35, problems: ['1b'] },
  'fixtures/latex/softmax_regression.md': { blocks: 19, read: 19, statements: 17, problems: ['5a'] },
  'fixtures/latex/softmax_two_layer.md': { blocks: 22, read: 22, statements: 15, problems: ['5b'] },
  'fixtures/latex/numeric_backprop.md': { blocks: 23, read: 23, statements: 14, problems: ['2b'] },
  // 1 block of 5 declarations, 2 definitions, 10 claims.
  'fixtures/latex/new_primitives.md': { blocks: 13, read: 13, statements: 17, problems: [] },
  // 3 declarations, 5 definitions (h, a, L, k, p), 20 claims, each block one statement.
  'fixtures/latex/ocr_slips.md': { blocks: 28, read: 28, statements: 28, problems: [] },
  // 3 definitions and 7 claims, 4 declarations and 4 definitions, 7 claims; `o \neq r v` is refused (26 blocks)
  'fixtures/latex/ocr_two_derivations.md': { blocks: 26, read: 25, statements: 25, problems: [] },
  // Sections 1-7: 7 + 6 + 7 + 16 + 6 + 4 + 7 statements (its comment lists them; `F, G` and `r, dr/dt` are
  // two on one line, `X, beta, y` three declarations); the shape block continues dE/dX; section 8 is set aside.
  'fixtures/latex/notation.md': { blocks: 51, read: 51, statements: 54, problems: ['1', '2', '3', '4', '5', '6', '7', '8'] },
  // its update rule is set aside with a note, so all 10 blocks are read
  // 6 + 4 + 3 maths blocks in three numbered sections, 4 of them formula images; p_i and z_i share a block,
  // so 7 + 4 + 3 statements
  'fixtures/latex/implied_arrays.md': { blocks: 13, read: 13, statements: 14, problems: ['1', '2', '3'] },
  // 5 + 2 + 2 inline declarations, 11 one-block claims, and `$M$` in "for symmetric $M$" (a block that states
  // nothing): 21 blocks, 20 statements; numbered items are questions, not problems.
  'fixtures/latex/identities.md': { blocks: 21, read: 21, statements: 20, problems: [] },
  // 58 one-block items; the "Let" lines hold 4 + 6 + 3 + 4 + 2 + 1 + 3 blocks, of which `$X$` in "with $X$
  // invertible" states nothing and `$X, A \in ..$`, `$u, v \in ..$` are one declaration each: 22 statements;
  // and the two functions `J_F(G(c, t))` and `\nabla f(1, 0)` call (the Jacobian and the gradient at a point).
  'fixtures/latex/cookbook.md': { blocks: 81, read: 81, statements: 82, problems: [] },
  'fixtures/latex/unsupported/logreg_index_notation.md': { blocks: 10, read: 10, statements: 6, problems: ['1', '1a', '1b'] },
};

/** The only diagnostics a fixture may give: the lines set aside. */
const EXPECTED_DIAGNOSTICS: Record<string, string[]> = {
  // ≠ between two values (not before a shape, where it is OCR of ∈) is refused.
  'fixtures/latex/ocr_two_derivations.md': ['87:5 warning parse-error cannot read this maths: ≠ states no checkable claim'],
  // The lines set aside.
  'fixtures/latex/notation.md': [
    '129:3 warning not-a-claim set aside: shape arithmetic, not a claim',
    '133:3 warning not-a-claim set aside: an update rule (←), not a claim',
    '134:3 warning not-a-claim set aside: an update rule, not a claim',
    '135:3 warning not-a-claim set aside: an update rule, not a claim',
    '137:3 warning not-a-claim set aside: a case split (\\begin{cases}), whose cases are not read as claims',
  ],
  'fixtures/latex/unsupported/logreg_index_notation.md': [
    '37:3 warning not-a-claim set aside: an update rule (←), not a claim',
  ],
};

function read(file: string): { source: string; doc: ParsedDocument } {
  const source = readFileSync(file, 'utf8');
  return { source, doc: parseMarkdown(source, file) };
}

function textAt(source: string, span: Span): string {
  const lines = source.split('\n');
  if (span.line === span.endLine) return lines[span.line - 1].slice(span.column - 1, span.endColumn - 1);
  const parts = [lines[span.line - 1].slice(span.column - 1), ...lines.slice(span.line, span.endLine - 1), lines[span.endLine - 1].slice(0, span.endColumn - 1)];
  return parts.join('\n');
}

function steps(st: Statement) {
  return st.kind === 'equation' ? [st.lhs, ...st.rhs] : [];
}

describe.each(FILES)('%s', (file) => {
  it('reads every maths block, with exactly the expected diagnostics', () => {
    const { doc } = read(file);
    const shown = doc.diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.severity} ${d.code} ${d.message}`);
    expect(shown).toEqual(EXPECTED_DIAGNOSTICS[file] ?? []);
    const expected = EXPECTED[file];
    expect(expected, `add ${file} to EXPECTED`).toBeDefined();
    expect({
      blocks: doc.blocks.length,
      read: doc.blocks.filter((b) => b.read).length,
      statements: doc.statements.filter((s) => s.kind !== 'problem').length,
      problems: doc.statements.flatMap((s) => (s.kind === 'problem' ? [s.id] : [])),
    }).toEqual(expected);
  });

  it('keeps each step as its exact source text, at its span in the text read (formula images decoded in place)', () => {
    const { doc } = read(file);
    for (const st of doc.statements) {
      for (const s of steps(st)) expect(textAt(doc.source, s.span)).toBe(s.text);
    }
  });

  it('has one parse per row (the grammar is unambiguous on real input)', () => {
    const source = readFileSync(file, 'utf8');
    for (const ev of scanMarkdown(source)) {
      if (ev.kind !== 'math') continue;
      const pos = new PositionMap(ev.text, { file, line: 1, column: 1 });
      for (const row of splitRows(normalizeLatex(pos).tokens)) {
        if (row.error || row.tokens.length === 0) continue; // unreadable, or set aside (asides.ts, shapeArithmetic.ts)
        const count = countRowParses(row.tokens);
        if (count !== 1) expect.fail(`${count} parses of ${row.tokens.map((t) => t.text).join(' ')}`);
        expect(count).toBe(1);
      }
    }
  });
});

describe('fixture statements', () => {
  it('logreg: the student answer, chain by chain', () => {
    const { doc } = read('fixtures/latex/logreg.md');
    const answer = doc.statements.slice(7).map(showStatement);
    expect(answer).toEqual([
      'h = (+ (* X W) b)',
      'L = (- (* (neg y) log(a)) (* (- 1 y) log((- 1 a))))',
      '(d L / W) = (* (d L / h) (d h / W)) = (* (T X) (d L / h))',
      '(d L / h) = (* (d L / a) (d a / h))',
      // the `$$= \frac{a-y}{a(1-a)}$$` block continues this chain
      '(d L / a) = (+ (neg (/ y a)) (/ (- 1 y) (- 1 a))) = (/ (+ y((- 1 a)) a((- 1 y))) a((- 1 a))) = (/ (- a y) a((- 1 a)))',
      '(d a / h) = (* sigma(h) (- 1 sigma(h))) = a((- 1 a))',
      '(d L / h) = (/ (- a y) a((- 1 a))) = (- a y)',
      '(d L / W) = (cdot (T X) (- a y)) in M x 1',
      '(d L / b) = (* (d L / h) (d h / b))',
      '(d h / b) = 1',
      '(d L / b) = (- a y) in 1 x 1',
    ]);
  });

  it('two_layer: the wrong shape claim and the missing transpose are kept', () => {
    const { doc } = read('fixtures/latex/two_layer.md');
    const shown = doc.statements.map(showStatement);
    expect(shown).toContain('(d L / W1) = (* (T X) (cdot (- a2 y) (odot (T W2) (odot a1 (- 1 a1))))) in N x N');
    expect(shown).toContain('(d L / b2) = (* (d L / b1) (d h2 / b2))');
  });

  it('softmax_two_layer: a_1 ((-y/s) Q) is kept, with the student shape claim', () => {
    const { doc } = read('fixtures/latex/softmax_two_layer.md');
    expect(doc.statements.map(showStatement)).toContain(
      '(d L / W2) = (* (* (d L / s) (d s / h2)) (d h2 / W2)) = a1((* (/ (neg y) s) Q)) in N x C',
    );
  });

  it('numeric_backprop: the point, the rounded values and the six chains', () => {
    const { doc } = read('fixtures/latex/numeric_backprop.md');
    const shown = doc.statements.map(showStatement);
    expect(shown).toContain('at x1 = 1, x2 = -1, a = 1, b = 1, c = 4, d = 1, e = 2, f = 2');
    expect(shown).toContain('at s1 ~ 0.9, s2 ~ 0.5');
    const chains = doc.statements.filter((s) => s.kind === 'equation' && s.lhs.expr.kind === 'deriv');
    expect(chains.map((s) => (s.kind === 'equation' ? [s.lhs.text, s.rhs.length, s.rhs[s.rhs.length - 1].text] : []))).toEqual([
      ['\\frac{\\partial y}{\\partial a}', 6, '0.18'],
      ['\\frac{\\partial y}{\\partial b}', 6, '0'],
      ['\\frac{\\partial y}{\\partial c}', 5, '0.09'],
      ['\\frac{\\partial y}{\\partial d}', 3, '0'],
      ['\\frac{\\partial y}{\\partial e}', 5, '-0.09'],
      ['\\frac{\\partial y}{\\partial f}', 3, '0'],
    ]);
  });
});
