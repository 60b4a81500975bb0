// `chainrule check FILE [--json] [--seed N]`.
import { checkSource } from '../app/check';
import { renderCheckText } from '../render/checkText';
import { printDiagnostics, printJson, readInput, useColor, UsageError } from './io';

export function checkCommand(file: string, options: { json?: boolean; seed?: string }): number {
  const seed = options.seed === undefined ? undefined : Number(options.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed takes an integer, not ${options.seed}`);
  const source = readInput(file);
  const result = checkSource(source, file, seed);
  if (options.json) printJson(result.report);
  else {
    printDiagnostics(result.diagnostics, result.text, file);
    process.stdout.write(renderCheckText(result.report, result.text, useColor(process.stdout)));
  }
  return result.exitCode;
}
