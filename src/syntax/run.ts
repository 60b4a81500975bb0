// Runs the nearley grammar on one statement's tokens.
import nearley from 'nearley';
import compiled from './generated/chainrule';
import type { RawStatement } from './build';
import type { Token, TokenType } from './lexer';
import { feedTokens } from './replay';

// Made on first use: the fast path (fastParse.ts) reads most files without it.
let grammar: nearley.Grammar | undefined;

/** What the parser could have accepted where it stopped: token types and literal texts. */
export interface Expected {
  types: Set<TokenType>;
  literals: Set<string>;
}

export interface RunResult {
  results: RawStatement[];
  /** Set when there is no parse: the token where parsing stopped (undefined: the end). */
  failure?: { token?: Token; expected: Expected };
}

interface Symbol_ {
  type?: string;
  literal?: string;
}
interface StateLike {
  rule: { symbols: (string | Symbol_)[] };
  dot: number;
}
interface ParserInternals {
  table: { scannable: StateLike[] }[];
  current: number;
}

function expectedAt(parser: nearley.Parser): Expected {
  const p = parser as unknown as ParserInternals;
  const types = new Set<TokenType>();
  const literals = new Set<string>();
  for (const state of p.table[p.current]?.scannable ?? []) {
    const sym = state.rule.symbols[state.dot];
    if (typeof sym === 'object' && sym.type) types.add(sym.type as TokenType);
    else if (typeof sym === 'object' && sym.literal !== undefined) literals.add(sym.literal);
  }
  return { types, literals };
}

/** Parse `tokens` (the first is a start marker). Never throws a syntax error: failures are data. */
export function runGrammar(tokens: readonly Token[]): RunResult {
  grammar ??= nearley.Grammar.fromCompiled(compiled as unknown as nearley.CompiledRules);
  const { parser, error } = feedTokens(grammar, tokens);
  if (error) {
    const token = error.token as Token | undefined;
    if (!token) throw error;
    return { results: [], failure: { token, expected: expectedAt(parser) } };
  }
  if (parser.results.length === 0) return { results: [], failure: { expected: expectedAt(parser) } };
  return { results: parser.results as RawStatement[] };
}
