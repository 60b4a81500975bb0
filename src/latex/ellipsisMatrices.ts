// Matrices written with elided entries: `\begin{bmatrix} \frac{\partial f}{\partial x_1} \\ \vdots \\
// \frac{\partial f}{\partial x_n} \end{bmatrix}`, `[A_{11} \cdots A_{1n}; \vdots \ddots \vdots; A_{m1} \cdots A_{mn}]`.
// The written entries differ only in their indices: 1 in the first row (column), 2 in the second, the bound in
// the last. Such a matrix is read as its general entry, a `pattern` (build.ts) lowered in index notation with its
// rows and columns over the two indices (docs/latex.md), so it is checked as the whole array the author means.
// A matrix whose entries do not follow one pattern keeps its dots, and rows.ts reports the row unreadable.
import { CLOSING, OPENING, type Tok } from './tokens';
import { usesLetter } from './elisions';

/** Letters for the rows' and columns' indices, in order of preference (`m`, `n`, the usual bounds, are not among them). */
const LETTERS = ['i', 'j', 'k', 'l', 'p', 'q', 'r', 't'];

type Cell = readonly Tok[];

/** Where a corner entry's index is written, and the value written there: `3:t5` is character 5 of token 3's text. */
type Sites = Map<string, string>;

/** The row with every matrix of elided entries it holds read as its general entry. */
export function readEllipsisMatrices(tokens: Tok[]): Tok[] {
  let out = tokens;
  for (let from = 0; out.some((t) => t.type === 'dots'); ) {
    const open = out.findIndex((t, k) => k >= from && t.type === 'begin_matrix');
    const close = open < 0 ? -1 : closing(out, open);
    if (close < 0) return out;
    const read = generalEntry(out, open, close);
    out = read ? [...out.slice(0, open), ...read, ...out.slice(close + 1)] : out;
    from = open + (read ? read.length : 1);
  }
  return out;
}

function closing(tokens: readonly Tok[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    if (OPENING.has(tokens[k].type)) depth++;
    if (CLOSING.has(tokens[k].type) && --depth === 0) return k;
  }
  return -1;
}

/** The matrix's cells, row by row (a trailing `\\` adds no row). */
function cellsOf(tokens: readonly Tok[], open: number, close: number): Cell[][] {
  const rows: Tok[][][] = [[[]]];
  let depth = 0;
  for (let k = open + 1; k < close; k++) {
    const t = tokens[k];
    const row = rows[rows.length - 1];
    if (depth === 0 && t.type === 'amp') row.push([]);
    else if (depth === 0 && t.type === 'rowsep') rows.push([[]]);
    else {
      if (OPENING.has(t.type)) depth++;
      if (CLOSING.has(t.type)) depth--;
      row[row.length - 1].push(t);
    }
  }
  const last = rows[rows.length - 1];
  if (rows.length > 1 && last.length === 1 && last[0].length === 0) rows.pop();
  return rows;
}

const isDots = (cell: Cell) => cell.length === 1 && cell[0].type === 'dots';

/**
 * The positions written along an axis, given which of them are dots: 1, 2, .. up to one elided position, then
 * the last (the bound). Undefined unless exactly one position is elided, between written ones, with one after it.
 */
function positions(elided: readonly boolean[]): Array<number | 'last'> | undefined {
  const at = elided.flatMap((e, k) => (e ? [k] : []));
  if (at.length !== 1 || at[0] === 0 || at[0] !== elided.length - 2 || at[0] > 9) return undefined;
  return elided.map((_, k) => (k < at[0] ? k + 1 : k === at[0] ? 0 : 'last'));
}

