// A formula borrowed from another question was written for the names as that question meant them. Where it does
// not lower in this question — a later question declares or defines a name it uses again with another shape
// (`A \in R^{n x n}` after the question whose `L = \|Ax - b\|^2` had A m x n), or uses its letters otherwise (batch
// norm's `\mu_j = \frac{1}{m}\sum_i x_{ij}` over features, then a backward pass whose `x_i` are samples) — it is not
// this question's: it is set aside instead of being reported, at its own line, as an error of this question. So
// are the borrowed meanings a formula of the question's own does not lower with (`dropBorrowedBreakingOwn`).
import { arrayNameOf } from '../resolve/indexNotation';
import { namesReached } from '../resolve/names';
import type { Scope } from '../resolve/scope';
import type { Span, Statement } from '../syntax/ast';
import { declareReachedArrays } from './borrowedFormulas';
import { lowersIn } from './lowers';

export function dropUnfitBorrowedFormulas(scope: Scope, textOf: (span: Span) => string): void {
  const unfit = [...scope.definitions].filter(([name]) => scope.borrowed.has(name) && !lowersIn(scope, name, textOf));
  for (const [name] of unfit) {
    scope.definitions.delete(name);
    if (!scope.declarations.has(name)) scope.borrowed.delete(name);
  }
}

/**
 * Drops, from `scope`, the borrowed meanings (formulas and declared shapes) that a formula of the question's own
 * writes (itself or through the question's own formulas) where it does not lower with them but does without them,
 * its index notation read again (`declareReachedArrays`): a softmax question's `p_i = e^{z_i} / \sum_j e^{z_j}` indexes a z that a logistic unit's question defined as the
 * scalar `z = w x + b`, and a logistic question's `\ell = -y \log a - (1 - y) \log(1 - a)` multiplies the y and z a
 * softmax question declared K-vectors. Those are another question's; this one's are what its own lines imply.
 * `borrowed` and `seen` are the statements as there.
 */
export function dropBorrowedBreakingOwn(scope: Scope, borrowed: readonly Statement[], seen: readonly Statement[], textOf: (span: Span) => string): void {
  const lent = (n: string) => scope.borrowed.has(n) && (scope.definitions.has(n) || scope.declarations.has(n));
  // Only the meanings the question's own formulas write: those further down a borrowed chain are that chain's.
  const meaningOf = (n: string) => (lent(n) ? undefined : scope.definitions.get(n)?.expr);
  for (const [name, definition] of [...scope.definitions]) {
    if (scope.borrowed.has(name) || !scope.definitions.has(name)) continue;
    const reached = new Set<string>();
    namesReached(definition.expr, meaningOf, (x) => {
      for (const n of [x.name, arrayNameOf(x.name, x.text)]) if (lent(n)) reached.add(n);
    });
    if (reached.size === 0 || lowersIn(scope, name, textOf)) continue;
    const definitions = new Map([...scope.definitions].filter(([n]) => !reached.has(n)));
    const declarations = new Map([...scope.declarations].filter(([n]) => !reached.has(n)));
    const trial: Scope = { ...scope, definitions, declarations, dims: new Set(scope.dims), sampleEntries: new Set(scope.sampleEntries) };
    declareReachedArrays(trial, borrowed, seen);
    if (!lowersIn(trial, name, textOf)) continue;
    Object.assign(scope, { definitions, declarations: trial.declarations, dims: trial.dims, sampleEntries: trial.sampleEntries });
    reached.forEach((n) => scope.borrowed.delete(n));
  }
}
