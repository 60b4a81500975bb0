// Splits a normalised maths block into rows (one per `\\` line of an aligned environment, or
// per statement written side by side) and takes the decisions that need context, so the grammar
// stays unambiguous: which `d` is a differential, which name is called, where a shape is written.
import { warning, type Diagnostic } from '../diagnostics';
import type { Domain, Span } from '../syntax/ast';
import { CLOSING, OPENING, RELATIONS, type Tok } from './tokens';
import { table } from './vocabulary';

/** Deeper bracket nesting than any derivation needs is refused (input is untrusted). */
export const MAX_LATEX_DEPTH = 64;
/** More tokens in one row than any derivation needs is refused. */
export const MAX_ROW_TOKENS = 2000;

export interface Row {
  tokens: Tok[];
  /** From `\tag{1b}` or a leading `\text{(b)}`. */
  label?: string;
  /** Set when the row cannot be parsed; its tokens are then not given to the grammar. */
  error?: Diagnostic;
}

/** The rows of a block, in order; rows with nothing in them are left out. */
export function splitRows(tokens: readonly Tok[]): Row[] {
  const rows: Row[] = [];
  for (const line of splitAtTopLevel(tokens, (t) => t.type === 'rowsep')) {
    const aligned = markDomains(dropAlignment(line));
    for (const row of splitSideBySide(aligned)) {
      const prepared = prepareRow(row);
      if (prepared.tokens.length > 0 || prepared.error) rows.push(prepared);
    }
  }
  return rows;
}

const DOMAINS: ReadonlyMap<string, Domain> = table({
  positive: 'positive', nonnegative: 'nonnegative', binary: 'binary', onehot: 'onehot', probability: 'probability',
  probabilities: 'probability', simplex: 'simplex',
});

/**
 * `y \in \mathbb{R}^{1 \times C} \text{ (one-hot)}`: prose right after a shape that names a
 * domain of SPEC 1.6 is the declaration's domain, not prose.
 */
function markDomains(tokens: Tok[]): Tok[] {
  return tokens.map((t, i) => {
    const domain = t.type === 'prose' ? DOMAINS.get(t.value.toLowerCase().replace(/[^a-z]/g, '')) : undefined;
    if (!domain) return t;
    const afterShape = ['rbrace', 'reals', 'num', 'name'].includes(tokens[i - 1]?.type) && tokens.slice(0, i).some((p) => p.type === 'reals');
    return afterShape ? { ...t, type: 'domain', value: domain } : t;
  });
}

/** `&` aligns the rows of an aligned environment; inside a matrix it separates entries and stays. */
function dropAlignment(line: readonly Tok[]): Tok[] {
  let matrices = 0;
  return line.filter((t) => {
    if (t.type === 'begin_matrix') matrices++;
    else if (t.type === 'end_matrix') matrices--;
    return !(t.type === 'amp' && matrices === 0);
  });
}

/** Split at separators outside matrix environments (which nest rows of their own). */
function splitAtTopLevel(tokens: readonly Tok[], isSeparator: (t: Tok) => boolean): Tok[][] {
  const parts: Tok[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.type === 'begin_matrix') depth++;
    else if (t.type === 'end_matrix') depth--;
    if (depth === 0 && isSeparator(t)) parts.push([]);
    else parts[parts.length - 1].push(t);
  }
  return parts;
}

/** Bracket depth before each token (braces, parentheses, brackets, matrices). */
function depths(tokens: readonly Tok[]): number[] {
  let depth = 0;
  return tokens.map((t) => {
    if (CLOSING.has(t.type)) depth--;
    const d = depth;
    if (OPENING.has(t.type)) depth++;
    return d;
  });
}

/**
 * `a = 1 \quad b = 2` and `h = XW + b \text{ where } W \in \mathbb{R}^{M \times N}` hold two
 * statements: wide spaces and prose split a row when every part is a statement of its own.
 * Otherwise (`= \frac{-y}{s} Q \qquad \in \mathbb{R}^{1 \times C}`) they are only spacing.
 */
