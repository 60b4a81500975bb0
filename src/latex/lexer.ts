// The LaTeX maths lexer (moo): splits the text of one maths block into raw tokens.
// It knows nothing of meaning; src/latex/normalize.ts turns raw tokens into grammar tokens.
import moo from 'moo';

export type RawType =
  | 'newline' | 'space' | 'comment' | 'rowsep' | 'spacecmd' | 'escaped' | 'command'
  | 'number' | 'word' | 'symbol' | 'other';

export interface RawToken {
  type: RawType;
  /** Source text. */
  text: string;
  /** Offset of the first character in the maths string (UTF-16 units). */
  offset: number;
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
  symbol: /[{}()[\]^_',;:=+\-*/|&<>!.?@]/,
  other: { match: /[^]/, lineBreaks: true },
});

/** Lex a maths string. Never throws: anything unknown is an `other` token. */
export function lexLatex(math: string): RawToken[] {
  lexer.reset(math);
  const out: RawToken[] = [];
  for (const t of lexer) {
    if (t.type === 'markdownEscape') out.push({ type: 'symbol', text: t.text[1], offset: t.offset + 1 });
    else out.push({ type: t.type as RawType, text: t.text, offset: t.offset });
  }
  return out;
}
