// Finds the maths in a Markdown or LaTeX document, in document order, with the lines that may
// name a problem. Prose is skipped; so are code (except ```cr fences, which hold .cr lines),
// HTML comments and TeX comments. Offsets are into the document, so spans stay exact.
import { withoutQuoteMarks } from './quotedMaths';
import { ROW_ENVIRONMENTS } from './vocabulary';
import { plainMathsFence, plainMathsOf } from './plainMaths';
import { proseFormulaOf } from './proseFormulas';
import { joinedByProseEquals } from './proseEquals';

export type DocumentEvent =
  /** Maths: `text` starts at `start` in the document. */
  | { kind: 'math'; text: string; start: number; display: boolean; plain?: boolean }
  /**
   * A heading (Markdown `#`, TeX `\section`; `level` 1 is the outermost) or a prose line: either may name
   * a problem, and a heading starts a question.
   */
  | { kind: 'heading'; text: string; start: number; end: number; level: number }
  | { kind: 'line'; text: string; start: number; end: number }
  /** The inside of a ```cr fence; `start` is the first character of its first line. */
  | { kind: 'cr'; text: string; start: number };

export type MathEvent = Extract<DocumentEvent, { kind: 'math' }>;

const CR_FENCE_LANGUAGES = new Set(['cr', 'chainrule']);
/** GitHub's ```math fence holds display maths. */
const MATH_FENCE_LANGUAGES = new Set(['math', 'latex', 'tex', 'katex']);

function lineEndAt(src: string, i: number): number {
  const e = src.indexOf('\n', i);
  return e < 0 ? src.length : e;
}

/**
 * Finds closing delimiters. Every search remembers where the next occurrence is (or that there is
 * none), so a document full of unclosed openers costs linear time, not quadratic (input is untrusted).
 */
class Finder {
  /** Per delimiter: a search start and the first occurrence at or after it (-1: none). */
  private readonly next = new Map<string, { from: number; at: number }>();
  /** Inline `$` openers before this offset cannot be closed (see `inlineDollarEnd`). */
  private noInlineCloserBefore = -1;

  constructor(
    private readonly src: string,
    private readonly markdown: boolean,
  ) {}

  /** The first `delimiter` at or after `from`. */
  find(delimiter: string, from: number): number | undefined {
    const known = this.next.get(delimiter);
    const at = known && from >= known.from && (known.at < 0 || known.at >= from) ? known.at : this.src.indexOf(delimiter, from);
    this.next.set(delimiter, { from, at });
    return at < 0 ? undefined : at;
  }

  /** `\begin{align*}` and the other environments that are maths on their own: the offset after `\end{..}`. */
  mathEnvironmentEnd(i: number): number | undefined {
    const m = /^\\begin\{([a-zA-Z]+\*?)\}/.exec(this.src.slice(i, i + 40));
    if (!m || !ROW_ENVIRONMENTS.has(m[1])) return undefined;
    const close = `\\end{${m[1]}}`;
    const at = this.find(close, i + m[0].length);
    return at === undefined ? undefined : at + close.length;
  }

  /**
   * An inline `$..$`: it ends at the next unescaped `$` before a blank line or a `$$`. In Markdown
   * (pandoc's rule) the opening `$` is not followed by a space and the closing one not preceded by
   * a space nor followed by a digit, so prices ("$5 and $10") are not maths. Whether a `$` can close
   * does not depend on the opener, so a failed search also fails every opener before where it stopped.
   */
  inlineDollarEnd(open: number): number | undefined {
    const src = this.src;
    if (open < this.noInlineCloserBefore) return undefined;
    if (this.markdown) {
      const spaced = this.spacedInlineEnd(open);
      if (spaced !== undefined || /\s/.test(src[open + 1] ?? ' ')) return spaced;
    }
    let j = open + 1;
    for (; j < src.length; j++) {
      const c = src[j];
      if (c === '\\') j++;
      else if (c === '\n' && blankLineAt(src, j + 1)) break;
      else if (c === '$' && src[j + 1] === '$') break; // inline maths never holds a display `$$`
      else if (c === '$') {
        if (this.markdown && (/\s/.test(src[j - 1]) || /[0-9]/.test(src[j + 1] ?? ''))) continue;
        return j;
      }
    }
    this.noInlineCloserBefore = j;
    return undefined;
  }

