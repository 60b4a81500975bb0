// Checks one claim: each step against the target's true value (not against the previous step), the
// shape claim, and a diagnosis for every wrong step (SPEC 1.4, section 3).
import type { Expr, Span, Step } from '../syntax/ast';
import type { Matrix, Node, Shape } from '../ir/types';
import { formatShape, isScalarShape, shapesEqual } from '../ir/types';
import { printCr } from '../ir/print';
import { vjp } from '../diff/index';
import type { Claim, Scope } from '../resolve/scope';
import { shapeOfSpec } from '../resolve/scope';
import { LowerError, Lowering } from '../resolve/lower';
import type { ChainruleCalculus } from '../calculus/index';
import { InformalReference, UndefinedFunction } from '../calculus/meaning';
import type { ClaimJson, Diagnosis, ReadingJson, StepJson } from './report';
import { labelsReading } from './labels';
import { identitySizeOf, Truth, truthOf } from './truth';
import { ClaimEvaluator, envOf } from './evaluator';
import { crossCheckMeaning } from './crosscheck';
import type { Diagnostic } from '../diagnostics';
import { agree } from './compare';
import { transpose } from '../numeric/matrix';
import { EarlierAnswer, Finding, diagnoseValues } from './diagnose';
import { findRepair } from './edits';
import { printExpected } from './expected';
import { domainHint } from './domains';
import { checkNumericStep, hasDecimals } from './numeric';
import { rangeProblem } from './range';
import { withholdDoubtful } from './doubts';
import { layerInstances, mergeLayerVerdicts } from './layerInstances';
import { inCase, restrictToCase } from './conditions';
import { claimLowering, isIndexedStep, lowerIndexedStep } from './indexed';
import { readingsJson } from './readings';
import { passLimits } from '../limits/index';
import { spanWithin } from '../diagnostics';
import { variablesUnder } from '../ir/inspect';
import { valuesAt, type PointValues } from './values';

export interface ClaimContext {
  lowering: Lowering;
  calculus: ChainruleCalculus;
  scope: Scope;
  seed: number;
  textOf: (span: Span) => string;
  /** How a step or target is shown in the report: the author's .cr text, or .cr printed from LaTeX. */
  display: (step: Step) => string;
  /** The author's earlier derivative claims in this scope, for carried errors. */
  earlier: EarlierAnswer[];
  /** Disagreements of chainrule's own derivatives with finite differences (bugs, reported loudly). */
  internalErrors: Diagnostic[];
  /** What a grader changes; `chainrule check` leaves it out. */
  grading?: GradingHooks;
  /**
   * The claims were read from a document (Markdown, TeX, a notebook), where chainrule's own reading or
   * context may be what is wrong: an `incorrect` that may rest on it is `unjudged` (SPEC 4.1, doubts.ts).
   */
  document?: boolean;
}

/** How a grader checks claims differently from `chainrule check` (src/grade/grader.ts sets them). */
export interface GradingHooks {
  /**
   * Filled with step index → the kind of single edit that fixes a wrong-shaped step. The JSON keeps the
   * diagnosis `shape` (fixtures/README.md D16); a grader uses this to credit `(a - y) X` for `X^T (a - y)`
   * as the transpose slip it is.
   */
  shapeRepairs: Map<number, Diagnosis>;
  /** The grader computes each derivative once for all submissions and cross-checks it then (src/grade/truthCache.ts). */
  crossCheck: false;
  /**
   * "This holds only when y sums to 1" hints tell the author of the declarations to add a domain; in
   * grading that is the instructor, not the student, and they cost many evaluations.
   */
  domainHints: false;
  /**
   * The printed expected value of a form, when the grader has it at hand (it remembers those of its
   * problems' truths across submissions, src/grade/problemBase.ts); undefined to print it here.
   */
  knownExpected?: (form: Node) => string | undefined;
  /** Told how to evaluate expressions at the claim's points, once it is checked (answer groups, overrides: check/values.ts). */
  pointValues?: (values: PointValues) => void;
}

/**
 * One claim being checked: what each step is checked against. `lowering` reads the steps in the claim's
 * context (claimLowering); `ctx` is the problem's.
 */
export interface ClaimCheck {
  claim: Claim;
  truth: Truth;
  evaluator: ClaimEvaluator;
  targetText: string;
  lowering: Lowering;
  ctx: ClaimContext;
  /** The nodes of the steps found correct so far (a numeric answer may be an earlier step with rounded values). */
  correctSteps: Node[];
  /** Readings the check itself made (the labels of a cross-entropy taken to sum to 1), reported with the claim's own. */
  readings: ReadingJson[];
}