function splitSideBySide(tokens: Tok[]): Tok[][] {
  const isGap = (t: Tok) => t.type === 'wide' || t.type === 'prose';
  const lead = leadingMarkers(tokens);
  const body = tokens.slice(lead.length);
  const d = depths(body);
  const parts: Tok[][] = [[]];
  body.forEach((t, i) => {
    if (isGap(t) && d[i] === 0) parts.push([]);
    else parts[parts.length - 1].push(t);
  });
  const statements = parts.filter((p) => p.length > 0);
  const isStatement = (p: Tok[]) => {
    const pd = depths(p);
    return p.some((t, i) => i > 0 && pd[i] === 0 && RELATIONS.has(t.type));
  };
  if (statements.length > 1 && statements.every(isStatement)) return statements.map((p, i) => (i === 0 ? [...lead, ...p] : p));
  return [[...lead, ...body.filter((t) => !isGap(t))]];
}

/** A leading `\text{at}` (a numeric point) or `\text{(b)}` (a label) and `\tag{}`s stay with the first part. */
function leadingMarkers(tokens: readonly Tok[]): Tok[] {
  const lead: Tok[] = [];
  for (const t of tokens) {
    if (t.type === 'tag' || (t.type === 'prose' && (isAtWord(t.value) || labelOf(t.value) !== undefined))) lead.push(t);
    else break;
  }
  return lead;
}

function isAtWord(text: string): boolean {
  return /^at:?$/i.test(text.trim());
}

/** `(b)`, `1b)`, `[1b]` → the label. */
function labelOf(text: string): string | undefined {
  const m = /^(?:\(([0-9]*[a-z]?)\)|\[([0-9]*[a-z]?)\]|([0-9]*[a-z]?)\))$/i.exec(text.trim());
  const label = m ? m[1] ?? m[2] ?? m[3] : undefined;
  return label ? label : undefined;
}

function prepareRow(input: Tok[]): Row {
  let label: string | undefined;
  let tokens: Tok[] = [];
  input.forEach((t, i) => {
    if (t.type === 'tag') label = t.value;
    else if (t.type === 'prose' && i === 0 && isAtWord(t.value)) tokens.push({ ...t, type: 'at', value: 'at' });
    else if (t.type === 'prose' && labelOf(t.value) !== undefined && tokens.length === 0) label = labelOf(t.value);
    else if (t.type !== 'prose' && t.type !== 'wide') tokens.push(t);
  });
  // Sentence punctuation after a displayed equation: `h = XW + b.`
  while (tokens.length > 0 && (tokens[tokens.length - 1].type === 'period' || tokens[tokens.length - 1].type === 'comma')) tokens.pop();
  const row: Row = label === undefined ? { tokens } : { tokens, label };
  const problem = checkRow(tokens);
  if (problem) return { ...row, error: problem };
  tokens = markDifferentials(tokens);
  tokens = markShapes(tokens);
  tokens = markCalls(tokens);
  tokens = markBars(tokens);
  return { ...row, tokens };
}

function rowError(message: string, span: Span, hint?: string): Diagnostic {
  return warning('parse-error', message, span, hint);
}

/** Refuse what the grammar cannot read, with a reason: unsupported notation, excessive size. */
function checkRow(tokens: readonly Tok[]): Diagnostic | undefined {
  if (tokens.length > MAX_ROW_TOKENS) {
    return warning('limit-exceeded', `this line has more than ${MAX_ROW_TOKENS} tokens`, spanOf(tokens));
  }
  const bad = tokens.find((t) => t.type === 'unsupported');
  if (bad) return rowError(`cannot read this maths: ${bad.value}`, bad.span);
  let depth = 0;
  for (const t of tokens) {
    if (OPENING.has(t.type) && ++depth > MAX_LATEX_DEPTH) {
      return warning('limit-exceeded', `brackets nested more than ${MAX_LATEX_DEPTH} deep`, t.span);
    }
    if (CLOSING.has(t.type)) depth--;
  }
  return undefined;
}

function spanOf(tokens: readonly Tok[]): Span {
  const a = tokens[0].span;
  const b = tokens[tokens.length - 1].span;
  return { line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn };
}

/** Index of the token that closes the bracket opened at `open`, if any. */
function closer(tokens: readonly Tok[], open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (OPENING.has(tokens[i].type)) depth++;
    else if (CLOSING.has(tokens[i].type) && --depth === 0) return i;
  }
  return undefined;
}

const isD = (t: Tok | undefined) => t !== undefined && t.type === 'name' && t.value === 'd';
const isDifferential = (t: Tok | undefined) => t !== undefined && (t.type === 'diff' || isD(t));

/**
 * A letter `d` is a differential in `\frac{dL}{dW}`, `\frac{d}{dx}` and `dL/dW` (both `d`s
 * in place); anywhere else it is a name (a weight called d, as in the seeds' numeric question).
 */