  /**
   * `$ A^{(2)} = \sigma(Z^{(2)}) $`, `$\frac{dJ}{db} = (s - y) $`, `$ \frac{\partial L}{\partial V} = B^T G$`:
   * MathJax, Jupyter and GitHub render inline maths with a space inside either dollar, and write-ups use it.
   * Read as maths only when both dollars are on one line, a space is inside one of them, the closing one is
   * not followed by a digit, and what is between reads as maths (a command, `^`, `_`, `=` or one letter),
   * never a number first ("$ 5 and $ 10" stays prose). `find` keeps the search linear.
   */
  private spacedInlineEnd(open: number): number | undefined {
    const src = this.src;
    const close = this.find('$', open + 1);
    if (close === undefined || close > lineEndAt(src, open) || src[close + 1] === '$' || /[0-9]/.test(src[close + 1] ?? '')) return undefined;
    if (!/\s/.test(src[open + 1]) && !/\s/.test(src[close - 1])) return undefined;
    const inside = src.slice(open + 1, close).trim();
    return inside !== '' && !/^[0-9]/.test(inside) && (/[\\^_=]/.test(inside) || /^[A-Za-z]$/.test(inside)) ? close : undefined;
  }

  /**
   * Maths starting at `i` (`$$`, `$`, `\[`, `\(`, a maths environment), as an event and the index
   * after it; undefined when no maths starts there.
   */
  mathAt(i: number): { event: MathEvent; next: number } | undefined {
    const src = this.src;
    const two = src.slice(i, i + 2);
    const block = (open: number, close: number | undefined, closeLength: number, display: boolean) =>
      close === undefined ? undefined : { event: { kind: 'math' as const, text: src.slice(open, close), start: open, display }, next: close + closeLength };
    if (two === '$$') return block(i + 2, this.find('$$', i + 2), 2, true);
    // GitHub's inline maths $`..`$, whose backticks keep Markdown out of it.
    if (this.markdown && two === '$`') return block(i + 2, this.find('`$', i + 2), 2, false);
    if (two === '\\[') return block(i + 2, this.find('\\]', i + 2), 2, true);
    if (two === '\\(') return block(i + 2, this.find('\\)', i + 2), 2, false);
    if (src[i] === '$') return block(i + 1, this.inlineDollarEnd(i), 1, false);
    if (src.startsWith('\\begin{', i)) {
      const end = this.mathEnvironmentEnd(i);
      return end === undefined ? undefined : { event: { kind: 'math', text: src.slice(i, end), start: i, display: true }, next: end };
    }
    return undefined;
  }

  /** The next line that is a `$` alone after `from` (before a blank line): where its `$` starts, and the line after. */
  loneDollarClose(from: number): { start: number; next: number } | undefined {
    const src = this.src;
    for (let j = from + 1; j < src.length; ) {
      const end = lineEndAt(src, j);
      const line = src.slice(j, end);
      if (/^\s*$/.test(line)) return undefined;
      if (/^\s*\$\s*$/.test(line)) return { start: j + line.indexOf('$'), next: end + 1 };
      j = end + 1;
    }
    return undefined;
  }

  /**
   * `\\( .. \\)` and `\\[ .. \\]` in Markdown: the delimiters kramdown and Jekyll pages write, since Markdown
   * turns `\\(` into the `\(` MathJax reads.
   */
  escapedMathAt(i: number): { event: DocumentEvent; next: number } | undefined {
    const src = this.src;
    const opener = src.slice(i, i + 3);
    if (opener !== '\\\\(' && opener !== '\\\\[') return undefined;
    const display = opener === '\\\\[';
    const closer = display ? '\\\\]' : '\\\\)';
    const close = this.find(closer, i + 3);
    return close === undefined ? undefined : { event: { kind: 'math', text: src.slice(i + 3, close), start: i + 3, display }, next: close + 3 };
  }

