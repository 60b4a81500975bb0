// Maths typed as plain text in Markdown, with no `$` (course write-ups and READMEs do this a lot):
// `* a_h1 = σ(h1) = 1/(1+exp(-h1))`, `δE_total/δw5 = δE1/δa_o1 * δa_o1/δo1 * δo1/δw5`. A line is read as
// maths only when all of it is: an equation whose words are names (h1, a_o1, E_total), single letters or
// function words, never prose ("h1 and h2 are the first layer neurons" is prose). It is then read as LaTeX
// is, with plain text's own conventions (normalize.ts `plain`): `a_h1` is one name, and `δ` or `∂` before a
// name or bracket on both sides of a `/` is the ∂ of a derivative, as is a left side `E1/δa_o1` (its first δ
// left out). The text keeps its length, so positions
// in the file stay right.

/** Function words plain-text maths writes without a backslash. */
const FUNCTION_WORDS = new Set(['exp', 'log', 'ln', 'sigma', 'sigmoid', 'tanh', 'relu', 'softmax', 'sin', 'cos', 'tan', 'sqrt', 'max', 'min', 'sum', 'mean']);

/** English words of two or three letters, which plain-text maths does not read as products of letters. */
const SHORT_ENGLISH = new Set(
  ('an am as at be by do go he if in is it me my no of on or so to up us we and are but can did for get had has her him his how its let may new not now ' +
    'one our out per put say see set she the too two use via was way who why yes yet you all any few').split(' '),
);

