// Names spelled as words, as programmers write them: `loss = ...`, `\frac{\partial loss}{\partial scores_0}`.
// TeX reads `loss` as l·o·s·s; an author who differentiates by a word, or defines one, means one name. Such a
// word is one name everywhere in the document; any other run of letters multiplies, as in TeX.
import { FUNCTION_WORDS } from './vocabulary';

/** A word of three or more letters after `\partial` or `∂` (`\partial loss`, `\partial{scores_0}`, `∂MSE/∂w`). */
const DIFFERENTIATED = /(?:\\partial|∂)\s*\{?\s*([A-Za-z]{3,})(?![A-Za-z])/g;
/** A word of three or more letters that a row opens and defines (`loss = ...`, `scores_k &= ...`). */
const DEFINED = /(?:^|\\\\|\n)\s*&?\s*([A-Za-z]{3,})\s*(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*&?\s*=/g;

/** A name written with an index that is a unit's name (`a_o1`, `a_{h2}`): letters, an underscore, letters and digits. */
const UNIT_INDEXED = /(?<![A-Za-z0-9\\])([A-Za-z]+)_\{?([A-Za-z]+[0-9]+)\}?(?![A-Za-z0-9])/g;

/**
 * The words a document's maths blocks use as names, and the spellings without their underscore of names indexed
 * by a unit (`ao1` for `a_o1`): typed run together, they are that name (the slip a TA reads past), not a·o1.
 */
export function wordNames(maths: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const text of maths) {
    for (const pattern of [DIFFERENTIATED, DEFINED]) {
      for (const m of text.matchAll(pattern)) if (!FUNCTION_WORDS.has(m[1].toLowerCase())) words.add(m[1]);
    }
    for (const m of text.matchAll(UNIT_INDEXED)) words.add(m[1] + m[2]);
  }
  return words;
}
