// Visiting every subexpression of an AST expression, iteratively (a submission's expressions may be deep).
import type { Expr } from './ast';

/** Calls `visit` on `root` and each subexpression; stops early, returning that node, when `visit` returns true. */
export function findInExpr(root: Expr, visit: (e: Expr) => boolean): Expr | undefined {
  const stack: Expr[] = [root];
  while (stack.length) {
    const e = stack.pop()!;
    if (visit(e)) return e;
    stack.push(...childrenOf(e));
  }
  return undefined;
}

/** The expression's direct subexpressions. */
export function childrenOf(e: Expr): Expr[] {
  switch (e.kind) {
    case 'call':
      return e.args;
    case 'neg':
    case 'transpose':
      return [e.arg];
    case 'binary':
      return [e.left, e.right];
    case 'power':
      return [e.base, e.exponent];
    case 'matrix':
      return e.rows.flat();
    case 'deriv':
      return [e.of, ...e.wrt];
    default:
      return [];
  }
}
