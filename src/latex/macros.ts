// A document's own LaTeX macros: `\newcommand{\pd}[1]{\frac{\partial}{\partial #1}}`, `\renewcommand{\th}{\theta}`,
// `\def\R{\mathbb{R}}`, `\DeclareMathOperator{\tr}{tr}`, and those a page gives MathJax or KaTeX (configMacros.ts). Homework typed in LaTeX defines them in its preamble and
// writes its maths with them; unexpanded, every line using one is unread. Each use is replaced by its body, the
// arguments put in for #1..#9, as TeX does; the tokens put in carry the use's offset, so positions stay right.
// The input is untrusted: bodies are bounded, expansion stops at a depth and a token budget (`\def\a{\a\a}`).
import { closingRaw, lexLatex, type RawToken } from './lexer';
import { configMacros } from './configMacros';

export interface Macro {
  params: number;
  body: RawToken[];
}

export type Macros = ReadonlyMap<string, Macro>;

const MAX_MACROS = 200;
const MAX_BODY_CHARS = 400;
const MAX_DEPTH = 8;
/** Tokens one block may grow by through expansion. */
const MAX_GROWTH = 4000;

const DEFINITION = /\\(?:(?:re|provide)?newcommand\*?|DeclareMathOperator\*?|def)\s*/g;
// As normalize.ts drops them before expanding.
const TRIVIA = new Set(['space', 'newline', 'comment', 'spacecmd']);

/** The macros a document's source defines (the last definition of a name wins). */
export function documentMacros(source: string): Macros {
  const macros = new Map<string, Macro>();
  // A renderer's configuration first (configMacros.ts): a definition the maths writes is the author's later word.
  for (const c of configMacros(source)) {
    if (macros.size >= MAX_MACROS) break;
    if (c.body.length <= MAX_BODY_CHARS) macros.set(c.name, { params: c.params, body: macroBody(c.body) });
  }
  for (const m of source.matchAll(DEFINITION)) {
    if (macros.size >= MAX_MACROS) break;
    const read = readDefinition(source, m.index + m[0].length, m[0].startsWith('\\Declare'), m[0].startsWith('\\def'));
    if (read) macros.set(read.name, read.macro);
  }
  return macros;
}

