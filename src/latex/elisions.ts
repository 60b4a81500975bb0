// Elided sums: `x_1 + x_2 + \dots + x_n`, `w_1 x_1 + \cdots + w_n x_n`. Terms that differ only in one index,
// running from 1 to a bound, with the middle ones left out, are the index sum `\sum_{k=1}^{n} x_k`; the
// checker reads it as index notation (docs/index-notation.md) when x is an array of the scope. Anything
// else with dots in it is left as it is (rows.ts reports it as unreadable).
import { depths, type Tok } from './tokens';

/** Index letters for the sum, in order of preference (`n`, the usual bound, is not among them). */
const LETTERS = ['k', 'i', 'j', 'l', 'm', 'p', 'q', 'r', 't'];

/** The row with every elided sum it holds read as an index sum. */
export function readElisions(tokens: Tok[]): Tok[] {
  let out = tokens;
  for (let d = out.findIndex((t) => t.type === 'dots'); d >= 0; d = out.findIndex((t) => t.type === 'dots')) {
    const read = elision(out, d);
    if (!read) return out;
    out = read;
  }
  return out;
}

interface Range {
  from: number;
  to: number;
}

/** The tokens with the sum around the dots at `d` replaced by `\sum_{k=1}^{n} ( term )`, if it can be read. */
function elision(tokens: readonly Tok[], d: number): Tok[] | undefined {
  const depth = depths(tokens);
  const level = depth[d];
  const atLevel = (i: number, type: Tok['type']) => depth[i] === level && tokens[i].type === type;
  // A term ends at a `+`, at a boundary (a relation, `-`, a comma ...) or where its bracket closes.
  const stops = (i: number) => depth[i] < level || (depth[i] === level && (tokens[i].type === 'plus' || isBoundary(tokens[i])));
  if (tokens[d - 1]?.type !== 'plus' || tokens[d + 1]?.type !== 'plus') return undefined;
  // The terms before the dots, nearest first, back to the start of the sum.
  const before: Range[] = [];
  for (let to = d - 1; ; ) {
    let from = to;
    while (from > 0 && !stops(from - 1)) from--;
    before.push({ from, to });
    if (from === 0 || !atLevel(from - 1, 'plus')) break;
    to = from - 1;
  }
  let last = d + 2;
  while (last < tokens.length && !stops(last)) last++;
  const after = tokens.slice(d + 2, last);
  const term = (r: Range) => tokens.slice(r.from, r.to);
  // The run: the nearest term before the dots and the term after differ in one index; the terms before it
  // count that index down to 1 (`b + w_1 x_1 + \cdots + w_N x_N` leaves b out of the run).
  const varying = after.length > 0 && before[0].to > before[0].from ? indexPositions(term(before[0]), after) : undefined;
  if (!varying || !/^[1-9][0-9]*$/.test(varying.from)) return undefined;
  const first = Number(varying.from) - 1;
  if (first >= before.length) return undefined;
  const agrees = before.slice(1, first + 1).every((r, k) => {
    const v = indexPositions(term(r), after);
    return v !== undefined && v.from === String(Number(varying.from) - k - 1) && sameSet(v.positions, varying.positions);
  });
  const start = before[first].from;
  // `a - x_1 + ... + x_n` is not a - Σ: the run may not follow a minus.
  if (!agrees || (start > 0 && atLevel(start - 1, 'minus'))) return undefined;
  const letter = LETTERS.find((l) => l !== varying.to && !usesLetter(tokens, l));
  if (!letter) return undefined;
  const summand = term(before[first]).map((t, k) => (varying.positions.includes(k) ? renamed(t, letter) : t));
  const head = tokens[start];
  const tail = tokens[last - 1];
  const sign = `\\sum_{${letter}=1}^{${varying.to}}`;
  const at = (t: Tok, type: Tok['type'], text: string, where: 'start' | 'end'): Tok => {
    const offset = where === 'start' ? t.start : t.end;
    const line = where === 'start' ? t.span.line : t.span.endLine;
    const column = where === 'start' ? t.span.column : t.span.endColumn;
    return { type, value: text, text, start: offset, end: offset, span: { line, column, endLine: line, endColumn: column } };
  };
  const replacement = [at(head, 'sum', sign, 'start'), at(head, 'lparen', '(', 'start'), ...summand, at(tail, 'rparen', ')', 'end')];
  return [...tokens.slice(0, start), ...replacement, ...tokens.slice(last)];
}

function isBoundary(t: Tok): boolean {
  return ['minus', 'eq', 'approx', 'implies', 'kw_in', 'lt', 'gt', 'le', 'ge', 'comma', 'amp', 'rowsep', 'wide', 'prose', 'dots'].includes(t.type);
}

/**
 * Where two terms differ: only in names whose index is written the same way (`x_1` and `x_n`, `w^{(1)}` and
 * `w^{(n)}`), each with the same pair of indices. Undefined when they differ in anything else.
 */
function indexPositions(a: readonly Tok[], b: readonly Tok[]): { positions: number[]; from: string; to: string } | undefined {
  if (a.length !== b.length) return undefined;
  const positions: number[] = [];
  let pair: [string, string] | undefined;
  for (let k = 0; k < a.length; k++) {
    if (a[k].type === b[k].type && a[k].value === b[k].value) continue;
    const index = a[k].type === 'name' && b[k].type === 'name' ? indexOf(a[k], b[k]) : undefined;
    if (!index || (pair && (pair[0] !== index[0] || pair[1] !== index[1]))) return undefined;
    pair = index;
    positions.push(k);
  }
  return pair && { positions, from: pair[0], to: pair[1] };
}

const INDEX_OPENERS = ['_', '_{', '^{(', '^(', '^{['];
const INDEX_CLOSERS = ['', '}', ')}', ')', ']}'];

/** `x_1`, `x_n` → ['1', 'n']: the written indices of two names that are the same but for them. */
function indexOf(a: Tok, b: Tok): [string, string] | undefined {
  let p = 0;
  while (p < a.text.length && a.text[p] === b.text[p]) p++;
  let s = 0;
  while (s < a.text.length - p && s < b.text.length - p && a.text[a.text.length - 1 - s] === b.text[b.text.length - 1 - s]) s++;
  const [prefix, suffix] = [a.text.slice(0, p), a.text.slice(a.text.length - s)];
  const [ia, ib] = [a.text.slice(p, a.text.length - s), b.text.slice(p, b.text.length - s)];
  const ok = INDEX_OPENERS.some((o) => prefix.endsWith(o)) && INDEX_CLOSERS.includes(suffix) && /^[0-9]+$/.test(ia) && /^[A-Za-z0-9]+$/.test(ib) && a.value.endsWith(ia);
  return ok ? [ia, ib] : undefined;
}

/** The first term's name with its index 1 replaced by the sum's letter: `x_1` → `x_k` (name xk). */
function renamed(t: Tok, letter: string): Tok {
  const m = /^(.*?)1([)\]]?\}?|\)?)$/.exec(t.text)!;
  return { ...t, text: m[1] + letter + m[2], value: t.value.slice(0, -1) + letter };
}

/** Whether a letter is used in the row already: as a name, or in the index of a name (`x_i`). */
export function usesLetter(tokens: readonly Tok[], letter: string): boolean {
  return tokens.some((t) => t.type === 'name' && (t.value === letter || new RegExp(`[_^][{(\\[]*[^}]*${letter}`).test(t.text)));
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
