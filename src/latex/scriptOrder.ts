// TeX sets `z_j^l` and `z^l_j` alike: one symbol, entry j of layer l's z, and documents write both (Nielsen's
// notes `z^l_j`, others `z_j^l`, some both in one derivation). The normaliser merges an index superscript (a layer,
// a sample, a time step) into the name before it; written after a subscript, it is read as if written before it,
// so both spellings are one name (zlj) with one written form for the readers of written names (index notation,
// error signals, sample arrays). A power (`x_i^2`) is no index and is never moved.
import { normalizeName } from '../syntax/names';

/** A subscript closing a written name: `_j`, `_{jk}`, `_{i,j}`, `_1`. */
const CLOSING_SUBSCRIPT = /^(.+?)(_(?:\{([\p{L}\p{Nd},]+)\}|([\p{L}\p{Nd}])))$/u;

/**
 * The name `value`, written `text`, with the index superscript `raised` (its source, `^l`, `^{(l+1)}`) read into
 * it as `suffix`, when the name ends with a subscript: the superscript goes before the subscript.
 * Undefined when the name has no subscript to go before.
 */
export function raisedBeforeSubscript(value: string, text: string, suffix: string, raised: string): { value: string; text: string } | undefined {
  if (!raised.startsWith('^')) return undefined;
  const m = CLOSING_SUBSCRIPT.exec(text);
  if (!m) return undefined;
  const index = normalizeName(m[3] ?? m[4]);
  if (!value.endsWith(index) || value.length === index.length) return undefined;
  return { value: normalizeName(value.slice(0, -index.length) + suffix + index), text: m[1] + raised + m[2] };
}
