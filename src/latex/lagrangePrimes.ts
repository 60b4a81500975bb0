// `\sigma'(x) = \left(\frac{1}{1+e^{-x}}\right)' = ...`: in a chain about the derivative f'(x) of a function of one
// variable, a prime after a bracket is Lagrange's derivative by that variable. The grammar reads a prime after
// a bracket as a transpose, MATLAB style (`(X'X)^{-1} X'y`), which is what it means elsewhere.
import type { Expr, Statement } from '../syntax/ast';
import { rewriteExpr } from '../syntax/walk';

/** The statements with every `(..)'` in a chain about f'(x) read as d/dx (..). */
export function readLagrangePrimes(statements: readonly Statement[]): Statement[] {
  return statements.map((st) => {
    if (st.kind !== 'equation') return st;
    const variable = primedVariable(st.lhs.expr);
    if (!variable) return st;
    const derivative = (e: Expr): Expr | undefined =>
      e.kind === 'transpose' && e.prime ? { kind: 'deriv', form: 'operator', of: e.arg, wrt: [variable], span: e.span } : undefined;
    return { ...st, rhs: st.rhs.map((step) => ({ ...step, expr: rewriteExpr(step.expr, derivative) })) };
  });
}

/** x of `f'(x)`. */
function primedVariable(e: Expr): Expr | undefined {
  return e.kind === 'call' && e.prime > 0 && e.args.length === 1 && e.args[0].kind === 'name' ? e.args[0] : undefined;
}
