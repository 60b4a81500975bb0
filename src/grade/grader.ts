// Grades one submission against a loaded assignment: every claim is checked (for feedback), and each ask
// is scored from the last claim whose target means the same thing (targets.ts) by the policy (score.ts).
import { markSampleEntries } from '../resolve/indexArrays';
import { error, type Diagnostic } from '../diagnostics';
import type { Expr, Span, Statement, Step } from '../syntax/ast';
import { isSameExpr, sameExprKey } from '../syntax/walk';
import { arrayNameOf } from '../resolve/indexNotation';
import { printExpr } from '../syntax/print';
import { sourceKindOf } from '../analysis/document';
import type { ClaimJson, Diagnosis } from '../check/report';
import { checkClaim, type ClaimContext, type GradingHooks } from '../check/claim';
import type { EarlierAnswer } from '../check/diagnose';
import type { Claim } from '../resolve/scope';
import { addStatements, extendScope } from '../resolve/scope';
import type { Lowering } from '../resolve/lower';
import { sourceTextOf } from '../resolve/source';
import { spanKey, type Assignment, type AssignmentProblem, type AskSpec } from './assignment';
import { isLatexSpan, locate, readSubmissionDocument, type SubmissionDocument, type SubmissionFile } from './documents';
import { alignSegments, isId, stemOf } from './alignment';
import { alignmentJson, partsOf, type ProblemParts } from './parts';
import { problemNames, withMappedNames } from './notationMap';
import { withoutTrailingIndexValues } from './trailingIndexValues';
import { selectAnswer, type AnswerChoice, type SelectionInput } from './answerSelection';
import { reviewOf } from './confidence';
import { exprLatex } from './exprLatex';
import { authorLatex } from '../latex/render';
import { scoreAsk, type GradedAnswer } from './score';
import { compareByValue } from './answerValues';
import type { PointValues } from '../check/values';
import { targetKey } from './targets';
import { submissionWorkspace } from './problemBase';
import { DEFAULT_GRADING_LIMITS } from './limits';
import { passLimits } from '../limits/index';
import { readSubmissionSlips } from './readings';
import { copyChecked, copyPlain, memoKey, type CheckedJson, type ClaimLatex, type MemoEntry } from './checkMemo';
import { errorResult } from './errorResult';
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
  const aligned = alignSegments(doc.segments, assignment.problems);
  const alignment = alignmentJson(aligned, doc);
  const known = assignment.problems.map((p) => p.id).join(', ');
  for (const a of aligned) {
    if (a.problem === null && isId(a.segment.label) && !assignment.problems.some((p) => stemOf(a.segment.label, p))) notes.add({ severity: 'warning', code: 'unknown-problem', message: `problem ${a.segment.label} is not part of the assignment (its problems are ${known}); its lines are not graded`, file: null, line: null, column: null });
  }
  const textOf = sourceTextOf(doc.source);
  // Steps read from LaTeX are shown in .cr syntax, as `chainrule check` shows them.
  const display = (step: Step) => (sourceKindOf(locate(doc, step.span.line).file) === 'cr' ? step.text.trim() : printExpr(step.expr));

  const context: SubmissionContext = { assignment, doc, notes, seed, textOf, display, derivativeLines: derivativeLines(doc) };
  const graded = assignment.problems.map((problem) => gradeProblem(problem, partsOf(problem, aligned, doc), context));
  const asks = graded.flatMap((g) => g.asks);
  const classLike = classLikeNote(graded.flatMap((g) => [...g.answeredIn]));
  if (classLike) notes.add({ severity: 'warning', code: 'looks-like-class', message: classLike, file: null, line: null, column: null });
  return {
    version: RESULT_VERSION, submission: input.name, files: input.files.map((f) => f.path), inputHash: input.inputHash, seed, limits,
    status: 'graded', error: null,
    score: roundScore(asks.reduce((t, a) => t + a.score, 0)), maxScore: assignment.maxScore,
    asks, problems: graded.map((g) => g.problem), notes: notes.sorted(input.files.map((f) => f.path)), alignment,
  };
}

/** Why nothing of a submission can be graded (no file, or no line read from its files), or undefined. */
function nothingRead(input: SubmissionInput, doc: SubmissionDocument): string | undefined {
  if (input.files.length === 0) return 'no .cr, .md, .tex or .ipynb file was found in this submission';
  if (doc.segments.length > 0) return undefined;
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
  /** Every line of the document that sets a derivative equal to something (`elsewhere` looks in them for each ask). */
  derivativeLines: DerivativeLine[];
}

