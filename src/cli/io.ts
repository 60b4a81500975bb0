// Input and output helpers of the command line: reading files with clear errors, printing diagnostics.
import * as fs from 'fs';
import type { Diagnostic } from '../diagnostics';
import { renderDiagnostic } from '../render/text';
import { FEEDBACK_LEVELS, type FeedbackLevel } from '../render/levels';

export const MAX_INPUT_BYTES = 1_000_000;

export class UsageError extends Error {}

/** Reads a UTF-8 input file; a missing, unreadable or oversized file is a UsageError with a clear message. */
export function readInput(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  if (stat.isDirectory()) throw new UsageError(`${file}: is a folder, expected a file`);
  if (stat.size > MAX_INPUT_BYTES) throw new UsageError(`${file}: error[limit-exceeded]: the file is ${stat.size} bytes; the limit is ${MAX_INPUT_BYTES}`);
  return fs.readFileSync(file, 'utf8');
}

/** Standard input, read whole within the input limit. */
export function readStandardInput(): string {
  let text: Buffer;
  try {
    text = fs.readFileSync(0);
  } catch {
    throw new UsageError('standard input could not be read');
  }
  if (text.length > MAX_INPUT_BYTES) throw new UsageError(`standard input: error[limit-exceeded]: ${text.length} bytes; the limit is ${MAX_INPUT_BYTES}`);
  return text.toString('utf8');
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], source: string, file: string): void {
  const color = useColor(process.stderr);
  for (const d of diagnostics) process.stderr.write(renderDiagnostic(d, source, file, color) + '\n');
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** `--feedback full|hints|score` (undefined when not given). */
export function feedbackLevel(text: string | undefined): FeedbackLevel | undefined {
  if (text === undefined) return undefined;
  if (!(FEEDBACK_LEVELS as readonly string[]).includes(text)) throw new UsageError(`--feedback takes ${FEEDBACK_LEVELS.join(', ')}, not ${text}`);
  return text as FeedbackLevel;
}