/** The pattern tokens for the matrix between `open` and `close`, when its written entries follow one general entry. */
function generalEntry(tokens: readonly Tok[], open: number, close: number): Tok[] | undefined {
  const cells = cellsOf(tokens, open, close);
  const width = cells[0].length;
  if (cells.some((r) => r.length !== width)) return undefined;
  const rowElided = cells.map((r) => r.every(isDots));
  const written = cells.filter((_, k) => !rowElided[k]);
  const colElided = cells[0].map((_, c) => written.every((r) => isDots(r[c])));
  const rowAt = cells.length === 1 ? undefined : positions(rowElided);
  const colAt = width === 1 ? undefined : positions(colElided);
  // Each axis is a single row or column, or elided; at least one is elided.
  if ((cells.length > 1 && !rowAt) || (width > 1 && !colAt) || (!rowAt && !colAt)) return undefined;
  const corner = cells[0][0];
  const rowSites = rowAt ? sitesBetween(corner, cells[cells.length - 1][0]) : new Map<string, string>();
  const colSites = colAt ? sitesBetween(corner, cells[0][width - 1]) : new Map<string, string>();
  if (!rowSites || !colSites || (rowAt && !oneValue(rowSites)) || (colAt && !oneValue(colSites))) return undefined;
  if ([...rowSites.keys()].some((site) => colSites.has(site))) return undefined;
  const bound = (sites: Sites) => [...sites.values()][0];
  const valueAt = (at: Array<number | 'last'> | undefined, k: number, sites: Sites) => (at ? at[k] : 1) === 'last' ? bound(sites) : String(at ? at[k] : 1);
  for (let r = 0; r < cells.length; r++) {
    for (let c = 0; c < width; c++) {
      if (rowElided[r] || colElided[c]) continue;
      const expected = new Map([...withValue(rowSites, valueAt(rowAt, r, rowSites)), ...withValue(colSites, valueAt(colAt, c, colSites))]);
      const found = sitesBetween(corner, cells[r][c]);
      if (!found || !sameSites(found, expected)) return undefined;
    }
  }
  const free = LETTERS.filter((l) => !usesLetter(tokens, l) && l !== bound(rowSites) && l !== bound(colSites));
  const rowIndex = rowAt ? free[0] : '';
  const colIndex = colAt ? free[rowAt ? 1 : 0] : '';
  if (rowIndex === undefined || colIndex === undefined) return undefined;
  const entry = corner.map((t, k) => indexed(indexed(t, k, rowSites, rowIndex), k, colSites, colIndex));
  const [begin, end] = [tokens[open], tokens[close]];
  return [{ ...begin, type: 'begin_pattern', value: `${rowIndex},${colIndex}` }, ...entry, { ...end, type: 'end_pattern' }];
}

function oneValue(sites: Sites): boolean {
  return sites.size > 0 && new Set(sites.values()).size === 1;
}

function withValue(sites: Sites, value: string): Sites {
  return new Map(value === '1' ? [] : [...sites.keys()].map((site) => [site, value]));
}

function sameSites(a: Sites, b: Sites): boolean {
  return a.size === b.size && [...a].every(([site, value]) => b.get(site) === value);
}

/** `_1` after a bracket (normalize.ts refuses a digit there) and `_m`, an entry of it. */
const BRACKET_INDEX = /^_\{?([0-9A-Za-z])\}?$/;

/**
 * Where `other` differs from the corner entry `corner`: at indices only, each a `1` of the corner in a subscript
 * (`x_1` and `x_n`, `A_{11}` and `A_{m1}`, `(Ax)_1` and `(Ax)_m`). Undefined when they differ in anything else.
 */
function sitesBetween(corner: Cell, other: Cell): Sites | undefined {
  if (corner.length !== other.length) return undefined;
  const sites: Sites = new Map();
  for (let k = 0; k < corner.length; k++) {
    const [a, b] = [corner[k], other[k]];
    if (a.type === b.type && a.value === b.value && a.text === b.text) continue;
    if (a.type === 'unsupported' && BRACKET_INDEX.exec(a.text)?.[1] === '1') {
      const index = b.type === 'entry' ? b.value : b.type === 'unsupported' ? BRACKET_INDEX.exec(b.text)?.[1] : undefined;
      if (index === undefined || index.length !== 1) return undefined;
      sites.set(`${k}:e`, index);
      continue;
    }
    if (a.type !== 'name' || b.type !== 'name') return undefined;
    const inText = charSites(a.text, b.text, a.text.indexOf('_'));
    const inValue = charSites(a.value, b.value, 0);
    if (!inText || !inValue || inText.length !== inValue.length || inText.length === 0) return undefined;
    for (const [p, value] of inText) sites.set(`${k}:t${p}`, value);
    for (const [p, value] of inValue) sites.set(`${k}:v${p}`, value);
  }
  return sites;
}

/** The characters where two texts of one length differ, each a `1` of `a` after `subscript`, with `b`'s character. */
function charSites(a: string, b: string, subscript: number): Array<[number, string]> | undefined {
  if (a.length !== b.length) return undefined;
  const out: Array<[number, string]> = [];
  for (let p = 0; p < a.length; p++) {
    if (a[p] === b[p]) continue;
    if (a[p] !== '1' || subscript < 0 || p <= subscript || !/[0-9A-Za-z]/.test(b[p])) return undefined;
    out.push([p, b[p]]);
  }
  return out;
}

/** Token `k` of the corner entry with its sites among `sites` written with the index letter. */
function indexed(t: Tok, k: number, sites: Sites, letter: string): Tok {
  if (sites.has(`${k}:e`)) return { ...t, type: 'entry', value: letter, text: `_${letter}` };
  const replace = (s: string, key: 't' | 'v') => [...s].map((ch, p) => (sites.has(`${k}:${key}${p}`) ? letter : ch)).join('');
  return t.type === 'name' ? { ...t, text: replace(t.text, 't'), value: replace(t.value, 'v') } : t;
}
