// Turns a grammar failure into a parse-error diagnostic: what was unexpected, what could have
// come instead, and a hint when the mistake is a common one.
import type { Span } from './ast';
import { error, type Diagnostic } from '../diagnostics';
import { EXPRESSION_START, describeToken, endCol, type Token, type TokenType } from './lexer';
import type { StatementKind } from './prepare';
import type { Expected } from './run';
import { tokenSpan } from './prepare';

const NAMES: Partial<Record<TokenType, string>> = {
  eq: '`=`',
  approx: '`=`',
  tilde: '`~`',
  colon: '`:`',
  comma: '`,`',
  semi: '`;`',
  rparen: '`)`',
  rbracket: '`]`',
  rbrace: '`}`',
  kw_in: '`in`',
  string: 'a quoted title',
  caret: '`^`',
  lparen: '`(`',
  lbrace: '`{`',
  cross: '`x`',
};

const DOMAINS = ['positive', 'nonnegative', 'binary', 'onehot', 'probability', 'simplex', 'symmetric'];
const MAX_LISTED = 6;

function listExpected(expected: Expected): string | undefined {
  const items: string[] = [];
  const add = (s: string) => {
    if (!items.includes(s)) items.push(s);
  };
  const inExpression = expected.types.has('call');
  if (inExpression) add('an expression');
  else {
    if (expected.types.has('number')) add('a number');
    if (expected.types.has('ident')) add('a name');
  }
  for (const type of expected.types) {
    const name = NAMES[type];
    // After an operand nearly every operator may follow; naming `^` alone would mislead.
    if (name && !(inExpression && (EXPRESSION_START.has(type) || type === 'caret'))) add(name);
  }
  const literals = [...expected.literals];
  if (literals.some((l) => DOMAINS.includes(l))) add(`a domain (${DOMAINS.join(', ')})`);
  for (const l of literals) if (!DOMAINS.includes(l)) add(`\`${l}\``);
  if (items.length === 0 || items.length > MAX_LISTED) return undefined;
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

const BINARY_START: ReadonlySet<TokenType> = new Set<TokenType>([
  'plus', 'star', 'slash', 'ediv', 'hadamard', 'cdot', 'atop', 'caret', 'transpose', 'prime',
]);

function hintFor(kind: StatementKind, tokens: readonly Token[], token: Token | undefined): string | undefined {
  if (token?.type === 'unknown') {
    if (token.text === '∂' || token.text === 'd') return 'write ∂L/∂W, ∂/∂x (…) or ∂(L)/∂(W)';
    if (token.text === '|') return 'write abs(x), or norm(x) for the length of a vector';
    if (token.text === '$') return 'no $ delimiters in .cr files: write the math directly';
    if (token.text === '.') return 'numpy style is not read here: write A^T for the transpose, .* for the elementwise product';
    return undefined;
  }
  if (token?.type === 'command') return 'the commands understood are \\cdot, \\times, \\top, \\in, \\odot, \\circ and \\mathbb{R}';
  if (token?.type === 'cross') return 'write * (or a space) for a product; `×` separates the dimensions of a shape';
  if (token?.type === 'string' && kind !== 'problem') return 'quoted text is only used in problem titles';
  const shapeStart = tokens.findIndex((t) => t.type === 'colon' || t.type === 'kw_in');
  if (shapeStart >= 0 && tokens.slice(shapeStart).some((t) => t.type === 'ident' && /^(?:[A-Za-z0-9]*x[A-Za-z0-9]+|[A-Za-z0-9]+x)$/.test(t.text))) {
    return 'put spaces around x between dimensions: 1 x M';
  }
  if (kind === 'stmt' && tokens[0] && BINARY_START.has(tokens[0].type)) {
    return 'to continue the previous line, end that line with the operator (a line may start only with `=` to continue a chain)';
  }
  if (kind === 'ask' && !token) return 'give the points: ask dL/dW 6 points';
  if (kind === 'policy') return 'a policy gives a kind of near miss a percentage of the points: policy sign 50%';
  if (kind === 'problem' && token?.type === 'ident') return 'put the title in double quotes: problem 1a "Logistic regression"';
  if (kind === 'at') return 'at gives each name a number: at x = 1, y = -0.5, s ~ 0.9';
  if (kind === 'stmt' && !token && !tokens.some((t) => ['eq', 'approx', 'colon', 'kw_in'].includes(t.type))) {
    return 'an equation needs `=` (lhs = rhs); a declaration needs `:` (X : 1 x M)';
  }
  return undefined;
}

/** A span just past the last token, for "unexpected end". */
function endSpan(last: Token): Span {
  return { line: last.line, column: endCol(last), endLine: last.line, endColumn: endCol(last) + 1 };
}

/** `tokens`: the statement's tokens without the start marker. */
export function failureDiagnostic(
  kind: StatementKind,
  tokens: readonly Token[],
  failure: { token?: Token; expected: Expected },
): Diagnostic {
  const { token, expected } = failure;
  const what = kind === 'expr' ? 'expression' : 'statement';
  const unexpected = token ? `unexpected ${describeToken(token)}` : `unexpected end of ${what}`;
  const list = listExpected(expected);
  const message = list ? `${unexpected}; expected ${list}` : unexpected;
  const last = tokens[tokens.length - 1];
  const span = token ? tokenSpan(token) : last ? endSpan(last) : { line: 1, column: 1, endLine: 1, endColumn: 1 };
  return error('parse-error', message, span, hintFor(kind, tokens, token));
}