function expectedText(form: Node, ctx: ClaimContext): string {
  return ctx.grading?.knownExpected?.(form) ?? printExpected(form, ctx.lowering.b, ctx.scope, ctx.lowering.names);
}

export function checkClaim(claim: Claim, ctx: ClaimContext): ClaimJson {
  // A line at a symbolic layer k over a numbered network is checked at each layer (layerInstances.ts).
  const layers = ctx.document ? layerInstances(claim, ctx.scope) : undefined;
  if (layers) {
    // Each layer's check is one reading of the line: it records no answer for later claims, nor values for a grader.
    const grading = ctx.grading && { ...ctx.grading, pointValues: undefined };
    const merged = mergeLayerVerdicts(claim, layers, layers.claims.map((c) => checkClaimAsRead(c, { ...ctx, grading, earlier: [...ctx.earlier] })), ctx.display);
    return { ...merged, verdict: claimVerdict(merged.shapeClaim, merged.steps) };
  }
  return checkClaimAsRead(claim, ctx);
}

function checkClaimAsRead(claim: Claim, ctx: ClaimContext): ClaimJson {
  const targetText = ctx.display(claim.target);
  const base = { line: claim.target.span.line, label: claim.label ?? null, target: targetText, ...readingsJson(claim) };
  let truth: Truth;
  try {
    truth = truthOf(claim, ctx.lowering, ctx.calculus.meaning);
  } catch (err) {
    if (err instanceof InformalReference) return informalClaim(claim, base, err, ctx);
    const unread = undefinedInDocument(err, ctx);
    if (unread) return failedClaim(claim, base, ctx, unread.message, undefined, null, unread);
    if (err instanceof LowerError) return failedClaim(claim, base, ctx, err.diagnostic.message + (err.diagnostic.hint ? ` (hint: ${err.diagnostic.hint})` : ''));
    throw err;
  }
  const evaluator = new ClaimEvaluator(ctx.lowering.b.graph, ctx.scope, ctx.calculus.derivedLeaves, ctx.seed, truth.value, truth.forms, claim.point);
  const expected = truth.forms.length ? expectedText(truth.forms[0], ctx) : null;
  if (evaluator.points.length === 0) {
    return failedClaim(claim, base, ctx, `${targetText} could not be evaluated at any sample point (it leaves its domain, or floating-point range, everywhere chainrule looked)`, truth, expected);
  }
  const internal = ctx.grading?.crossCheck !== false && truth.meaning ? crossCheckMeaning(truth.meaning, envOf(evaluator.points[0]), claim.target.span, targetText) : undefined;
  if (internal) {
    // chainrule's own derivative is in doubt: no verdict on the author rests on it.
    ctx.internalErrors.push(internal);
    return failedClaim(claim, base, ctx, internal.message, truth, expected);
  }
  const check: ClaimCheck = { claim, truth, evaluator, targetText, lowering: claimLowering(ctx.lowering, truth), ctx, correctSteps: [], readings: [] };
  const checked = claim.steps.map((step, i) => inCase(claim, checkStep(check, step, i + 1)));
  recordAnswer(check, checked[checked.length - 1]);
  ctx.grading?.pointValues?.(valuesAt(check));
  const steps = ctx.document ? withholdDoubtful(check, checked) : checked;
  const shapeClaim = claim.shapeClaim ? checkShapeClaim(shapeOfSpec(claim.shapeClaim), truth) : null;
  const verdict = claimVerdict(shapeClaim, steps);
  const readings = [...(base.readings ?? []), ...check.readings];
  return { ...base, ...(readings.length ? { readings } : {}), kind: truth.kind, expected, expectedShape: formatShape(truth.shape), shapeClaim, steps, verdict };
}

/** A claim's verdict: its last step's, unless the shape it claims is wrong. */
function claimVerdict(shapeClaim: ClaimJson['shapeClaim'], steps: readonly StepJson[]): StepJson['verdict'] {
  const last = steps[steps.length - 1];
  return shapeClaim && !shapeClaim.ok ? (last.verdict === 'unjudged' ? 'unjudged' : 'incorrect') : last.verdict;
}

function checkShapeClaim(claimed: Shape, truth: Truth): { claimed: string; actual: string; ok: boolean } {
  const ok = shapesEqual(claimed, truth.shape) || truth.forms.some((f) => shapesEqual(f.shape, claimed));
  return { claimed: formatShape(claimed), actual: formatShape(truth.shape), ok };
}

