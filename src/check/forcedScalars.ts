// Names no line declares whose formulas force them to be numbers. `\hat{y} = \mathbf{w}^T \mathbf{x} + b` with w and
// x declared vectors adds b to a number, and maths does not broadcast, so b is a number; then `(\hat{y} - y)^2`
// makes y one. A wrong step with such a name is wrong whatever the name is: taking it as a scalar is no guess.
import { Builder } from '../ir/build';
import { Graph } from '../ir/graph';
import { isScalarShape } from '../ir/types';
import { Lowering } from '../resolve/lower';
import { namesReached } from '../resolve/names';
import type { Expr } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';

/** The undeclared names the question's formulas add to, or subtract from, a number made of known names only. */
export function forcedScalars(lowering: Lowering): Set<string> {
  const scope = lowering.scope;
  const probe = Lowering.forProblem(scope, new Builder(new Graph()), lowering.options);
  const meaningOf = (n: string) => scope.definitions.get(n)?.expr;
  const forced = new Set<string>();
  const isNumber = (e: Expr): boolean => {
    const unknown = [...namesReached(e, meaningOf)].some((n) => probe.isUndeclared(n) && !forced.has(n));
    if (unknown) return false;
    try {
      return isScalarShape(probe.lower(e).shape);
    } catch {
      return false;
    }
  };
  for (let size = -1; size !== forced.size; ) {
    size = forced.size;
    const formulas = [...[...scope.definitions.values()].map((d) => d.expr), ...[...scope.functions.values()].map((f) => f.body)];
    for (const formula of formulas) {
      findInExpr(formula, (e) => {
        if (e.kind !== 'binary' || (e.op !== 'add' && e.op !== 'sub')) return false;
        const [left, right] = [e.left, e.right];
        for (const [name, other] of [[left, right], [right, left]] as const) {
          if (name.kind === 'name' && probe.isUndeclared(name.name) && !forced.has(name.name) && isNumber(other)) forced.add(name.name);
        }
        return false;
      });
    }
  }
  return forced;
}
