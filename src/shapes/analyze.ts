// `chainrule shapes`: the shape of every declared and defined name, and every input error.
import { pushOnce } from '../diagnostics';
import { formatShape } from '../ir/types';
import { LowerError, Lowering } from '../resolve/lower';
import { InformalReference } from '../calculus/meaning';

/**
 * Lowers every definition and function body of the scope, collecting shape and name errors; returns
 * name → printed shape for the declared and defined names whose shape is known.
 */
export function inferNameShapes(lowering: Lowering): Record<string, string> {
  const shapes: Record<string, string> = {};
  const { scope } = lowering;
  for (const decl of scope.declarations.values()) shapes[decl.name] = formatShape(decl.shape);
  for (const name of scope.definitions.keys()) {
    try {
      shapes[name] = formatShape(lowering.definitionNode(name).shape);
    } catch (err) {
      // A definition through a tensor-valued derivative (`\bar{x} = \bar{y} \frac{\partial y}{\partial x}`, y and
      // x matrices) has no shape to list; a claim that uses it is judged informal where it is checked.
      if (err instanceof InformalReference) continue;
      if (!(err instanceof LowerError)) throw err;
      pushOnce(lowering.diagnostics, err.diagnostic);
    }
  }
  // Function bodies are checked even when nothing calls them (parameters taken as scalars, or as the arrays the
  // question declares under their names); one borrowed from another question was checked there.
  for (const fn of scope.functions.values()) {
    if (scope.borrowed.has(fn.name)) continue;
    try {
      lowering.functionBody(fn);
    } catch (err) {
      // A body through a tensor-valued derivative (`f(x) + \nabla_x f(x)^T (y - x)`, x a matrix) likewise.
      if (err instanceof InformalReference) continue;
      if (!(err instanceof LowerError)) throw err;
      pushOnce(lowering.diagnostics, err.diagnostic);
    }
  }
  return shapes;
}

