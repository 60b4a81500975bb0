// A sum over an index that a declared name carries as its subscript: `x_i \in \mathbb{R}^d` declares one vector
// named x_i, yet `\sum_{i=1}^{n} (y_i - x_i^T \beta)^2` means the i-th sample in each term. Read as declared, x_i
// stays the same in every term, so the sum is not the author's and a step that fails against it is no verdict.
import type { Expr } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';
import { subscriptsOf, sumSignOf } from '../resolve/indexNotation';

interface Doubt {
  message: string;
  hint: string;
}

/** The first declared name, in expressions holding a sum, whose subscripts include that sum's index. */
export function declaredSampleUnderSum(exprs: readonly Expr[], isDeclared: (name: string) => boolean): Doubt | undefined {
  for (const root of exprs) {
    const indices = new Set<string>();
    findInExpr(root, (x) => {
      const written = x.kind === 'name' ? x.text : x.kind === 'call' ? x.calleeText : undefined;
      if (written !== undefined) sumSignOf(written)?.indices.forEach((i) => indices.add(i));
      return false;
    });
    if (indices.size === 0) continue;
    const found = findInExpr(root, (x) => x.kind === 'name' && isDeclared(x.name) && (subscriptsOf(x.text)?.indices ?? []).some((i) => indices.has(i)));
    if (found?.kind !== 'name') continue;
    const written = found.text.trim();
    return {
      message: `${written} is declared as one array of its own, but a sum runs over its subscript, where it may mean a different sample in each term; chainrule read it as the same in every term, so it cannot tell whether this line is wrong`,
      hint: `write the samples as the rows of a matrix, e.g. X \\in \\mathbb{R}^{n \\times d} with x_i^T its i-th row`,
    };
  }
  return undefined;
}