const BULLET = /^\s*(?:[*+-]|\d{1,3}[.)])\s+/;
/** The characters of plain-text maths; `ŷ` may be typed as y and a combining accent (unicodeAccents.ts). */
const MATHS_CHARACTERS = /^[\p{L}\p{N}_\s+\-*/^()[\].,=≈→·×√'∂⁺⁻⁼⁽⁾₊₋₌₍₎\u0302-\u0305]+$/u;
/** Raised and lowered characters (`x²`, `a₁`; lexer.ts reads them as `^{..}`, `_{..}`): no part of a word. */
const SCRIPTS = /[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵏʲˣᵃᵇᶜᵈᵉᵐᵗᵀ₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ]/gu;
const IDENTIFIER = /\p{L}[\p{L}\p{N}_]*/gu;
const DERIVATIVE = /[δ∂](?:\((?:[^()=]|\([^()=]*\))*\)|\p{L}[\p{L}\p{N}_]*)\s*\/\s*[δ∂](?=\p{L})/gu;
/** `dh/dx`: Leibniz's d before two names of a fraction; the names are what must be maths words. */
const LEIBNIZ_D = /\bd(?=\p{L}[\p{L}\p{N}_]*\s*\/\s*d\p{L})|(?<=\/\s*)d(?=\p{L})/gu;
/** `E1/δa_o1 = ...`: a left side over δ and a name is a derivative whose first δ was left out (normalize.ts adds it). */
const HALF_DERIVATIVE = /^(\p{L}[\p{L}\p{N}_]*\s*\/\s*)δ(?=\p{L})/u;

/** `**a) f(x) = x³**`: a part's function stated in bold after its label; the marks and the label are no maths. */
const BOLD_LABELLED = /^(\*\*\s*(?:\(?[a-z]\)\s+)?)(.*?)\*\*$/;

/** `**∂f/∂x|(2,3)** = ..`: bold on the left side only (a `**` opening the line or closing before `=`; `x**2` stays). */
const BOLD_SIDE = /^\*\*|\*\*(?=\s*=)/g;
/** `∂f/∂x|(2,3)`: a bar before a point of numbers, the derivative there (normalize.ts). */
const POINT_BAR = /\|(?=\(\s*-?[\d.]+(?:\s*,\s*-?[\d.]+)*\s*\))/g;

/**
 * `**Given:** w = 0.5, x = 2`, `Where: z = wx`, `**Forward pass**: z = ..`: a lead-in of one to three words and a
 * colon, bold or not, labels the maths after it and is no part of it.
 */
const LEAD_IN = /^(?:\*\*\s*\p{L}+(?:[ -]\p{L}+){0,2}\s*(?::\s*\*\*|\*\*\s*:)|\p{L}+(?:[ -]\p{L}+){0,2}:)\s+/u;

/** `y = 1 (target)`, `α = 0.1 (learning rate)`: words in brackets closing a line gloss it and are no maths. */
const GLOSS = /\s+\(\p{L}{3,}(?:[ -]\p{L}+){0,3}\)$/u;

/** `= 6x²y + 2 ✓`: the author's check mark closing a line is no maths. */
const CHECK_MARK = /\s+[✓✔]$/u;

/**
 * `**At t = 1:**`, `At x = 2, y = -1:`: the point the lines after it are worked at, as `\text{at } t = 1` is in
 * LaTeX (normalize.ts reads the opening `At` so); the colon closing it is punctuation.
 */
const AT_POINT = /^(\s*)[Aa]t(\s+\p{L}[\p{L}\p{N}_]*\s*=\s*-?[\d.]+(?:\s*,\s*\p{L}[\p{L}\p{N}_]*\s*=\s*-?[\d.]+)*\s*):?\s*$/u;

/** `Let u = 3x² + 1`: the word that introduces a definition. */
const LET = /^\s*(?:[Ll]et|[Ww]here)\s+(?=\p{L}[\p{L}\p{N}_']*\s*(?:\([^()]*\)\s*)?=)/u;

/**
 * The maths of a Markdown line written as plain text, and its offset in the line; undefined for anything else.
 * A line that `continues` a maths line right above it may start with `=` or `≈` (`      = 6x + 2`).
 */
export function plainMathsOf(line: string, continues = false): { offset: number; text: string } | undefined {
  const offset = BULLET.exec(line)?.[0].length ?? 0;
  const body = line
    .slice(offset)
    .replace(/\s+$/, '')
    .replace(CHECK_MARK, (mark) => ' '.repeat(mark.length))
    .replace(LEAD_IN, (label) => ' '.repeat(label.length))
    .replace(GLOSS, (gloss) => (FUNCTION_WORDS.has(gloss.trim().slice(1, -1).toLowerCase()) ? gloss : ' '.repeat(gloss.length)))
    .replace(BOLD_LABELLED, (_, label: string, inner: string) => ' '.repeat(label.length) + inner + '  ')
    .replace(LET, (word) => ' '.repeat(word.length))
    .replace(BOLD_SIDE, '  ');
  // `a = σ(1) ≈ 0.731`, and a row `≈ 0.197` going on with the one above: ≈ links a chain as `=` does.
  const point = AT_POINT.exec(body);
  if (point) return { offset, text: `${point[1]}At${point[2]}`.padEnd(body.length) };
  const sides = body.split(/[=≈]/);
  const empty = (s: string, k: number) => s.trim() === '' && !(k === 0 && continues);
  if (sides.length < 2 || sides.some(empty) || !MATHS_CHARACTERS.test(body.replace(POINT_BAR, ' '))) return undefined;
  const text = body.replace(DERIVATIVE, (fraction) => fraction.replace(/δ/g, '∂')).replace(HALF_DERIVATIVE, '$1∂');
  const words = text.replace(SCRIPTS, ' ').replace(LEIBNIZ_D, '').match(IDENTIFIER) ?? [];
  // `2xy + 3y²`, `z = wx`: a short word is a product of its letters, unless it is an English word some letter of
  // which the line does not use alone (`z = wx` is maths, `so the answer is = 2x` prose).
  const letters = new Set(words.filter((w) => w.length === 1));
  const usedAlone = (word: string) => [...word].every((c) => letters.has(c));
  const isProduct = (word: string) => /^[a-z]{2,3}$/.test(word) && (!SHORT_ENGLISH.has(word) || usedAlone(word));
  // `lr = 0.01`: a word the line defines is a name of its own (`lr`), which TeX's letters would make a product.
  const defined = /^\s*([a-z]{2,3})\s*$/.exec(sides[0])?.[1];
  if (defined && !isMathsWord(defined) && !usedAlone(defined)) return undefined;
  return words.every((w) => isMathsWord(w) || isProduct(w)) ? { offset, text: equationsApart(bracketRows(text)) } : undefined;
}

/**
 * `u = 3x² + 1,  u' = 6x`: equations listed with commas are rows of their own; the comma and the space after it
 * become a row break, two backslashes (the text keeps its length). A comma inside brackets (`f(x, y)`, `[2x, 1]`) is no such list.
 */
function equationsApart(text: string): string {
  let out = '';
  let depth = 0;
  let since = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    depth += c === '(' || c === '[' ? 1 : c === ')' || c === ']' ? -1 : 0;
    const listed = c === ',' && depth === 0 && text[k + 1] === ' ' && text.slice(since, k).includes('=') && text.slice(k).includes('=');
    out += listed ? '\\\\' : c;
    if (listed) {
      k++;
      since = k;
    }
  }
  return out;
}

/** Operators next to which a gap is spacing, not a column break. */
const OPERATOR = /[+\-*/=≈·×^([,]/;

/**
 * `J = [2x  1]`: in square brackets, entries set apart by a gap of two or more spaces are a row's columns, as the
 * commas of `[2x, 1]` are (read as side by side, `[2x  1]` was the product 2x · 1, and `[1  2x]` the same). The
 * gap's first space becomes the comma, so the text keeps its length; a gap beside an operator is spacing.
 */
function bracketRows(text: string): string {
  let depth = 0;
  let out = '';
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    depth += c === '[' ? 1 : c === ']' ? -1 : 0;
    let end = k;
    while (text[end] === ' ') end++;
    const gap = depth > 0 && end - k >= 2 && k > 0 && !OPERATOR.test(text[k - 1]) && !OPERATOR.test(text[end] ?? '+') && text[end] !== ']';
    out += gap ? ',' + ' '.repeat(end - k - 1) : text.slice(k, Math.max(end, k + 1));
    k = Math.max(end, k + 1) - 1;
  }
  return out;
}

/** A name (one letter, or with a digit or `_`: h1, a_o1, E_total; or capitals, MSE, BCE), a Greek letter or a function word. */
function isMathsWord(word: string): boolean {
  return word.length === 1 || /^[A-Z]{2,4}$/.test(word) || /[\d_]/.test(word) || /^\p{Script=Greek}+$/u.test(word) || FUNCTION_WORDS.has(word.toLowerCase());
}

/**
 * The maths lines of a fence with no language (```), with their offsets in its text: read when the fence is a
 * derivation typed as plain text, every line of it made of maths characters (code has `:`, `[`, `#`, `"`) and
 * some line a derivative (`dh/dx`, `∂E/∂w`, `g'(h)`). Its lines that are not all maths (`2xe`) are skipped.
 */
export function plainMathsFence(text: string): Array<{ offset: number; text: string }> | undefined {
  const lines = [...text.matchAll(/^.*$/gm)].filter((m) => m[0].trim() !== '');
  // Brackets, which plain maths uses for grouping, mark code here (`x = [1, 2]`).
  if (lines.length === 0 || !lines.every((m) => MATHS_CHARACTERS.test(m[0].replace(BULLET, '')) && !/[[\]]/.test(m[0]))) return undefined;
  const maths = lines.flatMap((m) => {
    const plain = plainMathsOf(m[0]);
    return plain ? [{ offset: m.index + plain.offset, text: plain.text }] : [];
  });
  return maths.some((m) => /[δ∂]|\bd\p{L}[\p{L}\p{N}_]*\s*\/\s*d\p{L}|'\(/u.test(m.text)) ? maths : undefined;
}
