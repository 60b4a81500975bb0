// What a problem is graded from: the parts of the submission aligned to it (alignment.ts), the helpers they
// rely on, and the student's names read as the problem's (notationMap.ts); and the alignment as reported.
import type { Statement } from '../syntax/ast';
import type { AssignmentProblem } from './assignment';
import { lossNames, type AlignedBy, type AlignedSegment } from './alignment';
import { applyNotation, mapNotation, problemNames, type NotationMap } from './notationMap';
import { isSetupLine } from '../resolve/questions';
import { readEquatedDerivatives } from './equatedNames';
import { locate, type SubmissionDocument } from './documents';
import { readUnnamedGradients } from './unnamedGradients';

export interface ProblemParts {
  /** The parts aligned to the problem, in document order. */
  parts: AlignedSegment[];
  /** Their statements, after the helpers of earlier parts they use, with the notation mapped. */
  statements: Statement[];
  notation: NotationMap;
  /** Statements of maths the document could not read alone, read with the problem's names (`\nabla_W = ...`). */
  readWithProblem: Statement[];
}

/** One line of result.json's `alignment`: lines of a file read as a problem (or as none). */
export interface AlignmentJson {
  file: string;
  fromLine: number;
  toLine: number;
  /** The part's label in the document (a heading, `(b)`), or null. */
  label: string | null;
  problem: string | null;
  by: AlignedBy;
}

export function partsOf(problem: AssignmentProblem, aligned: readonly AlignedSegment[], doc: Pick<SubmissionDocument, 'unreadMaths'>): ProblemParts {
  const parts = aligned.filter((a) => a.problem === problem);
  const readWithProblem = parts.flatMap((p) => readUnnamedGradients(doc.unreadMaths, p.segment.from, p.segment.to, problem.asks));
  const own = new Set(parts.flatMap((p) => p.segment.statements));
  const given = problemNames(problem.scope);
  // An earlier part's helper (`Q = ...`, `delta1 : 1 x N`) counts; its restatements of the problem's names do not.
  const helpers = new Set<Statement>();
  for (const part of parts) for (const st of part.segment.before) if (!own.has(st) && isSetupLine(st) && !definesGiven(st, given)) helpers.add(st);
  const written = [...helpers, ...parts.flatMap((p) => p.segment.statements), ...readWithProblem].sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);
  const notation = mapNotation(written, problem.scope, lossNames(problem));
  return { parts, statements: readEquatedDerivatives(applyNotation(written, notation), given), notation, readWithProblem };
}

function definesGiven(st: Statement, given: ReadonlySet<string>): boolean {
  if (st.kind === 'decl') return !st.kindOnly && st.names.some((n) => given.has(n.name));
  return st.kind === 'equation' && st.lhs.expr.kind === 'name' && given.has(st.lhs.expr.name);
}

export function alignmentJson(aligned: readonly AlignedSegment[], doc: Pick<SubmissionDocument, 'files'>): AlignmentJson[] {
  return aligned.map(({ segment, problem, by }) => ({
    file: locate(doc, segment.from).file,
    fromLine: locate(doc, segment.from).line,
    toLine: locate(doc, segment.to).line,
    label: segment.label,
    problem: problem?.id ?? null,
    by,
  }));
}

/** "lines 1-40 read as problem 1a (by its label)", for the notes and the report. */
export function alignmentSentence(a: AlignmentJson): string {
  const lines = a.fromLine === a.toLine ? `line ${a.fromLine}` : `lines ${a.fromLine}-${a.toLine}`;
  const named = a.label ? ` ("${a.label}")` : '';
  if (a.problem === null) return `${lines}${named} fit no problem of the assignment and are not graded`;
  const how = a.by === 'label' ? 'by its label' : a.by === 'content' ? 'by content: no label names the problem' : 'the only problem';
  return `${lines}${named} read as problem ${a.problem} (${how})`;
}
