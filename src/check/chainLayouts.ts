// The layouts a chain of derivatives may be written in. chainrule checks Jacobians in numerator layout and gives
// the derivative of a scalar by a column the column's shape (SPEC 1.5); authors also write whole chains in
// denominator layout, or in pure numerator (Jacobian) layout, where that derivative is a row and the chain rule
// reads ∂J/∂v = ∂J/∂θ ∂θ/∂v (a row times a Jacobian). A step that fails by its shape only in chainrule's layout
// may be right in the author's (src/check/doubts.ts withholds it).
import type { Expr } from '../syntax/ast';
import type { Claim } from '../resolve/scope';
import { isScalarShape, type Dim, type Node, type Shape } from '../ir/types';

type Lower = (e: Expr) => Node | undefined;

/** The factors of a product as written, left to right (`a b c` is a, b, c). */
export function productFactors(e: Expr): Expr[] {
  return e.kind === 'binary' && e.op === 'mul' ? [...productFactors(e.left), ...productFactors(e.right)] : [e];
}

/**
 * Whether factors of these shapes, in order, multiply to `target` or its transpose. A vector factor may also
 * multiply entry by entry (the derivative of a map applied entry by entry, kept as its diagonal); a scalar scales.
 */
export function composesTo(shapes: readonly Shape[], [tr, tc]: Shape): boolean {
  if (shapes.length < 2) return false;
  const rows = shapes[0][0];
  let cols = new Set<Dim>([shapes[0][1]]);
  for (const [r, c] of shapes.slice(1)) {
    const next = new Set<Dim>();
    for (const k of cols) {
      if (k === r) next.add(c);
      if ((r === 1 && c === 1) || (r === 1 && c === k) || (c === 1 && r === k)) next.add(k);
    }
    if (next.size === 0) return false;
    cols = next;
  }
  return (rows === tr && cols.has(tc)) || (rows === tc && cols.has(tr));
}

/**
 * Whether a step of a gradient of a scalar by a column is written in numerator layout: a chain of derivatives
 * that composes only with the gradients among them taken as rows (`∂J/∂θ ∂θ/∂v_c`), or a row times a Jacobian
 * still to be worked out (`(\hat y - y)^T \frac{\partial U^T v_c}{\partial v_c}`).
 */
export function inNumeratorLayout(step: Expr, target: Shape, lower: Lower): boolean {
  const [n, one] = target;
  if (one !== 1 || n === 1) return false;
  const factors = productFactors(step);
  if (factors.length < 2) return false;
  if (factors.every((f) => f.kind === 'deriv')) return chainOfRowGradients(factors, target, lower);
  const shape = lower(step)?.shape;
  return shape !== undefined && shape[0] === 1 && shape[1] === n && factors.some((f) => isJacobian(f, lower));
}

/**
 * Whether any claim of a question works a gradient of a scalar by a column out in numerator layout: the question's
 * convention, so its `\partial J/\partial \theta = (\hat y - y)^T` is that layout's row, not a slip. Once per
 * question's claims.
 */
export function questionInNumeratorLayout(claims: readonly Claim[], lower: Lower): boolean {
  return anyClaimOnce(numeratorByQuestion, claims, (claim, of, by) => isScalarShape(of) && claim.steps.some((s) => inNumeratorLayout(s.expr, by, lower)), lower);
}

/**
 * Whether a question writes a Jacobian of a vector by a vector of another size transposed (`\partial z_1 /
 * \partial x = W_1` for the rows z_1 = x W_1), as denominator layout does: there the gradient by a row is a column.
 */
export function questionInDenominatorLayout(claims: readonly Claim[], lower: Lower): boolean {
  return anyClaimOnce(denominatorByQuestion, claims, (claim, of, by) => {
    if (!isVector(of) || !isVector(by)) return false;
    const [n, m] = [lengthOf(of), lengthOf(by)];
    return n !== m && claim.steps.some((s) => { const shape = lower(s.expr)?.shape; return shape !== undefined && shape[0] === m && shape[1] === n; });
  }, lower);
}

const numeratorByQuestion = new WeakMap<readonly Claim[], boolean>();
const denominatorByQuestion = new WeakMap<readonly Claim[], boolean>();

/** Whether a claim of a first-order derivative (of `of` by `by`, shapes as lowered) passes `test`: once per question's claims. */
function anyClaimOnce(cache: WeakMap<readonly Claim[], boolean>, claims: readonly Claim[], test: (claim: Claim, of: Shape, by: Shape) => boolean, lower: Lower): boolean {
  let known = cache.get(claims);
  if (known === undefined) {
    known = claims.some((claim) => {
      const t = claim.target.expr;
      if (t.kind !== 'deriv' || t.wrt.length !== 1) return false;
      const [of, by] = [lower(t.of)?.shape, lower(t.wrt[0])?.shape];
      return of !== undefined && by !== undefined && test(claim, of, by);
    });
    cache.set(claims, known);
  }
  return known;
}

const lengthOf = ([r, c]: Shape): Dim => (r === 1 ? c : r);

/** A chain of derivatives that needs its gradients as rows to compose (in chainrule's own layout it does not). */
function chainOfRowGradients(factors: readonly Expr[], target: Shape, lower: Lower): boolean {
  const own: Shape[] = [];
  const rows: Shape[] = [];
  for (const f of factors) {
    const shape = lower(f)?.shape;
    if (!shape) return false;
    own.push(shape);
    rows.push(isGradientByColumn(f, lower) ? [shape[1], shape[0]] : shape);
  }
  return !composesTo(own, target) && composesTo(rows, target);
}

/** `∂J/∂θ` of a scalar by a column (chainrule's column, the author's row in numerator layout). */
function isGradientByColumn(f: Expr, lower: Lower): boolean {
  if (f.kind !== 'deriv' || f.wrt.length !== 1) return false;
  const [of, by] = [lower(f.of)?.shape, lower(f.wrt[0])?.shape];
  return of !== undefined && by !== undefined && isScalarShape(of) && by[1] === 1 && by[0] !== 1;
}

/** `∂θ/∂v` of a vector by a vector: a Jacobian, whose rows follow the function in both layouts' chain. */
function isJacobian(f: Expr, lower: Lower): boolean {
  if (f.kind !== 'deriv' || f.wrt.length !== 1) return false;
  const [of, by] = [lower(f.of)?.shape, lower(f.wrt[0])?.shape];
  return of !== undefined && by !== undefined && isVector(of) && isVector(by);
}

export function isVector([r, c]: Shape): boolean {
  return (r === 1) !== (c === 1);
}