/** The submission's statements added on top of the problem's scope, every claim checked, every ask scored. */
function gradeProblem(problem: AssignmentProblem, parts: ProblemParts, ctx: SubmissionContext): { problem: ProblemResult; asks: AskResult[]; answeredIn: Map<string, Set<string>> } {
  const { assignment, doc, notes, seed, textOf, display, derivativeLines } = ctx;
  const { kept: written, dropped: remarks } = withoutTrailingIndexValues(withoutAssignmentLines(parts.statements, notes), problemNames(problem.scope));
  for (const st of remarks) notes.addAt('warning', 'ignored', `${textOf(st.span).trim()} comes after every line that writes its index letter: read as a case of those lines, not as a value for them; ignored`, st.span);
  // The mapped names are the problem's to the OCR reading too (`\frac{2h_1}{a w_1}` with w_1 read as W1).
  const mapped = withMappedNames(problem.scope, parts.notation);
  const { statements, diagnostics: readingNotes } = readSubmissionSlips(mapped, written, doc, textOf);
  for (const d of readingNotes) notes.addDiagnostic(d);
  const scope = extendScope(mapped);
  // `x^{(i)}` under a sum over i is sample i of the problem's x, as a document question reads its own arrays.
  markSampleEntries(scope, statements.flatMap((st) => (st.kind === 'equation' ? [[st.lhs.expr, ...st.rhs.map((r) => r.expr)]] : [])));
  addStatements(scope, statements, 'submission');
  // One graph per problem: sample points give values to every leaf of the graph, and a numeric
  // problem's point has no sizes for another problem's dimensions. It starts as the problem's base.
  const { lowering, calculus, knownExpected } = submissionWorkspace(problem.base, scope, assignment.meanings.meaning, { textOf });
  const checkContext: CheckContext = { lowering, calculus, scope, seed, textOf, display };
  // The claims' checks, and what they leave for the asks below, are those of an earlier submission that wrote
  // the same lines at the same places (checkMemo.ts), or are made here and kept for the next one.
  const fromCr = (span: Span) => !isLatexSpan(doc, span) && sourceKindOf(locate(doc, span.line).file) === 'cr';
  const key = memoKey(problem.id, statements, parts.notation, fromCr, textOf);
  const stored = key === undefined ? undefined : assignment.checks.get(key);
  const earlyFailures = assignment.meanings.takeFailures();
  const warningsBefore = lowering.diagnostics.length;
  const fresh = stored ? undefined : checkClaims(scope.claims, checkContext, knownExpected, doc);
  if (stored) lowering.diagnostics.push(...stored.loweringWarnings);
  const entry: MemoEntry = stored ?? {
    checked: fresh!.checked.map(({ json, shapeRepair }) => copyChecked({ json, shapeRepair })), notes: fresh!.notes,
    loweringWarnings: lowering.diagnostics.slice(warningsBefore), substituted: new Map(), compared: new Map(), chosen: new Map(),
    latex: scope.claims.map(claimLatex),
  };
  const checked = (fresh?.checked ?? entry.checked.map((c): CheckedJson & { valuesOf?: PointValues } => copyChecked(c))).map((c, i): CheckedClaim => ({ claim: gradedClaim(c.json, entry.latex[i], doc), shapeRepair: c.shapeRepair, valuesOf: c.valuesOf }));
  for (const d of entry.notes) notes.addDiagnostic(d);
  const checkFailures = stored ? [] : assignment.meanings.takeFailures();
  const internalErrors = [...earlyFailures, ...checkFailures];
  for (const f of internalErrors) notes.addAt('error', 'internal-error', `${f.message}; this score needs a human look`, f.span, 'this is a bug in chainrule, not in the submission');
  for (const d of scope.diagnostics) notes.addDiagnostic(d);
  for (const d of lowering.diagnostics) if (!problem.ownWarnings.has(spanKey(d))) notes.addDiagnostic(d);

  const unread = unreadLines(doc, parts);
  const missingHint = unread.length ? ` (${unread.length} line${unread.length === 1 ? '' : 's'} of this problem did not parse: see the notes.)` : '';
  const lastVerdict = (i: number) => checked[i].claim.steps[checked[i].claim.steps.length - 1].verdict;
  const selection: SelectionInput = { claims: scope.claims, lowering, known: problemNames(scope), informal: (i) => lastVerdict(i) === 'informal' };
  const answeredIn = new Map<string, Set<string>>();
  // The answer checked again with the author's own derivatives put in, as stored or checked here.
  const checkSubstituted = (askId: string, claim: Claim): CheckedClaim => {
    const kept = stored?.substituted.get(askId);
    let own: CheckedJson & { notes: Diagnostic[]; valuesOf?: PointValues };
    if (kept) own = copyChecked(kept);
    else {
      const run = checkClaims([claim], checkContext, knownExpected, doc);
      own = { ...run.checked[0], notes: run.notes };
      if (!stored) entry.substituted.set(askId, copyChecked({ json: own.json, shapeRepair: own.shapeRepair, notes: own.notes }));
    }
    for (const d of own.notes) notes.addDiagnostic(d);
    return { claim: gradedClaim(own.json, claimLatex(claim), doc), shapeRepair: own.shapeRepair, valuesOf: own.valuesOf };
  };
  // Which claims answer an ask follows from the same statements as the checks: kept in the memo with them.
  const chosenFor = (ask: AskSpec) => {
    const kept = stored?.chosen.get(ask.id);
    if (kept) return { choice: copyPlain(kept.choice), answering: kept.answering };
    const made = { choice: selectAnswer(ask.target.expr, selection), answering: claimsFor(ask, scope.claims, lowering) };
    if (!stored) entry.chosen.set(ask.id, { choice: copyPlain(made.choice), answering: made.answering });
    return made;
  };
  const asks = problem.asks.map((ask): AskResult => {
    const { choice, answering } = chosenFor(ask);
    const answer = choice && gradedAnswer(choice, scope.claims, checked, (claim) => checkSubstituted(ask.id, claim));
    if (choice && answer) {
      checked[choice.index].claim.graded = ask.id;
      const compared = stored?.compared.get(ask.id);
      if (compared) Object.assign(answer, copyPlain(compared)); // plain data: copied without structuredClone's cost
      else {
        compareByValue(answer, ask, answer.values);
        if (!stored) entry.compared.set(ask.id, { fingerprint: answer.fingerprint, ...(answer.override ? { override: { ...answer.override } } : {}) });
      }
      const files = answeredIn.get(ask.id) ?? new Set<string>();
      for (const i of answering) files.add(checked[i].claim.file.split('/')[0]);
      answeredIn.set(ask.id, files);
    }
    const result = scoreAsk(ask, answer, problem.policy, missingHint);
    const unmatched = choice ? [] : [...derivativesOfTheSameFunction(ask.target.expr, scope.claims, parts), ...elsewhere([ask.targetExprKey], derivativeLines, parts)];
    const rivals = choice ? elsewhere([ask.targetExprKey, ...writtenTarget(scope.claims[choice.index], doc, derivativeLines)], derivativeLines, parts) : [];
    return { ...result, ...reviewOf({ result, answer: answer?.claim, choice, claims: scope.claims, parts, unread, unmatched, rivals, internalErrors: internalErrors.length, latex: !!choice && isLatexSpan(doc, scope.claims[choice.index].span), line: (l) => locate(doc, l).line }) };
  });
  // Stored once the whole problem is graded, unless chainrule's own derivatives failed a cross-check on the way.
  if (!stored && key !== undefined && checkFailures.length === 0 && !assignment.meanings.hasFailures) assignment.checks.set(key, entry);
  return { problem: { id: problem.id, title: problem.title, claims: checked.map((c) => c.claim) }, asks, answeredIn };
}

