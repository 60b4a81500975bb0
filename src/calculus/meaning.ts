// What a derivative reference means (SPEC 1.5): the gradient of a scalar shaped like the variable, the
// Jacobian of a vector in numerator layout, an elementwise derivative as an array or a diagonal Jacobian,
// or informal tensor shorthand.
import type { Expr } from '../syntax/ast';
import type { EvalEnv, Matrix, Node, Shape } from '../ir/types';
import { ShapeError, formatShape, isScalarShape } from '../ir/types';
import { isColumnShape, isVectorShape } from '../ir/dims';
import { dependsOn } from '../ir/inspect';
import { abstractMeaning } from './abstract';
import { entrywiseDerivative } from './entrywiseFactors';
import { gradient, gradients, jacobian, vjp } from '../diff/index';
import { evaluate } from '../numeric/evaluate';
import { LowerError, Lowering } from '../resolve/lower';
import { error, type Diagnostic } from '../diagnostics';
import type { Builder } from '../ir/build';
import { substitute } from '../ir/substitute';

export type DerivativeRef = Extract<Expr, { kind: 'deriv' }>;

/** What a derivative is (SPEC 1.5); claims add the kinds of other targets (check/report.ts). */
export type DerivativeKind = 'gradient' | 'jacobian' | 'elementwise';

export interface DerivativeMeaning {
  kind: DerivativeKind;
  of: Node;
  wrt: Node[];
  /** The accepted values; the first is the usual form. Empty only when `evaluate` is the sole form. */
  forms: Node[];
  /** The value at a point, for Jacobians too large (or too symbolic) to build as an expression. */
  evaluate?: (env: EvalEnv) => Matrix;
  shape: Shape;
  /** When a variable is a defined name: what the derivative was taken of (checks perturb the inputs alone). */
  inputs?: Inputs;
}

/**
 * A derivative of a name no line defines. In a `.cr` file that is the author's missing definition (SPEC 1.2);
 * a document may define the name in its prose, so there it leaves the line unjudged (check/claim.ts).
 */
export class UndefinedFunction extends LowerError {
  constructor(
    diagnostic: Diagnostic,
    /** The name as written, and the derivative (`dL/dW`) that cannot be worked out. */
    readonly written: string,
    readonly derivative: string,
  ) {
    super(diagnostic);
  }
}

/**
 * dL/dW with L never defined would be the derivative of an independent variable (0): that is never what
 * the author means, so it is reported as the missing definition it is.
 */
export function requireDefinedFunction(ref: DerivativeRef, lowering: Lowering): void {
  const of = ref.of;
  if (ref.form !== 'frac' || of.kind !== 'name' || !lowering.isUndeclared(of.name)) return;
  if (lowering.indexReader.indexedName(of) || lowering.indexReader.namesBuiltinFunction(of)) return;
  const derivative = `d${of.text}/d${ref.wrt.map((w) => lowering.options.textOf(w.span).trim()).join(', ')}`;
  throw new UndefinedFunction(error('unknown-name', `${of.text} is not defined here, so ${derivative} cannot be worked out`, of.span, `define it first, e.g. \`${of.text} = ...\``), of.text, derivative);
}

/**
 * A derivative reference that is tensor-valued shorthand (`dh1/dW1`): informal, never wrong (SPEC 1.5).
 * `entrywise`: for an entrywise map of a matrix (`A = \sigma(Z)`), its derivative entry by entry, which is
 * what the reference means as a factor of an entrywise product (src/calculus/entrywiseFactors.ts).
 */
export class InformalReference extends Error {
  constructor(
    readonly ref: DerivativeRef,
    readonly of: Node,
    readonly wrt: Node,
    readonly entrywise?: Node,
  ) {
    super('tensor-valued derivative');
  }
}

/** What meaningOfNodes needs of a lowering: the builder, and source text for messages. */
export type MeaningContext = Pick<Lowering, 'b' | 'options'>;

/** How derivative references get their meaning (a grader substitutes a cached version, src/grade/truthCache.ts). */
export type MeaningFunction = (ref: DerivativeRef, lowering: Lowering) => DerivativeMeaning;

