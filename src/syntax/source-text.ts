// Maps spans back to the source text they cover.
import type { Span } from './ast';
import type { Token } from './lexer';

/** Maps spans back to source text. */
export class SourceText {
  private lineStarts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }
  private offset(line: number, column: number): number {
    return (this.lineStarts[line - 1] ?? this.text.length) + column - 1;
  }
  /** The exact text of a span. */
  slice(span: Span): string {
    return this.text.slice(this.offset(span.line, span.column), this.offset(span.endLine, span.endColumn));
  }
  /**
   * The text of a step. A step over several lines is joined into one line from its tokens:
   * comments dropped, a line break between rows of a matrix written as `;`.
   */
  stepText(span: Span, tokens: readonly Token[]): string {
    if (span.line === span.endLine) return this.slice(span);
    const start = this.offset(span.line, span.column);
    const end = this.offset(span.endLine, span.endColumn);
    let text = '';
    let prev: Token | undefined;
    for (const t of tokens) {
      if (t.offset < start || t.offset >= end) continue;
      if (prev) {
        const gap = this.text.slice(prev.offset + prev.text.length, t.offset);
        text += t.text === '' || prev.text === '' || gap.includes('\n') ? (t.text === '' ? '' : ' ') : gap;
      }
      text += t.text === '' ? ';' : t.text;
      prev = t;
    }
    return text;
  }
}
