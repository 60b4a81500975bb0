// parseFile must never throw, never hang, and report only parse-error / limit-exceeded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCounts, parseExpression, parseFile, ParseError } from '../../src/syntax/parse';

const ALLOWED = new Set(['parse-error', 'limit-exceeded']);

const TOKENS = [
  'x', 'y', 'W1', 'W_1', 'W_{12}', 'a2', 'σ', 'λ', 'ℝ', 'R', 'e', 'd', '∂', 'dL/dW', '∂L/∂W_1', 'dy/dd', 'd/dx', '∂/∂x',
  'd(', 'd(L)/d(W)', 'sigma(', "sigma'(", 'jacobian(', 'grad(', "'", '(', ')', '[', ']', '{', '}', ',', ';', '=', '≈', ':',
  '~', '+', '-', '−', '*', '**', '/', './', '.*', '⊙', '∘', 'odot', '·', '@', '\\cdot', '\\times', '\\top', '\\in',
  '\\mathbb{R}', '\\frac', '^', '^T', '^{T}', '^⊤', '>', '<', '>=', '<=', '≥', '≤', '×', '∈', 'in', 'x', '0', '1', '2.5',
  '.5', '1e-3', '1e', 'scalar', 'positive', 'onehot', 'at', 'problem', 'ask', 'alias', 'points', 'pts', '"title"', '"',
  '#', '# comment', '[1b]', '1b)', '(b)', 'a)', '$', '|', '_', '\\', '\t', '\n', '\r\n', '\n\n', ' ', '  ',
];

const tokenSoup = fc
  .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom('', ' ', '', '\n')), { maxLength: 60 })
  .map((parts) => parts.map(([t, s]) => t + s).join(''));

function check(source: string): void {
  const r = parseFile(source, 'fuzz.cr');
  expect(r.file).toBe('fuzz.cr');
  for (const d of r.diagnostics) {
    expect(ALLOWED.has(d.code), `${d.code}: ${d.message}`).toBe(true);
    expect(d.span.line).toBeGreaterThanOrEqual(1);
    expect(d.span.column).toBeGreaterThanOrEqual(1);
  }
  // No statement is ambiguous, whatever the input.
  for (const { count } of parseCounts(source)) expect(count).toBeLessThanOrEqual(1);
}

describe('fuzz', () => {
  it('random unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), check), { numRuns: 300 });
  });

  it('random binary-ish strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 300 });
  });

  it('random ASCII from the language alphabet', () => {
    const chars = fc.constantFrom(...'xyzWdL/^T\'()[]{},;=:~+-*./@<>#" \n\t_0123456789eRin'.split(''));
    fc.assert(fc.property(fc.array(chars, { maxLength: 200 }).map((a) => a.join('')), check), { numRuns: 500 });
  });

  it('random sequences of the language tokens', () => {
    fc.assert(fc.property(tokenSoup, check), { numRuns: 1500 });
  });

  it('random token sequences as statements after a valid prefix', () => {
    fc.assert(fc.property(tokenSoup, (soup) => check(`X : 1 x M\nL = ${soup}\n= ${soup}\n[1a] y = 2`)), { numRuns: 300 });
  });

  it('parseExpression throws only ParseError', () => {
    fc.assert(
      fc.property(tokenSoup, (soup) => {
        try {
          parseExpression(soup);
        } catch (e) {
          expect(e).toBeInstanceOf(ParseError);
          expect(ALLOWED.has((e as ParseError).diagnostic.code)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('long random inputs finish', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom('', ' ')), { minLength: 1000, maxLength: 3000 }), (parts) =>
        check(parts.map(([t, s]) => t + s).join('')),
      ),
      { numRuns: 20 },
    );
  });
});
