// A chain of `=` links one member of which cannot be read: `CE(y, \hat y) = -\sum_i y_i \log \hat y_i =
// -\log({\text{softmax}(\theta)}_k) = ...`. Dropping the whole row loses the first link, which is often the
// definition a later question differentiates (the loss); so the links before the unreadable member are kept
// as the row's statement and the links after it go on from them, as a member left out between two rows is.
import type { Span } from '../syntax/ast';
import { depths, type Tok } from './tokens';

export interface ReadableLinks {
  /** `lhs = ... =` up to the relation before the unreadable member, without that relation. */
  before: Tok[];
  /** `= ...` from the first relation after the unreadable member, if any. */
  after?: Tok[];
}

const LINKS: ReadonlySet<string> = new Set(['eq', 'approx']);
const ARROW_ENDS: ReadonlySet<string> = new Set(['eq', 'approx', 'gt', 'lt', 'ge', 'le']);

/**
 * The row's tokens around the member that holds the parse error at `error`; undefined when the error is in
 * the left side or the first member (nothing claimed would be left), or is not at one of the row's tokens.
 */
export function readableLinks(tokens: readonly Tok[], error: Span): ReadableLinks | undefined {
  const bad = tokens.findIndex((t) => t.span.line === error.line && t.span.column === error.column);
  if (bad < 0) return undefined;
  const d = depths(tokens);
  const links = tokens.flatMap((t, i) => (d[i] === 0 && LINKS.has(t.type) ? [i] : []));
  const before = links.filter((i) => i < bad);
  // Two relations before the bad member: `lhs = first =`, so `lhs = first` is left. A relation right after the
  // `=` makes no member: `u = -z => \frac{d}{dz} ..` (`=` then `>`) is an arrow typed, not a link.
  if (before.length < 2 || (before[before.length - 1] === bad - 1 && ARROW_ENDS.has(tokens[bad].type))) return undefined;
  const next = links.find((i) => i >= bad);
  const kept: ReadableLinks = { before: tokens.slice(0, before[before.length - 1]) };
  return next === undefined ? kept : { ...kept, after: tokens.slice(next) };
}