/** Remembers the author's final answer to a derivative claim, for carried-error diagnosis later. */
function recordAnswer({ claim, truth, lowering, ctx }: ClaimCheck, last: StepJson): void {
  const m = truth.meaning;
  if (!m || m.wrt.length !== 1 || !claim.steps.length) return;
  try {
    const answer = lowering.lower(claim.steps[claim.steps.length - 1].expr);
    if (shapesEqual(answer.shape, m.wrt[0].shape)) {
      ctx.earlier.push({ of: m.of, wrt: m.wrt[0], answer, line: claim.target.span.line, targetText: ctx.display(claim.target), correct: last.verdict === 'correct' });
    }
  } catch (err) {
    passLimits(err);
    // an answer that cannot be lowered carries nothing forward
  }
}

function stepBase(step: Step, index: number, ctx: ClaimContext) {
  const at = step.at ?? step.span;
  return { index, line: at.line, column: at.column, text: ctx.display(step) };
}

function checkStep(check: ClaimCheck, step: Step, index: number): StepJson {
  const { claim, truth, evaluator, targetText, ctx } = check;
  const base = stepBase(step, index, ctx);
  // Shape-fix hints prefer the fix that gives the target's shape.
  const lowering = check.lowering.with({ expectedShape: { shape: truth.shape, name: targetText }, identitySize: identitySizeOf(truth) });
  let node: Node;
  try {
    const indexed = isIndexedStep(step.expr, truth, lowering) ? lowerIndexedStep(step.expr, { ...check, lowering }) : undefined;
    if (indexed && 'verdict' in indexed) return { ...base, ...indexed.verdict };
    node = indexed ? indexed.node : lowering.lower(step.expr);
  } catch (err) {
    if (err instanceof InformalReference) return { ...base, shape: null, verdict: 'informal', diagnosis: null, message: informalMessage(err, claim, ctx) };
    if (!(err instanceof LowerError)) throw err;
    const unread = undefinedInDocument(err, ctx);
    if (unread) return { ...base, shape: null, verdict: 'unjudged', diagnosis: null, ...unread };
    const d = err.diagnostic;
    const message = d.message + (d.hint ? `; ${d.hint}` : '');
    if (d.code !== 'shape-mismatch') return { ...base, shape: null, verdict: 'error', diagnosis: null, message };
    // A shape mistake in this step is the step's; one in a definition it uses (another line) leaves it unchecked.
    if (!d.span || spanWithin(d.span, step.span)) return { ...base, shape: null, verdict: 'incorrect', diagnosis: 'shape', message };
    return { ...base, shape: null, verdict: 'error', diagnosis: null, message: `${message} (line ${d.span.line}), so this step cannot be checked` };
  }
  if (claim.condition) {
    const restricted = restrictToCase(claim.condition, node, check);
    if ('verdict' in restricted) return { ...base, ...restricted.verdict };
    node = restricted.node;
  }
  const shape = formatShape(node.shape);
  // In a document, a number for a target the problem fixes entirely (every quantity given, no `at` needed) is a
  // numeric answer too, with the tolerance of its written precision.
  if (claim.point || (ctx.document && hasDecimals(step.expr) && truth.forms.length > 0 && variablesUnder(node).length === 0 && variablesUnder(truth.forms[0]).length === 0)) {
    const numeric = checkNumericStep(check, step, node);
    if (numeric.verdict === 'correct') check.correctSteps.push(node);
    return { ...base, shape, ...numeric };
  }

  if (truth.forms.some((f) => f.id === node.id)) return { ...base, shape, verdict: 'correct', diagnosis: null, message: 'correct' };
  const formIndex = truth.forms.length ? truth.forms.findIndex((f) => shapesEqual(f.shape, node.shape)) : shapesEqual(truth.shape, node.shape) ? 0 : -1;
  const stepValues = evaluator.values(node);
  if (!stepValues) return { ...base, shape, verdict: 'error', diagnosis: null, message: `this step could not be evaluated` };
  if (formIndex < 0) return { ...base, shape, verdict: 'incorrect', ...wrongShape(check, step, index, node, stepValues) };
  const form = truth.forms[formIndex];
  const truthValues = formIndex === 0 ? evaluator.truth : evaluator.values(form)!;
  const unsampled = rangeProblem(node, stepValues, form, truthValues, targetText);
  if (unsampled) return { ...base, shape, verdict: 'error', diagnosis: null, message: unsampled };
  if (stepValues.every((v, k) => agree(v, truthValues[k]))) return { ...base, shape, verdict: 'correct', diagnosis: null, message: `correct` };
  const labels = ctx.document ? labelsReading(check, node) : undefined;
  if (labels) {
    if (!check.readings.some((r) => r.readAs === labels.readAs)) check.readings.push(labels);
    return { ...base, shape, verdict: 'correct', diagnosis: null, message: `correct, with ${labels.why}` };
  }
  const finding = diagnose(check, { expr: step.expr, node, values: stepValues }, form, truthValues);
  const hint = ctx.grading?.domainHints === false ? undefined : domainHint(node, truth, ctx.lowering.b.graph, ctx.scope, ctx.calculus.derivedLeaves, ctx.seed);
  // A document may state a name's kind in prose (`W` diagonal, `A` a covariance) where no line declares it. Of an
  // array a line gives only a shape, prose still often says its entries sum to 1 (`p \in \mathbb{R}^K` a
  // distribution), seldom that it is symmetric or positive (tr(QP) means a general Q, `t \in \mathbb{R}` any sign).
  const hinted = hint && ctx.scope.declarations.get(hint.name);
  if (hint && hinted && ctx.document && (hinted.implied || (hint.domain === 'simplex' && !isScalarShape(hinted.shape)))) {
    const declared = hinted.implied ? `no line of this question declares ${hint.name}` : `the line that declares ${hint.name} gives only its shape`;
    return { ...base, shape, verdict: 'unjudged', diagnosis: null, message: `${declared}; ${hint.text}, which the text may say, so chainrule cannot tell whether this step is wrong` };
  }
  return { ...base, shape, verdict: 'incorrect', diagnosis: finding.diagnosis, message: hint ? `${finding.message}; ${hint.text}` : finding.message };
}

