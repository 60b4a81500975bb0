// What the web page sends its checking Web Worker and what it gets back (docs/web.md). Only plain data
// crosses (structured clone); positions are 1-based lines and columns of the editor's text.
import type { ReadingJson, StepJson, StepVerdict } from '../check/report';

/** The formats a student types or pastes: a `.cr` derivation, Markdown or LaTeX. */
export type SourceFormat = 'cr' | 'md' | 'tex';

export interface AssignmentSource {
  /** The name it was loaded under (a dropped file's name, or the `?assignment=` path). */
  file: string;
  source: string;
}

export interface CheckRequest {
  id: number;
  text: string;
  format: SourceFormat;
  assignment?: AssignmentSource;
}

/** An ask's answer on the page (SPEC 4.2's `answers`): the claim graded for it, scored. */
export interface PageAnswer {
  id: string;
  /** The graded claim's first line; null when no answer was found. */
  line: number | null;
  outcome: string;
  rule: string | null;
  confidence: 'sure' | 'needs-review';
  reasons: string[];
  score: number;
  maxScore: number;
  feedback: string;
}

export interface PageClaim {
  /** The claim's first line (SPEC 4.4 `data-line`). */
  line: number;
  /** Its last step's line: the verdict is shown under it. */
  lastLine: number;
  label: string | null;
  target: string;
  verdict: StepVerdict;
  steps: StepJson[];
  expected: string | null;
  shapeClaim: { claimed: string; actual: string; ok: boolean } | null;
  readings: ReadingJson[];
  /** The claim as written (target = last step), typeset by KaTeX; null when it cannot be printed. */
  writtenHtml: string | null;
  /** The expected value typeset, for a claim that is not correct; null when there is none to show. */
  expectedHtml: string | null;
  /** In assignment mode, for the claim graded for an ask. */
  answer?: PageAnswer;
}

/** A diagnostic of the text, or a note of the grader; `span` is null for a remark on the whole text. */
export interface PageDiagnostic {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  hint?: string;
  span: { line: number; column: number; endLine: number; endColumn: number } | null;
}

export interface PageResult {
  id: number;
  mode: 'check' | 'assignment';
  claims: PageClaim[];
  diagnostics: PageDiagnostic[];
  /** Name → shape (names prefixed "ID/" when the text has several problems). */
  shapes: Record<string, string>;
  /** One line: how many claims and how they went, or the score. */
  summary: string;
  /** Assignment mode: every ask, answered or not. */
  answers: PageAnswer[];
  /** Assignment mode, when the assignment itself has errors: each rendered as `chainrule check` prints it. */
  assignmentErrors: string[];
  /** Time the check took inside the worker. */
  elapsedMs: number;
}

/** The answer to a request: the result, or why the worker could not produce one (a bug in chainrule). */
export type CheckReply = { id: number; result: PageResult } | { id: number; failure: string };

/** What the worker posts: that it has taken a request (the time limit runs from then), then the reply. */
export type WorkerMessage = { id: number; started: true } | CheckReply;
