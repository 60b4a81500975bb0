// The .cr front end: lex the whole file once (moo), group tokens into logical statements,
// then run the nearley grammar per statement. Work is linear in the file's length, and a
// statement that fails to parse costs one diagnostic, not the rest of the file.
import type { Expr, ParsedFile, ShapeSpec, Statement, Step } from './ast';
import { error, type Diagnostic } from '../diagnostics';
import type { RawStatement } from './build';
import { failureDiagnostic } from './errors';
import { groupStatements, MAX_DEPTH, type Group } from './group';
import { CLOSERS, OPENERS, isTrivia, lex, type Token } from './lexer';
import { MARKER, prepareTokens, statementKind, tokenSpan, type StatementKind } from './prepare';
import { runGrammar, type RunResult } from './run';
import { fastParse } from './fastParse';
import { SourceText } from './source-text';
import { StatementCache, statementKey } from './statement-cache';
import { checkRaw, finishRaw } from './validate';
import { checkpoint, MAX_SOURCE_CHARS, MAX_SOURCE_LINES, passLimits } from '../limits/index';
import { overrideParts } from './override';

export { normalizeName, isIdentifier, IDENTIFIER_SOURCE, RESERVED_WORDS, STATEMENT_KEYWORDS } from './names';
export { MAX_DEPTH, MAX_STATEMENT_TOKENS } from './group';
export { MAX_SOURCE_CHARS, MAX_SOURCE_LINES };

/** Thrown by `parseExpression`; carries the diagnostic. */
export class ParseError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'ParseError';
  }
}

type Outcome = { ok: true; raw: RawStatement } | { ok: false; diagnostic: Diagnostic };

function fail(diagnostic: Diagnostic): Outcome {
  return { ok: false, diagnostic };
}

// ---- one statement

/** Index of an `ask` statement's points (its last number), which may follow a number of the target. */
function pointsIndex(kind: StatementKind, tokens: readonly Token[]): number {
  if (kind !== 'ask') return -1;
  for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i].type === 'number') return i;
  return -1;
}

/** Keywords replaced by the start marker. */
const KEYWORD_KINDS: ReadonlySet<StatementKind> = new Set<StatementKind>(['at', 'problem', 'ask', 'policy']);

type Ran = { error: Diagnostic } | { error?: undefined; run: RunResult; tokens: Token[] };

/**
 * Check the statement's tokens, then run the grammar on them behind the start marker for `kind`. With
 * `fastFirst`, the commonest statements are read by the fast path instead, which gives what the grammar
 * would (fastParse.ts); parseCounts leaves it off, since it counts the grammar's own parses.
 */
function runStatement(kind: Exclude<StatementKind, 'alias' | 'override'>, statementTokens: readonly Token[], fastFirst = false): Ran {
  const tokens = KEYWORD_KINDS.has(kind) ? statementTokens.slice(1) : statementTokens;
  const prepared = prepareTokens(tokens, pointsIndex(kind, tokens));
  if (prepared.error) return { error: prepared.error };
  const fast = fastFirst ? fastParse(kind, prepared.tokens) : undefined;
  if (fast) return { run: { results: [fast] }, tokens: prepared.tokens };
  const first = statementTokens[0];
  const marker: Token = { type: MARKER[kind], text: '', offset: first.offset, line: first.line, col: first.col };
  return { run: runGrammar([marker, ...prepared.tokens]), tokens: prepared.tokens };
}

const parsed = new StatementCache<RawStatement>();

/** Forgets the statements parsed so far, so that the next parse of each runs nearley (for benchmarks). */
export function forgetParsedStatements(): void {
  parsed.clear();
}

function parseTokens(kind: Exclude<StatementKind, 'alias' | 'override'>, statementTokens: readonly Token[]): Outcome {
  const key = statementKey(kind, statementTokens);
  const known = parsed.get(key, statementTokens[0]);
  if (known) return { ok: true, raw: known };
  const outcome = parseTokensAfresh(kind, statementTokens);
  if (outcome.ok) parsed.set(key, statementTokens[0], outcome.raw);
  return outcome;
}

function parseTokensAfresh(kind: Exclude<StatementKind, 'alias' | 'override'>, statementTokens: readonly Token[]): Outcome {
  const ran = runStatement(kind, statementTokens, true);
  if (ran.error) return fail(ran.error);
  if (ran.run.failure) return fail(failureDiagnostic(kind, ran.tokens, ran.run.failure));
  const raw = finishRaw(ran.run.results[0]);
  const invalid = checkRaw(raw);
  return invalid ? fail(invalid) : { ok: true, raw };
}

