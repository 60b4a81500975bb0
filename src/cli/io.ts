// Input and output helpers of the command line: reading files with clear errors, printing diagnostics.
import type { Diagnostic } from '../diagnostics';
import { renderDiagnostic } from '../render/text';
import { FileRefused, readAtMost, readTextFile } from '../files/read';
import { decodeText } from '../files/decode';
import { FEEDBACK_LEVELS, type FeedbackLevel } from '../render/levels';
import { UsageError } from './usage';

export { UsageError };

export const MAX_INPUT_BYTES = 1_000_000;

/** Reads an input file (src/files/read.ts); a missing, special, unreadable or oversized file is a UsageError. */
export function readInput(file: string): string {
  try {
    return readTextFile(file, { maxBytes: MAX_INPUT_BYTES });
  } catch (err) {
    throw usageErrorOf(err);
  }
}

/** Standard input, read within the input limit. */
export function readStandardInput(): string {
  try {
    return decodeText(readAtMost(0, 'standard input', MAX_INPUT_BYTES));
  } catch (err) {
    throw usageErrorOf(err);
  }
}

function usageErrorOf(err: unknown): unknown {
  if (!(err instanceof FileRefused)) return err;
  return new UsageError(err.kind === 'too-large' ? `${err.file}: error[limit-exceeded]: ${err.reason}` : err.message);
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
