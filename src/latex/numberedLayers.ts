// Layers numbered by a bare superscript: `\frac{\partial C}{\partial w^2}` differentiates by layer 2's
// weights, not by w squared (a first-order derivative, so `w^2` in its denominator is a variable). A document
// that differentiates so numbers its layers so: there, a name is layered when it is differentiated so, or
// written with superscript 0 or 1 (nobody writes z¹ for z), or with two different digits (`z^1`, `z^2`). A
// name written only as `x^2` stays a square, and a document that never differentiates by `w^2` is read as before.

/** `\frac{\partial C}{\partial w^2}`, `\frac{\partial C}{\partial(a^{2})}`: a first-order ∂ over ∂(name^digit). */
const LAYERED_VARIABLE = /\\frac\s*\{\s*\\partial(?!\s*\^)[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*\{\s*\\partial\s*\(?\s*([A-Za-z])\s*\^\s*(?:[0-9]|\{\s*[0-9]\s*\})\s*\)?\s*\}/g;
/** A one-letter name (not the end of a command or a word) with a one-digit superscript. */
const DIGIT_SUPERSCRIPT = /(?<![A-Za-z\\])([A-Za-z])\s*\^\s*(?:([0-9])(?![0-9])|\{\s*([0-9])\s*\})/g;

/** The names whose digit superscripts are layers in a document with these maths blocks. */
export function numberedLayerNames(maths: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const text of maths) for (const m of text.matchAll(LAYERED_VARIABLE)) names.add(m[1]);
  if (names.size === 0) return names;
  const digits = new Map<string, Set<string>>();
  for (const text of maths) {
    for (const m of text.matchAll(DIGIT_SUPERSCRIPT)) {
      const digit = m[2] ?? m[3];
      if (!digits.has(m[1])) digits.set(m[1], new Set());
      digits.get(m[1])!.add(digit);
    }
  }
  for (const [name, written] of digits) if (written.has('0') || written.has('1') || written.size > 1) names.add(name);
  return names;
}
