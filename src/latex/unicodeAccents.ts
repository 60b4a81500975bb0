// Letters typed with a Unicode accent (`ŷ`, `x̄`, `θ̂`), as plain-text maths and text pasted from a rendered page
// write them: the TeX accent over the letter, so `ŷ₁` is `\hat{y}_1` (the name yhat_1). The accent comes either
// precomposed (U+0177 ŷ) or as the letter followed by a combining mark (y U+0302); both decompose alike.
/** Combining marks that are TeX accents, with the suffix the accent gives a name (vocabulary.ts ACCENT_SUFFIX). */
const COMBINING_ACCENTS: ReadonlyMap<string, string> = new Map([
  ['\u0302', 'hat'], ['\u0303', 'tilde'], ['\u0304', 'bar'], ['\u0305', 'bar'],
]);

/** A combining accent of the table, which lexer.ts joins to the letter before it. */
export function isCombiningAccent(c: string): boolean {
  return COMBINING_ACCENTS.has(c);
}

/** The letter and the name suffix of a letter with an accent (`ŷ` → y, hat), or undefined for anything else. */
export function accentedLetter(text: string): { letter: string; suffix: string } | undefined {
  const [letter, mark, ...rest] = [...text.normalize('NFD')];
  const accent = mark === undefined ? undefined : COMBINING_ACCENTS.get(mark);
  if (!accent || rest.length > 0 || !/^\p{L}$/u.test(letter)) return undefined;
  return { letter, suffix: accent };
}
