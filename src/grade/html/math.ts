// KaTeX rendering for the reports. Input is LaTeX printed by chainrule (exprLatex, printLatex), never
// raw student text, and KaTeX runs with trust off. Rendered strings are cached per process: a class
// writes the same lines again and again, and KaTeX is the slowest part of writing a report.
import type * as Katex from 'katex';
import { escapeHtml } from './escape';

/** Longer LaTeX is shown as text: KaTeX time and page size grow with it, and nobody reads it typeset. */
export const MAX_TYPESET_LENGTH = 4000;
const MAX_CACHED = 20_000;

const cache = new Map<string, string>();

// Loaded at the first formula: the batch's main thread may typeset none (60 ms of CPU to load).
const katex = () => require('katex') as typeof Katex;

/**
 * Inline formulas typeset by a grading worker, put in this thread's cache: the batch's main thread then
 * writes the class page without loading KaTeX (the same KaTeX and options give the same HTML).
 */
export function rememberTypeset(typeset: ReadonlyArray<readonly [latex: string, html: string]>): void {
  for (const [latex, html] of typeset) remember(`I${latex}`, html);
}

function remember(key: string, html: string): void {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, html);
}

export function renderMath(latex: string, displayMode = false): string {
  if (latex.length > MAX_TYPESET_LENGTH) return `<code class="long-math">${escapeHtml(latex)}</code>`;
  const key = `${displayMode ? 'D' : 'I'}${latex}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const html = katex().renderToString(latex, { throwOnError: false, trust: false, strict: 'ignore', maxExpand: 100, displayMode });
  // KaTeX builds its output by concatenation: a deep tree of string pieces that every report joining it
  // would walk again. Converting it to a number (NaN, unused) makes V8 flatten it once, in place.
  void Number(html);
  remember(key, html);
  return html;
}
