// The expected value as a person would write it under the declared domains: for a one-hot (or simplex)
// label y, sum(y) is 1 and Y ones(C, 1) is a column of ones, so softmax cross-entropy reads `s - y`.
// Only the printed form changes; values are the same at every point the domain allows.
import type { Node } from '../ir/types';
import type { Builder } from '../ir/build';
import { topologicalOrder, isOnes } from '../ir/inspect';
import { substitute } from '../ir/substitute';
import { printCr } from '../ir/print';
import type { Scope } from '../resolve/scope';

function sumsToOne(n: Node, scope: Scope): boolean {
  if (n.op !== 'var') return false;
  const domain = scope.declarations.get(n.attrs.name!)?.domain;
  return domain === 'onehot' || domain === 'simplex';
}

export function printExpected(node: Node, b: Builder, scope: Scope, names: ReadonlyMap<number, string>): string {
  const replace = new Map<number, Node>();
  for (const n of topologicalOrder([node])) {
    const [x, y] = n.args;
    const isVector = x && (x.shape[0] === 1 || x.shape[1] === 1);
    if (n.op === 'sum' && isVector && sumsToOne(x, scope)) replace.set(n.id, b.constant(1));
    // Rows are samples: Y ones(C, 1) (or sumcols(Y)) sums each row of a one-hot Y.
    const rowSums = (n.op === 'matmul' && isOnes(y) && y.shape[1] === 1) || n.op === 'sumcols';
    if (rowSums && sumsToOne(x, scope)) replace.set(n.id, b.fillOf(1, n.shape));
  }
  if (replace.size === 0) return printCr(node, names);
  const simpler = substitute(b, node, replace);
  return printCr(simpler, names);
}