function markDifferentials(input: Tok[]): Tok[] {
  const tokens = input.slice();
  const toDiff = (i: number) => {
    if (isD(tokens[i])) tokens[i] = { ...tokens[i], type: 'diff' };
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'frac' && tokens[i + 1]?.type === 'lbrace') {
      const end1 = closer(tokens, i + 1);
      if (end1 === undefined || tokens[end1 + 1]?.type !== 'lbrace') continue;
      const end2 = closer(tokens, end1 + 1);
      if (end2 === undefined) continue;
      const num = i + 2;
      const den = end1 + 2;
      if (isDifferential(tokens[num]) && isDifferential(tokens[den]) && end2 - den >= 2) {
        toDiff(num);
        toDiff(den);
      }
    } else if (isD(t)) {
      const after = operandEnd(tokens, i + 1);
      if (after === undefined || tokens[after]?.type !== 'slash' || !isDifferential(tokens[after + 1])) continue;
      if (operandEnd(tokens, after + 2) === undefined) continue;
      toDiff(i);
      toDiff(after + 1);
    }
  }
  return tokens;
}

/** After `d` in `dL/dW`: the index just past a name or a parenthesised group at `i`. */
function operandEnd(tokens: readonly Tok[], i: number): number | undefined {
  const t = tokens[i];
  if (t?.type === 'name') return i + 1;
  if (t?.type === 'lparen') {
    const end = closer(tokens, i);
    return end === undefined ? undefined : end + 1;
  }
  return undefined;
}

/**
 * In `\in R^{M x N}` the letter R is the reals and the letter x the separator; an unbraced
 * `\mathbb{R}^{MxN}` is split into letters by the lexer, so this is where `x` becomes `\times`.
 */
function markShapes(input: Tok[]): Tok[] {
  const tokens = input.slice();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'kw_in' && tokens[i + 1]?.type === 'name' && tokens[i + 1].value === 'R') {
      tokens[i + 1] = { ...tokens[i + 1], type: 'reals' };
    }
    if (t.type === 'reals' && tokens[i + 1]?.type === 'caret' && tokens[i + 2]?.type === 'lbrace') {
      const end = closer(tokens, i + 2) ?? tokens.length;
      for (let j = i + 3; j < end; j++) {
        const s = tokens[j];
        if ((s.type === 'name' && s.value === 'x') || s.type === 'star' || s.type === 'cdot') tokens[j] = { ...s, type: 'times' };
      }
    }
  }
  return tokens;
}

/**
 * A name directly followed by `(` is a call (`\sigma(h)`, `g(z)`), as in .cr; the resolver reads a
 * call of a known variable as a product (`a(1-a)`). Primes in between make a derivative call
 * (`\sigma'(h)`); they are folded into the call token.
 */
function markCalls(tokens: readonly Tok[]): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let j = i + 1;
    while (tokens[j]?.type === 'prime') j++;
    if ((t.type === 'name' || (t.type === 'fname' && j > i + 1)) && tokens[j]?.type === 'lparen') {
      const last = tokens[j - 1];
      out.push({
        ...t,
        type: 'fname',
        prime: tokens.slice(i + 1, j).reduce((n, p) => n + Number(p.value), 0),
        head: t.text,
        text: t.text + tokens.slice(i + 1, j).map((p) => p.text).join(''),
        end: last.end,
        span: { ...t.span, endLine: last.span.endLine, endColumn: last.span.endColumn },
      });
      i = j - 1;
    } else out.push(t);
  }
  return out;
}

const ENDS_OPERAND: ReadonlySet<string> = new Set(['name', 'num', 'rparen', 'rbrack', 'rbrace', 'rbar', 'rnorm', 'transpose', 'prime', 'end_matrix']);

/**
 * `|` and `\|` open and close alike; which one a bar is decides between |a| b |c| and |a |b| c|.
 * A bar closes when one is open and an operand has just ended, and opens otherwise.
 */
function markBars(tokens: readonly Tok[]): Tok[] {
  const open = { bar: 0, dbar: 0 };
  return tokens.map((t, i) => {
    if (t.type !== 'bar' && t.type !== 'dbar') return t;
    const closes = open[t.type] > 0 && i > 0 && ENDS_OPERAND.has(tokens[i - 1].type);
    open[t.type] += closes ? -1 : 1;
    const type = t.type === 'bar' ? (closes ? 'rbar' : 'lbar') : closes ? 'rnorm' : 'lnorm';
    return { ...t, type };
  });
}
