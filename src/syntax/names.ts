// What counts as an identifier, and how identifiers are normalised.
// `W_1`, `W_{1}`, `W₁` and `W1` are one name; the resolver compares normalised names only.
import { AsciiAwareRegExp } from './asciiPattern';

/** Letters of any script (Greek included); digits are ASCII or Unicode decimal digits. */
const LETTER = '\\p{L}';
const ALNUM = '[\\p{L}\\p{Nd}]';
const SUBSCRIPT_DIGIT = '[\u2080-\u2089]';

/**
 * The identifier pattern (source of a `u`-flag RegExp, no capture groups):
 * a letter, then letters, digits, subscript digits `₁`, and subscripts `_x`, `_12`, `_{ij}`, `_{i,j}`.
 */
export const IDENTIFIER_SOURCE =
  `${LETTER}(?:${ALNUM}|${SUBSCRIPT_DIGIT}|_\\{[\\p{L}\\p{Nd},]+\\}|_${ALNUM})*`;

const WHOLE_IDENTIFIER = new AsciiAwareRegExp(`^${IDENTIFIER_SOURCE}$`, 'u');

/**
 * Words the lexer reads as operators although they look like identifiers:
 * `in` (shape claim, same as `∈`) and `odot` (Hadamard product, same as `⊙`).
 */
export const RESERVED_WORDS: readonly string[] = ['in', 'odot'];

/** Words that start a statement only in first position (`at x = 1`); elsewhere they are ordinary names. */
export const STATEMENT_KEYWORDS: readonly string[] = ['at', 'problem', 'ask', 'alias', 'policy', 'feedback', 'visibility', 'override'];

/** True when `text` is lexed as one identifier token (reserved words excluded). */
export function isIdentifier(text: string): boolean {
  return WHOLE_IDENTIFIER.test(text) && !RESERVED_WORDS.includes(text);
}

/**
 * `W_1`, `W_{1}`, `W₁`, `W1` → `W1`; `a_2` → `a2`; `W_{ij}`, `W_{i,j}` → `Wij`.
 * Greek and other letters keep their character; the result is NFC so visually equal names compare equal.
 */
/** The default index letters: lowercase letters commonly used as indices and rarely as quantities. */
export const INDEX_LETTERS: readonly string[] = ['i', 'j', 'k', 'l', 'm', 'n', 'p', 'q', 'r', 't'];

export function normalizeName(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2080-\u2089]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x2080 + 48))
    .replace(/[_{},]/g, '');
}

/**
 * The callee `a \\otimes b` is read as (resolve/outerProducts.ts), the outer product of two vectors; printed as .cr,
 * `otimes(a, b)` parses back to it.
 */
export const OUTER_PRODUCT_CALLEE = 'otimes';

/** The name the LaTeX reader gives a bold 1 written without its size (a digit first: no author's name; resolve/onesVectors.ts). */
export const UNSIZED_ONES = '1ones';
