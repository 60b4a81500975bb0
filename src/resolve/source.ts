// Source text lookups by span, for messages that quote the author's own text.
import type { Span } from '../syntax/ast';
import { SourceText } from '../syntax/source-text';

export function sourceTextOf(source: string): (span: Span) => string {
  const text = new SourceText(source);
  return (span: Span): string => text.slice(span);
}
