// Checked claims shared by the submissions of a class whose lines for a problem are the same text at the same
// places. In a class most students write the same few answers, and checking a problem's claims (lowering,
// sample points, diagnosis of near misses) is most of what grading a submission costs.
//
// What is reused must be what checking again would give, byte for byte. Checking a claim depends on the
// problem, on every line of the submission's parts for it (its helpers, its earlier claims: carried errors,
// and the nodes they leave in the graph, whose ids order some printing), on where those lines are (spans and
// line numbers are in the messages), and on how they are shown. So an entry covers a problem's claims as a
// whole, keyed by the exact text, places and reading of every statement of its parts, and only for lines of
// .cr files (a LaTeX line's reading and display depend on the document). An entry also holds what checking
// left behind for the rest of grading: notes, lowering warnings, the answers checked again with the author's
// own derivatives put in, each ask's comparison by value, which claim answers each ask (answerSelection.ts
// lowers every claim's target to choose, as much as the checks of a problem whose claims are all memoised), and
// the LaTeX each claim is shown with. A check that met a failed cross-check of
// chainrule's own derivatives is never stored (those failures are reported per submission).
import type { Diagnostic } from '../diagnostics';
import type { Span, Statement } from '../syntax/ast';
import type { ClaimJson, Diagnosis } from '../check/report';
import type { NotationMap } from './notationMap';
import type { OverrideJson } from './result';
import type { AnswerChoice } from './answerSelection';

/** A claim as checked, before it is placed in a submission's files (grader.ts gradedClaim). */
export interface CheckedJson {
  json: ClaimJson;
  shapeRepair?: Diagnosis;
}

/** What comparing an ask's answer by value found (answerValues.ts). */
export interface ValueComparison {
  fingerprint: string | null;
  override?: OverrideJson;
}

export interface MemoEntry {
  checked: CheckedJson[];
  /** Notes the checks added (crashes, disagreements with finite differences), in order. */
  notes: Diagnostic[];
  /** Warnings lowering the claims added (an undeclared name taken as a scalar). */
  loweringWarnings: Diagnostic[];
  /** By ask id: the answer checked with the author's own derivatives put in. */
  substituted: Map<string, CheckedJson & { notes: Diagnostic[] }>;
  /** By ask id. */
  compared: Map<string, ValueComparison>;
  /** By ask id: the claim chosen as its answer, and every claim of its target (the class-folder warning). */
  chosen: Map<string, { choice: AnswerChoice | undefined; answering: number[] }>;
  /** Per claim: its target's and steps' LaTeX, as the report shows them. */
  latex: ClaimLatex[];
}

export interface ClaimLatex {
  target: string;
  steps: string[];
}

/** Beyond this many entries the memo starts over (a bound on memory, not a tuning knob). */
const MAX_ENTRIES = 2000;

export class CheckMemo {
  private readonly entries = new Map<string, MemoEntry>();

  get(key: string): MemoEntry | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: MemoEntry): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, entry);
  }
}

/**
 * The key of a problem's statements in a submission, or undefined when they cannot share checks: some line is
 * not from a .cr file (`fromCr`). The statements are the ones checked (readings and notation applied), with
 * their spans; the source text at each span is part of it too, as messages quote it.
 */
export function memoKey(problemId: string, statements: readonly Statement[], notation: NotationMap, fromCr: (span: Span) => boolean, textOf: (span: Span) => string): string | undefined {
  if (!statements.every((st) => fromCr(st.span))) return undefined;
  return JSON.stringify([problemId, notation.mappings, statements, statements.map((st) => textOf(st.span))]);
}

/**
 * A fresh copy of a stored claim, so that no submission's result shares objects with another's. The claims
 * are JSON-shaped data (they are written as JSON): copied field by field, several times faster than
 * structuredClone on these small trees; anything else (a Map, a typed array) goes to structuredClone.
 */
export function copyChecked<T extends CheckedJson>(checked: T): T {
  return copyPlain(checked);
}

/** A deep copy of JSON-shaped data (a Map or a typed array inside goes to structuredClone). */
export function copyPlain<T>(x: T): T {
  if (x === null || typeof x !== 'object') return x;
  if (Array.isArray(x)) return x.map(copyPlain) as T;
  if (Object.getPrototypeOf(x) !== Object.prototype) return structuredClone(x);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(x)) out[key] = copyPlain((x as Record<string, unknown>)[key]);
  return out as T;
}
