// Grades one submission against a loaded assignment: every claim is checked (for feedback), and each ask
// is scored from the last claim whose target means the same thing (targets.ts) by the policy (score.ts).
import type { Diagnostic } from '../diagnostics';
import type { Span, Statement, Step } from '../syntax/ast';
import { printExpr } from '../syntax/print';
import { sourceKindOf } from '../analysis/document';
import type { ClaimJson, Diagnosis } from '../check/report';
import { checkClaim, type ClaimContext, type GradingHooks } from '../check/claim';
import type { EarlierAnswer } from '../check/diagnose';
import type { Claim } from '../resolve/scope';
import { addStatements, extendScope } from '../resolve/scope';
import type { Lowering } from '../resolve/lower';
import { sourceTextOf } from '../resolve/source';
import { spanKey, type Assignment, type AssignmentProblem } from './assignment';
import { locate, problemAt, problemKey, readSubmissionDocument, type SubmissionDocument, type SubmissionFile } from './documents';
import { exprLatex } from './exprLatex';
import { authorLatex } from '../latex/render';
import { scoreAsk, type GradedAnswer } from './score';
import { compareByValue } from './answerValues';
import type { PointValues } from '../check/values';
import { targetKey } from './targets';
import { submissionWorkspace } from './problemBase';
import { DEFAULT_GRADING_LIMITS, type GradingLimits } from './limits';
import { passLimits } from '../limits/index';
import { readSubmissionSlips } from './readings';
import { RESULT_VERSION, roundScore, type AskResult, type GradedClaim, type NoteJson, type ProblemResult, type SubmissionResult } from './result';

export interface SubmissionInput {
  name: string;
  files: SubmissionFile[];
  inputHash: string;
  /** Files left out when the submission was read (too large, too many): said in the notes, the first few by name... */
  skipped?: string[];
  /** ...and the rest by number. */
  moreSkipped?: number;
}

/** Statement kinds that belong to the assignment: in a submission they would move the goalposts. */
const ASSIGNMENT_ONLY: Partial<Record<Statement['kind'], string>> = {
  at: 'the point of a numeric question is set by the assignment; this `at` line is ignored',
  ask: '`ask` lines belong to the assignment; this one is ignored',
  policy: '`policy` lines belong to the assignment; this one is ignored',
  setting: '`feedback` and `visibility` lines belong to the assignment; this one is ignored',
  override: '`override` lines belong to the assignment; this one is ignored',
};

/** A folder in which this many files or folders answer one ask looks like a whole class (`--each`). */
const CLASS_LIKE_ENTRIES = 3;

/** Throws LimitExceeded when grading goes past a limit of the budget in force (src/limits). */
export function gradeSubmission(assignment: Assignment, input: SubmissionInput, seed: number, limits = DEFAULT_GRADING_LIMITS): SubmissionResult {
  const doc = readSubmissionDocument(input.files);
  const notes = new NoteList(doc);
  for (const d of doc.diagnostics) notes.addDiagnostic(d);
  for (const file of input.skipped ?? []) notes.add({ severity: 'warning', code: 'skipped-file', message: `not read: ${file}`, file: null, line: null, column: null });
  if (input.moreSkipped) notes.add({ severity: 'warning', code: 'skipped-file', message: `${input.moreSkipped.toLocaleString('en-US')} more files skipped`, file: null, line: null, column: null });
  const unread = nothingRead(input, doc);
  if (unread) return errorResult(assignment, input, seed, limits, unread, { code: 'nothing-read', notes: notes.sorted(input.files.map((f) => f.path)) });
  const sections = sectionsByProblem(assignment, doc, notes);
  const textOf = sourceTextOf(doc.source);
  // Steps read from LaTeX are shown in .cr syntax, as `chainrule check` shows them.
  const display = (step: Step) => (sourceKindOf(locate(doc, step.span.line).file) === 'cr' ? step.text.trim() : printExpr(step.expr));

  const context: SubmissionContext = { assignment, doc, notes, seed, textOf, display };
  const graded = assignment.problems.map((problem) => gradeProblem(problem, withoutAssignmentLines([...doc.preamble, ...(sections.get(problem) ?? [])], notes), context));
  const asks = graded.flatMap((g) => g.asks);
  const classLike = classLikeNote(graded.flatMap((g) => [...g.answeredIn]));
  if (classLike) notes.add({ severity: 'warning', code: 'looks-like-class', message: classLike, file: null, line: null, column: null });
  return {
    version: RESULT_VERSION, submission: input.name, files: input.files.map((f) => f.path), inputHash: input.inputHash, seed, limits,
    status: 'graded', error: null,
    score: roundScore(asks.reduce((t, a) => t + a.score, 0)), maxScore: assignment.maxScore,
    asks, problems: graded.map((g) => g.problem), notes: notes.sorted(input.files.map((f) => f.path)),
  };
}

