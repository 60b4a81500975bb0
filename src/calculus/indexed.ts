// What a derivative written with indices means (docs/index-notation.md). `∂L/∂W_ij` is the gradient dL/dW
// read entry by entry, so its truth is the gradient with its axes labelled i (rows of W) and j (columns);
// `∂W_ji` labels them the other way round. `∂s_j/∂z_i` is the Jacobian ds/dz (numerator layout) with rows
// labelled j and columns i, and `∂a_i/∂h_i` its diagonal; entries that share an index (`∂z_j/∂W_ij`) are
// read in sharedIndices.ts. A step is then compared with the truth after being laid out by the same labels
// (align.ts).
import type { Expr } from '../syntax/ast';
import type { Dim, EvalEnv, Matrix, Node, Shape } from '../ir/types';
import { isScalarShape } from '../ir/types';
import { isVectorShape } from '../ir/dims';
import { evaluate } from '../numeric/evaluate';
import { zeros } from '../numeric/matrix';
import { error } from '../diagnostics';
import { LowerError, type Lowering } from '../resolve/lower';
import type { DerivativeMeaning } from './meaning';
import { meaningOfNodes } from './meaning';
import { COLS, ROWS, contract, isIndexLabel, labelsOf, multiply, productLabels, type Layout, type Tensor } from '../ir/tensor';
import { repeatedIndices } from '../resolve/indexUses';
import { passLimits } from '../limits/index';
import { sharedIndexDerivative } from './sharedIndices';

type DerivativeRef = Extract<Expr, { kind: 'deriv' }>;


export interface IndexedMeaning {
  /** The derivative of the un-indexed function and variable. */
  meaning: DerivativeMeaning;
  layout: Layout;
  /** The truth laid out by `layout`, as expressions; empty when it is only known numerically. */
  forms: Node[];
  value(env: EvalEnv, memo?: Map<number, Matrix>): Matrix;
  shape: Shape;
  /** The variable that bare builtins stand at (`∂softmax_j/∂z_i`). */
  implicit?: Node;
  /** Ranges of the indices written in the reference. */
  sizes: Map<string, Dim>;
}

function fail(ref: DerivativeRef, message: string): never {
  throw new LowerError(error('shape-mismatch', message, ref.span));
}

function tensorOf(lowering: Lowering, e: Expr, sizes: Map<string, Dim>, summable: (labels: string[]) => string[] = () => []): Tensor {
  let { value, sizes: own } = lowering.lowerIndexed(e);
  for (const [k, v] of own) sizes.set(k, v);
  for (const index of summable(productLabels(value))) value = contract(lowering.b, value, index, own.get(index));
  return multiply(lowering.b, value);
}

/**
 * The indices of a derivative's quantity that Einstein's convention sums (`∂(X_{ij} A_{ji})/∂X_{kl}` is
 * ∂(Σ_ij X_ij A_ji)/∂X_kl): in a document, written twice in the quantity, absent from the variable, and only
 * where the quantity left free would give the derivative more than two axes, which no reading lays out; a
 * quantity with one free index of its own (`∂(a_i b_i)/∂x_j`) keeps its reading as a Jacobian.
 */
function einsteinSums(ref: DerivativeRef, wrt: Tensor, lowering: Lowering): (labels: string[]) => string[] {
  return (labels) => {
    if (!lowering.scope.summationConvention) return [];
    const own = labels.filter((l) => isIndexLabel(l) && !labelsOf(wrt).includes(l));
    if (own.length + labelsOf(wrt).length <= 2 || !repeatedIndices(ref.of, own)) return [];
    return own;
  };
}

/** The one label of a vector's axis: its index, or the item side it lies along. */
function vectorLabel(t: Tensor): string | undefined {
  const labels = labelsOf(t);
  return labels.length === 1 ? labels[0] : undefined;
}