export function derivativeMeaning(ref: DerivativeRef, lowering: Lowering): DerivativeMeaning {
  const [variable] = ref.wrt;
  if (ref.wrt.length === 1 && variable.kind === 'transpose' && !variable.prime) return byTranspose(ref, variable.arg, lowering);
  requireDefinedFunction(ref, lowering);
  const abstract = abstractMeaning(ref, lowering);
  if (abstract) return abstract;
  const { of, wrt } = lowerReference(ref, lowering);
  requireIntermediates(ref, of, wrt, lowering);
  return meaningWithInputs(ref, of, wrt, definedInputs(ref, wrt, lowering), lowering);
}

/**
 * `\partial L / \partial X^T`, as textbooks write it to move a gradient across a transpose: the derivative by
 * an input standing for Xᵀ (L with X replaced by the input's transpose), so it is the transposed gradient by
 * X, and the cross-check perturbs that input. Read only by a variable of the question and for a function
 * chainrule knows (an unknown loss gives no graph to put the input in).
 */
function byTranspose(ref: DerivativeRef, variable: Expr, lowering: Lowering): DerivativeMeaning {
  requireDefinedFunction(ref, lowering);
  const b = lowering.b;
  const x = lowering.lower(variable);
  if (x.op !== 'var' || abstractMeaning({ ...ref, wrt: [variable] }, lowering)) {
    throw new LowerError(error('shape-mismatch', `a derivative by a transpose is read only by a variable of the question, of a function the maths defines`, ref.span));
  }
  const of = lowering.lower(ref.of);
  const input = b.variable(`⟨${x.attrs.name}ᵀ⟩`, [x.shape[1], x.shape[0]]);
  const inputs: Inputs = { of: substitute(b, of, new Map([[x.id, b.transpose(input)]])), wrt: [input], bindings: [{ input, standsFor: b.transpose(x) }] };
  return meaningWithInputs(ref, of, [b.transpose(x)], inputs, lowering);
}

/** The function and the variables of a reference, lowered. */
function lowerReference(ref: DerivativeRef, lowering: Lowering): { of: Node; wrt: Node[] } {
  // `dsigma/dz`: a builtin written bare is its value at the variable, so the variable is lowered first.
  const bareFunction = ref.of.kind === 'name' && ref.wrt.length === 1 && lowering.indexReader.namesBuiltinFunction(ref.of);
  if (!bareFunction) return { of: lowering.lower(ref.of), wrt: ref.wrt.map((w) => lowering.lower(w)) };
  const wrt = ref.wrt.map((w) => lowering.lower(w));
  return { of: lowering.with({ implicit: wrt[0] }).lower(ref.of), wrt };
}

/**
 * A derivative with respect to a defined name is taken of what is built on that name with the name an
 * independent input (docs/ir.md): the builder may fold `xq = x / 2` and `L = sum(g .* xq)` into
 * `sum(g .* x) / 2`, where no node is xq's any more, so the adjoint of xq's node would be 0.
 */
export interface Inputs {
  /** The function and the variables with each defined variable an input (a placeholder variable). */
  of: Node;
  wrt: Node[];
  /** Each placeholder and the node of the defined name it stands for. */
  bindings: Array<{ input: Node; standsFor: Node }>;
}

/**
 * The reference's function lowered with its defined variables as inputs; undefined when no variable is a
 * defined name. A function not written with a name does not depend on it, even when a subexpression of
 * it equals the name's definition.
 */
export function definedInputs(ref: DerivativeRef, wrt: readonly Node[], lowering: Lowering): Inputs | undefined {
  const placeholders = new Map<string, Node>();
  const bindings: Inputs['bindings'] = [];
  ref.wrt.forEach((w, k) => {
    const name = definedNameOf(w, lowering);
    // A definition that failed stands for its declared shape as a variable of its own name: a leaf already.
    if (!name || (wrt[k].op === 'var' && wrt[k].attrs.name === name) || placeholders.has(name)) return;
    const input = lowering.b.variable(`⟨${name}⟩`, wrt[k].shape);
    placeholders.set(name, input);
    bindings.push({ input, standsFor: wrt[k] });
  });
  if (!bindings.length) return undefined;
  return { ...lowerReference(ref, lowering.withInputs(placeholders)), bindings };
}

