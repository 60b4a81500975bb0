// `chainrule check FILE... [--json] [--seed N] [--as cr|md|tex|ipynb] [--feedback full|hints|score]` (SPEC 4.1,
// 4.2): several files, `-` for standard input; with several files `--json` prints an array, and the worst exit
// code wins. `--feedback` shows the findings at a level (render/levels.ts), in the text and the JSON alike.
import { checkSource, type CheckResult } from '../app/check';
import { renderCheckText } from '../render/checkText';
import { reportAtLevel } from '../render/levels';
import { feedbackLevel, printDiagnostics, printJson, readInput, readStandardInput, useColor, UsageError } from './io';

const FORMATS: Record<string, string> = { cr: 'cr', md: 'md', markdown: 'md', tex: 'tex', ipynb: 'ipynb' };

export interface CheckCliOptions {
  json?: boolean;
  seed?: string;
  as?: string;
  feedback?: string;
  assignment?: string;
}

export function checkCommand(files: string[], options: CheckCliOptions): number | Promise<number> {
  const level = feedbackLevel(options.feedback) ?? 'full';
  const seed = options.seed === undefined ? undefined : Number(options.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed takes an integer, not ${options.seed}`);
  const format = options.as === undefined ? undefined : FORMATS[options.as.toLowerCase()];
  if (options.as !== undefined && !format) throw new UsageError(`--as takes cr, md, tex or ipynb, not ${options.as}`);
  if (format && !files.includes('-')) throw new UsageError('--as names the format of standard input (`-`); a file is read by its extension');
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (`-`) can be read once');
  // A file's format is its extension; standard input is named for its format.
  // Grading code loads only for --assignment: a plain check stays quick to start.
  if (options.assignment !== undefined) return import('./checkAssignment').then((m) => m.checkAssignmentCommand(files, options, format, seed));
  const results = files.map((file): CheckResult => (file === '-' ? checkSource(readStandardInput(), `stdin.${format ?? 'cr'}`, seed) : checkSource(readInput(file), file, seed)));
  const reports = results.map((r) => reportAtLevel(r.report, level));
  if (options.json) printJson(reports.length === 1 ? reports[0] : reports);
  else {
    results.forEach((r, i) => {
      printDiagnostics(r.diagnostics, r.text, r.report.file);
      process.stdout.write(renderCheckText(reports[i], r.text, useColor(process.stdout)));
    });
  }
  return Math.max(...results.map((r) => r.exitCode)) as 0 | 1 | 2;
}
