// Untrusted input: any soup of LaTeX fragments is read without throwing, and every step keeps
// its source text at its span.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/latex/documents';
import { parseLatexMath } from '../../src/latex/parse';

const FRAGMENTS = [
  'x', 'W', '_', '^', '{', '}', '(', ')', '[', ']', '=', '+', '-', '&', '\\\\', ',', '.', "'", '|', '1', '0.5', ' ', '\n',
  '\\frac', '\\partial', 'd', '\\sigma', '\\log', '\\sum', '\\in', '\\mathbb{R}', '\\times', '\\cdot', '\\odot', '^T', '_{1}',
  '\\left(', '\\right)', '\\text{at }', '\\quad', '\\begin{bmatrix}', '\\end{bmatrix}', '\\begin{aligned}', '\\end{aligned}',
  '\\hat{y}', '\\mathbf{x}', '\\sqrt', 'e^', '\\nabla_W', '\\tag{1}', '\\unknown', '$', '%', '\\{', '\\|', '\\approx',
];

const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));

describe('fuzz', () => {
  it('parseLatexMath never throws and keeps step texts at their spans', () => {
    fc.assert(
      fc.property(soup, (math) => {
        const r = parseLatexMath(math, { file: 'f', line: 1, column: 1 });
        const lines = math.split('\n');
        for (const st of r.statements) {
          if (st.kind !== 'equation') continue;
          for (const s of [st.lhs, ...st.rhs]) {
            const text = s.span.line === s.span.endLine ? lines[s.span.line - 1].slice(s.span.column - 1, s.span.endColumn - 1) : s.text;
            expect(text).toBe(s.text);
          }
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('parseMarkdown never throws', () => {
    const doc = fc.array(fc.oneof(soup, fc.constantFrom('$$', '$', '\n## 1a\n', '```cr\n', '```\n', '<!--', '-->', '\\[', '\\]')), { maxLength: 12 });
    fc.assert(
      fc.property(doc, (parts) => {
        parseMarkdown(parts.join(''), 'f.md');
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
