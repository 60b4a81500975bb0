// The true value a claim's steps are checked against (SPEC 1.4, 1.5).
import type { Dim, EvalEnv, Matrix, Node, Shape } from '../ir/types';
import { evaluate } from '../numeric/evaluate';
import type { Claim } from '../resolve/scope';
import type { Lowering } from '../resolve/lower';
import type { ClaimKind } from './report';
import { DerivativeMeaning, derivativeMeaning, type MeaningFunction } from '../calculus/meaning';
import type { TruthFunction } from './evaluator';
import { multiply, type Layout } from '../ir/tensor';
import { implicitVariable, indexedTruth } from './indexed';
import { entryLayoutOf } from './entrySteps';

export interface Truth {
  kind: ClaimKind;
  /** Accepted forms as expressions; the first is the usual one (printed as `expected`). */
  forms: Node[];
  shape: Shape;
  value: TruthFunction;
  meaning?: DerivativeMeaning;
  /** For a target written with indices (`∂L/∂W_ij`): what the axes of the truth run over (src/calculus/indexed.ts). */
  layout?: Layout;
  /** Ranges of the target's indices. */
  indexSizes?: Map<string, Dim>;
  /** The variable that bare builtins stand at in this claim (`dsigma/dz = sigma (1 - sigma)`). */
  implicit?: Node;
}

/**
 * The size of an identity `I` a step writes alone (`\partial z / \partial z = I`): that of the truth's first
 * square form (an elementwise map's Jacobian is one).
 */
export function identitySizeOf(truth: Truth): Dim | undefined {
  const square = truth.forms.find((f) => f.shape[0] !== 1 && f.shape[0] === f.shape[1]);
  return square?.shape[0];
}

export function truthOf(claim: Claim, lowering: Lowering, meaningOf: MeaningFunction = derivativeMeaning): Truth {
  const target = lowering.asWritten(claim.target.expr);
  if (target.kind === 'deriv') {
    if (lowering.indexReader.involves(target)) return indexedTruth(target, lowering);
    const implicit = implicitVariable(target, lowering);
    const meaning = meaningOf(target, lowering);
    const value: TruthFunction = meaning.forms.length
      ? (env, memo) => evaluate(meaning.forms[0], env, memo)
      : (env: EvalEnv): Matrix => meaning.evaluate!(env);
    const entries = entryLayoutOf(target, claim, meaning.shape, lowering);
    const laidOut = entries ? { layout: entries.layout, indexSizes: entries.sizes } : {};
    return { kind: meaning.kind, forms: meaning.forms, shape: meaning.shape, value, meaning, ...laidOut, ...(implicit ? { implicit } : {}) };
  }
  if (lowering.indexReader.involves(target)) return entriesTruth(target, lowering, claim);
  const node = lowering.lower(target);
  return {
    kind: claim.point ? 'value' : 'equality',
    forms: [node],
    shape: node.shape,
    value: (env, memo) => evaluate(node, env, memo),
  };
}

/** `a_j = e^{z_j} / \sum_k e^{z_k}` for a known a: the entries laid out by their indices, as a derivative's are. */
function entriesTruth(target: Claim['target']['expr'], lowering: Lowering, claim: Claim): Truth {
  const { value, sizes } = lowering.lowerIndexed(target);
  const t = multiply(lowering.b, value);
  return {
    kind: claim.point ? 'value' : 'equality', forms: [t.node], shape: t.node.shape,
    value: (env, memo) => evaluate(t.node, env, memo), layout: { rows: t.rows, cols: t.cols }, indexSizes: sizes,
  };
}