  /**
   * `<script type="math/tex; mode=display">..</script>`: the element MathJax 2 typesets, which kramdown and
   * LyX's HTML export write for `$$..$$` and `$..$`; display when its type says `mode=display`.
   */
  scriptMathAt(i: number): { event: DocumentEvent; next: number } | undefined {
    const open = MATH_SCRIPT.exec(this.src.slice(i, i + 80));
    if (!open) return undefined;
    const start = i + open[0].length;
    const close = this.find('</script>', start);
    if (close === undefined) return undefined;
    return { event: { kind: 'math', text: this.src.slice(start, close), start, display: open[1] !== undefined }, next: close + '</script>'.length };
  }

  /** Past an inline code span opened by the backticks at `i` (closed on the same line), or past the backticks. */
  skipInlineCode(i: number): number {
    const run = /^`+/.exec(this.src.slice(i, i + 100))![0];
    const close = this.find(run, i + run.length);
    const lineEnd = this.find('\n', i) ?? this.src.length;
    return close !== undefined && close < lineEnd ? close + run.length : i + run.length;
  }
}

/** The opening tag of a MathJax maths element, lowercase as MathJax pages write it; group 1 is its display mode. */
const MATH_SCRIPT = /^<script\s+type\s*=\s*["']math\/tex(\s*;\s*mode\s*=\s*display)?["']\s*>/;

/** Whether the line starting at `i` is blank. */
function blankLineAt(src: string, i: number): boolean {
  let j = i;
  while (src[j] === ' ' || src[j] === '\t') j++;
  return src[j] === '\n' || j >= src.length;
}

/** Markdown: headings, fences, inline code, HTML comments, and maths in between. */
export function scanMarkdown(src: string): DocumentEvent[] {
  const events: DocumentEvent[] = [];
  const finder = new Finder(src, true);
  let plainLineEnd = -1; // where the last line read as plain-text maths ends, for a line that continues it
  let i = 0;
  while (i < src.length) {
    if (i === 0 || src[i - 1] === '\n') {
      const end = lineEndAt(src, i);
      const line = src.slice(i, end);
      const fence = /^\s{0,3}(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
      if (fence) {
        const language = fence[2].toLowerCase();
        const kind = CR_FENCE_LANGUAGES.has(language) ? 'cr' : MATH_FENCE_LANGUAGES.has(language) ? 'math' : language === '' ? 'plain' : undefined;
        i = skipFence(src, end, fence[1], kind, events);
        continue;
      }
      // `$` alone on a line opens display maths that a `$` alone on a later line closes (Jekyll pages write so).
      const lone = /^\s*\$\s*$/.test(line) ? finder.loneDollarClose(end) : undefined;
      if (lone) {
        events.push({ kind: 'math', text: src.slice(end + 1, lone.start), start: end + 1, display: true });
        i = lone.next;
        continue;
      }
      const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      events.push(heading ? { kind: 'heading', text: heading[2], start: i, end, level: heading[1].length } : { kind: 'line', text: line, start: i, end });
      if (heading) {
        i = end + 1;
        continue;
      }
      const plain = plainMathsOf(line, plainLineEnd === i - 1);
      if (plain) events.push({ kind: 'math', text: plain.text, start: i + plain.offset, display: true, plain: true });
      const formula = plain ? undefined : proseFormulaOf(line);
      if (formula) events.push({ kind: 'math', text: formula.text, start: i + formula.offset, display: false, plain: true });
      plainLineEnd = plain ? end : -1;
    }
    const c = src[i];
    const escapedMath = c === '\\' ? finder.escapedMathAt(i) : c === '<' ? finder.scriptMathAt(i) : undefined;
    if (escapedMath) {
      events.push(escapedMath.event);
      i = escapedMath.next;
    } else if (c === '\\' && (src[i + 1] === '$' || src[i + 1] === '\\')) i += 2;
    else if (c === '`') i = finder.skipInlineCode(i);
    else if (src.startsWith('<!--', i)) i = (finder.find('-->', i + 4) ?? src.length - 3) + 3;
    else {
      const found = finder.mathAt(i);
      const math = found && joinedByProseEquals(src, found, (at) => finder.mathAt(at));
      if (math) {
        events.push(math.event.kind === 'math' ? withoutQuoteMarks(math.event) : math.event);
        i = math.next;
      } else i++;
    }
  }
  return events;
}

