// Regular expressions narrowed for ASCII text. A `u`-flag pattern with Unicode property classes (`\p{L}`,
// `\p{Nd}`) is compiled by V8, at its first use, into an automaton over every letter of every script: about
// 20 ms of CPU for the lexer's rules, a tenth of a whole `check` (issue 18). On text that is all ASCII,
// `\p{L}` matches exactly `A-Za-z` and `\p{Nd}` (and `\p{N}`) exactly `0-9`, so the pattern with those
// classes narrowed matches the same text at the same places; it compiles in a fraction of the time. Text
// with any other character is matched by the pattern as written.

/** The ASCII members of the property classes narrowed; any other property is kept as written (still right). */
const ASCII_MEMBERS: Readonly<Record<string, string>> = { L: 'A-Za-z', Nd: '0-9', N: '0-9' };

const ALL_ASCII = /^[\0-\x7f]*$/;

export function isAscii(text: string): boolean {
  return ALL_ASCII.test(text);
}

/**
 * The source of a `u`-flag pattern with `\p{L}`, `\p{Nd}` and `\p{N}` narrowed to their ASCII members: in
 * a character class, the ranges themselves; elsewhere, a class of them.
 */
export function asciiFormOf(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const property = /^\\p\{(\w+)\}/.exec(source.slice(i, i + 8));
      const members = property ? ASCII_MEMBERS[property[1]] : undefined;
      if (property && members) {
        out += inClass ? members : `[${members}]`;
        i += property[0].length - 1;
      } else {
        out += source.slice(i, i + 2); // an escape is copied whole: `\[` opens no class
        i++;
      }
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return out;
}

/** A RegExp for ASCII text and one for any text, each compiled when first needed. */
export class AsciiAwareRegExp {
  private ascii?: RegExp;
  private full?: RegExp;

  constructor(
    private readonly source: string,
    private readonly flags: string,
  ) {}

  /** The pattern for `text`. */
  for(text: string): RegExp {
    if (isAscii(text)) return (this.ascii ??= new RegExp(asciiFormOf(this.source), this.flags));
    return (this.full ??= new RegExp(this.source, this.flags));
  }

  exec(text: string): RegExpExecArray | null {
    return this.for(text).exec(text);
  }

  test(text: string): boolean {
    return this.for(text).test(text);
  }
}
