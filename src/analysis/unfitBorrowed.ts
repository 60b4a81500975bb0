// A formula borrowed from another question was written for the names as that question meant them. Where it does
// not lower in this question — a later question declares or defines a name it uses again with another shape
// (`A \in R^{n x n}` after the question whose `L = \|Ax - b\|^2` had A m x n), or uses its letters otherwise (batch
// norm's `\mu_j = \frac{1}{m}\sum_i x_{ij}` over features, then a backward pass whose `x_i` are samples) — it is not
// this question's: it is set aside instead of being reported, at its own line, as an error of this question.
import type { Scope } from '../resolve/scope';
import type { Span } from '../syntax/ast';
import { lowersIn } from './lowers';

export function dropUnfitBorrowedFormulas(scope: Scope, textOf: (span: Span) => string): void {
  const unfit = [...scope.definitions].filter(([name]) => scope.borrowed.has(name) && !lowersIn(scope, name, textOf));
  for (const [name] of unfit) {
    scope.definitions.delete(name);
    if (!scope.declarations.has(name)) scope.borrowed.delete(name);
  }
}
