// Small structural questions the rewrite rules and the simplifier ask about nodes.
import type { Node } from './types';
import { isScalarShape } from './types';

/** The value of a scalar constant node. */
export function scalarConst(n: Node): number | undefined {
  return n.op === 'const' && isScalarShape(n.shape) ? n.attrs.value : undefined;
}

/** The value of a constant node, scalar or filled (every entry equal). */
export function fillValue(n: Node): number | undefined {
  return n.op === 'const' ? n.attrs.value : undefined;
}

/** A constant whose every entry is 1 (the scalar 1 or ones(m, n)). */
export function isOnes(n: Node): boolean {
  return fillValue(n) === 1;
}

export function isScalar(n: Node): boolean {
  return isScalarShape(n.shape);
}

/**
 * n = coef * rest, with rest undefined for a scalar constant. Sees through neg and scaling by a scalar
 * constant, which is how the builder writes numeric coefficients.
 */
export function splitCoefficient(n: Node): { coef: number; rest: Node | undefined } {
  const c = scalarConst(n);
  if (c !== undefined) return { coef: c, rest: undefined };
  if (n.op === 'neg') {
    const inner = splitCoefficient(n.args[0]);
    return { coef: -inner.coef, rest: inner.rest };
  }
  if (n.op === 'hadamard') {
    const k = scalarConst(n.args[0]);
    if (k !== undefined) return { coef: k, rest: n.args[1] };
  }
  return { coef: 1, rest: n };
}

/** Does `n` depend on `target` (or is it `target`)? */
export function dependsOn(n: Node, target: Node): boolean {
  const memo = new Map<number, boolean>();
  for (const x of topologicalOrder([n])) memo.set(x.id, x.id === target.id || x.args.some((a) => memo.get(a.id) === true));
  return memo.get(n.id) === true;
}

/** The variables (leaves) under `n`: none for a number or an array of numbers. */
export function variablesUnder(n: Node): Node[] {
  return topologicalOrder([n]).filter((x) => x.op === 'var');
}

/**
 * All nodes reachable from `roots`, children before parents (iterative DFS, no recursion limits).
 * `skip`: nodes below a root that are left out together with everything beneath them.
 */
export function topologicalOrder(roots: readonly Node[], skip?: (n: Node) => boolean): Node[] {
  const order: Node[] = [];
  const seen = new Set<number>();
  for (const root of roots) {
    if (seen.has(root.id)) continue;
    const stack: Array<{ node: Node; next: number }> = [{ node: root, next: 0 }];
    seen.add(root.id);
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.next < top.node.args.length) {
        const child = top.node.args[top.next++];
        if (!seen.has(child.id) && !skip?.(child)) {
          seen.add(child.id);
          stack.push({ node: child, next: 0 });
        }
      } else {
        stack.pop();
        order.push(top.node);
      }
    }
  }
  return order;
}