/** Why nothing of a submission can be graded (no file, or no line read from its files), or undefined. */
function nothingRead(input: SubmissionInput, doc: SubmissionDocument): string | undefined {
  if (input.files.length === 0) return 'no .cr, .md, .tex or .ipynb file was found in this submission';
  if (doc.preamble.length > 0 || [...doc.sections.values()].some((statements) => statements.length > 0)) return undefined;
  const unparsed = doc.diagnostics.filter((d) => d.severity === 'error').length;
  const why = unparsed
    ? `none of its lines could be read (${unparsed} did not parse: see the notes)`
    : 'it holds no maths chainrule can read (a notebook is read from its markdown cells, not its code)';
  return `nothing could be read from this submission: ${why}`;
}

/** The warning for a folder where several files or folders answer the same ask (ask id, top-level entries answering it). */
function classLikeNote(answeredIn: ReadonlyArray<[string, ReadonlySet<string>]>): string | undefined {
  let widest: [string, ReadonlySet<string>] | undefined;
  for (const x of answeredIn) if (!widest || x[1].size > widest[1].size) widest = x;
  if (!widest || widest[1].size < CLASS_LIKE_ENTRIES) return undefined;
  const [askId, entries] = widest;
  const names = [...entries].sort();
  const listed = names.length > 4 ? `${names.slice(0, 4).join(', ')}, …` : names.join(', ');
  return `this folder looks like a whole class: ${entries.size} of its files or folders (${listed}) each answer ${askId}, and it was graded as one submission (the last answer counts); to grade each as its own submission, add --each`;
}

interface SubmissionContext {
  assignment: Assignment;
  doc: SubmissionDocument;
  notes: NoteList;
  seed: number;
  textOf: (span: Span) => string;
  display: (step: Step) => string;
}

/** The submission's statements added on top of the problem's scope, every claim checked, every ask scored. */
function gradeProblem(problem: AssignmentProblem, written: Statement[], ctx: SubmissionContext): { problem: ProblemResult; asks: AskResult[]; answeredIn: Map<string, Set<string>> } {
  const { assignment, doc, notes, seed, textOf, display } = ctx;
  const { statements, diagnostics: readingNotes } = readSubmissionSlips(problem.scope, written, doc, textOf);
  for (const d of readingNotes) notes.addDiagnostic(d);
  const scope = addStatements(extendScope(problem.scope), statements, 'submission');
  // One graph per problem: sample points give values to every leaf of the graph, and a numeric
  // problem's point has no sizes for another problem's dimensions. It starts as the problem's base.
  const { lowering, calculus, knownExpected } = submissionWorkspace(problem.base, scope, assignment.meanings.meaning, { textOf });
  const checked = checkClaims(scope.claims, { lowering, calculus, scope, seed, textOf, display }, knownExpected, doc, notes);
  for (const f of assignment.meanings.takeFailures()) notes.addAt('error', 'internal-error', `${f.message}; this score needs a human look`, f.span, 'this is a bug in chainrule, not in the submission');
  for (const d of scope.diagnostics) notes.addDiagnostic(d);
  for (const d of lowering.diagnostics) if (!problem.ownWarnings.has(spanKey(d))) notes.addDiagnostic(d);

  const { answers, answeredIn } = answersByAsk(problem, scope.claims, checked, lowering);
  const single = assignment.problems.length === 1;
  const missingHint = unreadLinesHint(doc, (key) => single || key === problemKey(problem.id));
  const asks = problem.asks.map((ask) => {
    const answer = answers.get(ask.id);
    if (answer) {
      answer.claim.graded = ask.id;
      compareByValue(answer, ask, checked[answer.index].valuesOf);
    }
    return scoreAsk(ask, answer, problem.policy, missingHint);
  });
  return { problem: { id: problem.id, title: problem.title, claims: checked.map((c) => c.claim) }, asks, answeredIn };
}

