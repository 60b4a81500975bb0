// `Now let $z = x^3$`: prose that introduces a formula as a definition. The author defines z there, claims
// nothing about it; where z was defined before, this is z's definition from here on (resolve/questions.ts
// starts a new derivation at it), never a claim checked against the earlier formula (it was ✗ "expected x^2").
// Only the verbs that define are read: `where a = \sigma(z)` as often restates a definition as it makes one.
import type { Statement } from '../syntax/ast';

const DEFINING_WORDS = /(?:^|[\s(.,;:])(?:let|define|suppose|set)\s*$/i;

/** Whether the prose on the line before a maths block (`source` up to `start`) introduces a definition. */
export function introducesDefinition(source: string, start: number): boolean {
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  return DEFINING_WORDS.test(source.slice(lineStart, start).replace(/[$\\([]+\s*$/, ''));
}

/** The statement marked as a definition in prose, when it defines a name by a formula. */
export function markedDefinition(st: Statement): Statement {
  return st.kind === 'equation' && st.lhs.expr.kind === 'name' && st.rhs.length === 1 ? { ...st, defines: true } : st;
}
