// Which problem a part of a document answers, read from its headings and from lines that name
// a problem: `## 1a`, `## Problem 2`, `## Q2. Backpropagation`, `Problem 1b`, `Example 3.` (a textbook's worked
// example opens a derivation of its own, as an exercise does), `- (b) ...`,
// `\section*{Problem 1}`, `\item[(b)]`, and the .cr form `problem 1a "Title"`; and which question of a
// document each part is (QuestionTracker).
import type { Question, Span } from '../syntax/ast';

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

// `2b`, `2.b`, `2(b)`, `2 (b)`: a problem number and its part, however the author joins them.
// `2.1` numbers a sub-problem (`Exercise 2.1`, then its parts `a)`, `b)`: 2.1a, 2.1b).
const NUMBER_PART = `(\\d+(?:\\.\\d+)?)(?:\\.?(${PART})|\\.?\\s*\\((${PART})\\))?(?![a-z0-9])`;
const KEYWORD_ID = new RegExp(`^(?:problem|question|exercise|example|task|part|q)\\s*\\.?\\s*${NUMBER_PART}${SEPARATOR}(.*)$`, 'i');
const BARE_ID = new RegExp(`^${NUMBER_PART}${SEPARATOR}(.*)$`, 'i');
const PART_ONLY = new RegExp(`^(?:\\((${PART})\\)|(${PART})\\))(?:\\s|$)`, 'i');
const CR_PROBLEM = /^problem\s+([0-9A-Za-z_.-]+)(?:\s+"([^"]*)")?\s*$/;
// A part letter apart from the number is bracketed or ends there (`Q2 b)`, `Problem 2 (b)`): in `Q2. A recurrent
// step` the A is a word.
const LINE_KEYWORD_ID = new RegExp(`^(?:(?:problem|question|exercise|example|task)\\s+|q(?=\\d))(\\d+)(?:\\.?(${PART})|\\s*\\.?\\s*\\((${PART})\\)|\\s*\\.?\\s*(${PART})(?=[).:]|\\s*$))?(?![a-z0-9])`, 'i');
/** `12c)`, `3)` at the start of a line: an item numbered like a problem. */
const LINE_BARE_ID = new RegExp(`^(\\d+)(${PART})?\\)(?:\\s|$)`, 'i');
/** `Homework 3, Problem 2`, `HW2 - Question 1`: a heading that names the problem after the course work it is part of. */
const AFTER_COURSE_WORK = /^(?:homework|hw|assignment|problem set|pset|ps|week|lecture|lab|sheet)\s*\d*\s*[,;:—–-]\s*((?:problem|question|exercise|task)\b.*)$/i;
/** `1.` at the start of a line: a numbered item (a step as often as a question). */
const NUMBERED_ITEM = /^(\d+)\.\s+\S/;
/** `**1.**`, `**1**.`, `_1._`, `**1**`: a numbered item's number in bold or italics is still its number. */
const EMPHASISED_NUMBER = /^([*_]{1,3})(\d+)(\.?)\1(\.?)(?=\s)/;

