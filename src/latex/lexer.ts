// The LaTeX maths lexer (moo): splits the text of one maths block into raw tokens.
// It knows nothing of meaning; src/latex/normalize.ts turns raw tokens into grammar tokens.
import moo from 'moo';
import { isCombiningAccent } from './unicodeAccents';

export type RawType =
  | 'newline' | 'space' | 'comment' | 'rowsep' | 'spacecmd' | 'escaped' | 'command'
  | 'number' | 'word' | 'symbol' | 'other';

export interface RawToken {
  type: RawType;
  /** Source text. */
  text: string;
  /** Offset of the first character in the maths string (UTF-16 units). */
  offset: number;
  /** Where a macro's body put in at a use ends: the use's (macros.ts), so its text is what the author wrote. */
  end?: number;
}

// moo tries the rules in this order at each position: `\\` must come before the
// one-character escapes and the commands, which it would otherwise be read as.
const lexer = moo.compile({
  newline: { match: /\r?\n/, lineBreaks: true },
  space: /[ \t\f\r\u00a0]+/,
  comment: /%[^\n]*/,
  rowsep: /\\\\(?:\[[^\]\n]*\])?/,
  spacecmd: /\\[,;:!> ]|~/,
  // `\_` and `\*` are Markdown's escapes (kramdown and Jekyll pages write `w^l\_{jk}` so `_` is not emphasis):
  // in maths they are the subscript and the product they stand for.
  markdownEscape: /\\[_*]/,
  escaped: /\\[{}|&%#$]/,
  command: /\\[a-zA-Z]+/,
  number: /[0-9]+(?:\.[0-9]+)?|\.[0-9]+/,
  word: /[a-zA-Z]+/,
  superscripts: /[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵏʲˣᵃᵇᶜᵈᵉᵐᵗ]+/,
  subscripts: /[₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ]+/,
  symbol: /[{}()[\]^_',;:=+\-*/|&<>!.?@]/,
  other: { match: /[^]/, lineBreaks: true },
});

/** Lex a maths string. Never throws: anything unknown is an `other` token. */
export function lexLatex(math: string): RawToken[] {
  lexer.reset(math);
  const out: RawToken[] = [];
  for (const t of lexer) {
    if (t.type === 'markdownEscape') out.push({ type: 'symbol', text: t.text[1], offset: t.offset + 1 });
    else if (t.type === 'superscripts' || t.type === 'subscripts') out.push(...scriptTokens(t.type === 'superscripts' ? '^' : '_', t.text, t.offset));
    else if (isCombiningAccent(t.text) && out.length > 0) accentLast(out, t.text, t.offset);
    else out.push({ type: t.type as RawType, text: t.text, offset: t.offset });
  }
  return out;
}

/**
 * `y` + U+0302 (ŷ typed with a combining mark): the mark joins the letter right before it into one `other` token,
 * as the precomposed `ŷ` is one (normalize.ts reads both as \hat{y}); a word `xy` keeps its `x`.
 */
function accentLast(out: RawToken[], mark: string, offset: number): void {
  const last = out[out.length - 1];
  if (last.offset + last.text.length !== offset || !/\p{L}$/u.test(last.text) || last.type === 'command') {
    out.push({ type: 'other', text: mark, offset });
    return;
  }
  const letters = [...last.text];
  const letter = letters.pop()!;
  const rest = letters.join('');
  out.pop();
  if (rest) out.push({ ...last, text: rest });
  out.push({ type: 'other', text: letter + mark, offset: last.offset + rest.length });
}

// Unicode's raised and lowered characters, typed in plain-text maths and pasted into LaTeX (`3x²`, `x⁻¹`, `a₁`).
// (`ᵀ` is the transpose mark, read as a token of its own by normalize.ts.)
const SCRIPT_CHARACTERS: ReadonlyMap<string, string> = new Map([
  ...[...'⁰¹²³⁴⁵⁶⁷⁸⁹'].map((c, digit) => [c, String(digit)] as const),
  ...[...'₀₁₂₃₄₅₆₇₈₉'].map((c, digit) => [c, String(digit)] as const),
  ...[...'⁺⁻⁼⁽⁾'].map((c, k) => [c, '+-=()'[k]] as const),
  ...[...'₊₋₌₍₎'].map((c, k) => [c, '+-=()'[k]] as const),
  ...[...'ⁿⁱᵏʲˣᵃᵇᶜᵈᵉᵐᵗ'].map((c, k) => [c, 'nikjxabcdemt'[k]] as const),
  ...[...'ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ'].map((c, k) => [c, 'aeoxhklmnpstijruv'[k]] as const),
]);

/**
 * A run of raised (lowered) characters as the tokens of `^{..}` (`_{..}`) that TeX would have: `x⁻¹` is x^{-1}.
 * Every token keeps the offset of the character it stands for, so positions in the file stay right.
 */
function scriptTokens(mark: '^' | '_', run: string, offset: number): RawToken[] {
  const out: RawToken[] = [{ type: 'symbol', text: mark, offset }, { type: 'symbol', text: '{', offset }];
  const plain = [...run].map((c) => SCRIPT_CHARACTERS.get(c)!);
  for (let k = 0; k < plain.length; ) {
    const kind = /[0-9]/.test(plain[k]) ? 'number' : /[a-z]/.test(plain[k]) ? 'word' : 'symbol';
    let end = k + 1;
    while (kind !== 'symbol' && end < plain.length && (kind === 'number' ? /[0-9]/ : /[a-z]/).test(plain[end])) end++;
    out.push({ type: kind, text: plain.slice(k, end).join(''), offset: offset + k });
    k = end;
  }
  out.push({ type: 'symbol', text: '}', offset: offset + run.length - 1 });
  return out;
}

/** The index of the symbol closing the bracket `opener` at `open` (nested ones skipped), or undefined. */
export function closingRaw(tokens: readonly RawToken[], open: number, opener: string, closer: string): number | undefined {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    if (tokens[j].type !== 'symbol') continue;
    if (tokens[j].text === opener) depth++;
    else if (tokens[j].text === closer && --depth === 0) return j;
  }
  return undefined;
}
