// `chainrule check FILE... [--json] [--seed N] [--as cr|md|tex|ipynb]` (SPEC 4.1): several files, `-` for
// standard input; with several files `--json` prints an array, and the worst exit code wins.
import { checkSource, type CheckResult } from '../app/check';
import { renderCheckText } from '../render/checkText';
import { printDiagnostics, printJson, readInput, readStandardInput, useColor, UsageError } from './io';

const FORMATS: Record<string, string> = { cr: 'cr', md: 'md', markdown: 'md', tex: 'tex', ipynb: 'ipynb' };

export function checkCommand(files: string[], options: { json?: boolean; seed?: string; as?: string }): number {
  const seed = options.seed === undefined ? undefined : Number(options.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed takes an integer, not ${options.seed}`);
  const format = options.as === undefined ? undefined : FORMATS[options.as.toLowerCase()];
  if (options.as !== undefined && !format) throw new UsageError(`--as takes cr, md, tex or ipynb, not ${options.as}`);
  if (format && !files.includes('-')) throw new UsageError('--as names the format of standard input (`-`); a file is read by its extension');
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (`-`) can be read once');
  // A file's format is its extension; standard input is named for its format.
  const results = files.map((file): CheckResult => (file === '-' ? checkSource(readStandardInput(), `stdin.${format ?? 'cr'}`, seed) : checkSource(readInput(file), file, seed)));
  if (options.json) printJson(results.length === 1 ? results[0].report : results.map((r) => r.report));
  else {
    for (const r of results) {
      printDiagnostics(r.diagnostics, r.text, r.report.file);
      process.stdout.write(renderCheckText(r.report, r.text, useColor(process.stdout)));
    }
  }
  return Math.max(...results.map((r) => r.exitCode)) as 0 | 1 | 2;
}