/** Shape is the first and cheapest test (DESIGN.md); the message adds the fix when one edit finds it. */
function wrongShape({ truth, evaluator, targetText, lowering, ctx }: ClaimCheck, step: Step, index: number, node: Node, stepValues: Matrix[]): Finding {
  const shape = formatShape(node.shape);
  const head = `this step is ${shape} but ${targetText} is ${formatShape(truth.shape)}`;
  const isTransposed = shapesEqual([node.shape[1], node.shape[0]], truth.shape) && stepValues.every((v, k) => agree(transpose(v), evaluator.truth[k]));
  const lowerEdit = lowering.editLowerer();
  const repair = findRepair(step.expr, ctx.textOf, (edited) => matchesTruth(lowerEdit(edited), truth.shape, evaluator.truth, evaluator));
  const fix = repair ? `; ${repair.message}` : isTransposed ? '; its transpose is right' : '';
  const repairKind = repair?.diagnosis ?? (isTransposed ? 'transpose' : undefined);
  if (repairKind) ctx.grading?.shapeRepairs.set(index, repairKind);
  return { diagnosis: 'shape', message: head + fix };
}

/** Whether an edited step (undefined: it does not lower) has the truth's shape and values (the truth given by its values: it may have no expression). */
function matchesTruth(edited: Node | undefined, shape: Shape, truthValues: Matrix[], evaluator: ClaimEvaluator): boolean {
  return edited !== undefined && shapesEqual(edited.shape, shape) && evaluator.agrees(edited, truthValues);
}

/** A wrong step: its expression, node and values at the sample points. */
export interface WrongStep {
  expr: Expr;
  node: Node;
  values: Matrix[];
}

/**
 * Why a step of the truth's shape is wrong, compared with `form` of the truth (values `truthValues`); a numeric
 * answer's `tolerance` is its written precision.
 */
export function diagnose(check: ClaimCheck, step: WrongStep, form: Node | undefined, truthValues: Matrix[], tolerance?: number): Finding {
  const { truth, evaluator, targetText, lowering, ctx } = check;
  const found = diagnoseValues({
    b: lowering.b, evaluator, names: lowering.names, targetText, truth: form, truthValues, step: step.node, stepValues: step.values,
    of: truth.meaning?.of, wrt: truth.meaning?.wrt.length === 1 ? truth.meaning.wrt[0] : undefined, earlier: ctx.earlier, tolerance,
  });
  if (found) return found;
  const lowerEdit = lowering.editLowerer();
  const repair = findRepair(step.expr, ctx.textOf, (edited) => matchesTruth(lowerEdit(edited), form?.shape ?? truth.shape, truthValues, evaluator));
  if (repair) return repair;
  const expected = form ? `; expected ${expectedText(form, ctx)}` : '';
  return { diagnosis: 'unknown', message: `does not equal ${targetText}${expected}` };
}

