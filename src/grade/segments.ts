// A submission file cut into the parts that may each answer a problem (docs/grading.md, "Which part answers
// which problem"): a document's questions (headings, `(b)`, `Problem 2` lines; src/latex/problems.ts), each
// cut again where a new derivation starts without a heading (a name defined again in new terms,
// src/resolve/questions.ts), and a `.cr` file's `problem` sections.
import type { ParsedFile, Statement } from '../syntax/ast';
import { derivationStarts, isSetupLine } from '../resolve/questions';

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

/**
 * The statements cut where a new derivation starts (src/resolve/questions.ts `derivationStarts`, as `check` cuts).
 */
function cutAtNewDerivations(before: readonly Statement[], statements: Statement[]): Statement[][] {
  const cuts = [0, ...derivationStarts(before, statements), statements.length];
  return cuts.slice(1).map((end, i) => statements.slice(cuts[i], end));
}
