// `\frac{\partial L}{\partial A} \odot \frac{\partial A}{\partial Z}` with A = σ(Z) a matrix: the Jacobian of an
// entrywise map of a matrix is a 4-index tensor (informal shorthand, SPEC 1.5), but as a factor of an entrywise
// product the author can only mean its entries' derivatives, ∂A_ij/∂Z_ij, an array shaped like Z (as for
// vectors, whose diagonal Jacobian is read so already). Anywhere else (`\frac{\partial L}{\partial A}
// \frac{\partial A}{\partial Z}`, a matrix product) the reference stays informal.
import type { Node } from '../ir/types';
import type { Builder } from '../ir/build';
import { isVectorShape } from '../ir/dims';
import { isElementwiseIn, vjp } from '../diff/index';

/**
 * The derivative entry by entry of `of` by a matrix `x` when each entry of `of` depends on the same entry of
 * `x` alone, else undefined: the cotangent of ones pulled back through the diagonal Jacobian.
 */
export function entrywiseDerivative(b: Builder, of: Node, x: Node): Node | undefined {
  if (isVectorShape(x.shape) || !isElementwiseIn(of, x)) return undefined;
  return vjp(b.graph, of, b.onesOf(of.shape), x);
}