/** For a missing answer: how many lines under this problem (or before any problem) did not parse. */
function unreadLinesHint(doc: SubmissionDocument, isThisProblem: (key: string) => boolean): string {
  const count = doc.diagnostics.filter((d) => {
    const key = problemAt(doc, d.span.line);
    return d.severity === 'error' && (key === null || isThisProblem(key));
  }).length;
  return count ? ` (${count} line${count === 1 ? '' : 's'} of this problem did not parse: see the notes.)` : '';
}

/** The submission's statements for each problem of the assignment; sections naming no problem get a note. */
function sectionsByProblem(assignment: Assignment, doc: SubmissionDocument, notes: NoteList): Map<AssignmentProblem, Statement[]> {
  const byKey = new Map(assignment.problems.map((p) => [problemKey(p.id), p]));
  const single = assignment.problems.length === 1 ? assignment.problems[0] : undefined;
  const out = new Map<AssignmentProblem, Statement[]>();
  for (const [key, statements] of doc.sections) {
    // With one problem, any `problem` line means it (a student may number it differently).
    const problem = byKey.get(key) ?? single;
    if (!problem) {
      const known = assignment.problems.map((p) => p.id).join(', ');
      notes.add({ severity: 'warning', code: 'unknown-problem', message: `problem ${doc.sectionNames.get(key)} is not part of the assignment (its problems are ${known}); its lines are not graded`, file: null, line: null, column: null });
      continue;
    }
    out.set(problem, [...(out.get(problem) ?? []), ...statements]);
  }
  if (doc.sections.size === 0 && assignment.problems.length > 1 && doc.preamble.length > 0) {
    const first = assignment.problems[0].id;
    notes.add({ severity: 'info', code: 'no-problem-lines', message: `the submission has no \`problem\` lines, so every line is read under every problem; write \`problem ${first}\` before the answers to problem ${first}`, file: null, line: null, column: null });
  }
  return out;
}

/** Drops the lines that belong to the assignment (oversized lines were dropped when the files were read). */
function withoutAssignmentLines(statements: Statement[], notes: NoteList): Statement[] {
  return statements.filter((st) => {
    const why = ASSIGNMENT_ONLY[st.kind];
    if (why) notes.addAt('warning', 'ignored', why, st.span);
    return !why;
  });
}

interface CheckedClaim {
  claim: GradedClaim;
  shapeRepair?: Diagnosis;
  /** Expressions evaluated at the claim's points (undefined when it could not be checked). */
  valuesOf?: PointValues;
}

/** What every claim of a problem is checked with; the per-claim parts are added by checkClaims. */
type CheckContext = Omit<ClaimContext, 'earlier' | 'internalErrors' | 'grading'>;

/** Checks the claims in order (earlier answers feed carried-error diagnosis); a crash costs one claim. */
function checkClaims(claims: readonly Claim[], ctx: CheckContext, knownExpected: GradingHooks['knownExpected'], doc: SubmissionDocument, notes: NoteList): CheckedClaim[] {
  const earlier: EarlierAnswer[] = [];
  const internalErrors: Diagnostic[] = [];
  const out = claims.map((claim): CheckedClaim => {
    const shapeRepairs = new Map<number, Diagnosis>();
    let valuesOf: PointValues | undefined;
    let json: ClaimJson;
    try {
      const pointValues = (values: PointValues) => (valuesOf = values);
      json = checkClaim(claim, { ...ctx, earlier, internalErrors, grading: { shapeRepairs, crossCheck: false, domainHints: false, knownExpected, pointValues } });
    } catch (err) {
      passLimits(err); // the whole submission goes past it, not this claim
      const message = `chainrule could not check this claim: ${err instanceof Error ? err.message : String(err)}`;
      notes.addAt('error', 'internal-error', message, claim.target.span);
      json = failedClaim(claim, message, ctx);
    }
    return { claim: gradedClaim(claim, json, doc), shapeRepair: shapeRepairs.get(json.steps.length), valuesOf };
  });
  for (const d of internalErrors) notes.addDiagnostic(d);
  return out;
}

function failedClaim(claim: Claim, message: string, ctx: CheckContext): ClaimJson {
  return {
    line: claim.target.span.line, label: claim.label ?? null, target: ctx.display(claim.target), kind: 'equality',
    expected: null, expectedShape: null, shapeClaim: null, verdict: 'error',
    steps: claim.steps.map((s, i) => ({ index: i + 1, line: s.span.line, column: s.span.column, text: ctx.display(s), shape: null, verdict: 'error', diagnosis: null, message })),
  };
}

