// Detecting elementwise maps: f(x) whose entry i depends only on entry i of x, so its Jacobian is
// diagonal and the diagonal, shaped like x, is the VJP of a cotangent of ones (SPEC 1.5).
import type { Node } from '../ir/types';
import { shapesEqual } from '../ir/types';
import { topologicalOrder } from '../ir/inspect';
import { getOp } from '../ops/index';

export function isElementwiseIn(f: Node, x: Node): boolean {
  if (!shapesEqual(f.shape, x.shape)) return false;
  const depends = new Set<number>();
  for (const n of topologicalOrder([f])) {
    if (n.id === x.id) {
      depends.add(n.id);
      continue;
    }
    const touched = n.args.filter((a) => depends.has(a.id));
    if (touched.length === 0) continue;
    depends.add(n.id);
    // Each argument that carries x must already have the full shape: a broadcast would mix entries.
    if (!getOp(n.op).elementwise || touched.some((a) => !shapesEqual(a.shape, x.shape)) || !shapesEqual(n.shape, x.shape)) return false;
  }
  return depends.has(f.id);
}
