// Reverse mode over the DAG, micrograd style but symbolic: one topological order, one backward sweep.
// Each node's adjoint is the sum of its contributions, simplified once when complete, then pushed to
// its arguments through the op's VJP rule. Hash-consing keeps the result linear in the graph's size.
import type { Node } from '../ir/types';
import { ShapeError, formatShape, isScalarShape, shapesEqual } from '../ir/types';
import type { Graph } from '../ir/graph';
import { builderFor } from '../ir/build';
import { fillValue, topologicalOrder } from '../ir/inspect';
import { Simplifier } from '../ir/simplify';
import { getOp } from '../ops/index';

export interface DiffOptions {
  /** Simplify each adjoint (default true). Turning it off is for tests of the raw VJP rules. */
  simplify?: boolean;
}

/**
 * Adjoints of every node of `of`'s DAG that lies on a path to one of `targets` (or, without targets, that
 * depends on a variable), for the seed adjoint `seed` of `of`.
 */
function backward(graph: Graph, of: Node, seed: Node, targets: readonly Node[] | undefined, options: DiffOptions): Map<number, Node> {
  const b = builderFor(graph);
  const order = topologicalOrder([of]);
  const relevant = new Set<number>();
  const targetIds = new Set(targets?.map((t) => t.id));
  for (const n of order) {
    const leafRelevant = targets ? targetIds.has(n.id) : n.op === 'var';
    if (leafRelevant || n.args.some((a) => relevant.has(a.id))) relevant.add(n.id);
  }
  // The forward DAG stays as written: its nodes carry the user's names.
  const simplifier = options.simplify === false ? undefined : new Simplifier(b, { frozen: new Set(order.map((n) => n.id)) });
  const contributions = new Map<number, Node[]>([[of.id, [seed]]]);
  const adjoints = new Map<number, Node>();
  for (let k = order.length - 1; k >= 0; k--) {
    const node = order[k];
    if (!relevant.has(node.id)) continue;
    const parts = contributions.get(node.id);
    if (!parts) continue;
    contributions.delete(node.id);
    const sum = b.addAll(parts, node.shape);
    const adjoint = simplifier ? simplifier.simplify(sum) : sum;
    adjoints.set(node.id, adjoint);
    if (fillValue(adjoint) === 0) continue;
    const wanted = node.args.map((a) => relevant.has(a.id));
    if (!wanted.some(Boolean)) continue;
    const pushed = getOp(node.op).vjp(b, node, adjoint, wanted);
    node.args.forEach((a, i) => {
      const c = pushed[i];
      if (!wanted[i] || !c) return;
      if (!shapesEqual(c.shape, a.shape)) {
        throw new Error(`internal: the VJP of ${node.op} gave ${formatShape(c.shape)} for an argument of shape ${formatShape(a.shape)}`);
      }
      const list = contributions.get(a.id);
      if (list) list.push(c);
      else contributions.set(a.id, [c]);
    });
  }
  return adjoints;
}

/**
 * The gradient of a scalar `of` with respect to `wrt`, shaped like `wrt`. `wrt` may be a leaf variable or
 * any node of `of`'s DAG (an intermediate such as the node of h1: its adjoint).
 */
export function gradient(graph: Graph, of: Node, wrt: Node, options: DiffOptions = {}): Node {
  if (!isScalarShape(of.shape)) throw new ShapeError('gradient', [of.shape], `a gradient needs a scalar, not ${formatShape(of.shape)}; use vjp or jacobian`);
  const b = builderFor(graph);
  return backward(graph, of, b.constant(1), [wrt], options).get(wrt.id) ?? b.zerosOf(wrt.shape);
}

/** The gradients of a scalar `of` with respect to several nodes, from one sweep. */
export function gradients(graph: Graph, of: Node, wrt: readonly Node[], options: DiffOptions = {}): Node[] {
  if (!isScalarShape(of.shape)) throw new ShapeError('gradient', [of.shape], `a gradient needs a scalar, not ${formatShape(of.shape)}`);
  const b = builderFor(graph);
  const adj = backward(graph, of, b.constant(1), wrt, options);
  return wrt.map((w) => adj.get(w.id) ?? b.zerosOf(w.shape));
}

/** Adjoints of every node of a scalar `of`'s DAG that depends on a variable (node id → adjoint). */
export function adjoints(graph: Graph, of: Node, options: DiffOptions = {}): Map<number, Node> {
  if (!isScalarShape(of.shape)) throw new ShapeError('gradient', [of.shape], `adjoints need a scalar, not ${formatShape(of.shape)}`);
  return backward(graph, of, builderFor(graph).constant(1), undefined, options);
}

/** The vector-Jacobian product cotangent^T (d of / d wrt), shaped like `wrt`, for any `of`. */
export function vjp(graph: Graph, of: Node, cotangent: Node, wrt: Node, options: DiffOptions = {}): Node {
  if (!shapesEqual(of.shape, cotangent.shape)) {
    throw new ShapeError('vjp', [of.shape, cotangent.shape], `the cotangent must be shaped like the function, ${formatShape(of.shape)}, not ${formatShape(cotangent.shape)}`);
  }
  return backward(graph, of, cotangent, [wrt], options).get(wrt.id) ?? builderFor(graph).zerosOf(wrt.shape);
}