/** `{\name}[n]{body}` or `\name{body}` (with `\def`, `\name#1#2{body}`) at `at`; undefined when malformed. */
function readDefinition(source: string, at: number, operator: boolean, def: boolean): { name: string; macro: Macro } | undefined {
  const braced = source[at] === '{';
  const name = /^\\[a-zA-Z]+/.exec(source.slice(braced ? at + 1 : at, at + 60))?.[0];
  if (!name) return undefined;
  let k = at + (braced ? 1 : 0) + name.length;
  if (braced) {
    if (source[k] !== '}') return undefined;
    k++;
  }
  let params = 0;
  if (def) {
    const hashes = /^(?:#[1-9])*/.exec(source.slice(k, k + 20))![0];
    params = hashes.length / 2;
    k += hashes.length;
  } else {
    const count = /^\s*\[([1-9])\]/.exec(source.slice(k, k + 10));
    if (count) {
      params = Number(count[1]);
      k += count[0].length;
    }
  }
  while (source[k] === ' ') k++;
  const body = bracedText(source, k);
  if (body === undefined || body.length > MAX_BODY_CHARS) return undefined;
  const text = operator ? `\\operatorname{${body}}` : body;
  return { name, macro: { params, body: macroBody(text) } };
}

/**
 * A macro's body as the raw tokens put in at each use. Braces around one atom, `{\mathbb{R}}` as MathJax
 * configurations write their bodies, group nothing, and are dropped: `{\mathbb{R}}^n` is no braced group to read.
 */
function macroBody(text: string): RawToken[] {
  const body = lexLatex(text).filter((t) => !TRIVIA.has(t.type));
  return isBracedAtom(body) ? body.slice(1, -1) : body;
}

/** `{x}`, `{\alpha}`, `{\mathbf{x}}`: one token, or one command with one braced argument, in braces. */
function isBracedAtom(body: readonly RawToken[]): boolean {
  if (body.length < 3 || body[0].text !== '{' || closingRaw(body, 0, '{', '}') !== body.length - 1) return false;
  const inner = body.slice(1, -1);
  if (inner.length === 1) return true;
  return inner[0].type === 'command' && inner[1]?.text === '{' && closingRaw(inner, 1, '{', '}') === inner.length - 1;
}

/** The text inside the braces opening at `at`, or undefined. */
function bracedText(source: string, at: number): string | undefined {
  if (source[at] !== '{') return undefined;
  let depth = 0;
  for (let k = at; k < source.length && k < at + MAX_BODY_CHARS + 2; k++) {
    if (source[k] === '\\') k++;
    else if (source[k] === '{') depth++;
    else if (source[k] === '}' && --depth === 0) return source.slice(at + 1, k);
  }
  return undefined;
}

/** The raw tokens (trivia removed) with every use of a macro expanded, and definitions themselves dropped. */
export function expandMacros(raw: RawToken[], macros: Macros): RawToken[] {
  // Most blocks: nothing to expand, and the lexer's fresh array goes on as it is.
  if (macros.size === 0 && !raw.some(isDefinitionCommand)) return raw;
  const budget = { left: MAX_GROWTH };
  return expand(dropDefinitions(raw), macros, 0, budget);
}

function expand(raw: readonly RawToken[], macros: Macros, depth: number, budget: { left: number }): RawToken[] {
  const out: RawToken[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    const macro = t.type === 'command' ? macros.get(t.text) : undefined;
    if (!macro || depth >= MAX_DEPTH) {
      out.push(t);
      continue;
    }
    const args: RawToken[][] = [];
    let j = i + 1;
    for (let p = 0; p < macro.params; p++) {
      const arg = argumentAt(raw, j);
      if (!arg) break;
      args.push(arg.tokens);
      j = arg.next;
    }
    if (args.length < macro.params || macro.body.length > budget.left) {
      out.push(t);
      continue;
    }
    budget.left -= macro.body.length;
    const body = substitute(macro.body, args, t.offset, t.offset + t.text.length);
    out.push(...expand(body, macros, depth + 1, budget));
    i = j - 1;
  }
  return out;
}

/** The body with #k replaced by argument k, its own tokens placed at the use (`offset` to `end`, the command). */
function substitute(body: readonly RawToken[], args: readonly RawToken[][], offset: number, end: number): RawToken[] {
  const out: RawToken[] = [];
  for (let k = 0; k < body.length; k++) {
    const t = body[k];
    const next = body[k + 1];
    if (t.text === '#' && next?.type === 'number') {
      const n = Number(next.text[0]);
      if (n >= 1 && n <= args.length) {
        out.push(...args[n - 1]);
        // `#12`: parameter 1, then the digit 2.
        if (next.text.length > 1) out.push({ type: 'number', text: next.text.slice(1), offset, end });
        k++;
        continue;
      }
    }
    out.push({ ...t, offset, end });
  }
  return out;
}

/** A macro's argument at `i`: a braced group (without its braces) or one token. */
function argumentAt(raw: readonly RawToken[], i: number): { tokens: RawToken[]; next: number } | undefined {
  const t = raw[i];
  if (!t) return undefined;
  if (t.text !== '{') return { tokens: [t], next: i + 1 };
  const j = closingRaw(raw, i, '{', '}');
  return j === undefined ? undefined : { tokens: raw.slice(i + 1, j), next: j + 1 };
}

const isDefinitionCommand = (t: RawToken) => t.type === 'command' && /^\\(?:(?:re|provide)?newcommand|DeclareMathOperator|def)$/.test(t.text);

/** A definition written inside maths (`$\newcommand{\R}{\mathbb{R}}$`) defines; it claims nothing. */
function dropDefinitions(raw: readonly RawToken[]): RawToken[] {
  const out: RawToken[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (!isDefinitionCommand(raw[i])) {
      out.push(raw[i]);
      continue;
    }
    let j = i + 1;
    if (raw[j]?.text === '*') j++;
    const name = argumentAt(raw, j);
    if (!name) continue;
    j = name.next;
    while (raw[j]?.text === '#' || (raw[j]?.type === 'number' && raw[j - 1]?.text === '#')) j++;
    if (raw[j]?.text === '[') j = Math.min(raw.length, j + 3);
    const body = argumentAt(raw, j);
    i = (body ? body.next : j) - 1;
  }
  return out;
}
