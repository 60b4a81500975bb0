// Derivatives of one-argument functions as expressions: sigma'(h), and f'(x) for a user function.
import type { Node } from '../ir/types';
import type { Graph } from '../ir/graph';
import { builderFor } from '../ir/build';
import { unaryDerivative } from '../ops/index';
import { substitute } from '../ir/substitute';
import { isElementwiseIn } from './elementwise';
import { vjp } from './reverse';
import { Simplifier } from '../ir/simplify';

/** f'(x) for a builtin: sigma'(x) = sigma(x) .* (1 - sigma(x)), relu'(x) = (x > 0), tanh'(x) = 1 - tanh(x)^2, ... */
export function builtinDerivative(graph: Graph, name: string, x: Node): Node {
  return unaryDerivative(builderFor(graph), name, x);
}

let fresh = 0;

/**
 * f'(x) for a function of one variable given by its body: the derivative of body(u) at u, entry by entry,
 * with u then replaced by x. Throws when body is not elementwise in its argument.
 */
export function elementwiseDerivative(graph: Graph, body: (u: Node) => Node, x: Node): Node {
  const b = builderFor(graph);
  const u = b.variable(`__u${fresh++}`, x.shape);
  const y = body(u);
  if (!isElementwiseIn(y, u)) throw new Error(`the function is not elementwise in its argument, so f'(x) is not an array shaped like x`);
  const d = vjp(graph, y, b.onesOf(y.shape), u);
  return new Simplifier(b).simplify(substitute(b, d, new Map([[u.id, x]])));
}
