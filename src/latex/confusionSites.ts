// What the confusion table (src/latex/confusions.ts) works with: the places in a step's grammar tokens
// where a confusion applies (sites), the edits that read them otherwise, and token helpers. The edits keep
// the written tokens' text and spans, so a step read otherwise still points at what the author wrote.
import type { Expr, Span } from '../syntax/ast';
import { spanOf, type Tok, type TokType } from './tokens';
export { closer, readAs, spanOf } from './tokens';

export interface NameFacts {
  /** Declared, defined or used in a definition by a statement other than the one being read. */
  own(name: string): boolean;
  /** Own, or used anywhere in another statement. */
  known(name: string): boolean;
  /** Declared with a shape (`x \in \mathbb{R}^{1 \times M}`). */
  declared(name: string): boolean;
  /** Declared, defined or given (by `at`, as a dimension or function): own, not only by being used in a definition. */
  settled(name: string): boolean;
  /** What a derivative is taken by, in any statement (`\partial V`): a quantity the author means by that name. */
  differentiatedBy(name: string): boolean;
}

export interface SiteContext {
  names: NameFacts;
  /** The tokens are a claim's target (the left side of a claim). */
  target: boolean;
  /** The statement's target is a derivative reference (as written or as read). */
  derivation: boolean;
  /** The statement computes numbers (one of its steps has no names): a `6(2)` there is six times two. */
  numeric: boolean;
  /** The tokens parsed, when they parse: where a fraction stands (a factor of a product, the whole step). */
  expr?: Expr;
}

/** `remove` tokens at `at` replaced by `insert` (which keep the spans of the written tokens). */
export interface Edit {
  at: number;
  remove: number;
  insert: Tok[];
}

export interface Site {
  /** The written tokens this site reads differently. */
  span: Span;
  edits: Edit[];
  live: boolean;
  /** Why it reads so, in words. */
  why: string;
  /** What a single name is read as; other readings are shown by what they parse to. */
  readAs?: string;
}

/** One confusion applied to every place of one written form in a step: a line reads a glyph one way. */
export interface Substitution {
  /** Index in CONFUSIONS: on a tie, the earlier entry is preferred. */
  entry: number;
  /** The entry and the written glyph (`partial`, `y:gamma`, `case:X`): `\alpha_1` and `\alpha_2` are one substitution. */
  key: string;
  /** The places it changes: the live ones when there are any, else every one. */
  sites: Site[];
  live: boolean;
}

export interface Found {
  key: string;
  site: Site;
}

export interface Confusion {
  /** As docs/latex.md's table shows it. */
  written: string;
  readAs: string;
  find(tokens: readonly Tok[], ctx: SiteContext): Found[];
}

// ---- tokens


/** Several written tokens read as one. */
export function merged(tokens: readonly Tok[], type: TokType, value: string): Tok {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return { type, value, text: tokens.map((t) => t.text).join(''), start: first.start, end: last.end, span: spanOf([first, last]) };
}

/** Single letters written together (`loq` lexes as l, o, q): the run of letters starting at `i`. */
export function letterRun(tokens: readonly Tok[], i: number): string {
  const isLetter = (t: Tok | undefined) => t !== undefined && t.type === 'name' && /^[a-zA-Z]$/.test(t.text);
  const joined = (a: Tok, b: Tok) => a.end === b.start && a.span.endLine === b.span.line;
  if (!isLetter(tokens[i]) || (isLetter(tokens[i - 1]) && joined(tokens[i - 1], tokens[i]))) return '';
  let run = tokens[i].text;
  for (let j = i + 1; isLetter(tokens[j]) && joined(tokens[j - 1], tokens[j]); j++) run += tokens[j].text;
  return run;
}