/** The defined name an expression names, through aliases (`alias yhat = a2`). */
function definedNameOf(e: Expr, lowering: Lowering): string | undefined {
  const { scope } = lowering;
  for (let hops = 0; e.kind === 'name' && hops <= scope.aliases.size; hops++) {
    if (scope.definitions.has(e.name)) return e.name;
    const alias = scope.aliases.get(e.name);
    if (!alias) return undefined;
    e = alias;
  }
  return undefined;
}

/** The meaning of a reference lowered to `of` and `wrt`, taken with respect to `inputs` when there are any. */
export function meaningWithInputs(ref: DerivativeRef, of: Node, wrt: Node[], inputs: Inputs | undefined, lowering: MeaningContext): DerivativeMeaning {
  if (!inputs) return meaningOfNodes(ref, of, wrt, lowering);
  let meaning: DerivativeMeaning;
  try {
    meaning = meaningOfNodes(ref, inputs.of, inputs.wrt, lowering);
  } catch (err) {
    if (err instanceof InformalReference) throw new InformalReference(ref, of, wrt[0], err.entrywise && bindNode(err.entrywise, inputs, lowering.b));
    throw err;
  }
  return bindInputs(meaning, of, wrt, inputs, lowering.b);
}

/** A meaning taken with respect to inputs, with each input replaced by the node it stands for. */
export function bindInputs(m: DerivativeMeaning, of: Node, wrt: Node[], inputs: Inputs, b: Builder): DerivativeMeaning {
  const forms = m.forms.map((f) => bindNode(f, inputs, b));
  const inner = m.evaluate;
  const evaluateAt = inner && ((env: EvalEnv) => inner(withInputValues(inputs, env)));
  return { ...m, of, wrt, forms, ...(evaluateAt ? { evaluate: evaluateAt } : {}), inputs };
}

/** A node taken with respect to inputs, with each input replaced by the node it stands for. */
function bindNode(n: Node, inputs: Inputs, b: Builder): Node {
  return substitute(b, n, new Map(inputs.bindings.map(({ input, standsFor }) => [input.id, standsFor])));
}

/** `env` with each input's value: that of the node it stands for. */
export function withInputValues(inputs: Inputs, env: EvalEnv): EvalEnv {
  const values = new Map(env.values);
  for (const { input, standsFor } of inputs.bindings) values.set(input.attrs.name!, evaluate(standsFor, env));
  return { ...env, values };
}

/**
 * Whether a reference means more than "derivative of the lowered function by the lowered variables", so that
 * a cache keyed by their structure (src/grade/truthCache.ts) must leave it to derivativeMeaning: it names an
 * abstract function (its call is looked up), differentiates a bare builtin (`dsigma/dz`), or is taken with
 * respect to an expression (which must occur in the function).
 */
export function isContextualReference(ref: DerivativeRef, lowering: Lowering): boolean {
  const names = [ref.of, ...ref.wrt];
  return (
    names.some((e) => e.kind === 'name' && lowering.scope.abstractFunctions.has(e.name)) ||
    (ref.of.kind === 'name' && lowering.indexReader.namesBuiltinFunction(ref.of)) ||
    ref.wrt.some((w) => w.kind !== 'name') ||
    lowering.indexReader.involves(ref)
  );
}

/**
 * `∂L/∂σ(z)`: a derivative with respect to an expression means the adjoint of that intermediate in L's
 * graph, so the expression must occur there (hash-consing makes `σ(z)` the node of L's `sigma(z)`).
 */
function requireIntermediates(ref: DerivativeRef, of: Node, wrt: readonly Node[], lowering: Lowering): void {
  ref.wrt.forEach((w, k) => {
    if (w.kind === 'name' || wrt[k].op === 'var' || dependsOn(of, wrt[k])) return;
    const text = lowering.options.textOf(w.span).trim();
    throw new LowerError(
      error('shape-mismatch', `${text} does not occur in ${lowering.options.textOf(ref.of.span).trim()}, so there is no derivative with respect to it`, w.span, `name the intermediate (a = ${text}) and write the function with it`),
    );
  });
}

