// Derivatives of one-argument functions as expressions: sigma'(h), and f'(x) for a user function.
import type { Node } from '../ir/types';
import type { Graph } from '../ir/graph';
import { builderFor } from '../ir/build';
import { unaryDerivative } from '../ops/index';
import { substitute } from '../ir/substitute';
import { isElementwiseIn } from './elementwise';
import { vjp } from './reverse';
import { Simplifier } from '../ir/simplify';
import { isScalarShape } from '../ir/types';
import { isVectorShape } from '../ir/dims';
import { jacobian } from './jacobian';

/** f'(x) for a builtin: sigma'(x) = sigma(x) .* (1 - sigma(x)), relu'(x) = (x > 0), tanh'(x) = 1 - tanh(x)^2, ... */
export function builtinDerivative(graph: Graph, name: string, x: Node): Node {
  return unaryDerivative(builderFor(graph), name, x);
}

let fresh = 0;

/**
 * f'(x) for a function of one variable given by its body: the derivative of body(u) at u, entry by entry,
 * with u then replaced by x; for a vector-valued function of a number (`g(t) = (t^2, e^t)`), the vector of its
 * entries' derivatives. Undefined for any other function (f'(x) is no array shaped like x).
 */
export function primeDerivative(graph: Graph, body: (u: Node) => Node, x: Node): Node | undefined {
  const b = builderFor(graph);
  const u = b.variable(`__u${fresh++}`, x.shape);
  const y = body(u);
  const d = isElementwiseIn(y, u) ? vjp(graph, y, b.onesOf(y.shape), u) : isScalarShape(u.shape) && isVectorShape(y.shape) ? jacobian(graph, y, [u]).node : undefined;
  return d && new Simplifier(b).simplify(substitute(b, d, new Map([[u.id, x]])));
}
