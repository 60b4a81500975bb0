// Source text lookups by span, for messages that quote the author's own text.
import type { Span } from '../syntax/ast';

export function sourceTextOf(source: string): (span: Span) => string {
  const lines = source.split(/\r?\n/);
  return (span: Span): string => {
    if (span.line === span.endLine) return (lines[span.line - 1] ?? '').slice(span.column - 1, span.endColumn - 1);
    const parts = [(lines[span.line - 1] ?? '').slice(span.column - 1)];
    for (let l = span.line + 1; l < span.endLine; l++) parts.push(lines[l - 1] ?? '');
    parts.push((lines[span.endLine - 1] ?? '').slice(0, span.endColumn - 1));
    return parts.join('\n');
  };
}