export function indexedMeaning(ref: DerivativeRef, lowering: Lowering): IndexedMeaning {
  if (ref.wrt.length !== 1 || (ref.form !== 'frac' && ref.form !== 'operator')) fail(ref, 'index notation is supported in ∂f/∂x with one variable, not in jacobian() or grad()');
  const [wrtExpr] = ref.wrt;
  if (wrtExpr.kind !== 'name' && wrtExpr.kind !== 'power') fail(ref, `differentiate with respect to entries of a variable (∂L/∂W_ij, ∂L/∂x^(i)), not of ${lowering.options.textOf(wrtExpr.span).trim()}`);
  const sizes = new Map<string, Dim>();
  const wrt = tensorOf(lowering, wrtExpr, sizes);
  if (!isVariableItself(wrtExpr, wrt.node, lowering)) fail(ref, `${lowering.options.textOf(wrtExpr.span).trim()} is not the variable's own entries (a diagonal or an expression); differentiate with respect to W_ij and take what you need`);
  const bare = ref.of.kind === 'name' && lowering.indexReader.namesBuiltinFunction(ref.of);
  const implicit = bare ? wrt.node : undefined;
  const of = tensorOf(implicit ? lowering.with({ implicit }) : lowering, ref.of, sizes, einsteinSums(ref, wrt, lowering));
  const shared = sharedIndexDerivative(lowering.b, of, wrt);
  if (shared) {
    const meaning: DerivativeMeaning = { kind: 'jacobian', of: of.node, wrt: [wrt.node], forms: [], evaluate: shared.value, shape: shared.shape };
    return { meaning, layout: shared.layout, forms: [], value: shared.value, shape: shared.shape, implicit, sizes };
  }
  const meaning = meaningOfNodes(ref, of.node, [wrt.node], lowering);
  const laid = layOut(ref, meaning, of, wrt, lowering);
  return { meaning, ...laid, implicit, sizes };
}

/** Whether the variable's tensor is the array itself, its axes merely labelled (W_ij, x^(i)), not derived from it (W_ii). */
function isVariableItself(e: Expr, node: Node, lowering: Lowering): boolean {
  const reader = lowering.indexReader;
  const name = e.kind === 'name' ? e : e.kind === 'power' && e.base.kind === 'name' ? e.base : undefined;
  if (!name) return false;
  const base = reader.indexedName(name)?.base ?? reader.arrayOf(name.name) ?? name.name;
  try {
    return lowering.nameNode(base, name.span) === node;
  } catch (err) {
    passLimits(err);
    return false;
  }
}

function valueOf(forms: readonly Node[], fallback: DerivativeMeaning['evaluate']): IndexedMeaning['value'] {
  return forms.length ? (env, memo) => evaluate(forms[0], env, memo) : (env) => fallback!(env);
}

function layOut(ref: DerivativeRef, meaning: DerivativeMeaning, of: Tensor, wrt: Tensor, lowering: Lowering): Pick<IndexedMeaning, 'layout' | 'forms' | 'value' | 'shape'> {
  const full = (forms: Node[], layout: Layout) => ({ layout, forms, value: valueOf(forms, meaning.evaluate), shape: forms[0]?.shape ?? meaning.shape });
  if (isScalarShape(of.node.shape)) return full(meaning.forms, { rows: wrt.rows, cols: wrt.cols });
  if (isScalarShape(wrt.node.shape)) return full(meaning.forms, { rows: of.rows, cols: of.cols });
  const ofLabel = vectorLabel(of);
  const wrtLabel = vectorLabel(wrt);
  if (!isVectorShape(of.node.shape) || !isVectorShape(wrt.node.shape) || !ofLabel || !wrtLabel) {
    fail(ref, `${lowering.options.textOf(ref.span).trim()} has more than two indices; write it with whole arrays`);
  }
  const jacobian = meaning.kind === 'elementwise' ? [meaning.forms[1]] : meaning.forms;
  const jacobianValue = valueOf(jacobian, meaning.evaluate);
  if (ofLabel === wrtLabel && isIndexLabel(ofLabel)) {
    // ∂a_i/∂h_i: the diagonal, shaped like the variable.
    if (meaning.kind === 'elementwise') return full([meaning.forms[0]], { rows: wrt.rows, cols: wrt.cols });
    const diagonal = (env: EvalEnv, memo?: Map<number, Matrix>): Matrix => {
      const J = jacobianValue(env, memo);
      const d = J.rows;
      const out = wrt.rows ? zeros(d, 1) : zeros(1, d);
      for (let k = 0; k < d; k++) out.data[k] = J.data[k * J.cols + k];
      return out;
    };
    return { layout: { rows: wrt.rows, cols: wrt.cols }, forms: [], value: diagonal, shape: wrt.node.shape };
  }
  const layout = { rows: isIndexLabel(ofLabel) ? ofLabel : ROWS, cols: isIndexLabel(wrtLabel) ? wrtLabel : COLS };
  return { layout, forms: jacobian, value: jacobianValue, shape: jacobian[0]?.shape ?? meaning.shape };
}
