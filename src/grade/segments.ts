// A submission file cut into the parts that may each answer a problem (docs/grading.md, "Which part answers
// which problem"): a document's questions (headings, `(b)`, `Problem 2` lines; src/latex/problems.ts), each
// cut again where a new derivation starts without a heading (a name defined again in new terms,
// src/resolve/questions.ts), and a `.cr` file's `problem` sections.
import type { ParsedFile, Statement } from '../syntax/ast';
import { redefinitionBreaks } from '../resolve/questions';
import { walkNames } from '../resolve/names';

export interface Segment {
  /** What the author calls this part (a question's id or heading text, a `problem` line's id); null before any. */
  label: string | null;
  /** The part's own statements, in order (no `problem` lines). */
  statements: Statement[];
  /**
   * Cut from a question whose first piece only sets up (`Let a = σ(x), then y = (5 - a)^2`): that question's
   * label, which names this derivation too.
   */
  setUpBy?: string;
  /** Declarations and definitions written before it in the same file: helpers it may use. */
  before: Statement[];
  /** Its first statement's line, and the line before the next part (of the joined source). */
  from: number;
  to: number;
}

/** The parts of one parsed file (whose last line is `lastLine`), in document order; parts without statements are left out. */
export function segmentsOf(parsed: ParsedFile, lastLine: number): Segment[] {
  const groups: Array<{ label: string | null; statements: Statement[] }> = [];
  const { questions, questionOf } = parsed;
  let current: number | undefined | null = null;
  parsed.statements.forEach((st, i) => {
    const key = questions && questionOf ? questionOf[i] : undefined;
    if (st.kind === 'problem') {
      if (!questions) groups.push({ label: st.id, statements: [] });
      return;
    }
    if (questions && key !== current) {
      groups.push({ label: key === undefined ? null : questions[key].label, statements: [] });
      current = key;
    }
    if (groups.length === 0) groups.push({ label: null, statements: [] });
    groups[groups.length - 1].statements.push(st);
  });
  const out: Segment[] = [];
  const seen: Statement[] = [];
  for (const group of groups) {
    const pieces = cutAtNewDerivations(seen, group.statements);
    pieces.forEach((piece, k) => {
      // A derivation started without a heading is not what the heading names, unless all before it sets it up.
      const label = k === 0 ? group.label : null;
      const setUpBy = k === 1 && group.label !== null && pieces[0].every(isSetupLine) ? { setUpBy: group.label } : {};
      if (piece.length) out.push({ label, ...setUpBy, statements: piece, before: seen.filter(isSetupLine), from: Math.min(...piece.map((s) => s.span.line)), to: Math.max(...piece.map((s) => s.span.endLine)) });
      seen.push(...piece);
    });
  }
  // A part runs to the line before the next one (to the file's end for the last): lines between that could
  // not be read are its own.
  out.forEach((seg, i) => (seg.to = Math.max(seg.to, (out[i + 1]?.from ?? lastLine + 1) - 1)));
  return out;
}

/** Declarations and definitions of a single name: what a later part may rely on. */
export function isSetupLine(st: Statement): boolean {
  return st.kind === 'decl' || st.kind === 'function-decl' || st.kind === 'index-decl' || (st.kind === 'equation' && st.lhs.expr.kind === 'name' && st.rhs.length > 0);
}

/**
 * The statements cut where a new derivation starts. The cut moves back over the setup lines just before it
 * that introduce names the part before does not use (`h_1 = X W_1 + b_1` before the new `L = ... a_2`):
 * they are the new derivation's setup.
 */
function cutAtNewDerivations(before: readonly Statement[], statements: Statement[]): Statement[][] {
  const pieces: Statement[][] = [];
  let start = 0;
  for (const at of redefinitionBreaks(before, statements)) {
    let cut = at;
    const defined: string[] = [];
    for (let k = at - 1; k > start && isSetupLine(statements[k]); k--) {
      defined.push(...definedBy(statements[k]));
      if (!usedIn(defined, statements.slice(start, k))) cut = k;
    }
    pieces.push(statements.slice(start, cut));
    start = cut;
  }
  pieces.push(statements.slice(start));
  return pieces;
}

function definedBy(st: Statement): string[] {
  if (st.kind === 'decl' || st.kind === 'index-decl') return st.names.map((n) => n.name);
  if (st.kind === 'function-decl') return st.heads.map((h) => h.name.name);
  if (st.kind === 'equation' && st.lhs.expr.kind === 'name') return [st.lhs.expr.name];
  return [];
}

function usedIn(names: readonly string[], statements: readonly Statement[]): boolean {
  const wanted = new Set(names);
  let found = false;
  for (const st of statements) for (const n of statementNames(st)) if (wanted.has(n)) found = true;
  return found;
}

/** Every name a statement writes (declared, defined, or used in its expressions). */
export function statementNames(st: Statement): Set<string> {
  const names = new Set<string>(definedBy(st));
  if (st.kind === 'equation') for (const step of [st.lhs, ...st.rhs]) walkNames(step.expr, (n) => names.add(n));
  return names;
}
