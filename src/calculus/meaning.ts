// What a derivative reference means (SPEC 1.5): the gradient of a scalar shaped like the variable, the
// Jacobian of a vector in numerator layout, an elementwise derivative as an array or a diagonal Jacobian,
// or informal tensor shorthand.
import type { Expr } from '../syntax/ast';
import type { EvalEnv, Matrix, Node, Shape } from '../ir/types';
import { ShapeError, formatShape, isScalarShape } from '../ir/types';
import { isVectorShape } from '../ir/dims';
import { gradient, gradients, jacobian, vjp } from '../diff/index';
import { evaluate } from '../numeric/evaluate';
import type { ClaimKind } from '../check/report';
import { LowerError, Lowering } from '../resolve/lower';
import { error } from '../diagnostics';

export type DerivativeRef = Extract<Expr, { kind: 'deriv' }>;

export interface DerivativeMeaning {
  kind: ClaimKind;
  of: Node;
  wrt: Node[];
  /** The accepted values; the first is the usual form. Empty only when `evaluate` is the sole form. */
  forms: Node[];
  /** The value at a point, for Jacobians too large (or too symbolic) to build as an expression. */
  evaluate?: (env: EvalEnv) => Matrix;
  shape: Shape;
}

/** A derivative reference that is tensor-valued shorthand (`dh1/dW1`): informal, never wrong (SPEC 1.5). */
export class InformalReference extends Error {
  constructor(
    readonly ref: DerivativeRef,
    readonly of: Node,
    readonly wrt: Node,
  ) {
    super('tensor-valued derivative');
  }
}

export function derivativeMeaning(ref: DerivativeRef, lowering: Lowering): DerivativeMeaning {
  const graph = lowering.b.graph;
  const b = lowering.b;
  const of = lowering.lower(ref.of);
  const wrt = ref.wrt.map((w) => lowering.lower(w));
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
    return { kind: 'gradient', of, wrt, forms: [g], shape: g.shape };
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
  throw new InformalReference(ref, of, x);
}

function jacobianMeaning(ref: DerivativeRef, of: Node, wrt: Node[], lowering: Lowering): DerivativeMeaning {
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
  if (J.node) return { kind: 'jacobian', of, wrt, forms: [J.node], shape };
  return { kind: 'jacobian', of, wrt, forms: [], evaluate: J.evaluate, shape };
}

function requireScalar(of: Node, ref: DerivativeRef, lowering: Lowering): void {
  if (!isScalarShape(of.shape)) {
    throw new LowerError(error('shape-mismatch', `grad needs a scalar function; ${lowering.options.textOf(ref.of.span)} is ${formatShape(of.shape)}`, ref.of.span, 'use jacobian(...) for a vector function'));
  }
}

/** The value of a meaning's usual form at a point. */
export function evaluateMeaning(m: DerivativeMeaning, env: EvalEnv, memo?: Map<number, Matrix>): Matrix {
  return m.forms.length ? evaluate(m.forms[0], env, memo) : m.evaluate!(env);
}
