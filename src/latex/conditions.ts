// A per-entry claim restricted to a case: `\frac{\partial a_j}{\partial z_i} = -a_i a_j, \quad i \neq j` or
// `= a_i(1 - a_i) \text{ if } i = j`. Read as a statement, `i = j` would define i and `i \neq j` does not
// parse; the author means the claim holds for those entries only, so the condition is taken off the row
// and kept with its claim (check/conditions.ts compares only those entries).
import type { IndexCondition } from '../syntax/ast';
import { spanOf, type Tok } from './tokens';

const NOT_EQUAL = new Set(['\\neq', '\\ne', '≠']);
const CONNECTIVES = /^(if|for|when|where|with|and)$/i;
const isIndexLetter = (t: Tok | undefined) => t?.type === 'name' && /^[a-z]$/.test(t.value);
const isGap = (t: Tok) => t.type === 'comma' || t.type === 'wide' || (t.type === 'prose' && CONNECTIVES.test(t.value.trim()));

/** The row without a trailing index condition, and the condition; the row unchanged when it has none. */
export function takeCondition(tokens: readonly Tok[]): { tokens: Tok[]; condition?: IndexCondition } {
  let end = tokens.length;
  while (end > 0 && (tokens[end - 1].type === 'period' || tokens[end - 1].type === 'comma')) end--;
  const [left, relation, right] = tokens.slice(end - 3, end);
  const unchanged = { tokens: tokens.slice() };
  if (end < 4 || !isIndexLetter(left) || !isIndexLetter(right) || left.value === right.value) return unchanged;
  const equal = relation.type === 'eq';
  if (!equal && !(relation.type === 'unsupported' && NOT_EQUAL.has(relation.text.trim()))) return unchanged;
  let start = end - 3;
  while (start > 0 && isGap(tokens[start - 1])) start--;
  // The condition must be set off from the claim (a comma, a wide space or "if"), and a claim must remain.
  if (start === end - 3 || !tokens.slice(0, start).some((t) => t.type === 'eq')) return unchanged;
  return { tokens: tokens.slice(0, start), condition: { indices: [left.value, right.value], equal, span: spanOf([left, right]) } };
}
