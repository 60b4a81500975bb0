// `CrossEntropy(y, \hat{y})`, `MSE(y, a)`: a word typed directly before a parenthesised list of two or more
// arguments is a function's name. TeX reads the letters as a product, C·r·o·s·s·E·n·t·r·o·p·y(y, ŷ), which makes
// the last letter a function of two arguments and the line unreadable ("unknown function y"); a product of
// letters is never called with two arguments, so the word is the function, as `\operatorname{CrossEntropy}` is.
import { closingRaw, type RawToken } from './lexer';

const OPENERS: ReadonlyMap<string, string> = new Map([['(', ')'], ['{', '}'], ['[', ']']]);

/** The word at `i` (two or more letters) is called, right after it, with two or more arguments. */
export function isCalledWord(raw: readonly RawToken[], i: number): boolean {
  const word = raw[i];
  const open = raw[i + 1];
  if (word?.type !== 'word' || word.text.length < 2 || open?.text !== '(' || open.offset !== word.offset + word.text.length) return false;
  const close = closingRaw(raw, i + 1, '(', ')');
  return close !== undefined && hasTopLevelComma(raw, i + 2, close);
}

/** A comma in raw tokens [from, to) outside every bracket and brace. */
function hasTopLevelComma(raw: readonly RawToken[], from: number, to: number): boolean {
  const closers: string[] = [];
  for (let j = from; j < to; j++) {
    const t = raw[j];
    if (t.type !== 'symbol') continue;
    const closer = OPENERS.get(t.text);
    if (closer) closers.push(closer);
    else if (t.text === closers[closers.length - 1]) closers.pop();
    else if (t.text === ',' && closers.length === 0) return true;
  }
  return false;
}