/**
 * Tensor shorthand such as dh1/dW1 is informal, never wrong (SPEC 1.5); the message gives the matrix form
 * of the chain rule it stands for, with the claim's own function (L) or "L" when the claim has none.
 */
function informalMessage(err: InformalReference, claim: Claim, ctx: ClaimContext): string {
  const refText = ctx.textOf(err.ref.span).trim();
  const ofText = ctx.textOf(err.ref.of.span).trim();
  const wrtText = err.ref.wrt.length === 1 ? ctx.textOf(err.ref.wrt[0].span).trim() : 'x';
  const target = claim.target.expr;
  const loss = target.kind === 'deriv' && target.of.kind === 'name' && target.of.name !== (err.ref.of.kind === 'name' ? err.ref.of.name : '') ? ctx.textOf(target.of.span).trim() : 'L';
  const b = ctx.lowering.b;
  let form = '';
  try {
    const cotangent = b.variable(`d${loss}/d${ofText}`, err.of.shape);
    form = `; in matrix form the chain rule gives d${loss}/d${wrtText} = ${printCr(vjp(b.graph, err.of, cotangent, err.wrt), ctx.lowering.names)}`;
  } catch (err) {
    passLimits(err);
    form = '';
  }
  return `${refText} is a tensor (an array by a matrix), so this is informal shorthand${form}`;
}

function informalClaim(claim: Claim, base: Pick<ClaimJson, 'line' | 'label' | 'target'>, err: InformalReference, ctx: ClaimContext): ClaimJson {
  const message = informalMessage(err, claim, ctx);
  const steps: StepJson[] = claim.steps.map((s, i) => ({ ...stepBase(s, i + 1, ctx), shape: null, verdict: 'informal', diagnosis: null, message }));
  return { ...base, kind: 'informal', expected: null, expectedShape: null, shapeClaim: null, steps, verdict: 'informal' };
}

/**
 * A claim none of whose steps can be checked: an `error`, or, given the hint that would make it checkable,
 * `unjudged` (chainrule's context, not the author's maths, is what is missing).
 */
function failedClaim(claim: Claim, base: Pick<ClaimJson, 'line' | 'label' | 'target'>, ctx: ClaimContext, message: string, truth?: Truth, expected: string | null = null, unjudged?: { hint: string }): ClaimJson {
  const verdict = unjudged ? 'unjudged' : 'error';
  const steps: StepJson[] = claim.steps.map((s, i) => ({ ...stepBase(s, i + 1, ctx), shape: null, verdict, diagnosis: null, message, ...(unjudged ? { hint: unjudged.hint } : {}) }));
  return {
    ...base, kind: truth?.kind ?? 'equality', expected, expectedShape: truth ? formatShape(truth.shape) : null,
    shapeClaim: null, steps, verdict,
  };
}

/**
 * A derivative of a name the maths never defines, in a document: the text may say what the name is (a loss named
 * in prose), so the line is unjudged, not an error of the author's (SPEC 4.1); likewise definitions that lead back
 * to themselves as chainrule reads them. A `.cr` file says what it means.
 */
function undefinedInDocument(err: unknown, ctx: ClaimContext): { message: string; hint: string } | undefined {
  if (!ctx.document) return undefined;
  // `a_j = \sum_i w_{ji} z_i` and `z_j = h(a_j)`: one unit's names over every layer (Bishop's notation), which
  // chainrule reads as arrays defined by each other; the author's maths is not circular.
  if (err instanceof LowerError && err.diagnostic.code === 'cyclic-definition') {
    return {
      message: `${err.diagnostic.message} as chainrule reads the question (a unit's names written once for every layer, as in a_j = \sum_i w_{ji} z_i and z_j = h(a_j)), so it cannot check this line`,
      hint: 'name each layer apart (a^{(1)}, z^{(1)}, a^{(2)}, ...) to have this line checked',
    };
  }
  if (!(err instanceof UndefinedFunction)) return undefined;
  return {
    message: `${err.written} is not defined in the maths (the text may say what it is), so chainrule cannot work out ${err.derivative}`,
    hint: `define ${err.written} in the maths, e.g. \`${err.written} = ...\`, to have this line checked`,
  };
}
