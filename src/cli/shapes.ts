// `chainrule shapes FILE [--json]`.
import { shapesSource } from '../app/shapes';
import { diagnosticToJson } from '../render/json';
import { printDiagnostics, printJson, readInput } from './io';

export function shapesCommand(file: string, options: { json?: boolean }): number {
  const source = readInput(file);
  const result = shapesSource(source, file);
  if (options.json) {
    printJson({ version: 1, file, shapes: result.shapes, diagnostics: result.diagnostics.map(diagnosticToJson) });
  } else {
    const width = Math.max(0, ...Object.keys(result.shapes).map((n) => n.length));
    for (const [name, shape] of Object.entries(result.shapes)) process.stdout.write(`${name.padEnd(width)} : ${shape}\n`);
    printDiagnostics(result.diagnostics, result.text, file);
  }
  return result.exitCode;
}