/** `alias FROM = EXPR`: FROM is raw notation (`\mathcal{L}`), only EXPR is parsed. */
function parseAlias(group: Group, src: SourceText): { statement?: Statement; diagnostic?: Diagnostic } {
  const tokens = group.tokens;
  const eq = tokens.findIndex((t) => t.type === 'eq');
  const fromEnd = tokens[eq - 1];
  const from = src.slice(tokenSpan(tokens[1], fromEnd));
  const to = tokens.slice(eq + 1);
  if (to.length === 0) {
    return { diagnostic: error('parse-error', 'alias needs the name it stands for after `=`', tokenSpan(tokens[eq]), 'alias \\mathcal{L} = L') };
  }
  const outcome = parseTokens('expr', to);
  if (!outcome.ok) return { diagnostic: outcome.diagnostic };
  if (outcome.raw.kind !== 'expr') throw new Error('expected an expression');
  return { statement: { kind: 'alias', from, to: outcome.raw.expr, span: tokenSpan(group.first, group.last) } };
}

/** `override [PROBLEM] TARGET "ANSWER" N points`: the target and the answer are expressions. */
function parseOverride(group: Group, src: SourceText): { statement?: Statement; diagnostic?: Diagnostic } {
  const parts = overrideParts(group.tokens);
  if ('diagnostic' in parts) return { diagnostic: parts.diagnostic };
  const expression = (tokens: Token[]) => {
    const outcome = parseTokens('expr', tokens);
    if (!outcome.ok) return { diagnostic: outcome.diagnostic };
    if (outcome.raw.kind !== 'expr') throw new Error('expected an expression');
    return { step: step(outcome.raw.expr, src, tokens) };
  };
  const target = expression(parts.target);
  if (!target.step) return { diagnostic: target.diagnostic };
  const answer = expression(parts.answer);
  if (!answer.step) return { diagnostic: answer.diagnostic };
  const problem = parts.problem.length ? parts.problem.map((t) => t.text).join('') : null;
  return { statement: { kind: 'override', problem, target: target.step, answer: answer.step, points: parts.points, span: tokenSpan(group.first, group.last) } };
}

function step(expr: Expr, src: SourceText, tokens: readonly Token[]): Step {
  return { expr, text: src.stepText(expr.span, tokens), span: expr.span };
}

type Parsed = { statement?: Statement; cont?: Step[]; shapeClaim?: ShapeSpec; diagnostic?: Diagnostic };

function parseGroup(group: Group, src: SourceText): Parsed {
  if (group.limit) return { diagnostic: group.limit };
  const kind = statementKind(group.tokens);
  if (kind === 'alias') return parseAlias(group, src);
  if (kind === 'override') return parseOverride(group, src);
  const outcome = parseTokens(kind, group.tokens);
  if (!outcome.ok) return { diagnostic: outcome.diagnostic };
  const raw = outcome.raw;
  const span = tokenSpan(group.first, group.last);
  switch (raw.kind) {
    case 'cont':
      return { cont: raw.rhs.map((e) => step(e, src, group.tokens)), shapeClaim: raw.shapeClaim };
    case 'decl':
      return { statement: { ...raw, span } };
    case 'equation': {
      const statement: Statement = { kind: 'equation', lhs: step(raw.lhs, src, group.tokens), rhs: raw.rhs.map((e) => step(e, src, group.tokens)), span };
      if (group.label) statement.label = group.label.text;
      if (raw.shapeClaim) statement.shapeClaim = raw.shapeClaim;
      return { statement };
    }
    case 'at':
      return { statement: { kind: 'at', bindings: raw.bindings, span } };
    case 'problem':
      return { statement: { ...raw, span } };
    case 'ask':
      return { statement: { kind: 'ask', target: step(raw.target, src, group.tokens), points: raw.points, span } };
    case 'policy':
    case 'setting':
    case 'function-decl':
    case 'index-decl':
      return { statement: { ...raw, span } };
    case 'invalid':
    case 'expr':
      throw new Error('a statement parsed as a bare expression');
  }
}

function sourceLimit(source: string): Diagnostic | undefined {
  const where = { line: 1, column: 1, endLine: 1, endColumn: 2 };
  if (source.length > MAX_SOURCE_CHARS) {
    return error('limit-exceeded', `the input has ${source.length} characters; the limit is ${MAX_SOURCE_CHARS}`, where);
  }
  let lines = 1;
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lines++;
  if (lines > MAX_SOURCE_LINES) {
    return error('limit-exceeded', `the input has ${lines} lines; the limit is ${MAX_SOURCE_LINES}`, where);
  }
  return undefined;
}

/**
 * Parse a .cr file. Never throws: a statement that fails to parse gives a diagnostic and is
 * left out, the others are kept. Lines starting with `=` are appended to the previous equation.
 */
