// Whether a name's formula lowers in a scope: the test the readings that try shapes or drop formulas share.
import { Graph } from '../ir/graph';
import { Builder } from '../ir/build';
import { LowerError, Lowering } from '../resolve/lower';
import type { Scope } from '../resolve/scope';
import type { Span } from '../syntax/ast';
import { indexNotation } from '../indexing/lower';

/** Whether the definition of `name` lowers in `scope` without an error. */
export function lowersIn(scope: Scope, name: string, textOf: (span: Span) => string): boolean {
  const lowering = Lowering.forProblem({ ...scope, diagnostics: [] }, new Builder(new Graph()), { textOf, indexNotation });
  try {
    lowering.definitionNode(name);
  } catch (err) {
    if (err instanceof LowerError) return false;
    throw err;
  }
  return !lowering.diagnostics.some((d) => d.severity === 'error');
}
