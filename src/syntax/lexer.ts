// The .cr lexer (moo). It reads the whole file once; newlines, spaces and comments are kept as
// tokens so the grouping step can find logical statements and the spans stay exact.
// Many decisions that would make the grammar ambiguous are taken here, lexically:
// derivative fractions, calls (`f(` with no space), primed calls and transposes are single tokens.
import moo from 'moo';
import { IDENTIFIER_SOURCE } from './names';
import { asciiFormOf, isAscii } from './asciiPattern';

export type TokenType =
  | 'nl' | 'ws' | 'comment' | 'string' | 'number'
  | 'transpose' | 'dfrac' | 'dfraccall' | 'dop' | 'dparen' | 'dnum' | 'dden' | 'primecall' | 'call' | 'ident'
  | 'reals' | 'command' | 'kw_in'
  | 'hadamard' | 'ediv' | 'epow' | 'slash' | 'star' | 'cdot' | 'atop' | 'plus' | 'minus' | 'caret' | 'prime'
  | 'ge' | 'le' | 'gt' | 'lt' | 'eq' | 'neq' | 'approx' | 'tilde' | 'colon' | 'comma' | 'semi'
  | 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'lbrace' | 'rbrace' | 'cross' | 'unknown'
  // Synthetic markers put in front of a statement's tokens to select what the grammar parses.
  | 's_expr' | 's_stmt' | 's_cont' | 's_at' | 's_problem' | 's_ask' | 's_policy' | 's_setting';

export interface Token {
  type: TokenType;
  /** Source text of the token (for synthetic tokens, ''). */
  text: string;
  /** Offset in the source (UTF-16 units). */
  offset: number;
  /** 1-based line and column of the first character. */
  line: number;
  col: number;
}

const ID = IDENTIFIER_SOURCE;
const NOT_ID_CHAR = '(?![\\p{L}\\p{Nd}_])';
/** A subscript or an upper bound: `{…}` on one line, or letters and digits. */
const SUB = '(?:\\{[^{}\\n]*\\}|[\\p{L}\\p{Nd}]+)';
/**
 * A summation sign with its index and optional bounds, read as one name (docs/index-notation.md):
 * `sum_i`, `sum_{i=1}^m`, `∑_{i}`, `\\sum_i^{n}`, and `Σ` with an `=` in its subscript (`Σ_{i=1}^m`;
 * a bare `Σ_ij` may be the entry of a covariance matrix Σ, so it stays an ordinary identifier).
 */
const SUM_SIGN = `(?:(?:sum|Sum|∑|\\\\sum)_${SUB}(?:\\^${SUB})?|Σ_\\{[^{}=\\n]*=[^{}\\n]*\\}(?:\\^${SUB})?)${NOT_ID_CHAR}`;

