// How much of a document chainrule read (SPEC 4.1): its derivative lines, read or not.
import type { ParsedFile, Span } from '../syntax/ast';
import type { ClaimJson, ReadSummary } from '../check/report';
import { error, type Diagnostic } from '../diagnostics';

/** Maths that writes a derivative: ∂, \partial, \nabla, \frac{d..}{d..}, dL/dW, f'(x). */
const DERIVATIVE = /\\partial|∂|\\nabla|∇|\\frac\s*\{\s*d|\bd[A-Za-z]\w*\s*\/\s*d[A-Za-z]|[A-Za-z}]'+\s*\(/;

/** A claim's target as `check` prints it, when it is a derivative reference. */
const DERIVATIVE_TARGET = /^(?:d\S*\/d|d\/d|jacobian\(|grad\(|[^\s(]+'+\()/;

export function readSummary(parsed: ParsedFile, claims: readonly ClaimJson[], textOf: (span: Span) => string): ReadSummary {
  const read = new Set(claims.filter((c) => (c.kind !== 'value' && c.kind !== 'equality') || DERIVATIVE_TARGET.test(c.target)).map((c) => c.line));
  const notRead = new Map<number, string>();
  for (const d of parsed.diagnostics) {
    if (d.code !== 'parse-error' || read.has(d.span.line) || notRead.has(d.span.line)) continue;
    if (DERIVATIVE.test(lineText(textOf, d.span))) notRead.set(d.span.line, d.message);
  }
  const lines = [...notRead].sort((a, b) => a[0] - b[0]).map(([line, reason]) => ({ line, reason }));
  return { derivationLines: read.size + lines.length, derivationLinesRead: read.size, notRead: lines };
}

/** An error for a document with maths none of which could be read (SPEC 4.1: exit code 2). */
export function nothingRead(parsed: ParsedFile): Diagnostic | undefined {
  const blocks = parsed.blocks ?? [];
  if (blocks.length === 0 || parsed.statements.length > 0 || blocks.some((b) => b.read || b.statements > 0)) return undefined;
  return error('parse-error', `none of the maths in this document could be read (${blocks.length} block${blocks.length === 1 ? '' : 's'})`, blocks[0].span, 'the warnings say why for each block; write it with the notation of docs/latex.md');
}

function lineText(textOf: (span: Span) => string, span: Span): string {
  return textOf({ line: span.line, column: 1, endLine: span.line + 1, endColumn: 1 }).split('\n')[0];
}
