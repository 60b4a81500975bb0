// `Find ∇f for f(x, y) = x²y + y³.`, `The temperature is T(x, y) = 100 - x² - 2y². An ant ...`: a textbook's
// problem states its function inside a sentence typed as plain text, with no `$`. The formula, a function of
// named variables after a word that introduces it (`for`, `of`, `is`, `let`, ...), is read as plain-text maths
// (plainMaths.ts) up to where the sentence goes on: a full stop, a colon or semicolon, `, where`, ` at (1, 2)`,
// ` in the direction ...`. Only a header of distinct one-letter variables that its body uses is read: `f(x) = 0`
// states a value, and `f(2) = 5` a point, not the function. A vector field may come without a header, its
// components a tuple, `the divergence of F = (-y, xy, z).` (a point `F = (1, 2)` stays unread, tuples.ts).
import { plainMathsOf } from './plainMaths';

/** A word that introduces the problem's function, or the start of a line or list item, then its header `f(x, y) =`. */
const INTRODUCED = /(?:^\s*(?:(?:[*+-]|\d{1,3}[.)])\s+)?|(?:^|\s)(?:[Ff]or|of|is|[Ll]et|[Cc]onsider|[Gg]iven|[Ww]here|with|function|[Dd]efine)\s+)(\p{L}\d?)\s*\(\s*(\p{L}(?:\s*,\s*\p{L})*)\s*\)\s*=/dgu;
/** Where the sentence goes on past the formula. */
const FORMULA_END = /\.(?=\s|$)|[:;]|,\s+\p{L}{2,}|\s(?:at|in|on|and|over|when|where|from|to)\s|\s+$/u;

/** The formula a prose line introduces as its function, and its offset in the line; undefined for any other line. */
export function proseFormulaOf(line: string): { offset: number; text: string } | undefined {
  if (/[$\\`]/.test(line)) return undefined;
  for (const match of line.matchAll(INTRODUCED)) {
    const params = match[2].split(',').map((p) => p.trim());
    if (new Set(params).size !== params.length) continue;
    const offset = match.indices![1][0];
    const rest = line.slice(offset);
    const afterEquals = match.index + match[0].length - offset;
    const end = FORMULA_END.exec(rest.slice(afterEquals));
    const text = rest.slice(0, afterEquals + (end ? end.index : rest.length - afterEquals)).replace(/\s+$/, '');
    const body = text.slice(afterEquals);
    if (!params.some((p) => body.includes(p)) || body.includes('=')) continue;
    const read = plainMathsOf(text);
    if (read) return { offset, text: read.text };
  }
  return fieldOf(line);
}

/** `the divergence and curl of F = (-y,xy,z).`: a field named by a capital, its components a tuple up to its `)`. */
const FIELD_INTRODUCED = /(?:^|\s)(?:[Ff]or|of|is|[Ll]et|[Gg]iven|with|[Dd]efine)\s+([A-Z])\s*=\s*\(/du;

function fieldOf(line: string): { offset: number; text: string } | undefined {
  const match = FIELD_INTRODUCED.exec(line);
  if (!match) return undefined;
  const offset = match.indices![1][0];
  const open = match.index + match[0].length - 1;
  let depth = 0;
  for (let k = open; k < line.length; k++) {
    depth += line[k] === '(' ? 1 : line[k] === ')' ? -1 : 0;
    if (depth > 0) continue;
    const read = plainMathsOf(line.slice(offset, k + 1));
    return read && { offset, text: read.text };
  }
  return undefined;
}
