// Which problem a part of a document answers, read from its headings and from lines that name
// a problem: `## 1a`, `## Problem 2`, `## Q2. Backpropagation`, `Problem 1b`, `- (b) ...`,
// `\section*{Problem 1}`, `\item[(b)]`, and the .cr form `problem 1a "Title"`.

export interface ProblemMarker {
  /** A whole id (`1a`, `2`). */
  id?: string;
  /** A part letter that completes the current problem number (`(b)` under problem 2 is 2b). */
  part?: string;
  title?: string;
}

// Parts are a–h: `(i)`, `(ii)` … are far more often roman-numbered items or table headers.
const PART = '[a-h]';
const SEPARATOR = '\\s*[.:)\\-–—]?\\s*';

const KEYWORD_ID = new RegExp(`^(?:problem|question|exercise|task|part|q)\\s*\\.?\\s*(\\d+)\\s*(?:\\(?(${PART})\\)?)?(?![a-z0-9])${SEPARATOR}(.*)$`, 'i');
const BARE_ID = new RegExp(`^(\\d+)(${PART})?(?![a-z0-9])${SEPARATOR}(.*)$`, 'i');
const PART_ONLY = new RegExp(`^(?:\\((${PART})\\)|(${PART})\\))(?:\\s|$)`, 'i');
const CR_PROBLEM = /^problem\s+([0-9A-Za-z_.-]+)(?:\s+"([^"]*)")?\s*$/;
const LINE_KEYWORD_ID = new RegExp(`^(?:problem|question|exercise)\\s+(\\d+)\\s*(?:\\(?(${PART})\\)?)?(?![a-z0-9])`, 'i');

/** Emphasis, list markers and numbering around a heading or line: `**(a)**`, `- (b)`, `1. `. */
function strip(text: string): string {
  return text
    .trim()
    .replace(/^(?:[-*+]\s+|\d+\.\s+(?=\(|problem|question))/i, '')
    .replace(/[*_]{1,3}/g, '')
    .trim();
}

function idMarker(num: string, part: string | undefined, title: string): ProblemMarker {
  const t = title.trim().replace(/[.:]$/, '').trim();
  return t ? { id: num + (part ?? '').toLowerCase(), title: t } : { id: num + (part ?? '').toLowerCase() };
}

/** The problem a heading's text names, if any (`1a`, `Problem 2: Softmax`, `(b)`). */
export function headingMarker(heading: string): ProblemMarker | undefined {
  const text = strip(heading);
  const m = KEYWORD_ID.exec(text) ?? BARE_ID.exec(text);
  if (m) return idMarker(m[1], m[2], m[3]);
  const p = PART_ONLY.exec(text);
  return p ? { part: (p[1] ?? p[2]).toLowerCase() } : undefined;
}

/** The problem a prose line names at its start, if any: stricter than headings, prose mentions numbers freely. */
export function lineMarker(line: string): ProblemMarker | undefined {
  const cr = CR_PROBLEM.exec(line.trim());
  if (cr) return cr[2] ? { id: cr[1], title: cr[2] } : { id: cr[1] };
  const text = strip(line);
  const m = LINE_KEYWORD_ID.exec(text);
  if (m) return { id: m[1] + (m[2] ?? '').toLowerCase() };
  const p = PART_ONLY.exec(text);
  return p ? { part: (p[1] ?? p[2]).toLowerCase() } : undefined;
}

/** Follows markers through a document: the current problem id. */
export class ProblemTracker {
  current?: string;
  private number?: string;

  /** Applies a marker; returns the new id when it changes the current problem. */
  apply(marker: ProblemMarker): string | undefined {
    let id: string;
    if (marker.id !== undefined) {
      id = marker.id;
      this.number = /^\d+/.exec(id)?.[0] ?? id;
    } else if (marker.part !== undefined) {
      id = (this.number ?? '') + marker.part;
    } else return undefined;
    if (id === this.current) return undefined;
    this.current = id;
    return id;
  }
}
