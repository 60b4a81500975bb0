// `override 1a dL/dW "X^T (y - a)" 4 points` (docs/grading.md): the line is split here into the ask it
// names (an optional problem id, then the target) and the answer in quotes; both are parsed as
// expressions by the grammar. The problem id is split off lexically, since `1a dL/dW` would otherwise also
// read as the product 1 · a · dL/dW: it is the first word (a number, a name, or a number written against a
// name) when more follows after a space.
import { error, type Diagnostic } from '../diagnostics';
import { isTrivia, lex, type Token } from './lexer';
import { tokenSpan } from './prepare';

const POINTS_WORDS = new Set(['points', 'point', 'pts', 'pt']);
const FORM = 'override [PROBLEM] TARGET "ANSWER" N points, e.g. override 1a dL/dW "X^T (y - a)" 4 points';

export interface OverrideParts {
  problem: Token[];
  target: Token[];
  /** The answer's tokens, lexed from inside the quotes, with their places in the file. */
  answer: Token[];
  points: number;
}

/** `tokens` start with the `override` keyword and hold a string (statementKind checked both). */
export function overrideParts(tokens: readonly Token[]): OverrideParts | { diagnostic: Diagnostic } {
  const quote = tokens.findIndex((t) => t.type === 'string');
  const head = tokens.slice(1, quote);
  const whole = tokenSpan(tokens[0], tokens[tokens.length - 1]);
  if (head.length === 0) return { diagnostic: error('parse-error', 'an override names the ask it is for before the answer', whole, FORM) };
  const [points, word, ...extra] = tokens.slice(quote + 1);
  if (points?.type !== 'number' || (word && !(word.type === 'ident' && POINTS_WORDS.has(word.text))) || extra.length) {
    return { diagnostic: error('parse-error', 'an override ends with the points the answer earns', points ? tokenSpan(points, tokens[tokens.length - 1]) : tokenSpan(tokens[quote]), FORM) };
  }
  const answer = lexInside(tokens[quote]);
  if (answer.length === 0) return { diagnostic: error('parse-error', 'the answer in quotes is empty', tokenSpan(tokens[quote]), FORM) };
  const idLength = problemIdLength(head);
  return { problem: head.slice(0, idLength), target: head.slice(idLength), answer, points: Number(points.text) };
}

/** How many tokens of `head` are a problem id: 0, 1 (`2`, `q3`) or 2 (`1a`, a number against a name). */
function problemIdLength(head: readonly Token[]): number {
  const [first, second] = head;
  const touching = (a: Token, b: Token | undefined) => b !== undefined && b.offset === a.offset + a.text.length;
  const length = first.type === 'number' && second?.type === 'ident' && touching(first, second) ? 2 : first.type === 'number' || first.type === 'ident' ? 1 : 0;
  // The id is only split off when a target follows it, after a space.
  return length > 0 && head.length > length && !touching(head[length - 1], head[length]) ? length : 0;
}

/** The tokens of a string's contents, placed where they are in the file (a string never spans lines). */
function lexInside(quoted: Token): Token[] {
  return lex(quoted.text.slice(1, -1))
    .filter((t) => !isTrivia(t))
    .map((t) => ({ ...t, offset: quoted.offset + 1 + t.offset, line: quoted.line, col: quoted.col + t.col }));
}
