// Diagnostics are data: a code, a span, a message and an optional hint.
// Rendering (text like rustc, JSON, HTML) is a separate step, see src/render/. This module is the bottom
// layer: it imports nothing.

/** A place in the source: 1-based lines and columns, the end exclusive. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Whether `inner` lies within `outer` (ends included). */
export function spanWithin(inner: Span, outer: Span): boolean {
  const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 <= c2);
  return before(outer.line, outer.column, inner.line, inner.column) && before(inner.endLine, inner.endColumn, outer.endLine, outer.endColumn);
}

export type DiagnosticCode =
  | 'parse-error'
  | 'unknown-name'
  | 'unknown-function'
  | 'arity'
  | 'shape-mismatch'
  | 'declared-shape-mismatch'
  | 'redefinition'
  | 'cyclic-definition'
  | 'limit-exceeded'
  | 'similar-name'
  | 'assumed-scalar'
  | 'reading'
  | 'ambiguous-reading'
  | 'not-a-claim' // a line understood and set aside (an update rule, shape arithmetic): a note, never checked
  | 'internal-error';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  span: Span;
  hint?: string;
}

export function error(code: DiagnosticCode, message: string, span: Span, hint?: string): Diagnostic {
  return hint === undefined ? { severity: 'error', code, message, span } : { severity: 'error', code, message, span, hint };
}

export function warning(code: DiagnosticCode, message: string, span: Span, hint?: string): Diagnostic {
  return hint === undefined ? { severity: 'warning', code, message, span } : { severity: 'warning', code, message, span, hint };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Adds a diagnostic unless an identical one (code, place, message) is there already. */
export function pushOnce(diagnostics: Diagnostic[], d: Diagnostic): void {
  const same = (x: Diagnostic) => x.code === d.code && x.span.line === d.span.line && x.span.column === d.span.column && x.message === d.message;
  if (!diagnostics.some(same)) diagnostics.push(d);
}
