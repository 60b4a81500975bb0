// A formula borrowed from another question was written for the names as declared before it. When a later
// question declares or defines a name it uses again with another shape (`A \in R^{n x n}` after the question whose
// `L = \|Ax - b\|^2` had A m x n), the formula no longer fits: it is not this question's, so it is set aside
// instead of being reported, at its own line, as a shape error.
import { arrayNameOf } from '../resolve/indexNotation';
import { namesReached } from '../resolve/names';
import type { Scope } from '../resolve/scope';
import type { Span } from '../syntax/ast';
import { lowersIn } from './lowers';

export function dropUnfitBorrowedFormulas(scope: Scope, textOf: (span: Span) => string): void {
  const definitionOf = (name: string) => scope.definitions.get(name)?.expr;
  // The line where the question's meaning of a name was written: a formula written before it did not know it.
  const line = (n: string) => Math.max(scope.declarations.get(n)?.span.line ?? 0, scope.definitions.get(n)?.span.line ?? 0);
  const unfit = [...scope.definitions].filter(([name, definition]) => {
    if (!scope.borrowed.has(name)) return false;
    // An entry `y_k` belongs to its array y.
    const reached = new Set<string>();
    namesReached(definition.expr, definitionOf, (x) => reached.add(x.name).add(arrayNameOf(x.name, x.text)));
    const meantSince = [...reached].some((n) => line(n) > definition.span.line);
    return meantSince && !lowersIn(scope, name, textOf);
  });
  for (const [name] of unfit) {
    scope.definitions.delete(name);
    if (!scope.declarations.has(name)) scope.borrowed.delete(name);
  }
}
