// A nearley lexer that replays an array of already lexed tokens. The file is lexed once by
// moo (src/syntax/lexer.ts); nearley then runs per statement on that statement's tokens.
import type { Token } from './lexer';

export class ReplayLexer {
  private index = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  reset(_chunk: string, _state?: unknown): void {
    this.index = 0;
  }

  /** nearley matches `%name` against `type` and `"literal"` against `text`. */
  next(): Token | undefined {
    return this.tokens[this.index++];
  }

  save(): Record<string, never> {
    return {};
  }

  formatError(token: Token | undefined, message: string): string {
    return `${message} at line ${token?.line ?? '?'}`;
  }

  has(_type: string): boolean {
    return true;
  }
}

/** The lexer object compiled into the grammar: only `has` matters there (every `%name` is a token type). */
export const grammarLexer = new ReplayLexer([]);
