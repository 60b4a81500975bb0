// Macros a web page gives its maths renderer rather than its maths: MathJax 2's
// `MathJax.Hub.Config({ TeX: { Macros: { R: "{\\mathbb{R}}", pd: ["\\frac{\\partial #1}{\\partial #2}", 2] } } })`,
// MathJax 3's `window.MathJax = { tex: { macros: { ... } } }` and KaTeX's `macros: { "\\R": "\\mathbb{R}" }`.
// Blog posts and notebooks exported to HTML carry them in a `<script>`; unexpanded, every formula using one is
// unread. Only the object after a `Macros:`/`macros:` key is read, entry by entry, with JavaScript's string escapes
// undone; anything else in it (a function, a nested object) is skipped, never run.

/** One macro as written in the configuration: its name without the backslash, its body, its parameter count. */
export interface ConfigMacro {
  name: string;
  body: string;
  params: number;
}

const MAX_CONFIG_CHARS = 20_000;
const BLOCK = /\b[Mm]acros\s*:\s*\{/g;
const STRING = String.raw`"((?:[^"\\\n]|\\.){0,400})"|'((?:[^'\\\n]|\\.){0,400})'`;
const ENTRY = new RegExp(String.raw`(?:"\\*([A-Za-z]+)"|'\\*([A-Za-z]+)'|([A-Za-z]+))\s*:\s*(?:${STRING}|\[\s*(?:${STRING})\s*,\s*([1-9])\s*\])`, 'g');

/** The macros the document's renderer configuration defines, in the order written. */
export function configMacros(source: string): ConfigMacro[] {
  const out: ConfigMacro[] = [];
  for (const m of source.matchAll(BLOCK)) {
    const start = m.index + m[0].length;
    const end = closingBrace(source, start);
    if (end === undefined) continue;
    for (const e of source.slice(start, end).matchAll(ENTRY)) {
      const name = e[1] ?? e[2] ?? e[3];
      const body = e[4] ?? e[5] ?? e[6] ?? e[7];
      out.push({ name: `\\${name}`, body: unescapeJs(body), params: e[8] ? Number(e[8]) : 0 });
    }
  }
  return out;
}

/** The `}` that closes the object opened just before `from` (strings skipped), within the bound. */
function closingBrace(source: string, from: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let k = from; k < source.length && k < from + MAX_CONFIG_CHARS; k++) {
    const c = source[k];
    if (quote) {
      if (c === '\\') k++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && depth-- === 0) return k;
  }
  return undefined;
}

/** A JavaScript string literal's text: `\\` is one backslash, `\"` a quote; other escapes keep their character. */
function unescapeJs(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
