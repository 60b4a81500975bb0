// Offsets inside a maths block ↔ line/column in the file it came from.
// The block is an exact substring of the file starting at `origin`, so a line break
// inside the block starts a file line at column 1.
import type { Span } from '../syntax/ast';

/** Where a maths block starts in its file (1-based line and column). */
export interface Origin {
  file: string;
  line: number;
  column: number;
}

export class PositionMap {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly text: string,
    private readonly origin: Origin,
  ) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  /** 1-based file line and column of a block offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const column = offset - this.lineStarts[lo] + 1;
    return lo === 0
      ? { line: this.origin.line, column: this.origin.column + column - 1 }
      : { line: this.origin.line + lo, column };
  }

  /** The span of block offsets [start, end). */
  span(start: number, end: number): Span {
    const a = this.position(start);
    const b = this.position(end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** The block offset of a file line and column (inverse of `position`). */
  offset(line: number, column: number): number {
    const index = line - this.origin.line;
    return index === 0 ? column - this.origin.column : this.lineStarts[index] + column - 1;
  }

  /** The source text a span covers. */
  slice(span: Span): string {
    return this.text.slice(this.offset(span.line, span.column), this.offset(span.endLine, span.endColumn));
  }
}