// Order matters: moo takes the first rule that matches at a position, so the
// longer special forms (dL/dW, d/dx, d(, f(, f'() come before plain identifiers.
const rules: moo.Rules = {
  nl: { match: /\r?\n/u, lineBreaks: true },
  ws: /[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/u,
  comment: /#[^\r\n]*/u,
  string: /"(?:[^"\\\n]|\\.)*"/u, // `\"` and `\\` inside stand for `"` and `\`
  transpose: new RegExp(
    `\\^[ \\t]*(?:\\{[ \\t]*(?:T|⊤|\\\\top|\\\\intercal)[ \\t]*\\}|(?:T|⊤|\\\\top|\\\\intercal)${NOT_ID_CHAR})`,
    'u',
  ),
  // `½` and friends, and the indicator's `𝟙`, are numbers too (their values: build.ts).
  number: /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?|[½⅓⅔¼¾𝟙]/u,
  // `∂L/∂σ(z)`: a derivative with respect to an expression (a call), one token up to its `(`.
  dfraccall: new RegExp(`[d∂]${ID}[ \\t]*/[ \\t]*[d∂]${ID}\\(`, 'u'),
  dfrac: new RegExp(`[d∂]${ID}[ \\t]*/[ \\t]*[d∂]${ID}`, 'u'),
  dop: new RegExp(`[d∂][ \\t]*/[ \\t]*[d∂]${ID}`, 'u'),
  dparen: /[d∂]\(/u,
  sumsign: new RegExp(SUM_SIGN, 'u'),
  primecall: new RegExp(`${ID}['′]+\\(`, 'u'),
  call: new RegExp(`${ID}\\(`, 'u'),
  reals: /\\mathbb\{R\}/u,
  command: /\\[A-Za-z]+/u,
  ident: new RegExp(ID, 'u'),
  hadamard: ['.*', '⊙', '∘'],
  ediv: './',
  epow: '.^', // so `A.^T` is a power of A by a name T, never a transpose
  star: ['**', '*'],
  cdot: ['·', '⋅'],
  atop: '@',
  plus: '+',
  minus: ['-', '−'],
  caret: '^',
  prime: ["'", '′'],
  ge: ['>=', '≥'],
  le: ['<=', '≤'],
  gt: '>',
  lt: '<',
  neq: ['≠', '!='],
  eq: '=',
  approx: '≈',
  tilde: '~',
  colon: ':',
  comma: ',',
  semi: ';',
  lparen: '(',
  rparen: ')',
  lbracket: '[',
  rbracket: ']',
  lbrace: '{',
  rbrace: '}',
  cross: '×',
  kw_in: '∈',
  slash: '/',
  unknown: { match: /[^]/u, lineBreaks: true },
};

/** The rules with their property classes narrowed to ASCII (asciiPattern.ts): the same tokens of ASCII text. */
function asciiRules(): moo.Rules {
  const narrow = (r: RegExp) => new RegExp(asciiFormOf(r.source), r.flags);
  const entries = Object.entries(rules).map(([type, rule]) => {
    if (rule instanceof RegExp) return [type, narrow(rule)];
    if (rule && typeof rule === 'object' && !Array.isArray(rule) && (rule as moo.Rule).match instanceof RegExp) return [type, { ...rule, match: narrow((rule as moo.Rule).match as RegExp) }];
    return [type, rule];
  });
  return Object.fromEntries(entries) as moo.Rules;
}

// Compiled when first needed: most sources are ASCII, and the full rules cost ~20 ms to compile and first run.
let asciiLexer: moo.Lexer | undefined;
let fullLexer: moo.Lexer | undefined;

function lexerFor(source: string): moo.Lexer {
  if (isAscii(source)) return (asciiLexer ??= moo.compile(asciiRules()));
  return (fullLexer ??= moo.compile(rules));
}

/** Backslash commands that are operators. */
const COMMANDS: Record<string, TokenType> = {
  '\\cdot': 'cdot',
  '\\times': 'cross',
  '\\odot': 'hadamard',
  '\\circ': 'hadamard',
  '\\in': 'kw_in',
};

/** Lex a whole source. Never throws: unknown characters become `unknown` tokens. */
export function lex(source: string): Token[] {
  const mooLexer = lexerFor(source);
  mooLexer.reset(source);
  const out: Token[] = [];
  for (const t of mooLexer) {
    let type = t.type as TokenType;
    if (type === 'ident' && t.text === 'in') type = 'kw_in';
    else if (type === 'ident' && t.text === 'odot') type = 'hadamard';
    else if (type === 'command' && COMMANDS[t.text]) type = COMMANDS[t.text];
    else if (type === 'star' && t.text === '**') type = 'caret'; // Python's power
    else if ((type as string) === 'sumsign') type = 'ident'; // the resolver reads the sign from the name's text
    out.push({ type, text: t.text, offset: t.offset, line: t.line, col: t.col });
  }
  return out;
}

/** Tokens that carry no meaning for the grammar. */
export function isTrivia(t: Token): boolean {
  return t.type === 'ws' || t.type === 'nl' || t.type === 'comment';
}

/** Tokens that open a bracket (a call token includes its `(`). */
export const OPENERS: ReadonlySet<TokenType> = new Set<TokenType>([
  'lparen', 'lbracket', 'lbrace', 'call', 'primecall', 'dparen', 'dnum', 'dden', 'dfraccall',
]);
export const CLOSERS: ReadonlySet<TokenType> = new Set<TokenType>(['rparen', 'rbracket', 'rbrace']);

/** The closer that matches an opener. */
export function closerOf(t: Token): TokenType {
  return t.type === 'lbracket' ? 'rbracket' : t.type === 'lbrace' ? 'rbrace' : 'rparen';
}

/** Operators after which a line continues on the next line. */
export const CONTINUING: ReadonlySet<TokenType> = new Set<TokenType>([
  'plus', 'minus', 'star', 'slash', 'ediv', 'hadamard', 'cdot', 'atop', 'caret', 'epow', 'cross',
  'eq', 'neq', 'approx', 'tilde', 'colon', 'comma', 'semi', 'ge', 'le', 'gt', 'lt', 'kw_in',
]);

/** Tokens that can start an expression. */
export const EXPRESSION_START: ReadonlySet<TokenType> = new Set<TokenType>([
  'number', 'ident', 'call', 'primecall', 'dfrac', 'dfraccall', 'dop', 'dparen', 'dnum', 'lparen', 'lbracket', 'minus',
]);

/** One past the token's last column (tokens given to the grammar never span lines). */
export function endCol(t: Token): number {
  return t.col + t.text.length;
}

/** Human description of a token for error messages. */
export function describeToken(t: Token): string {
  if (t.type === 'nl' || t.text === '') return 'line break';
  if (t.type === 'unknown') return `character \`${t.text}\``;
  if (t.type === 'command') return `command \`${t.text}\``;
  if (t.type === 'number') return `number \`${t.text}\``;
  if (t.type === 'ident') return `name \`${t.text}\``;
  if (t.type === 'string') return `text ${t.text}`;
  return `\`${t.text}\``;
}
