// The tokens the LaTeX grammar (grammar/latex.ne) reads. Raw LaTeX is reduced to these by
// src/latex/normalize.ts (commands, fonts, subscripts) and src/latex/rows.ts (context).
import type { AtBinding, Span } from '../syntax/ast';
import type { Case } from './conditions';

export type TokType =
  // atoms and heads
  | 'name' | 'fname' | 'func' | 'num' | 'diff' | 'frac' | 'sqrt' | 'sum' | 'nabla'
  | 'grad' // `\nabla` with no subscript, before a call: the gradient with respect to the call's arguments
  // brackets
  | 'lparen' | 'rparen' | 'lbrack' | 'rbrack' | 'lbrace' | 'rbrace' | 'bar' | 'dbar'
  | 'lbar' | 'rbar' | 'lnorm' | 'rnorm' // bars once rows.ts knows which open and which close
  | 'begin_matrix' | 'end_matrix'
  | 'begin_pattern' | 'end_pattern' // a matrix of elided entries as its general entry (value of the opener: `rows,cols` indices)
  // operators
  | 'plus' | 'minus' | 'star' | 'times' | 'cdot' | 'odot' | 'otimes' | 'slash' | 'div' | 'atop'
  | 'caret' | 'transpose' | 'prime'
  | 'entry' // `(BA)_{qp}`: a subscript after a closing bracket (value: the indices, one letter each)
  // relations and separators
  | 'eq' | 'approx' | 'implies' | 'tilde' | 'lt' | 'gt' | 'le' | 'ge' | 'kw_in' | 'reals'
  | 'comma' | 'amp' | 'rowsep' | 'period' | 'at' | 'domain'
  // consumed by rows.ts before the grammar runs
  | 'prose' | 'wide' | 'tag' | 'unsupported'
  | 'aside' // notation that sets its row aside with a note (value: what it is)
  | 'dots' // `\dots`: elided terms of a sum
  | 'evalat'; // `\Big|_{x=2}`: the claim is evaluated at a point (bindings in `at`)

export interface Tok {
  type: TokType;
  /**
   * What the token means: the normalised name (`W1`), the callee (`log`), the number's text,
   * a prose word, a label, the number of primes of a `prime`, or for `unsupported` the reason.
   */
  value: string;
  /** Source text as written (may cover several raw tokens: `W_{1}`, `\mathbf{x}`, `^{\top}`). */
  text: string;
  /** Offsets in the maths block, [start, end). */
  start: number;
  end: number;
  span: Span;
  /** `fname`: how many primes follow the name (`\sigma'(h)`), and the name as written without them. */
  prime?: number;
  head?: string;
  /** `nabla`: the variable of `\nabla_{W}`. */
  wrt?: Tok;
  /** `evalat`: the point. */
  at?: AtBinding[];
  /** `aside` for `\begin{cases}`: its cases, when each is a case of indices (conditions.ts), for rows.ts to read. */
  cases?: Case[];
  /** `sum` written `\sum_{k \neq i}`: the summed index k, the excluded one i, and the sign without the exclusion. */
  except?: { index: string; excluded: string; sign: string };
}

/** Tokens that open or close a bracket level (`\begin{bmatrix}` counts). */
export const OPENING: ReadonlySet<TokType> = new Set(['lparen', 'lbrack', 'lbrace', 'begin_matrix', 'begin_pattern']);
export const CLOSING: ReadonlySet<TokType> = new Set(['rparen', 'rbrack', 'rbrace', 'end_matrix', 'end_pattern']);

/** Tokens an operand can end with (a closing bar once rows.ts has told which bars close). */
export const ENDS_OPERAND: ReadonlySet<TokType> = new Set(['name', 'num', 'rparen', 'rbrack', 'rbrace', 'rbar', 'rnorm', 'transpose', 'prime', 'end_matrix', 'end_pattern']);

/** Tokens that put an `=`-like relation between two sides. */
export const RELATIONS: ReadonlySet<TokType> = new Set(['eq', 'approx', 'implies', 'kw_in']);

/** Human description of a token for error messages. */
export function describe(t: Tok): string {
  switch (t.type) {
    case 'name':
      return `name \`${t.text}\``;
    case 'num':
      return `number \`${t.text}\``;
    default:
      return `\`${t.text}\``;
  }
}

/** The span from the first token to the last. */
export function spanOf(tokens: readonly Tok[]): Span {
  const a = tokens[0].span;
  const b = tokens[tokens.length - 1].span;
  return { line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn };
}

/** Bracket depth before each token (braces, parentheses, brackets, matrices). */
export function depths(tokens: readonly Tok[]): number[] {
  let depth = 0;
  return tokens.map((t) => {
    if (CLOSING.has(t.type)) depth--;
    const d = depth;
    if (OPENING.has(t.type)) depth++;
    return d;
  });
}

/** Index of the token that closes the bracket opened at `open`, if any. */
export function closer(tokens: readonly Tok[], open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (OPENING.has(tokens[i].type)) depth++;
    else if (CLOSING.has(tokens[i].type) && --depth === 0) return i;
  }
  return undefined;
}

/** A token read as another: the written text and place stay, so messages quote what the author wrote. */
export function readAs(t: Tok, type: TokType, value: string): Tok {
  return { ...t, type, value };
}
