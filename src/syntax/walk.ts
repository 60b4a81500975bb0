// Visiting every subexpression of an AST expression, iteratively (a submission's expressions may be deep).
import type { Expr } from './ast';

/** Calls `visit` on `root` and each subexpression; stops early, returning that node, when `visit` returns true. */
export function findInExpr(root: Expr, visit: (e: Expr) => boolean): Expr | undefined {
  const stack: Expr[] = [root];
  while (stack.length) {
    const e = stack.pop()!;
    if (visit(e)) return e;
    switch (e.kind) {
      case 'call':
        stack.push(...e.args);
        break;
      case 'neg':
      case 'transpose':
        stack.push(e.arg);
        break;
      case 'binary':
        stack.push(e.left, e.right);
        break;
      case 'power':
        stack.push(e.base, e.exponent);
        break;
      case 'matrix':
        for (const row of e.rows) stack.push(...row);
        break;
      case 'deriv':
        stack.push(e.of, ...e.wrt);
        break;
      default:
        break;
    }
  }
  return undefined;
}
