import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_CHARS, MAX_SOURCE_LINES, parseExpression, parseFile, ParseError } from '../../src/syntax/parse';
import { sp } from './helpers';

const diag = (source: string) => {
  const r = parseFile(source, 't.cr');
  expect(r.diagnostics).toHaveLength(1);
  return r.diagnostics[0];
};

describe('parse errors', () => {
  it.each([
    // source, span, message pattern, hint pattern
    ['A = [1 2]', '1:6-1:9', /two numbers side by side/, /separate matrix entries with commas: \[1, 2\]/],
    ['b = 2 3', '1:5-1:8', /two numbers side by side/, /write \* between numbers/],
    ['h1 = (X W1 + b1', '1:6-1:7', /`\(` is never closed/, /close it with `\)`/],
    ['h = sigma(x', '1:5-1:11', /`sigma\(` is never closed/, /close it with `\)`/],
    ['v = (a]', '1:7-1:8', /`]` does not close `\(` opened at 1:5/, /close it with `\)` first/],
    ['w = a)', '1:6-1:7', /unmatched `\)`/, /remove it/],
    ['c = a + * b', '1:9-1:10', /unexpected `\*`; expected an expression/, undefined],
    ['X : 1xM', '1:6-1:8', /unexpected name `xM`/, /spaces around x/],
    ['dL/dW a1', '1:9-1:10', /unexpected end of statement/, /an equation needs `=`/],
    ['+ b = c', '1:1-1:2', /unexpected `\+`/, /end that line with the operator/],
    ['q = a $ b', '1:7-1:8', /unexpected character `\$`/, /no \$ delimiters/],
    ['r = ∂x', '1:5-1:6', /unexpected character `∂`/, /∂L\/∂W/],
    ['t = \\frac{a}{b}', '1:5-1:10', /unexpected command `\\frac`/, /commands understood/],
    ['u = a × b', '1:7-1:8', /unexpected `×`/, /write \*/],
    ['s = [1, 2; 3]', '1:5-1:14', /different numbers of entries/, /separate rows/],
    ['X : 0 x M', '1:5-1:10', /positive integer/, undefined],
    ['at x = a', '1:8-1:9', /unexpected name `a`; expected a number/, /at gives each name a number/],
    ['ask dL/dW', '1:10-1:11', /unexpected end of statement/, /ask dL\/dW 6 points/],
    ['problem 1a Logistic', '1:12-1:20', /unexpected name `Logistic`; expected a quoted title/, /double quotes/],
    ['L = "text"', '1:5-1:11', /unexpected text "text"/, /only used in problem titles/],
    ['= a', '1:1-1:2', /continues the previous equation/, /lhs = rhs/],
    ['a = b =', '1:8-1:9', /unexpected end of statement; expected an expression/, undefined],
  ])('%s', (source, span, message, hint) => {
    const d = diag(source);
    expect(d.code).toBe('parse-error');
    expect(d.severity).toBe('error');
    expect(sp(d.span)).toBe(span);
    expect(d.message).toMatch(message);
    if (hint) expect(d.hint).toMatch(hint);
    else expect(d.hint).toBeUndefined();
  });
});

describe('limits', () => {
  it('10,000 open brackets give limit-exceeded', () => {
    const r = parseFile('('.repeat(10_000), 't.cr');
    expect(r.statements).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['limit-exceeded']);
    expect(() => parseExpression('('.repeat(10_000))).toThrow(ParseError);
    try {
      parseExpression('('.repeat(10_000) + 'x' + ')'.repeat(10_000));
    } catch (e) {
      expect((e as ParseError).diagnostic.code).toBe('limit-exceeded');
    }
  });

  it('nesting over 100 fails only that statement', () => {
    const deep = 'a = ' + '('.repeat(101) + 'x' + ')'.repeat(101);
    const ok = 'a = ' + '('.repeat(100) + 'x' + ')'.repeat(100);
    const r = parseFile(`${deep}\nb = 1\n${ok}`, 't.cr');
    expect(r.diagnostics.map((d) => [d.code, d.span.line])).toEqual([['limit-exceeded', 1]]);
    expect(r.statements).toHaveLength(2);
  });

  it('statements over 2000 tokens give limit-exceeded', () => {
    const long = 'a = ' + Array.from({ length: 1100 }, (_, i) => `x${i}`).join(' + ');
    const r = parseFile(`${long}\nb = 1`, 't.cr');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['limit-exceeded']);
    expect(r.statements).toHaveLength(1);
  });

  it('input over the size limits gives one limit-exceeded', () => {
    const big = parseFile('a'.repeat(MAX_SOURCE_CHARS + 1), 't.cr');
    expect(big.diagnostics.map((d) => d.code)).toEqual(['limit-exceeded']);
    expect(big.statements).toEqual([]);
    const tall = parseFile('a = 1\n'.repeat(MAX_SOURCE_LINES + 1), 't.cr');
    expect(tall.diagnostics.map((d) => d.code)).toEqual(['limit-exceeded']);
    expect(tall.statements).toEqual([]);
  });

  it('long but legal chains parse quickly', () => {
    // Each of these is close to the token limit; right-recursive forms must not be quadratic.
    for (const rhs of ['x^'.repeat(990) + 'x', '- '.repeat(1990) + 'x', 'd/dx '.repeat(1990) + 'x', 'x '.repeat(1990), '[' + 'x, '.repeat(990) + 'x]']) {
      const r = parseFile(`a = ${rhs}`, 't.cr');
      expect(r.diagnostics).toEqual([]);
    }
  });

  it('a file at the line limit parses', () => {
    const lines = Array.from({ length: MAX_SOURCE_LINES }, (_, i) => (i % 2 ? `h${i} = X W${i} + b${i}` : `W${i} : M x N`));
    const r = parseFile(lines.join('\n'), 't.cr');
    expect(r.diagnostics).toEqual([]);
    expect(r.statements).toHaveLength(MAX_SOURCE_LINES);
  });
});
