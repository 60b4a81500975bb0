import { describe, expect, it } from 'vitest';
import { IDENTIFIER_SOURCE, isIdentifier, normalizeName, RESERVED_WORDS } from '../../src/syntax/parse';
import { lex } from '../../src/syntax/lexer';

describe('normalizeName', () => {
  it.each([
    ['W_1', 'W1'],
    ['W_{1}', 'W1'],
    ['W1', 'W1'],
    ['W₁', 'W1'],
    ['a_2', 'a2'],
    ['W_{ij}', 'Wij'],
    ['W_{i,j}', 'Wij'],
    ['h_{12}', 'h12'],
    ['σ', 'σ'],
    ['λ_1', 'λ1'],
    ['xy', 'xy'],
  ])('%s → %s', (text, name) => {
    expect(normalizeName(text)).toBe(name);
  });
});

describe('identifiers', () => {
  it.each(['x', 'xy', 'W1', 'W_1', 'W_{1}', 'W_{ij}', 'W_{i,j}', 'σ', 'λ', 'α_t', 'W₁', 'Ω2', 'relu', 'é'])('%s is one identifier', (text) => {
    expect(isIdentifier(text)).toBe(true);
    expect(new RegExp(`^${IDENTIFIER_SOURCE}$`, 'u').test(text)).toBe(true);
    expect(lex(text).map((t) => t.type)).toEqual(['ident']);
  });

  it.each(['1x', '_x', 'x_', 'a-b', '∂x', 'in', 'odot', ''])('%j is not an identifier', (text) => {
    expect(isIdentifier(text)).toBe(false);
  });

  it('reserves in and odot', () => {
    expect(RESERVED_WORDS).toEqual(['in', 'odot']);
    expect(lex('in odot').filter((t) => t.type !== 'ws').map((t) => t.type)).toEqual(['kw_in', 'hadamard']);
  });
});

describe('lexer', () => {
  const types = (s: string) => lex(s).filter((t) => t.type !== 'ws').map((t) => `${t.type}:${t.text}`);

  it('reads derivative forms, calls and transposes as single tokens', () => {
    expect(types("dL/dW1 d/dx d( sigma(h) sigma'(h) A' A^T A^{T} A^Tx")).toEqual([
      'dfrac:dL/dW1', 'dop:d/dx', 'dparen:d(', 'call:sigma(', 'ident:h', 'rparen:)', "primecall:sigma'(", 'ident:h', 'rparen:)',
      'ident:A', "prime:'", 'ident:A', 'transpose:^T', 'ident:A', 'transpose:^{T}', 'ident:A', 'caret:^', 'ident:Tx',
    ]);
  });

  it('keeps newlines and comments as tokens, with positions', () => {
    const toks = lex('a # c\r\n  b');
    expect(toks.map((t) => [t.type, t.line, t.col])).toEqual([
      ['ident', 1, 1], ['ws', 1, 2], ['comment', 1, 3], ['nl', 1, 6], ['ws', 2, 1], ['ident', 2, 3],
    ]);
  });

  it('never throws: unknown characters are tokens', () => {
    expect(types('a $ b')).toEqual(['ident:a', 'unknown:$', 'ident:b']);
    expect(types('\u0000\u2028')).toEqual(['unknown:\u0000', 'unknown:\u2028']);
  });

  it('reads numbers', () => {
    expect(types('2 0.5 .5 1e-3 2E+4 2.*x')).toEqual(['number:2', 'number:0.5', 'number:.5', 'number:1e-3', 'number:2E+4', 'number:2', 'hadamard:.*', 'ident:x']);
  });
});