/** The meaning of `ref` once its function and variables are lowered to `of` and `wrt`. */
export function meaningOfNodes(ref: DerivativeRef, of: Node, wrt: Node[], lowering: MeaningContext): DerivativeMeaning {
  const graph = lowering.b.graph;
  const b = lowering.b;
  const scalarOf = isScalarShape(of.shape);

  if (ref.form === 'grad' || (ref.form === 'jacobian' && scalarOf && wrt.length > 1)) {
    requireScalar(of, ref, lowering);
    const parts = gradients(graph, of, wrt);
    const column = b.vcat(parts);
    const row = b.hcat(parts.map((p) => b.transpose(p)));
    // grad w.r.t. a list of scalars has no declared layout: a row or a column is right (SPEC 1.3).
    const forms = ref.form === 'grad' ? [column, row] : [row];
    return { kind: wrt.length === 1 ? 'gradient' : ref.form === 'grad' ? 'gradient' : 'jacobian', of, wrt, forms, shape: forms[0].shape };
  }
  if (scalarOf && wrt.length === 1) {
    const g = gradient(graph, of, wrt[0]);
    // The Jacobian of a number by a column is by definition its 1 x n row; texts that write it also call the
    // gradient so (`J_{\mathbf w}(L)`, latex/subscriptJacobians.ts): either layout is right, as for grad.
    const forms = ref.form === 'jacobian' && isColumnShape(g.shape) ? [g, b.transpose(g)] : [g];
    return { kind: 'gradient', of, wrt, forms, shape: g.shape };
  }
  if (ref.form === 'jacobian' || wrt.length > 1) return jacobianMeaning(ref, of, wrt, lowering);

  const x = wrt[0];
  if (isScalarShape(x.shape)) {
    // d f / d x for an array f and a scalar x: shaped like f. The VJP is linear in its cotangent u,
    // so differentiating it with respect to u gives the forward derivative without a JVP rule.
    const u = b.variable(`__tangent${of.id}`, of.shape);
    const pulled = vjp(graph, of, u, x);
    const d = gradient(graph, pulled, u);
    return { kind: 'jacobian', of, wrt, forms: [d], shape: d.shape };
  }
  if (isVectorShape(of.shape) && isVectorShape(x.shape)) return jacobianMeaning(ref, of, wrt, lowering);
  throw new InformalReference(ref, of, x, entrywiseDerivative(b, of, x));
}

function jacobianMeaning(ref: DerivativeRef, of: Node, wrt: Node[], lowering: MeaningContext): DerivativeMeaning {
  const b = lowering.b;
  let J;
  try {
    J = jacobian(lowering.b.graph, of, wrt);
  } catch (err) {
    if (err instanceof ShapeError) throw new LowerError(error('shape-mismatch', err.message, ref.span));
    throw err;
  }
  const shape: Shape = [J.rows, J.cols];
  if (J.diagonal) {
    const full = J.node ?? b.diag(J.diagonal);
    return { kind: 'elementwise', of, wrt, forms: [J.diagonal, full], shape: J.diagonal.shape };
  }
  if (J.node) return { kind: 'jacobian', of, wrt, forms: [J.node, ...listedDeterminant(ref, J.node, lowering.b)], shape };
  return { kind: 'jacobian', of, wrt, forms: [], evaluate: J.evaluate, shape };
}

/**
 * `\frac{\partial (x, y)}{\partial (r, \theta)} = r`: calculus texts write the Jacobian of a change of variables
 * with its functions and variables listed for its determinant too (Stewart's `∂(x, y)/∂(u, v)`), so a step that
 * is a number is checked against the determinant of the square matrix, a step that is a matrix against the matrix.
 */
function listedDeterminant(ref: DerivativeRef, J: Node, b: Builder): Node[] {
  const listed = ref.of.kind === 'matrix' && ref.of.tuple === true && ref.wrt.length > 1;
  return listed && J.shape[0] === J.shape[1] && !isScalarShape(J.shape) ? [b.det(J)] : [];
}

function requireScalar(of: Node, ref: DerivativeRef, lowering: MeaningContext): void {
  if (!isScalarShape(of.shape)) {
    throw new LowerError(error('shape-mismatch', `grad needs a scalar function; ${lowering.options.textOf(ref.of.span)} is ${formatShape(of.shape)}`, ref.of.span, 'use jacobian(...) for a vector function'));
  }
}