/**
 * The claims in the problem's parts that differentiate the ask's function by something else (`dC/dw_{jk}^L`
 * for `dC/dW2`), or something else by entries of its variable (`\partial \sigma_i(z) / \partial z_j` for
 * `dy/dz`): a name chainrule did not map may make one of them the answer.
 */
function derivativesOfTheSameFunction(target: Expr, claims: readonly Claim[], parts: ProblemParts): Claim[] {
  if (target.kind !== 'deriv') return [];
  const inParts = (c: Claim) => parts.parts.some((p) => c.span.line >= p.segment.from && c.span.line <= p.segment.to);
  const related = (d: Extract<Expr, { kind: 'deriv' }>) => isSameExpr(d.of, target.of) || d.wrt.some((w) => target.wrt.some((v) => sameBase(w, v)));
  // `z/s = ...` for ∂z/∂s: a derivative whose differentials were lost (OCR, a page's glyphs dropped).
  const lostDifferentials = (e: Expr) => e.kind === 'binary' && e.op === 'div' && sameBase(e.left, target.of) && target.wrt.some((v) => sameBase(e.right, v));
  return claims.filter((c) => ((c.target.expr.kind === 'deriv' && related(c.target.expr)) || lostDifferentials(c.target.expr)) && inParts(c));
}

