// A nearley lexer that replays an array of already lexed tokens. The file is lexed once by
// moo (src/syntax/lexer.ts); nearley then runs per statement on that statement's tokens.
import nearley from 'nearley';
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

interface QuietParser {
  reportError: () => string;
  reportLexerError: () => string;
}

/**
 * Runs a compiled grammar on already made tokens (any token type with `type`/`text` fields). nearley's own
 * error text walks its whole parse table, so it is silenced: callers build messages from the state.
 * Returns the parser and, on a syntax error, what nearley threw (it carries `token` and `offset`).
 */
export function feedTokens(grammar: nearley.Grammar, tokens: readonly unknown[]): { parser: nearley.Parser; error?: { token?: unknown; offset?: number } } {
  const parser = new nearley.Parser(grammar, { lexer: new ReplayLexer(tokens as readonly Token[]) } as unknown as nearley.ParserOptions);
  const quiet = parser as unknown as QuietParser;
  quiet.reportError = () => 'syntax error';
  quiet.reportLexerError = () => 'syntax error';
  try {
    parser.feed('');
  } catch (e) {
    return { parser, error: e as { token?: unknown; offset?: number } };
  }
  return { parser };
}
