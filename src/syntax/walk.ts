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
    case 'entry':
      return [e.arg];
    case 'binary':
      return [e.left, e.right];
    case 'power':
      return [e.base, e.exponent];
    case 'matrix':
      return e.rows.flat();
    case 'pattern':
      return [e.entry];
    case 'deriv':
      return [e.of, ...e.wrt];
    default:
      return [];
  }
}

/**
 * The expression rewritten: `replace` is tried on every node from the root down; where it gives a node,
 * that node is used as it is, elsewhere the children are rewritten. Trees deeper than MAX_REWRITE_DEPTH
 * (only a ```cr fence builds them; LaTeX rows are bounded) are left as they are below it.
 */
export function rewriteExpr(e: Expr, replace: (x: Expr) => Expr | undefined, depth = 0): Expr {
  const replaced = replace(e);
  if (replaced) return replaced;
  if (depth > MAX_REWRITE_DEPTH) return e;
  const r = (x: Expr) => rewriteExpr(x, replace, depth + 1);
  switch (e.kind) {
    case 'call':
      return { ...e, args: e.args.map(r) };
    case 'neg':
    case 'transpose':
    case 'entry':
      return { ...e, arg: r(e.arg) };
    case 'binary':
      return { ...e, left: r(e.left), right: r(e.right) };
    case 'power':
      return { ...e, base: r(e.base), exponent: r(e.exponent) };
    case 'matrix':
      return { ...e, rows: e.rows.map((row) => row.map(r)) };
    case 'pattern':
      return { ...e, entry: r(e.entry) };
    case 'deriv':
      return { ...e, of: r(e.of), wrt: e.wrt.map(r) };
    default:
      return e;
  }
}

const MAX_REWRITE_DEPTH = 4000;

/** Whether two expressions are the same as read, however they were written (spans and source text aside). */
export function isSameExpr(a: Expr, b: Expr): boolean {
  return JSON.stringify(a, dropSpans) === JSON.stringify(b, dropSpans);
}

function dropSpans(key: string, value: unknown): unknown {
  return key === 'span' || key === 'text' || key === 'calleeText' ? undefined : value;
}