/** Emphasis, list markers and numbering around a heading or line: `**(a)**`, `- (b)`, `1. `. */
function strip(text: string): string {
  return text
    .trim()
    .replace(/^[^\p{L}\p{N}(*_#\\-]+/u, '') // an emoji or a symbol before the words (`✏️ Exercise 2.1`)
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
  const m = KEYWORD_ID.exec(text) ?? BARE_ID.exec(text) ?? KEYWORD_ID.exec(AFTER_COURSE_WORK.exec(text)?.[1] ?? '');
  if (m) return idMarker(m[1], m[2] ?? m[3], m[4]);
  const p = PART_ONLY.exec(text);
  return p ? { part: (p[1] ?? p[2]).toLowerCase() } : undefined;
}

/** The problem a prose line names at its start, if any: stricter than headings, prose mentions numbers freely. */
export function lineMarker(line: string): ProblemMarker | undefined {
  const cr = CR_PROBLEM.exec(line.trim());
  if (cr) return cr[2] ? { id: cr[1], title: cr[2] } : { id: cr[1] };
  const text = strip(line);
  // A line of maths is numbered only as an item (`$$4) y = x^2$$`, `$$(b) ...$$`): `$$q_1 = \sigma(s_1)$$` is not Q1.
  const maths = /^(?:\$|\\\[|\\\()/.test(line.trim());
  const m = (maths ? null : LINE_KEYWORD_ID.exec(text)) ?? LINE_BARE_ID.exec(text);
  if (m) return { id: m[1] + (m[2] ?? m[3] ?? m[4] ?? '').toLowerCase() };
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
      this.number = /^\d+(?:\.\d+)?/.exec(id)?.[0] ?? id;
    } else if (marker.part !== undefined) {
      id = (this.number ?? '') + marker.part;
    } else return undefined;
    if (id === this.current) return undefined;
    this.current = id;
    return id;
  }
}

/**
 * Follows a document's questions (docs/latex.md): each heading starts one, nested by its level; a line
 * that names a problem (`Problem 2`, `Q2`, `12c)`) or a part (`(b)`) starts one inside the current heading,
 * and a numbered item (`1.`) one inside that. Parts and numbered items continue their earlier siblings.
 */
export class QuestionTracker {
  readonly questions: Question[] = [];
  /** Headings that name no problem or part, with their level (see finish). */
  private readonly plainHeadings: Array<{ index: number; level: number }> = [];
  private readonly headingLevels: number[] = [];
  /** The questions still open, outermost first, with their depth (heading level; lines go deeper). */
  private readonly open: Array<{ index: number; depth: number }> = [];

  get current(): number | undefined {
    return this.open[this.open.length - 1]?.index;
  }

  /** A heading: its problem id when it names one (`problem`), else its text. */
  heading(text: string, level: number, problem: string | undefined, marker: ProblemMarker | undefined, span: Span): void {
    const part = marker?.part !== undefined || (problem !== undefined && /[a-z]$/.test(problem));
    this.start(problem ?? headingLabel(text), level, part, span);
    this.headingLevels.push(level);
    if (!part && problem === undefined) {
      this.plainHeadings.push({ index: this.questions.length - 1, level });
      this.questions[this.questions.length - 1].section = true;
    }
  }

  /**
   * Once every heading is known: the shallowest level with several headings holds the questions; a heading
   * below it that names no problem (`### Step 2: Backward pass`) is a step of its question, so it sees the
   * steps before it.
   */
  finish(): void {
    const counts = new Map<number, number>();
    for (const level of this.headingLevels) counts.set(level, (counts.get(level) ?? 0) + 1);
    const levels = [...counts].filter(([, n]) => n > 1).map(([level]) => level);
    if (levels.length === 0) return;
    const questionLevel = Math.min(...levels);
    for (const h of this.plainHeadings) if (h.level > questionLevel) this.questions[h.index].continues = true;
  }

  /** A prose line: a question when it names a problem or part, or is a numbered item. */
  line(text: string, problem: string | undefined, marker: ProblemMarker | undefined, span: Span): void {
    if (marker && problem !== undefined) {
      this.start(problem, marker.id !== undefined ? LINE_PROBLEM_DEPTH : LINE_PART_DEPTH, marker.part !== undefined, span);
      return;
    }
    const item = NUMBERED_ITEM.exec(text.trim().replace(EMPHASISED_NUMBER, (written, mark: string, n: string, dot: string, after: string) => (dot || after || mark.length > 1 ? `${n}.` : written)));
    // An item under a heading or problem is a step of it; with nothing above it, an exercise of its own.
    if (item) this.start(item[1], LINE_ITEM_DEPTH, this.open.some((q) => q.depth < LINE_ITEM_DEPTH), span);
  }

  private start(label: string, depth: number, continues: boolean, span: Span): void {
    while (this.open.length && this.open[this.open.length - 1].depth >= depth) this.open.pop();
    const parent = this.current;
    this.questions.push(parent === undefined ? { label, span, continues } : { label, span, parent, continues });
    this.open.push({ index: this.questions.length - 1, depth });
  }
}

// Lines are deeper than any heading (levels 1-6): a problem named in prose, a part, a numbered item.
const LINE_PROBLEM_DEPTH = 7;
const LINE_PART_DEPTH = 8;
const LINE_ITEM_DEPTH = 9;

/** A heading's text as a label: emphasis and numbering marks dropped, at most 60 characters. */
function headingLabel(text: string): string {
  const label = strip(text).replace(/\s+/g, ' ');
  return label.length > 60 ? `${label.slice(0, 57)}...` : label;
}
