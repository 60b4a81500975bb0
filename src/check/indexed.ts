// Claims written with indices (docs/index-notation.md): the truth of `∂L/∂W_ij` is the gradient laid out
// by (i, j); a step is laid out the same way (indexing/align.ts) and then checked like any other step.
// What cannot be laid out is diagnosed here: a free index the left side does not have ('shape', or
// 'missing-term' when summing over it is right), and exchanged indices ('transpose' when exchanging them
// back is right).
import type { Expr } from '../syntax/ast';
import type { Dim, Matrix, Node } from '../ir/types';
import { formatShape } from '../ir/types';
import type { Lowering } from '../resolve/lower';
import { indexedMeaning } from '../calculus/indexed';
import { alignStep, plainLayout, type Alignment } from '../indexing/align';
import { normalizeName } from '../syntax/names';
import { LowerError } from '../resolve/lower';
import { sites } from './edits';
import { guarded } from '../indexing/lower';
import type { StepJson } from './report';
import type { Truth } from './truth';
import type { ClaimEvaluator } from './evaluator';
import type { ClaimCheck } from './claim';
import { agree } from './compare';
import { repeatedIndices } from '../resolve/indexUses';

type DerivativeRef = Extract<Expr, { kind: 'deriv' }>;

/** The truth of a derivative written with indices. */
export function indexedTruth(ref: DerivativeRef, lowering: Lowering): Truth {
  const m = guarded(ref, () => indexedMeaning(ref, lowering));
  return {
    kind: m.meaning.kind, forms: m.forms, shape: m.shape, value: (env, memo) => m.value(env, memo), meaning: m.meaning,
    layout: m.layout, implicit: m.implicit, indexSizes: m.sizes,
  };
}

/** `dsigma/dz`, `dsoftmax/dz`: the variable a bare builtin of the target stands at, also in the steps. */
export function implicitVariable(ref: DerivativeRef, lowering: Lowering): Node | undefined {
  if (ref.of.kind !== 'name' || ref.wrt.length !== 1 || !lowering.indexReader.namesBuiltinFunction(ref.of)) return undefined;
  return lowering.lower(ref.wrt[0]);
}

/**
 * The lowering a claim's steps are read with: what index notation and abstract functions take from the
 * claim (where `∂f2/∂f1` finds f2's call, what bare builtins stand at, the ranges of the target's indices).
 */
export function claimLowering(lowering: Lowering, truth: Truth): Lowering {
  return lowering.with({
    callRoots: truth.meaning ? [truth.meaning.of] : lowering.callRoots,
    indexHints: truth.indexSizes ?? new Map<string, Dim>(),
    ...(truth.implicit ? { implicit: truth.implicit } : {}),
  });
}

/** Whether a step is checked through index layout: it uses index notation, or its target does. */
export function isIndexedStep(e: Expr, truth: Truth, lowering: Lowering): boolean {
  return truth.layout !== undefined || lowering.indexReader.involves(e);
}

export type IndexedStep = { node: Node } | { verdict: Pick<StepJson, 'shape' | 'verdict' | 'diagnosis' | 'message'> };

function alignIndexed(e: Expr, truth: Truth, lowering: Lowering): Alignment {
  const { value } = lowering.lowerIndexed(e);
  return alignStep(lowering.b, value, truth.layout ?? plainLayout(truth.shape), truth.shape);
}

/**
 * The one-edit repair of index notation: exchange the two indices of one entry. Returns the message when
 * some such exchange makes the step right. Lowering the candidates is hypothetical: its warnings are dropped.
 */
function exchangedIndices(e: Expr, truth: Truth, evaluator: ClaimEvaluator, lowering: Lowering): string | undefined {
  const hypothetical = lowering.with({ editMemo: new WeakMap() });
  for (const site of sites(e)) {
    const node = site.node;
    if (node.kind !== 'name') continue;
    const info = lowering.indexReader.indexedName(node);
    if (!info || info.indices.length !== 2 || info.indices[0] === info.indices[1]) continue;
    const [i, j] = info.indices;
    const text = `${info.baseText}_{${j},${i}}`;
    const edited = site.replace({ ...node, name: normalizeName(text), text });
    try {
      const a = alignIndexed(edited, truth, hypothetical);
      if (a.kind === 'aligned' && agreesWithTruth(a.node, evaluator)) {
        return `the indices of ${node.text} are in the wrong order: write ${info.baseText}_${j.length > 1 || i.length > 1 ? `{${j},${i}}` : j + i} at ${node.span.line}:${node.span.column}`;
      }
    } catch (err) {
      if (!(err instanceof LowerError)) throw err;
    }
  }
  return undefined;
}

function agreesWithTruth(node: Node, evaluator: ClaimEvaluator): boolean {
  const values = evaluator.values(node);
  return values !== undefined && values.every((v: Matrix, k) => agree(v, evaluator.truth[k]));
}

function incorrect(diagnosis: 'shape' | 'transpose' | 'missing-term', message: string, node?: Node): IndexedStep {
  return { verdict: { shape: node ? formatShape(node.shape) : null, verdict: 'incorrect', diagnosis, message } };
}

/**
 * A step in index notation laid out like its truth, or the verdict when it cannot be, or when exchanging
 * the two indices of one entry (`W_ji` for `W_ij`) makes it right. Throws LowerError like `lower`.
 */
export function lowerIndexedStep(e: Expr, check: ClaimCheck): IndexedStep {
  return guarded(e, () => checkIndexedStep(e, check));
}

function checkIndexedStep(e: Expr, { truth, evaluator, targetText, lowering }: ClaimCheck): IndexedStep {
  const exchange = () => exchangedIndices(e, truth, evaluator, lowering);
  let a: Alignment;
  try {
    a = alignIndexed(e, truth, lowering);
  } catch (err) {
    const repair = err instanceof LowerError && err.diagnostic.code === 'shape-mismatch' ? exchange() : undefined;
    if (repair) return incorrect('transpose', repair);
    throw err;
  }
  if (a.kind !== 'aligned' || !agreesWithTruth(a.node, evaluator)) {
    const repair = exchange();
    if (repair) return incorrect('transpose', repair, a.kind === 'aligned' ? a.node : undefined);
  }
  switch (a.kind) {
    case 'aligned':
      return { node: a.node };
    case 'swapped':
      return agreesWithTruth(a.node, evaluator)
        ? incorrect('transpose', `${a.message}: exchange them and this is ${targetText}`, a.node)
        : incorrect('shape', a.message, a.node);
    case 'extra': {
      const list = a.indices.join(', ');
      const sums = a.indices.map((i) => `sum_${i}`).join(' ');
      // A document that writes repeated indices for sums (Einstein's convention) is read that way.
      if (a.summed && lowering.scope.summationConvention && repeatedIndices(e, a.indices)) return { node: a.summed };
      if (a.summed && agreesWithTruth(a.summed, evaluator)) {
        return incorrect('missing-term', `the sum over ${list} is missing: ${targetText} has no free ${list}, and ${sums} of this step is right`, a.summed);
      }
      return incorrect('shape', `free ${a.indices.length === 1 ? 'index' : 'indices'} ${list} on the right side that ${a.indices.length === 1 ? 'is' : 'are'} not on the left: ${targetText} has no ${list}`);
    }
    case 'mismatch':
      return incorrect('shape', a.message);
  }
}
