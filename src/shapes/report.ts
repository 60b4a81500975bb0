// The result of `chainrule shapes`: every name's shape and every diagnostic of the file.
import { Diagnostic, hasErrors } from '../diagnostics';
import type { Analysis } from '../pipeline';
import { sortDiagnostics } from '../render/json';
import { inferNameShapes } from './analyze';
import { pushOnce } from '../diagnostics';

export interface ShapesResult {
  file: string;
  /** name → printed shape; in files with several problems, names are prefixed "ID/". */
  shapes: Record<string, string>;
  diagnostics: Diagnostic[];
  exitCode: 0 | 2;
}

export function shapesOf(analysis: Analysis): ShapesResult {
  const shapes: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [...analysis.parsed.diagnostics];
  const prefixed = analysis.problems.length > 1;
  for (const problem of analysis.problems) {
    const named = inferNameShapes(problem.lowering);
    for (const [name, shape] of Object.entries(named)) shapes[prefixed ? `${problem.id}/${name}` : name] = shape;
    for (const d of [...problem.scope.diagnostics, ...problem.lowering.diagnostics]) pushOnce(diagnostics, d);
  }
  return { file: analysis.parsed.file, shapes, diagnostics: sortDiagnostics(diagnostics), exitCode: hasErrors(diagnostics) ? 2 : 0 };
}
