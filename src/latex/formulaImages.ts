// Maths written as a formula-image URL: READMEs on GitHub often show an equation as
// `<img src="https://latex.codecogs.com/svg.latex?\frac{...}">` or `![](https://render.githubusercontent.com/render/math?math=...)`,
// the LaTeX percent-encoded in the query. Such an image is a display block of that LaTeX.

/** Renderers whose URL carries the LaTeX itself: the text before it, up to the `?` or `=` that opens it. */
const RENDERERS: RegExp[] = [
  /^https?:\/\/latex\.codecogs\.com\/[a-z]+\.(?:latex|image|download)\?/i,
  /^https?:\/\/(?:render\.githubusercontent\.com\/render\/math|[a-z0-9.-]+\/render\/math)\?(?:[^#"']*&)?math=/i,
  /^https?:\/\/chart\.googleapis\.com\/chart\?(?:[^#"']*&)?chl=/i,
  /^https?:\/\/i\.upmath\.me\/[a-z]+\//i,
];

/** Codecogs' rendering switches, which open the LaTeX and are not maths. */
const RENDER_SWITCHES = /^(?:\s*(?:\\(?:dpi|fg|bg)\{[^{}]*\}|\\bg_[a-z]+|\\(?:inline|large|Large|LARGE|huge|Huge|small|normalsize|fn_[a-z]+|tiny)\b|\\displaystyle\b))+\s*/;

/** Where the URL's LaTeX starts, how long it is encoded, and its decoded text; undefined when the URL is no formula renderer's. */
function formulaOfUrl(url: string): { offset: number; encodedLength: number; latex: string } | undefined {
  for (const r of RENDERERS) {
    const m = r.exec(url);
    if (!m) continue;
    const encoded = url.slice(m[0].length).split(/[&#]/, 1)[0];
    const latex = decodePercent(encoded).replace(RENDER_SWITCHES, '');
    return latex.trim() === '' ? undefined : { offset: m[0].length, encodedLength: encoded.length, latex };
  }
  return undefined;
}

/** Percent-decoding that keeps a malformed escape as it is rather than failing the whole formula. */
function decodePercent(s: string): string {
  return s.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/**
 * The document with each formula image's LaTeX decoded in place and put between `$$`, so it is read as the
 * display maths it shows and messages quote the LaTeX, not its percent-encoding. Lines are kept (a decoded
 * line break becomes a space), so every line number still points into the file.
 */
export function decodeFormulaImages(src: string): string {
  if (!/<img|!\[/i.test(src)) return src;
  let out = '';
  let copied = 0;
  for (let i = src.search(/<img|!\[/i); i >= 0 && i < src.length; ) {
    const image = imageUrlAt(src, i);
    const formula = image && formulaOfUrl(image.url);
    if (image && formula) {
      const at = image.start + formula.offset;
      out += src.slice(copied, at) + `$$${formula.latex.replace(/[\r\n]+/g, ' ').replace(/\$/g, '')}$$`;
      copied = at + formula.encodedLength;
      i = image.end;
    } else i++;
    const next = src.slice(i).search(/<img|!\[/i);
    i = next < 0 ? -1 : i + next;
  }
  return out + src.slice(copied);
}

/** An image's URL at `i` (`<img ... src="URL"` or `![alt](URL)`): its text and where it starts, and where the tag ends. */
function imageUrlAt(src: string, i: number): { url: string; start: number; end: number } | undefined {
  if (/^<img/i.test(src.slice(i, i + 4))) {
    const close = src.indexOf('>', i);
    if (close < 0) return undefined;
    const m = /\ssrc\s*=\s*(["'])([^"'\n]*)\1/i.exec(src.slice(i, close));
    return m ? { url: m[2], start: i + m.index + m[0].length - 1 - m[2].length, end: close + 1 } : undefined;
  }
  const alt = /^!\[[^\]\n]*\]\(\s*/.exec(src.slice(i, i + 1000));
  if (!alt) return undefined;
  // A link destination may hold balanced parentheses (CommonMark), as LaTeX in a URL does.
  const start = i + alt[0].length;
  let depth = 0;
  let j = start;
  for (; j < src.length && !/\s/.test(src[j]); j++) {
    if (src[j] === '(') depth++;
    else if (src[j] === ')' && depth-- === 0) break;
  }
  return j > start ? { url: src.slice(start, j), start, end: j } : undefined;
}
