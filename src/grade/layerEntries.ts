// Entries of a layer counted from the last (docs/grading.md, "Notation"): a general-layer write-up (Nielsen's
// notation) names one weight, bias or activation by its indices and its layer, `w_{jk}^{L}`, `a_{k}^{L-1}`,
// `b^L_j`. With the problem's layers numbered 1 .. L, that is entry (j, k) of W2 when L = 2, entry k of a1:
// the same reading as `W^L` for W2, with the subscript picking an entry (index notation, docs/index-notation.md).
import type { Expr } from '../syntax/ast';
import { INDEX_LETTERS, normalizeName } from '../syntax/names';

export interface LayerEntry {
  /** The written base (`w`, `\delta`, normalised) and its layer counted from the last (0 for L, 1 for L-1). */
  base: string;
  fromLast: number;
  indices: string[];
}

const LAYER = String.raw`\{?\(?L(?:-(\d))?\)?\}?`;
const INDICES = String.raw`\{?([a-z](?:,?[a-z])*)\}?`;
const SUBSCRIPT_FIRST = new RegExp(String.raw`^(\\?[A-Za-z]+)_${INDICES}\^${LAYER}$`);
const SUPERSCRIPT_FIRST = new RegExp(String.raw`^(\\?[A-Za-z]+)\^${LAYER}_${INDICES}$`);

/** `w_{jk}^{L}`, `a^{L-1}_k`: the base, the layer from the last and the index letters; undefined for any other name. */
export function layerEntryOf(text: string, known: ReadonlySet<string>): LayerEntry | undefined {
  const sub = SUBSCRIPT_FIRST.exec(text);
  const sup = sub ? undefined : SUPERSCRIPT_FIRST.exec(text);
  const [base, indexText, back] = sub ? [sub[1], sub[2], sub[3]] : sup ? [sup[1], sup[3], sup[2]] : [];
  if (base === undefined || indexText === undefined) return undefined;
  const indices = [...indexText.replace(/,/g, '')];
  // Only free index letters pick an entry: a subscript that is a name of the problem is a label.
  if (!indices.every((i) => INDEX_LETTERS.includes(i) && !known.has(i))) return undefined;
  return { base: normalizeName(base.replace(/^\\/, '')), fromLast: Number(back ?? 0), indices };
}

type NameExpr = Extract<Expr, { kind: 'name' }>;

/** The entry written as index notation on the problem's array (`W2_{jk}`), which lowering reads as that entry. */
export function arrayEntry(x: NameExpr, array: string, indices: readonly string[]): NameExpr {
  return { ...x, name: array + indices.join(''), text: `${array}_{${indices.join(',')}}` };
}