/** The claim's JSON with lines made relative to its file, and LaTeX for the report. */
function gradedClaim(claim: Claim, json: ClaimJson, doc: SubmissionDocument): GradedClaim {
  const at = locate(doc, json.line);
  const readings = json.readings && { readings: json.readings.map((r) => ({ ...r, line: locate(doc, r.line).line })) };
  return {
    ...json, ...readings, line: at.line, file: at.file, targetLatex: authorLatex(claim.target, () => exprLatex(claim.target.expr)), graded: null,
    steps: json.steps.map((s, i) => ({ ...s, line: locate(doc, s.line).line, latex: authorLatex(claim.steps[i], () => exprLatex(claim.steps[i].expr)) })),
  };
}

/**
 * For each ask of the problem, the last claim whose target means the ask's target, and the top-level files
 * or folders of the submission holding a claim for it.
 */
function answersByAsk(problem: AssignmentProblem, claims: readonly Claim[], checked: CheckedClaim[], lowering: Lowering): { answers: Map<string, GradedAnswer>; answeredIn: Map<string, Set<string>> } {
  const askOfKey = new Map<string, string>();
  for (const ask of problem.asks) {
    const key = targetKey(ask.target.expr, lowering);
    if (key !== undefined) askOfKey.set(key, ask.id);
  }
  const answers = new Map<string, GradedAnswer>();
  const answeredIn = new Map<string, Set<string>>();
  claims.forEach((claim, index) => {
    const key = targetKey(claim.target.expr, lowering);
    const askId = key === undefined ? undefined : askOfKey.get(key);
    if (!askId) return;
    const { claim: graded, shapeRepair } = checked[index];
    answers.set(askId, { claim: graded, index, finalExpr: claim.steps[claim.steps.length - 1].expr, shapeRepair, fingerprint: null });
    if (!answeredIn.has(askId)) answeredIn.set(askId, new Set());
    answeredIn.get(askId)!.add(graded.file.split('/')[0]);
  });
  return { answers, answeredIn };
}

/** Notes of one submission, with file-relative positions, each said once (preamble lines recur per problem). */
class NoteList {
  private readonly list: NoteJson[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly doc: SubmissionDocument) {}

  add(note: NoteJson): void {
    const key = `${note.code}|${note.file}|${note.line}|${note.column}|${note.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(note);
  }

  addAt(severity: NoteJson['severity'], code: string, message: string, span: { line: number; column: number }, hint?: string): void {
    const at = locate(this.doc, span.line);
    this.add({ severity, code, message, file: at.file, line: at.line, column: span.column, ...(hint === undefined ? {} : { hint }) });
  }

  addDiagnostic(d: Diagnostic): void {
    this.addAt(d.severity, d.code, d.message, d.span, d.hint);
  }

  /** Notes about the whole submission first, then by file (in the submission's order), line and column. */
  sorted(files: readonly string[]): NoteJson[] {
    const fileRank = (n: NoteJson) => (n.file === null ? -1 : files.indexOf(n.file));
    return [...this.list].sort((a, b) => fileRank(a) - fileRank(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  }
}

/**
 * The result of a submission that was not graded: nothing in it could be read (`code` nothing-read, with its
 * reading `notes`), a file could not be read, or grading did not finish (time limit, memory cap — `code`
 * LIMIT_NOTE —, crash). Every ask scores 0.
 */
export function errorResult(
  assignment: Pick<Assignment, 'asks' | 'problems' | 'maxScore'>,
  input: SubmissionInput,
  seed: number,
  limits: GradingLimits,
  error: string,
  { code = 'not-graded', notes = [] }: { code?: string; notes?: NoteJson[] } = {},
): SubmissionResult {
  return {
    version: RESULT_VERSION, submission: input.name, files: input.files.map((f) => f.path), inputHash: input.inputHash, seed, limits,
    status: 'error', error, score: 0, maxScore: assignment.maxScore,
    asks: assignment.asks.map((ask) => ({
      id: ask.id, problem: ask.problem, target: ask.targetText, maxScore: ask.points, score: 0, outcome: 'error', rule: null, answer: null,
      expected: ask.expected.text, expectedLatex: ask.expected.latex, feedback: `Not graded: ${error}.`,
    })),
    problems: assignment.problems.map((p) => ({ id: p.id, title: p.title, claims: [] })),
    notes: [{ severity: 'error', code, message: error, file: null, line: null, column: null }, ...notes],
  };
}
