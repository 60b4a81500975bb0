// A memo of parsed statements. A class's submissions repeat the same lines (`dL/db = a - y`) at different
// places, and nearley is the dearest part of reading a file. A statement's parse depends only on its
// tokens and their positions relative to its first token, so a parse met before is reused by copying it
// with every span moved to the new place. Only successful parses are kept: a failure's message may name
// positions.
import type { Span } from './ast';
import type { Token } from './lexer';

/** Beyond this many distinct statements the memo starts over (a bound on memory). */
const MAX_ENTRIES = 5000;

interface Entry<T> {
  value: T;
  /** Where the statement's first token was when it was parsed. */
  line: number;
  col: number;
}

export class StatementCache<T extends object> {
  private readonly entries = new Map<string, Entry<T>>();

  /** The parse of these tokens, relocated to where they are now, or undefined when not met before. */
  get(key: string, first: Token): T | undefined {
    const entry = this.entries.get(key);
    return entry && relocated(entry.value, entry.line, first.line - entry.line, first.col - entry.col);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Keeps a copy (the caller may go on to change its own). */
  set(key: string, first: Token, value: T): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { value: relocated(value, first.line, 0, 0), line: first.line, col: first.col });
  }
}

/**
 * Tokens' types, texts and places relative to the first token: columns on the first line count from
 * the first token, later lines keep their own columns (moving a statement right moves only its first line).
 */
export function statementKey(prefix: string, tokens: readonly Token[]): string {
  const first = tokens[0];
  let key = prefix;
  for (const t of tokens) {
    const line = t.line - first.line;
    key += `\u0000${t.type}\u0001${t.text}\u0001${line}:${line === 0 ? t.col - first.col : t.col}`;
  }
  return key;
}

/** Spans are the only objects of the AST with these fields (tokens have `col`, not `column`). */
function isSpan(x: object): x is Span {
  const s = x as Partial<Span>;
  return typeof s.column === 'number' && typeof s.endColumn === 'number';
}

/** A deep copy of plain data with spans moved by `dLine` lines, and by `dCol` columns on line `firstLine`. */
function relocated<T>(value: T, firstLine: number, dLine: number, dCol: number): T {
  const copy = (x: unknown): unknown => {
    if (x === null || typeof x !== 'object') return x;
    if (Array.isArray(x)) return x.map(copy);
    if (isSpan(x)) {
      return {
        line: x.line + dLine,
        column: x.line === firstLine ? x.column + dCol : x.column,
        endLine: x.endLine + dLine,
        endColumn: x.endLine === firstLine ? x.endColumn + dCol : x.endColumn,
      };
    }
    const out: Record<string, unknown> = {};
    for (const k in x) out[k] = copy((x as Record<string, unknown>)[k]);
    return out;
  };
  return copy(value) as T;
}
