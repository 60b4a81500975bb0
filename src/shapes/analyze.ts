// `chainrule shapes`: the shape of every declared and defined name, and every input error.
import type { Diagnostic } from '../diagnostics';
import { formatShape } from '../ir/types';
import { LowerError, Lowering } from '../resolve/lower';

/** Lowers every definition of the scope, collecting shape and name errors; returns name → printed shape. */
export function inferNameShapes(lowering: Lowering): Record<string, string> {
  const shapes: Record<string, string> = {};
  const { scope } = lowering;
  for (const decl of scope.declarations.values()) shapes[decl.name] = formatShape(decl.shape);
  for (const name of scope.definitions.keys()) {
    try {
      shapes[name] = formatShape(lowering.definitionNode(name).shape);
    } catch (err) {
      if (!(err instanceof LowerError)) throw err;
      pushOnce(lowering.diagnostics, err.diagnostic);
    }
  }
  return shapes;
}

/** A definition that fails is reached again from every definition that uses it: report it once. */
export function pushOnce(diagnostics: Diagnostic[], d: Diagnostic): void {
  const same = (x: Diagnostic) => x.code === d.code && x.span.line === d.span.line && x.span.column === d.span.column && x.message === d.message;
  if (!diagnostics.some(same)) diagnostics.push(d);
}
