// Replacing nodes inside an expression, rebuilding through the builder (so rewrites apply again).
import type { Node } from './types';
import type { Builder } from './build';
import { topologicalOrder } from './inspect';

/** `node` with every occurrence of a key of `replace` (by id) replaced by its value. */
export function substitute(b: Builder, node: Node, replace: ReadonlyMap<number, Node>): Node {
  const out = new Map<number, Node>(replace);
  for (const n of topologicalOrder([node])) {
    if (out.has(n.id)) continue;
    const args = n.args.map((a) => out.get(a.id)!);
    out.set(n.id, args.every((a, i) => a === n.args[i]) ? n : b.make(n.op, args, n.attrs));
  }
  return out.get(node.id)!;
}
