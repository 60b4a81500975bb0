// The expanded form (declared leaves only) with every subexpression used more than once printed once, as a
// named intermediate: `t1 = sigma(X W1 + b1)` on a line of its own, then the next, the expression last.
// Its length grows with the DAG, where the plain expanded form grows with the tree it unfolds to (a deep
// network's gradient repeats each layer's activations in every later layer's factor).
import type { Node } from './types';
import { topologicalOrder } from './inspect';
import { printCr } from './print';

export function printCrShared(root: Node): string {
  const order = topologicalOrder([root]);
  const uses = new Map<number, number>();
  for (const n of order) for (const a of n.args) uses.set(a.id, (uses.get(a.id) ?? 0) + 1);
  const taken = new Set(order.filter((n) => n.op === 'var').map((n) => String(n.attrs.name)));
  const names = new Map<number, string>();
  let next = 1;
  const fresh = () => {
    while (taken.has(`t${next}`)) next++;
    return `t${next++}`;
  };
  const shared = order.filter((n) => n !== root && n.args.length > 0 && (uses.get(n.id) ?? 0) > 1);
  for (const n of shared) names.set(n.id, fresh());
  // Children come first in `order`, so each line uses only names defined above it.
  return [...shared.map((n) => `${names.get(n.id)} = ${printCr(n, names)}`), printCr(root, names)].join('\n');
}
