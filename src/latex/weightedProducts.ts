// A weighted inner product the document defines, `\langle a, b \rangle_W := a^T W b` (also with `=`,
// `\coloneqq`, `\equiv`, `\triangleq`, `^\top`): every later `\langle u, v \rangle_W` is read as uᵀ W v
// (normalize.ts `innerProduct`). Undefined, `\langle u, v \rangle_W` stays unread: texts weight by a diagonal of
// entries, a kernel or a measure as well, and only the document can say which. Only a weight the document
// defines is read, in the order it defines (`b^T W a` swaps the sides).

/**
 * The weights the document defines a product for, by their subscript as written: whether the sides swap, and the
 * definition's own sides (`a`, `b`), whose row is the notation's definition and claims nothing.
 */
export type WeightedProducts = ReadonlyMap<string, WeightedProduct>;
export interface WeightedProduct {
  swapped: boolean;
  sides: [string, string];
}

const LETTER = String.raw`\\?[A-Za-z]{1,24}`;
const TRANSPOSE = String.raw`\^\s*\{?\s*(?:T|\\top|\\intercal|\\mathsf\{T\}|\\mathrm\{T\})\s*\}?`;
const DEFINES = String.raw`(?::=|=|\\coloneqq|\\equiv|\\triangleq|\\stackrel\{[^{}]{0,20}\}\{=\})`;
const DEFINITION = new RegExp(
  String.raw`\\langle\s*(${LETTER})\s*,\s*(${LETTER})\s*\\rangle\s*_\s*(\{\s*${LETTER}\s*\}|${LETTER})\s*${DEFINES}\s*(${LETTER})\s*${TRANSPOSE}\s*(${LETTER})\s*(${LETTER})(?![A-Za-z{_^])`,
  'g',
);

/** The weighted products `source` defines. */
export function weightedProducts(source: string): WeightedProducts {
  const out = new Map<string, WeightedProduct>();
  for (const m of source.matchAll(DEFINITION)) {
    const [, a, b, written, left, weight, right] = m;
    const subscript = weightKey(written);
    if (weight !== subscript || a === b) continue;
    if (left === a && right === b) out.set(subscript, { swapped: false, sides: [a, b] });
    else if (left === b && right === a) out.set(subscript, { swapped: true, sides: [a, b] });
  }
  return out;
}

/** A weight's subscript as the key of the map: `{W}`, `{ W }` and `W` are one. */
export function weightKey(written: string): string {
  return written.replace(/[{}\s]/g, '');
}
