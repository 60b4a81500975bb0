// A per-entry claim restricted to a case: `\frac{\partial a_j}{\partial z_i} = -a_i a_j, \quad i \neq j` or
// `= a_i(1 - a_i) \text{ if } i = j`. Read as a statement, `i = j` would define i and `i \neq j` does not
// parse; the author means the claim holds for those entries only, so the condition is taken off the row
// and kept with its claim (check/conditions.ts compares only those entries). A condition alone
// (`If $i = k$,` before a display) is the case of the next block's claims (documents.ts). A case split
// `\frac{\partial p_i}{\partial o_k} = \begin{cases} p_k(1 - p_k) & i = k \\ -p_k p_i & i \neq k \end{cases}` is one
// such claim per case (casesOf; normalize.ts keeps the cases' tokens on the environment's `aside` token).
import type { IndexCondition } from '../syntax/ast';
import { spanOf, type Tok } from './tokens';

export const NOT_EQUAL = new Set(['\\neq', '\\ne', '≠']);
const CONNECTIVES = /^(if|for|when|where|with|and)$/i;
// The letters docs/index-notation.md reads as indices; a case alone (`$i = k$`) only with the entry letters,
// since `m = n`, `a = b` alone state something else.
const isIndexLetter = (t: Tok | undefined) => t?.type === 'name' && /^[ijklmnpqrt]$/.test(t.value);
const isEntryLetter = (t: Tok) => /^[ijkl]$/.test(t.value);
const OTHERWISE = /^(otherwise|else|elsewhere)$/i;
const isGap = (t: Tok) => t.type === 'comma' || t.type === 'wide' || (t.type === 'prose' && CONNECTIVES.test(t.value.trim()));
/** `=` or `\neq` between two index letters: the relations of a case. */
const isCaseRelation = (t: Tok | undefined) => t?.type === 'eq' || (t?.type === 'unsupported' && NOT_EQUAL.has(t.text.trim()));

/** The row without a trailing index condition, and the condition; the row unchanged when it has none. */
export function takeCondition(tokens: readonly Tok[]): { tokens: Tok[]; condition?: IndexCondition } {
  let end = tokens.length;
  while (end > 0 && (tokens[end - 1].type === 'period' || tokens[end - 1].type === 'comma')) end--;
  // `\quad (i \neq j)`: the case in brackets, set off by a gap like a bare one.
  const bracketed = end >= 5 && tokens[end - 1].type === 'rparen' && tokens[end - 5].type === 'lparen';
  const [left, relation, right] = tokens.slice(end - (bracketed ? 4 : 3), end - (bracketed ? 1 : 0));
  const unchanged = { tokens: tokens.slice() };
  // `the true class occurs at index $j = c$`: an entry letter given another letter alone says which entry, never
  // defines j (read as a definition, every p_j of the question stopped depending on j).
  if (end === 3 && !bracketed && isEntryChoice(left, relation, right)) return { tokens: [] };
  if (end < 3 || !isIndexLetter(left) || !isIndexLetter(right) || left.value === right.value) return unchanged;
  if (!isCaseRelation(relation)) return unchanged;
  const equal = relation.type === 'eq';
  let start = end - (bracketed ? 5 : 3);
  while (start > 0 && isGap(tokens[start - 1])) start--;
  const condition: IndexCondition = { indices: [left.value, right.value], equal, span: spanOf([left, right]) };
  // Alone (`If $i = k$,` in prose) it is the case of the claims that follow, never a definition of i.
  if (start === 0) return isEntryLetter(left) && isEntryLetter(right) ? { tokens: [], condition } : unchanged;
  // Beside a claim it must be set off from it (a comma, a wide space or "if").
  if (start === end - (bracketed ? 5 : 3) || !tokens.slice(0, start).some((t) => t.type === 'eq')) return unchanged;
  return { tokens: tokens.slice(0, start), condition };
}

/** `j = c`: an entry letter equal to a letter that is no index letter. */
function isEntryChoice(left: Tok, relation: Tok, right: Tok): boolean {
  return left.type === 'name' && isEntryLetter(left) && relation.type === 'eq' && right.type === 'name' && /^[a-zA-Z]$/.test(right.value) && !isIndexLetter(right);
}

/** A case alone: `i = k`, `\text{if } i \neq k` (with index letters); `otherwise` is undefined here. */
function caseAlone(tokens: readonly Tok[]): IndexCondition | undefined {
  const kept = tokens.filter((t) => !isGap(t) && t.type !== 'period');
  const [left, relation, right] = kept;
  if (kept.length !== 3 || !isIndexLetter(left) || !isIndexLetter(right) || left.value === right.value) return undefined;
  if (!isCaseRelation(relation)) return undefined;
  return { indices: [left.value, right.value], equal: relation.type === 'eq', span: spanOf([left, right]) };
}

export interface Case {
  tokens: Tok[];
  condition: IndexCondition;
}

/**
 * The cases of a `cases` environment (its rows, each `value & condition`) when every condition is a case of
 * two indices, or `otherwise` beside one such case (its complement); undefined when any is something else.
 */
export function casesOf(rows: readonly { value: Tok[]; condition: Tok[] }[]): Case[] | undefined {
  const read = rows.map((r) => ({ value: r.value, condition: caseAlone(r.condition), otherwise: r.condition.some((t) => t.type === 'prose' && OTHERWISE.test(t.value.trim())) }));
  const known = read.filter((r) => r.condition);
  if (read.some((r) => r.value.length === 0 || (!r.condition && !(r.otherwise && known.length === 1 && read.length === 2)))) return undefined;
  return read.map((r) => ({ tokens: r.value, condition: r.condition ?? { ...known[0].condition!, equal: !known[0].condition!.equal } }));
}

/**
 * The row without a trailing quantifier over an index: `= \frac{..}{..}, \forall i = 1, 2, 3`,
 * `\quad \forall i \in \{1, \dots, K\}`, `\text{ for all } i`. A free index already says the claim holds for
 * every entry, so such a quantifier adds nothing to check. One with a case (`\forall i \neq j`) leaves the case
 * for takeCondition. Anything else after it (`\forall i > j`) leaves the row as it is, unread.
 */
export function dropQuantifier(tokens: readonly Tok[]): Tok[] {
  const at = tokens.findIndex((t, i) => isQuantifier(t) && isIndexLetter(tokens[i + 1]));
  let start = at;
  while (start > 0 && isGap(tokens[start - 1])) start--;
  if (at < 0 || !tokens.slice(0, start).some((t) => t.type === 'eq')) return tokens.slice();
  const after = tokens.slice(at + 2).filter((t) => t.type !== 'period' && t.type !== 'comma');
  const relation = after[0];
  if (after.length === 2 && isIndexLetter(after[1]) && isCaseRelation(relation)) {
    return [...tokens.slice(0, at), ...tokens.slice(at + 1)];
  }
  const range = after.length === 0 || (relation.type === 'eq' && after.slice(1).every((t) => t.type === 'num' || t.type === 'name' || t.type === 'dots'));
  const within = relation?.type === 'kw_in';
  return range || within ? tokens.slice(0, start) : tokens.slice();
}

const isQuantifier = (t: Tok) => (t.type === 'unsupported' && t.text.trim() === '\\forall') || (t.type === 'prose' && /^for (all|every|each)$/i.test(t.value.trim()));