/** A line `dy/dx = ...` of a submission, with the segment it is in and its target's sameExprKey. */
interface DerivativeLine {
  segmentFrom: number;
  key: string;
  claim: Claim;
}

/** The document's derivative lines, in document order. */
function derivativeLines(doc: SubmissionDocument): DerivativeLine[] {
  const found: DerivativeLine[] = [];
  for (const segment of doc.segments) {
    for (const st of segment.statements) {
      if (st.kind === 'equation' && st.lhs.expr.kind === 'deriv' && st.rhs.length) found.push({ segmentFrom: segment.from, key: sameExprKey(st.lhs.expr), claim: { target: st.lhs, steps: st.rhs, span: st.span } });
    }
  }
  return found;
}

/**
 * Claims of the ask's own derivative (`dy/dx`) in parts of the document not aligned to this problem: the
 * alignment may have cut the answer off its problem (an unlabelled part read as another problem).
 */
function elsewhere(targetKeys: readonly string[], lines: readonly DerivativeLine[], parts: ProblemParts): Claim[] {
  const keys = new Set(targetKeys);
  const aligned = new Set(parts.parts.map((p) => p.segment.from));
  return lines.filter((l) => !aligned.has(l.segmentFrom) && keys.has(l.key)).map((l) => ({ ...l.claim }));
}

/**
 * The sameExprKey of a claim's derivative target as its author wrote it (before the notation was mapped):
 * `\partial L / \partial w_1` for dL/dW1. A derivative line's key is made once, in `lines`.
 */
function writtenTarget(claim: Claim, doc: SubmissionDocument, lines: readonly DerivativeLine[]): string[] {
  for (const segment of doc.segments) {
    for (const st of segment.statements) {
      if (st.kind !== 'equation' || st.span.line !== claim.span.line || st.span.column !== claim.span.column) continue;
      if (st.lhs.expr.kind !== 'deriv') return [];
      return [lines.find((l) => l.claim.target === st.lhs)?.key ?? sameExprKey(st.lhs.expr)];
    }
  }
  return [];
}

/** Whether two names are one array, written whole or by its entries (`z_j` and `z`). */
function sameBase(a: Expr, b: Expr): boolean {
  return a.kind === 'name' && b.kind === 'name' && arrayNameOf(a.name, a.text) === arrayNameOf(b.name, b.text);
}

/** The graded answer of a choice: the chosen claim, or its final step with the author's own derivatives put in. */
function gradedAnswer(choice: AnswerChoice, claims: readonly Claim[], checked: CheckedClaim[], check: (claim: Claim) => CheckedClaim): GradedAnswer & { values?: PointValues } {
  const own = choice.substituted ? check(choice.substituted) : checked[choice.index];
  const claim = choice.substituted ?? claims[choice.index];
  return { claim: own.claim, index: choice.index, finalExpr: claim.steps[claim.steps.length - 1].expr, shapeRepair: own.shapeRepair, fingerprint: null, values: own.valuesOf };
}

/** Every claim whose target is the ask's (for the class-folder warning). */
function claimsFor(ask: AskSpec, claims: readonly Claim[], lowering: Lowering): number[] {
  const key = targetKey(ask.target.expr, lowering);
  return claims.map((_, i) => i).filter((i) => key !== undefined && targetKey(claims[i].target.expr, lowering) === key);
}

/**
 * The lines (of the joined source) of the problem's parts that hold maths that could not be read: a parse
 * error, or a line of text that sets a ratio of names equal to something (`z/t = 2xy7 (-s sint) + ...`, a
 * derivative whose glyphs were lost) and holds no statement.
 */
