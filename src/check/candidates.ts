// The near misses a wrong step is compared with that come from the truth alone (diagnose.ts): the truth
// with a term or factor left out, and the local derivatives of the chain (a link left out). They depend
// on the truth, never on the step, so a grader prepares those of its problems' truths once, in the graph
// each submission forks (src/grade/problemBase.ts), and evaluates them there at the shared sample points.
// Elsewhere they are made lazily, one at a time, until one explains the step.
import type { Node } from '../ir/types';
import type { Graph } from '../ir/graph';
import type { Builder } from '../ir/build';
import { topologicalOrder, dependsOn } from '../ir/inspect';
import { substitute } from '../ir/substitute';
import { isElementwiseIn, vjp } from '../diff/index';
import { passLimits } from '../limits/index';

const MAX_STRUCTURAL_CANDIDATES = 60;

/** The truth with the parts `removed` of one sum or elementwise product (`op`) left out. */
export interface StructuralCandidate {
  op: 'add' | 'hadamard';
  without: Node;
  removed: Node[];
}

/** `local` = d(v)/d(wrt) for an intermediate v of the function: the factor a step without that link lacks. */
export interface LinkCandidate {
  v: Node;
  local: Node;
}

/**
 * One term or factor left out of each sum and elementwise product of the truth, or two neighbouring ones
 * (a1 .* (1 - a1), the derivative of a sigmoid, is two factors of a flat product); outermost first.
 */
export function structuralCandidates(truth: Node, b: Builder): Iterable<StructuralCandidate> {
  return prepared<StructuralCandidate>(b.graph, `s${truth.id}`) ?? makeStructural(truth, b);
}

/** d(v)/d(wrt) for each intermediate v of `of` that depends on wrt entry by entry. */
export function linkCandidates(of: Node, wrt: Node, b: Builder): Iterable<LinkCandidate> {
  return prepared<LinkCandidate>(b.graph, `l${of.id}:${wrt.id}`) ?? makeLinks(of, wrt, b);
}

/**
 * Makes the candidates of a truth in `b`'s graph and keeps them for it and its forks. Returns the nodes
 * made, for the caller to evaluate at the sample points the forks will share.
 */
export function prepareCandidates(b: Builder, forms: readonly Node[], link?: { of: Node; wrt: Node }): Node[] {
  let byKey = preparedLists.get(b.graph);
  if (!byKey) preparedLists.set(b.graph, (byKey = new Map()));
  const nodes: Node[] = [];
  for (const truth of forms) {
    const list = [...makeStructural(truth, b)];
    byKey.set(`s${truth.id}`, list);
    nodes.push(...list.map((c) => c.without));
  }
  if (link) {
    const list = [...makeLinks(link.of, link.wrt, b)];
    byKey.set(`l${link.of.id}:${link.wrt.id}`, list);
    nodes.push(...list.map((c) => c.local));
  }
  return nodes;
}

/** Lists prepared in a graph, by truth (node ids: a fork's ids for its base's nodes are the base's). */
const preparedLists = new WeakMap<Graph, Map<string, readonly unknown[]>>();

function prepared<T>(graph: Graph, key: string): readonly T[] | undefined {
  return (preparedLists.get(graph)?.get(key) ?? (graph.base && preparedLists.get(graph.base)?.get(key))) as readonly T[] | undefined;
}

function* makeStructural(truth: Node, b: Builder): Generator<StructuralCandidate> {
  let tried = 0;
  for (const n of topologicalOrder([truth]).reverse()) {
    if (n.op !== 'add' && n.op !== 'hadamard') continue;
    const op = n.op;
    const parts = flatten(n, op);
    const removals: number[][] = parts.map((_, i) => [i]);
    if (parts.length >= 3) for (let i = 0; i + 1 < parts.length; i++) removals.push([i, i + 1]);
    for (const removed of removals) {
      if (++tried > MAX_STRUCTURAL_CANDIDATES) return;
      const rest = parts.filter((_, k) => !removed.includes(k));
      let without: Node;
      try {
        without = substitute(b, truth, new Map([[n.id, joinParts(b, op, rest)]]));
      } catch (err) {
        passLimits(err);
        continue;
      }
      yield { op, without, removed: removed.map((k) => parts[k]) };
    }
  }
}

function* makeLinks(of: Node, wrt: Node, b: Builder): Generator<LinkCandidate> {
  let tried = 0;
  for (const v of topologicalOrder([of])) {
    if (v.id === of.id || v.id === wrt.id || !dependsOn(v, wrt) || !isElementwiseIn(v, wrt)) continue;
    if (++tried > MAX_STRUCTURAL_CANDIDATES) return;
    try {
      yield { v, local: vjp(b.graph, v, b.onesOf(v.shape), wrt) };
    } catch (err) {
      passLimits(err);
      continue;
    }
  }
}

/** The parts of a sum or elementwise product put back together. */
export function joinParts(b: Builder, op: StructuralCandidate['op'], parts: readonly Node[]): Node {
  return parts.reduce((x, y) => (op === 'add' ? b.add(x, y) : b.hadamard(x, y)));
}

function flatten(n: Node, op: string): Node[] {
  return n.op === op ? n.args.flatMap((a) => flatten(a, op)) : [n];
}