export function parseFile(source: string, file: string): ParsedFile {
  const result: ParsedFile = { file, source, statements: [], diagnostics: [] };
  try {
    const limit = sourceLimit(source);
    if (limit) {
      result.diagnostics.push(limit);
      return result;
    }
    const src = new SourceText(source);
    // The statement an `=` line continues: an equation, a statement that failed (its error is
    // already reported, so say nothing more), or anything else (an error).
    let previous: Statement | 'failed' | undefined;
    for (const group of groupStatements(lex(source), source)) {
      let parsed: Parsed;
      checkpoint();
      try {
        parsed = parseGroup(group, src);
      } catch (e) {
        passLimits(e);
        const message = e instanceof Error ? e.message : String(e);
        parsed = { diagnostic: error('internal-error', `the parser failed on this statement: ${message}`, tokenSpan(group.first, group.last)) };
      }
      if (parsed.diagnostic) {
        result.diagnostics.push(parsed.diagnostic);
        if (!group.cont) previous = 'failed';
      } else if (parsed.cont) {
        if (previous && previous !== 'failed' && previous.kind === 'equation') {
          previous.rhs.push(...parsed.cont);
          if (parsed.shapeClaim) previous.shapeClaim = parsed.shapeClaim;
          previous.span = { ...previous.span, endLine: group.last.line, endColumn: group.last.col + group.last.text.length };
        } else if (previous !== 'failed') {
          result.diagnostics.push(
            error(
              'parse-error',
              'a line starting with `=` continues the previous equation, but there is none',
              tokenSpan(group.first),
              'write the left side first: lhs = rhs',
            ),
          );
        }
      } else if (parsed.statement) {
        result.statements.push(parsed.statement);
        previous = parsed.statement;
      }
    }
  } catch (e) {
    passLimits(e);
    const message = e instanceof Error ? e.message : String(e);
    result.diagnostics.push(error('internal-error', `the parser failed: ${message}`, { line: 1, column: 1, endLine: 1, endColumn: 2 }));
  }
  return result;
}

function maxDepth(tokens: readonly Token[]): { depth: number; at?: Token } {
  let depth = 0;
  for (const t of tokens) {
    if (OPENERS.has(t.type)) {
      depth++;
      if (depth > MAX_DEPTH) return { depth, at: t };
    } else if (CLOSERS.has(t.type)) depth = Math.max(0, depth - 1);
  }
  return { depth };
}

/** Parse one expression (e.g. printer output). Throws ParseError. Newlines are plain spaces here. */
export function parseExpression(text: string): Expr {
  if (text.length > MAX_SOURCE_CHARS) {
    throw new ParseError(error('limit-exceeded', `the expression has ${text.length} characters; the limit is ${MAX_SOURCE_CHARS}`, { line: 1, column: 1, endLine: 1, endColumn: 2 }));
  }
  const tokens = lex(text).filter((t) => !isTrivia(t));
  if (tokens.length === 0) throw new ParseError(error('parse-error', 'empty expression', { line: 1, column: 1, endLine: 1, endColumn: 1 }));
  const deep = maxDepth(tokens);
  if (deep.at) throw new ParseError(error('limit-exceeded', `brackets are nested deeper than ${MAX_DEPTH} levels`, tokenSpan(deep.at)));
  const outcome = parseTokens('expr', tokens);
  if (!outcome.ok) throw new ParseError(outcome.diagnostic);
  if (outcome.raw.kind !== 'expr') throw new Error('expected an expression');
  return outcome.raw.expr;
}

/**
 * The number of parses of each logical statement of `source` (0 when it does not parse).
 * The grammar is unambiguous, so this is never more than 1; tests check it.
 */
export function parseCounts(source: string): { line: number; count: number }[] {
  return groupStatements(lex(source), source).map((group) => {
    const line = group.first.line;
    if (group.limit) return { line, count: 0 };
    let kind = statementKind(group.tokens);
    let tokens = group.tokens;
    if (kind === 'override') {
      const parts = overrideParts(tokens);
      if ('diagnostic' in parts) return { line, count: 0 };
      // Its two expressions are parsed apart: the statement has as many parses as their product.
      const counts = [parts.target, parts.answer].map((expr) => runStatement('expr', expr)).map((ran) => (ran.error ? 0 : ran.run.results.length));
      return { line, count: counts[0] * counts[1] };
    }
    if (kind === 'alias') {
      tokens = tokens.slice(tokens.findIndex((t) => t.type === 'eq') + 1);
      kind = 'expr';
      if (tokens.length === 0) return { line, count: 0 };
    }
    const ran = runStatement(kind, tokens);
    return { line, count: ran.error ? 0 : ran.run.results.length };
  });
}

/** The number of parses of a source holding exactly one logical statement. */
export function countParses(statementSource: string): number {
  const counts = parseCounts(statementSource);
  if (counts.length !== 1) throw new Error(`expected one statement, found ${counts.length}`);
  return counts[0].count;
}
