// Per-statement checks before the grammar runs: what kind of statement it is, whether its
// brackets match, which `d(` open a derivative `d(L)/d(W)`, and numbers written side by side.
// Doing these here gives precise messages and keeps the grammar small and unambiguous.
import type { Span } from './ast';
import { error, type Diagnostic } from '../diagnostics';
import { CLOSERS, EXPRESSION_START, OPENERS, closerOf, endCol, type Token, type TokenType } from './lexer';

export type StatementKind = 'expr' | 'stmt' | 'cont' | 'at' | 'problem' | 'ask' | 'alias' | 'policy' | 'setting' | 'override';

export const MARKER: Record<Exclude<StatementKind, 'alias' | 'override'>, TokenType> = {
  expr: 's_expr',
  stmt: 's_stmt',
  cont: 's_cont',
  at: 's_at',
  problem: 's_problem',
  ask: 's_ask',
  policy: 's_policy',
  setting: 's_setting',
};

export function tokenSpan(a: Token, b: Token = a): Span {
  return { line: a.line, column: a.col, endLine: b.line, endColumn: endCol(b) };
}

const has = (tokens: readonly Token[], ...types: TokenType[]) => tokens.some((t) => types.includes(t.type));

/**
 * Statement keywords count only in first position and only when the rest fits
 * (`at x = 1` is an `at`, `at = 3` is an equation).
 */
export function statementKind(tokens: readonly Token[]): StatementKind {
  const [first, second] = tokens;
  if (first.type === 'eq' || first.type === 'approx') return 'cont';
  if (first.type !== 'ident' || !second) return 'stmt';
  switch (first.text) {
    case 'at':
      return second.type === 'ident' && has(tokens, 'eq', 'tilde', 'approx') ? 'at' : 'stmt';
    case 'problem':
      return ['number', 'ident', 'string'].includes(second.type) && !has(tokens, 'eq', 'colon', 'kw_in') ? 'problem' : 'stmt';
    case 'ask':
      return EXPRESSION_START.has(second.type) && second.type !== 'minus' && !has(tokens, 'eq', 'approx', 'colon', 'kw_in')
        ? 'ask'
        : 'stmt';
    case 'policy':
      return second.type === 'ident' && !has(tokens, 'eq', 'approx', 'colon', 'kw_in') ? 'policy' : 'stmt';
    case 'feedback':
    case 'visibility':
      return tokens.length === 2 && second.type === 'ident' ? 'setting' : 'stmt';
    case 'override':
      return has(tokens, 'string') && !has(tokens, 'eq', 'approx', 'colon', 'kw_in') ? 'override' : 'stmt';
    case 'alias':
      return second.type !== 'eq' && second.type !== 'colon' && second.type !== 'comma' && has(tokens, 'eq') ? 'alias' : 'stmt';
    default:
      return 'stmt';
  }
}

const BRACKET_TEXT: Partial<Record<TokenType, string>> = { rparen: ')', rbracket: ']', rbrace: '}' };

export interface Prepared {
  tokens: Token[];
  error?: Diagnostic;
}

/**
 * Check brackets and numbers, and retype `d(`: a `d(` whose `)` is followed by `/ d(` opens a
 * derivative (`dnum` … `dden`); any other `d(` is an ordinary call of `d`.
 * `pointsIndex` is the index of an `ask` statement's points, which may follow a number.
 */
export function prepareTokens(input: readonly Token[], pointsIndex = -1): Prepared {
  const tokens = input.slice();
  const stack: number[] = [];
  const denominators = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (OPENERS.has(t.type)) {
      if (t.type === 'dparen' && denominators.has(i)) tokens[i] = { ...t, type: 'dden' };
      stack.push(i);
    } else if (CLOSERS.has(t.type)) {
      const openIndex = stack.pop();
      if (openIndex === undefined) {
        return { tokens, error: error('parse-error', `unmatched \`${t.text}\``, tokenSpan(t), 'remove it, or add the bracket it closes') };
      }
      const open = tokens[openIndex];
      if (closerOf(open) !== t.type) {
        return {
          tokens,
          error: error(
            'parse-error',
            `\`${t.text}\` does not close \`${open.text}\` opened at ${open.line}:${open.col}`,
            tokenSpan(t),
            `close it with \`${BRACKET_TEXT[closerOf(open)]}\` first`,
          ),
        };
      }
      if (open.type === 'dparen') {
        const isNumerator = tokens[i + 1]?.type === 'slash' && tokens[i + 2]?.type === 'dparen';
        tokens[openIndex] = { ...open, type: isNumerator ? 'dnum' : 'call' };
        if (isNumerator) denominators.add(i + 2);
      }
    } else if (t.type === 'number' && tokens[i + 1]?.type === 'number' && i + 1 !== pointsIndex) {
      const inMatrix = stack.length > 0 && tokens[stack[stack.length - 1]].type === 'lbracket';
      return {
        tokens,
        error: error(
          'parse-error',
          'two numbers side by side',
          tokenSpan(t, tokens[i + 1]),
          inMatrix ? `separate matrix entries with commas: [${t.text}, ${tokens[i + 1].text}]` : 'write * between numbers',
        ),
      };
    }
  }
  if (stack.length > 0) {
    const open = tokens[stack[stack.length - 1]];
    return {
      tokens,
      error: error(
        'parse-error',
        `\`${open.text}\` is never closed`,
        tokenSpan(open),
        `close it with \`${BRACKET_TEXT[closerOf(open)]}\` (a line that ends inside brackets continues on the next line; a blank line ends the statement)`,
      ),
    };
  }
  return { tokens };
}
