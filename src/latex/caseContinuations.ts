// `\[ \frac{\partial p_j}{\partial a_i} = \frac{\partial}{\partial a_i} \frac{e^{a_j}}{\sum_k e^{a_k}} \]` If $i = j$,
// `\[ = ... = p_j(1 - p_j) \]` And if $i \neq j$, `\[ = ... = -p_j p_i \]`: a block that continues a derivative after
// a case stated alone works that case out. Appended to the claim, its steps were compared on every entry and
// marked wrong where they hold for the case only; each is a claim of its own, of the same derivative, restricted to
// the case (check/conditions.ts compares those entries only).
import type { IndexCondition, Statement } from '../syntax/ast';
import type { Continuation } from './parse';

/** The claim of `chained`'s derivative that `cont` works out for `condition`; undefined when it continues no derivative. */
export function caseContinuation(chained: Statement, cont: Continuation, condition: IndexCondition): Statement | undefined {
  if (chained.kind !== 'equation' || chained.lhs.expr.kind !== 'deriv' || cont.rhs.length === 0) return undefined;
  const span = { ...cont.span, line: chained.span.line, column: chained.span.column };
  return { kind: 'equation', lhs: chained.lhs, rhs: cont.rhs, span, condition, ...(cont.shapeClaim ? { shapeClaim: cont.shapeClaim } : {}), ...(cont.at ? { point: cont.at } : {}) };
}
