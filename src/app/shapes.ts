// `chainrule shapes`: every name's shape and every diagnostic of the file.
import { Diagnostic, hasErrors } from '../diagnostics';
import { analyzeSource, type Analysis, type ProblemAnalysis } from '../analysis/source';
import { makeCalculus } from '../calculus/index';
import { sortDiagnostics } from '../render/json';
import { inferNameShapes } from '../shapes/analyze';
import { pushOnce } from '../diagnostics';
import { COMMAND_LIMITS, type Limits } from '../limits/index';
import { underLimits } from './limits';

export interface ShapesResult {
  file: string;
  /** name → printed shape; in files with several problems, names are prefixed "ID/". */
  shapes: Record<string, string>;
  diagnostics: Diagnostic[];
  exitCode: 0 | 2;
  /** The text the spans point into (the file, or a notebook's markdown cells on their lines). */
  text: string;
}

/** The command: a source read, resolved and lowered (derivative references too), and its shapes, under `limits`. */
export function shapesSource(source: string, file: string, limits: Limits = COMMAND_LIMITS): ShapesResult {
  return underLimits(
    limits,
    () => shapesOf(analyzeSource(source, file, makeCalculus)),
    (limit) => ({ file, shapes: {}, diagnostics: [limit], exitCode: 2, text: source }),
  );
}

export function shapesOf(analysis: Analysis): ShapesResult {
  const shapes: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [...analysis.parsed.diagnostics];
  const prefixed = analysis.problems.length > 1;
  for (const problem of analysis.problems) {
    recordShapes(shapes, problem, prefixed);
    collectDiagnostics(diagnostics, problem);
  }
  return { file: analysis.parsed.file, shapes, diagnostics: sortDiagnostics(diagnostics), exitCode: hasErrors(diagnostics) ? 2 : 0, text: analysis.parsed.source };
}

/** Adds the problem's name shapes; in files with several problems, names are prefixed "ID/". */
export function recordShapes(shapes: Record<string, string>, problem: ProblemAnalysis, prefixed: boolean): void {
  for (const [name, shape] of Object.entries(inferNameShapes(problem.lowering))) shapes[prefixed ? `${problem.id}/${name}` : name] = shape;
}

/** Adds the problem's resolution and lowering diagnostics, each once. */
export function collectDiagnostics(diagnostics: Diagnostic[], problem: ProblemAnalysis): void {
  for (const d of [...problem.scope.diagnostics, ...problem.lowering.diagnostics]) pushOnce(diagnostics, d);
}