function unreadLines(doc: SubmissionDocument, parts: ProblemParts): number[] {
  const inParts = (line: number) => parts.parts.some((p) => line >= p.segment.from && line <= p.segment.to);
  // A line read with the problem's names (`\nabla_W = ...`) was read after all.
  const readWithProblem = new Set(parts.readWithProblem.flatMap((st) => lineRange(st.span.line, st.span.endLine)));
  const failed = doc.diagnostics.filter((d) => d.severity === 'error' || d.code === 'parse-error').map((d) => d.span.line);
  const read = new Set(parts.parts.flatMap((p) => p.segment.statements.flatMap((st) => lineRange(st.span.line, st.span.endLine))));
  const text = doc.source.split('\n');
  const ratios = parts.parts.flatMap((p) => lineRange(p.segment.from, p.segment.to)).filter((l) => !read.has(l) && RATIO_EQUATION.test(text[l - 1] ?? ''));
  return [...new Set([...failed.filter((l) => inParts(l) && !readWithProblem.has(l)), ...ratios])].sort((a, b) => a - b);
}

const RATIO_EQUATION = /^[#>*\s]*[A-Za-z]\w*\s*\/\s*[A-Za-z]\w*\s*=/;

function lineRange(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
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

/**
 * Checks the claims in order (earlier answers feed carried-error diagnosis); a crash costs one claim. The notes
 * it has for the submission (crashes, chainrule's own derivatives disagreeing with finite differences) are
 * returned, in order, for the caller to add (and the memo to keep).
 */
function checkClaims(claims: readonly Claim[], ctx: CheckContext, knownExpected: GradingHooks['knownExpected'], doc: SubmissionDocument): { checked: Array<CheckedJson & { valuesOf?: PointValues }>; notes: Diagnostic[] } {
  const earlier: EarlierAnswer[] = [];
  const internalErrors: Diagnostic[] = [];
  const crashes: Diagnostic[] = [];
  const checked = claims.map((claim) => {
    const shapeRepairs = new Map<number, Diagnosis>();
    let valuesOf: PointValues | undefined;
    let json: ClaimJson;
    try {
      const pointValues = (values: PointValues) => (valuesOf = values);
      // A claim read from LaTeX may be misread: a doubtful verdict is `unjudged`, as `check` makes it (doubts.ts).
      json = checkClaim(claim, { ...ctx, earlier, internalErrors, document: isLatexSpan(doc, claim.span), grading: { shapeRepairs, crossCheck: false, domainHints: false, knownExpected, pointValues } });
    } catch (err) {
      passLimits(err); // the whole submission goes past it, not this claim
      const message = `chainrule could not check this claim: ${err instanceof Error ? err.message : String(err)}`;
      crashes.push(error('internal-error', message, claim.target.span));
      json = failedClaim(claim, message, ctx);
    }
    return { json, shapeRepair: shapeRepairs.get(json.steps.length), valuesOf };
  });
  return { checked, notes: [...crashes, ...internalErrors] };
}

function failedClaim(claim: Claim, message: string, ctx: CheckContext): ClaimJson {
  return {
    line: claim.target.span.line, label: claim.label ?? null, target: ctx.display(claim.target), kind: 'equality',
    expected: null, expectedShape: null, shapeClaim: null, verdict: 'error',
    steps: claim.steps.map((s, i) => ({ index: i + 1, line: s.span.line, column: s.span.column, text: ctx.display(s), shape: null, verdict: 'error', diagnosis: null, message })),
  };
}

/** The LaTeX the report shows for a claim's target and steps. */
function claimLatex(claim: Claim): ClaimLatex {
  return { target: authorLatex(claim.target, () => exprLatex(claim.target.expr)), steps: claim.steps.map((s) => authorLatex(s, () => exprLatex(s.expr))) };
}

/** The claim's JSON with lines made relative to its file, and its LaTeX for the report. */
function gradedClaim(json: ClaimJson, latex: ClaimLatex, doc: SubmissionDocument): GradedClaim {
  const at = locate(doc, json.line);
  const readings = json.readings && { readings: json.readings.map((r) => ({ ...r, line: locate(doc, r.line).line })) };
  return {
    ...json, ...readings, line: at.line, file: at.file, targetLatex: latex.target, graded: null,
    steps: json.steps.map((s, i) => ({ ...s, line: locate(doc, s.line).line, latex: latex.steps[i] })),
  };
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
