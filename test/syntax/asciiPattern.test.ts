// Patterns narrowed to ASCII (src/syntax/asciiPattern.ts) must read ASCII text exactly as the patterns
// as written do: the same identifiers, the same derivative fractions, the same tokens.
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { AsciiAwareRegExp, asciiFormOf, isAscii } from '../../src/syntax/asciiPattern';
import { IDENTIFIER_SOURCE } from '../../src/syntax/names';
import { lex } from '../../src/syntax/lexer';
import { mulberry32 } from '../../src/numeric/random';

describe('asciiFormOf', () => {
  it.each([
    ['\\p{L}', '[A-Za-z]'], // a bare class becomes a class of its ASCII members
    ['[\\p{L}\\p{Nd}_]', '[A-Za-z0-9_]'], // inside a class, the ranges themselves
    ['(?![\\p{L}\\p{N}])x', '(?![A-Za-z0-9])x'],
    ['[^\\p{L}]+', '[^A-Za-z]+'],
    ['\\[\\p{L}\\]', '\\[[A-Za-z]\\]'], // an escaped bracket opens no class
    ['\\p{Lu}\\p{Greek}', '\\p{Lu}\\p{Greek}'], // other properties are kept as written
    ['a\\\\p{L}', 'a\\\\p{L}'], // `\\` is an escaped backslash: the `p{L}` after it is literal text
  ])('%s → %s', (source, ascii) => {
    expect(asciiFormOf(source)).toBe(ascii);
  });
});

/** Random text over characters the .cr rules care about, ASCII only unless `extra` adds others. */
function randomText(seed: number, length: number, extra = ''): string {
  const alphabet = 'aAdxyzWTsumSL019_{}^/()[]=+-*.,;:\'"# \t\n\\' + extra;
  const random = mulberry32(seed);
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

describe('AsciiAwareRegExp', () => {
  const whole = new AsciiAwareRegExp(`^${IDENTIFIER_SOURCE}$`, 'u');
  const full = new RegExp(`^${IDENTIFIER_SOURCE}$`, 'u');

  it('matches ASCII text as the pattern as written does', () => {
    // 2000 random short strings: each decided the same way by both (a failure names the string).
    for (let seed = 0; seed < 2000; seed++) {
      const text = randomText(seed, 1 + (seed % 7)).replace(/\s/g, '');
      expect([text, whole.test(text)]).toEqual([text, full.test(text)]);
    }
  });

  it('reads non-ASCII text with the pattern as written', () => {
    // σ_1 and W₁ are identifiers only by \p{L} and the subscript digit; ∂x is not one (∂ is a symbol, Sm).
    expect(['σ_1', 'W₁', 'α_{ij}', '∂x'].map((t) => whole.test(t))).toEqual([true, true, true, false]);
    expect(isAscii('W_1')).toBe(true);
    expect(isAscii('W₁')).toBe(false);
  });
});

describe('lex on ASCII text', () => {
  // A comment with a Greek letter on a line of its own makes the lexer read the whole text with the full
  // rules; every token before that line ends at a line break, so the two lexings must agree up to it.
  const viaFullRules = (source: string) => lex(`${source}\n# σ`).slice(0, -2);

  it('gives the tokens the full rules give, on every .cr fixture', () => {
    const files = fs.readdirSync('fixtures', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cr'));
    let ascii = 0;
    for (const file of files) {
      const source = fs.readFileSync(path.join('fixtures', file), 'utf8').replace(/\r/g, '');
      if (!isAscii(source)) continue;
      ascii++;
      expect(lex(source), file).toEqual(viaFullRules(source));
    }
    expect(ascii).toBeGreaterThan(20);
  });

  it('gives the tokens the full rules give, on random text', () => {
    for (let seed = 0; seed < 300; seed++) {
      const source = randomText(seed, 60);
      expect(lex(source), JSON.stringify(source)).toEqual(viaFullRules(source));
    }
  });
});
