// Rewriting an expression of the LaTeX front end: `replace` is tried on every node from the root down;
// where it gives a node, that node is used as it is, elsewhere the children are rewritten. Expressions
// of a LaTeX row are bounded (rows.ts: MAX_ROW_TOKENS, brackets 64 deep), so recursion is safe; deeper
// trees (a ```cr fence) are left as they are beyond MAX_DEPTH.
import type { Expr } from '../syntax/ast';

const MAX_DEPTH = 4000;

export function rewriteExpr(e: Expr, replace: (e: Expr) => Expr | undefined, depth = 0): Expr {
  const replaced = replace(e);
  if (replaced) return replaced;
  if (depth > MAX_DEPTH) return e;
  const r = (x: Expr) => rewriteExpr(x, replace, depth + 1);
  switch (e.kind) {
    case 'call':
      return { ...e, args: e.args.map(r) };
    case 'neg':
    case 'transpose':
      return { ...e, arg: r(e.arg) };
    case 'binary':
      return { ...e, left: r(e.left), right: r(e.right) };
    case 'power':
      return { ...e, base: r(e.base), exponent: r(e.exponent) };
    case 'matrix':
      return { ...e, rows: e.rows.map((row) => row.map(r)) };
    case 'deriv':
      return { ...e, of: r(e.of), wrt: e.wrt.map(r) };
    default:
      return e;
  }
}
