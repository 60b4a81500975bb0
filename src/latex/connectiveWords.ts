// `3x^2 + 2 \quad and \quad f''(x) = 6x`, `{and}`, `{\rm so}`: an English connective typed in maths mode without
// `\text`. TeX sets it in italics as a product of letters, a·n·d, which joined the two formulas into one step
// and compared `6x` with f'(x): a right line marked wrong. A TA reads the word, so it is prose, as `\text{and}` is.
// Only words no author writes as a product of one-letter names, and only standing alone (no script, no call).
import type { RawToken } from './lexer';

const CONNECTIVES: ReadonlySet<string> = new Set(['and', 'or', 'so', 'then', 'thus', 'hence', 'where', 'with', 'since', 'for', 'if', 'when', 'therefore', 'because', 'implies', 'gives']);

/** The word at `i` is a connective standing alone: not scripted (`so_2`, `x^{and}`), not called (`for(`). */
export function isConnectiveWord(raw: readonly RawToken[], i: number): boolean {
  const word = raw[i];
  if (word?.type !== 'word' || !CONNECTIVES.has(word.text.toLowerCase())) return false;
  const [before, after] = [raw[i - 1]?.text, raw[i + 1]?.text];
  return before !== '^' && before !== '_' && after !== '^' && after !== '_' && after !== '(';
}

/** Font switches a group may open with, `{\rm and}`; they change no word. */
const FONT_SWITCHES: ReadonlySet<string> = new Set(['\\rm', '\\it', '\\bf', '\\sf', '\\tt']);

/** `{and}`, `{\rm so}`: the raw index of the connective a group from `open` to `close` holds and nothing else. */
export function connectiveInGroup(raw: readonly RawToken[], open: number, close: number): number | undefined {
  const inside: number[] = [];
  for (let k = open + 1; k < close && inside.length <= 2; k++) if (!['space', 'newline', 'comment'].includes(raw[k].type)) inside.push(k);
  const word = inside[inside.length - 1];
  const opening = inside.slice(0, -1);
  if (word === undefined || opening.length > 1 || (opening.length === 1 && !FONT_SWITCHES.has(raw[opening[0]].text))) return undefined;
  return isConnectiveWord(raw, word) ? word : undefined;
}