/**
 * Skip a fenced code block starting on the line ending at `lineEnd`; a cr fence or a maths fence becomes an event,
 * and a fence with no language that holds a derivation typed as plain text (plainMaths.ts) an event per maths line.
 */
function skipFence(src: string, lineEnd: number, marker: string, kind: 'cr' | 'math' | 'plain' | undefined, events: DocumentEvent[]): number {
  const contentStart = Math.min(lineEnd + 1, src.length);
  const closing = new RegExp(`^\\s{0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
  const keep = (to: number) => {
    const text = src.slice(contentStart, to);
    if (kind === 'cr') events.push({ kind: 'cr', text, start: contentStart });
    if (kind === 'math') events.push({ kind: 'math', text, start: contentStart, display: true });
    if (kind === 'plain') {
      for (const line of plainMathsFence(text) ?? []) events.push({ kind: 'math', text: line.text, start: contentStart + line.offset, display: true, plain: true });
    }
  };
  let j = contentStart;
  while (j < src.length) {
    const end = lineEndAt(src, j);
    if (closing.test(src.slice(j, end))) {
      keep(j);
      return end + 1;
    }
    j = end + 1;
  }
  keep(src.length);
  return src.length;
}

const TEX_HEADING = /\\(section|subsection|subsubsection|paragraph|subparagraph)\*?\{([^{}]*)\}/;
const TEX_LEVELS: Record<string, number> = { section: 1, subsection: 2, subsubsection: 3, paragraph: 4, subparagraph: 5 };
const TEX_ITEM_PART = /^\s*\\item\s*\[([^\]]*)\]/;
const VERBATIM = ['verbatim', 'lstlisting', 'minted', 'comment'];

/** `\end{verbatim}` when a verbatim-like environment (no maths inside) starts at `i`. */
function verbatimEndAt(src: string, i: number): string | undefined {
  const env = src.startsWith('\\begin{', i) ? VERBATIM.find((v) => src.startsWith(`\\begin{${v}}`, i)) : undefined;
  return env && `\\end{${env}}`;
}

/** LaTeX: `\section`s and `\item[(a)]`s, `%` comments, verbatim, and maths; only the document body if there is one. */
export function scanTex(src: string): DocumentEvent[] {
  const events: DocumentEvent[] = [];
  const finder = new Finder(src, false);
  const body = src.indexOf('\\begin{document}');
  let i = body >= 0 ? body + '\\begin{document}'.length : 0;
  while (i < src.length) {
    if (i === 0 || src[i - 1] === '\n') {
      const end = lineEndAt(src, i);
      const line = src.slice(i, end);
      const heading = TEX_HEADING.exec(line);
      const item = TEX_ITEM_PART.exec(line);
      if (heading) events.push({ kind: 'heading', text: heading[2], start: i, end, level: TEX_LEVELS[heading[1]] });
      else if (item) events.push({ kind: 'heading', text: item[1], start: i, end, level: 6 });
      else events.push({ kind: 'line', text: line.replace(/^\s*\\(?:item|noindent|textbf\{)\s*/, ''), start: i, end });
    }
    const c = src[i];
    if (c === '\\' && /[$%\\{}]/.test(src[i + 1] ?? '')) i += 2;
    else if (c === '%') i = lineEndAt(src, i);
    else if (src.startsWith('\\end{document}', i)) break;
    else {
      const verbatimEnd = verbatimEndAt(src, i);
      const found = verbatimEnd ? undefined : finder.mathAt(i);
      const math = found && joinedByProseEquals(src, found, (at) => finder.mathAt(at));
      if (verbatimEnd) i = (finder.find(verbatimEnd, i) ?? src.length) + verbatimEnd.length;
      else if (math) {
        events.push(math.event);
        i = math.next;
      } else i++;
    }
  }
  return events;
}
