// The parser's fast path (src/syntax/fastParse.ts) must give exactly what nearley, the grammar of record,
// gives: on every statement of every fixture and on generated ones, wherever it reads a statement, nearley
// reads it too (one parse) into the same raw statement, spans and all.
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/syntax/fastParse';
import { groupStatements } from '../../src/syntax/group';
import { lex, type Token } from '../../src/syntax/lexer';
import { MARKER, prepareTokens, statementKind, type StatementKind } from '../../src/syntax/prepare';
import { runGrammar } from '../../src/syntax/run';

const FIXTURES = path.join(__dirname, '../../fixtures');

function crFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? crFiles(p) : e.name.endsWith('.cr') ? [p] : [];
  });
}

/** The statements of a source the fast path may read: their kind and prepared tokens (as parse.ts runs them). */
function candidates(source: string): Array<{ kind: StatementKind; tokens: Token[] }> {
  const out: Array<{ kind: StatementKind; tokens: Token[] }> = [];
  for (const group of groupStatements(lex(source), source)) {
    if (group.limit) continue;
    let kind = statementKind(group.tokens);
    let tokens: readonly Token[] = group.tokens;
    if (kind === 'alias') {
      tokens = tokens.slice(tokens.findIndex((t) => t.type === 'eq') + 1);
      kind = 'expr';
    }
    if ((kind !== 'expr' && kind !== 'stmt' && kind !== 'cont') || tokens.length === 0) continue;
    const prepared = prepareTokens(tokens);
    if (!prepared.error) out.push({ kind, tokens: prepared.tokens });
  }
  return out;
}

/** Compares the two readers on every candidate statement of `source`; returns how many the fast path read. */
function compare(source: string): { statements: number; fast: number } {
  let fast = 0;
  const statements = candidates(source);
  for (const { kind, tokens } of statements) {
    const quick = fastParse(kind, tokens);
    if (!quick) continue;
    fast++;
    const marker: Token = { type: MARKER[kind as 'expr' | 'stmt' | 'cont'], text: '', offset: tokens[0].offset, line: tokens[0].line, col: tokens[0].col };
    const grammar = runGrammar([marker, ...tokens]);
    expect(grammar.results, tokens.map((t) => t.text).join(' ')).toHaveLength(1);
    expect(quick).toStrictEqual(grammar.results[0]);
  }
  return { statements: statements.length, fast };
}

describe('the fast path of the parser', () => {
  it('reads every fixture statement it reads as nearley does, and most of them', () => {
    let statements = 0;
    let fast = 0;
    for (const file of crFiles(FIXTURES)) {
      const counts = compare(fs.readFileSync(file, 'utf8'));
      statements += counts.statements;
      fast += counts.fast;
    }
    expect(statements).toBeGreaterThan(1000);
    expect(fast / statements).toBeGreaterThan(0.9);
  });

  // Well-formed statements, to exercise what the fast path reads.
  const name = fc.constantFrom('x', 'y', 'W1', 'W_{12}', 'a2', 'σ', 'R', 'e', 'd', 'scalar', 'positive', 'x_i');
  const atom = fc.oneof(name, fc.constantFrom('0', '1', '2.5', '1e-3', '½', 'dL/dW', '∂L/∂W_1', 'dy/dd'));
  const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      fc.tuple(tie('e'), fc.constantFrom(' + ', ' - ', '-', ' * ', ' / ', ' ./ ', ' .* ', ' ⊙ ', ' · ', ' @ ', ' ', '', ' > ', ' <= '), tie('e')).map(([a, op, b]) => a + op + b),
      tie('e').map((a) => `-${a}`),
      fc.tuple(tie('e'), fc.constantFrom('^', '.^', '^-', ' ^ ')).chain(([a, op]) => fc.tuple(fc.constant(a + op), fc.oneof(atom, tie('e').map((b) => `{${b}}`), tie('e').map((b) => `(${b})`)))).map(([a, b]) => a + b),
      tie('e').map((a) => `(${a})`),
      fc.tuple(tie('e'), fc.constantFrom('^T', "'", '^⊤', 'ᵀ')).map(([a, t]) => a + t),
      fc.tuple(fc.constantFrom('sigma(', 'f(', "sigma'(", 'jacobian(', 'grad(', 'sum(', 'd('), fc.array(tie('e'), { maxLength: 3 })).map(([f, args]) => `${f}${args.join(', ')})`),
      fc.array(fc.array(tie('e'), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((rows) => `[${rows.map((r) => r.join(', ')).join('; ')}]`),
      fc.tuple(fc.constantFrom('d/dx ', '∂/∂x '), tie('e')).map(([d, a]) => d + a),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => `d(${a})/d(${b})`),
    ),
  })).e;
  const shape = fc.constantFrom('scalar', 'R', 'ℝ', 'M x N', '1 x M', 'x x x', 'R x N', 'R^n', 'R^(1 x M)', 'ℝ^{1×M}', 'R^{M \\times N}', 'M * N', 'R^(n)', 'scalar x N');
  const statement = fc.oneof(
    fc.tuple(expr, fc.array(fc.tuple(fc.constantFrom(' = ', ' ≈ '), expr), { minLength: 1, maxLength: 3 }), fc.option(fc.tuple(fc.constantFrom(' : ', ' in ', ' ∈ '), shape))).map(
      ([lhs, chain, claim]) => lhs + chain.map(([op, e]) => op + e).join('') + (claim ? claim.join('') : ''),
    ),
    fc.tuple(fc.array(name, { minLength: 1, maxLength: 3 }), fc.constantFrom(' : ', ' in ', ' ∈ '), shape, fc.constantFrom('', ' positive', ' onehot', ' symmetric', ' pos')).map(([names, sign, s, domain]) => names.join(', ') + sign + s + domain),
    fc.tuple(fc.constantFrom('= ', '≈ '), expr).map(([op, e]) => `L = x\n${op}${e}`),
  );

  it('agrees with nearley on generated statements', () => {
    fc.assert(fc.property(statement, (text) => void compare(text)), { numRuns: 3000 });
  });

  it('agrees with nearley on random token sequences', () => {
    const tokens = fc.constantFrom(
      'x', 'W1', 'R', 'ℝ', 'dL/dW', 'd/dx', 'd(', 'sigma(', "sigma'(", '(', ')', '[', ']', '{', '}', ',', ';', '=', '≈', ':', '+', '-', '*', '/',
      './', '.*', '⊙', '·', '@', '^', '^T', "'", '.^', '>', '<=', '×', '∈', 'in', 'x', '0', '1', '2.5', 'scalar', 'positive', '∂L/∂σ(', '1(', '𝟙(',
    );
    const soup = fc.array(fc.tuple(tokens, fc.constantFrom('', ' ')), { maxLength: 30 }).map((parts) => parts.map(([t, s]) => t + s).join(''));
    fc.assert(fc.property(soup, (text) => void compare(text)), { numRuns: 3000 });
  });
});
