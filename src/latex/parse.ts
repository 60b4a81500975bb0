// The LaTeX maths front end: one maths block (the inside of `$$..$$`, `\[..\]`, an `align`
// environment, an inline `$..$`) to statements of the shared AST. A row that cannot be read costs
// one diagnostic (a warning: student documents are full of maths that claims nothing) and is
// skipped; the other rows are kept.
import nearley from 'nearley';
import { warning, type Diagnostic } from '../diagnostics';
import type { Expr, ShapeSpec, Span, Statement, Step } from '../syntax/ast';
import compiled from '../syntax/generated/latex';
import { ReplayLexer, feedTokens } from '../syntax/replay';
import type { Token } from '../syntax/lexer';
import type { RawRow } from './build';
import { normalizeLatex } from './normalize';
import { PositionMap, type Origin } from './positions';
import { splitRows } from './rows';
import { describe, type Tok } from './tokens';

export type { Origin } from './positions';

/** Longer maths blocks than any derivation needs are refused (input is untrusted). */
export const MAX_MATH_CHARS = 20_000;

const grammar = nearley.Grammar.fromCompiled(compiled as unknown as nearley.CompiledRules);

/** Steps that continue the chain of an earlier block: `$$= \frac{a-y}{a(1-a)}$$`. */
export interface Continuation {
  rhs: Step[];
  shapeClaim?: ShapeSpec;
  span: Span;
}

export interface LatexMathResult {
  statements: Statement[];
  diagnostics: Diagnostic[];
  /** Rows at the start of the block that begin with `=`: the caller attaches them to the chain before. */
  continuation?: Continuation;
  /** The block's last chain could not be read, so a following `= ...` has nothing to continue. */
  endsInError: boolean;
  /** Rows skipped because they could not be read (each has a diagnostic). */
  unreadRows: number;
}

/**
 * Parse one maths block. `origin` is where `math` starts in its file (it must be an exact
 * substring of the file, so spans point into the file). Never throws on bad input.
 */
export function parseLatexMath(math: string, origin: Origin): LatexMathResult {
  const pos = new PositionMap(math, origin);
  if (math.length > MAX_MATH_CHARS) {
    const d = warning('limit-exceeded', `this maths block is longer than ${MAX_MATH_CHARS} characters`, pos.span(0, 0));
    return { statements: [], diagnostics: [d], endsInError: true, unreadRows: 1 };
  }
  const normalized = normalizeLatex(pos);
  const result: LatexMathResult = { statements: [], diagnostics: [...normalized.diagnostics], endsInError: false, unreadRows: 0 };
  let chain: number | undefined; // index in result.statements of the equation a `=` row continues
  let leading = true; // no row read yet: a continuation belongs to the block before
  for (const row of splitRows(normalized.tokens)) {
    const parsed = row.error ? { error: row.error } : runRow(row.tokens);
    if ('error' in parsed) {
      result.diagnostics.push(parsed.error);
      result.endsInError = true;
      result.unreadRows++;
      chain = undefined;
      leading = false;
      continue;
    }
    const raw = parsed.row;
    if (raw.kind === 'continuation') {
      const cont = withTexts(raw, pos);
      if (result.endsInError) continue; // continues a line already reported as unreadable
      if (chain !== undefined) result.statements[chain] = extendChain(result.statements[chain], cont);
      else if (leading) result.continuation = result.continuation ? joinContinuations(result.continuation, cont) : cont;
      else {
        result.diagnostics.push(warning('parse-error', 'this line starts with `=` but there is no equation before it to continue', raw.span));
        result.unreadRows++;
      }
      continue;
    }
    leading = false;
    result.endsInError = false;
    chain = undefined;
    if (raw.kind === 'bare') continue;
    raw.statements.forEach((st, i) => {
      const filled = fillTexts(st, pos);
      result.statements.push(i === 0 && row.label !== undefined && filled.kind === 'equation' ? { ...filled, label: row.label } : filled);
    });
    const last = result.statements[result.statements.length - 1];
    if (last?.kind === 'equation') chain = result.statements.length - 1;
  }
  return result;
}

/** Append continuation steps to an equation (and take its shape claim, if it has one). */
export function extendChain(st: Statement, cont: Continuation): Statement {
  if (st.kind !== 'equation') return st;
  const span = { ...st.span, endLine: cont.span.endLine, endColumn: cont.span.endColumn };
  const shapeClaim = cont.shapeClaim ?? st.shapeClaim;
  const extended: Statement = { ...st, rhs: [...st.rhs, ...cont.rhs], span };
  return shapeClaim ? { ...extended, shapeClaim } : extended;
}

function joinContinuations(a: Continuation, b: Continuation): Continuation {
  const joined: Continuation = { rhs: [...a.rhs, ...b.rhs], span: { ...a.span, endLine: b.span.endLine, endColumn: b.span.endColumn } };
  const shapeClaim = b.shapeClaim ?? a.shapeClaim;
  return shapeClaim ? { ...joined, shapeClaim } : joined;
}

function withText(s: Step, pos: PositionMap): Step {
  return { ...s, text: pos.slice(s.span) };
}

function withTexts(raw: Extract<RawRow, { kind: 'continuation' }>, pos: PositionMap): Continuation {
  const cont: Continuation = { rhs: raw.rhs.map((s) => withText(s, pos)), span: raw.span };
  return raw.shapeClaim ? { ...cont, shapeClaim: raw.shapeClaim } : cont;
}

function fillTexts(st: Statement, pos: PositionMap): Statement {
  return st.kind === 'equation' ? { ...st, lhs: withText(st.lhs, pos), rhs: st.rhs.map((s) => withText(s, pos)) } : st;
}

// ---- running the grammar on one row

interface ParserInternals {
  results: unknown[];
}

type RowOutcome = { row: RawRow } | { error: Diagnostic };

/** A parser fed with already made tokens (ReplayLexer only hands them over; its token type does not matter). */
function newParser(tokens: readonly Tok[]): nearley.Parser {
  return new nearley.Parser(grammar, { lexer: new ReplayLexer(tokens as unknown as Token[]) } as unknown as nearley.ParserOptions);
}

function runRow(tokens: Tok[]): RowOutcome {
  const { parser, error } = feedTokens(grammar, tokens);
  if (error) {
    const offset = error.offset;
    if (offset === undefined || !tokens[offset]) throw error;
    return { error: unexpected(tokens, offset) };
  }
  const internals = parser as unknown as ParserInternals;
  if (internals.results.length === 0) {
    const last = tokens[tokens.length - 1];
    return { error: warning('parse-error', 'cannot read this maths: it ends too early (an operand or a closing bracket is missing)', last.span) };
  }
  return { row: internals.results[0] as RawRow };
}

/** The grammar tokens of a piece of maths at `origin` (a step's text), before rows are split. */
export function latexTokens(math: string, origin: Origin): Tok[] {
  return normalizeLatex(new PositionMap(math, origin)).tokens;
}

/**
 * Grammar tokens that are exactly one expression (a step read again with some tokens replaced,
 * src/analysis/readings.ts), parsed; undefined when they are not one expression.
 */
export function parseLatexExpression(tokens: Tok[]): Expr | undefined {
  if (tokens.length === 0) return undefined;
  const rows = splitRows(tokens);
  if (rows.length !== 1 || rows[0].error || rows[0].label !== undefined) return undefined;
  let outcome: RowOutcome;
  try {
    outcome = runRow(rows[0].tokens);
  } catch {
    return undefined; // a parser failure without a place: not one expression
  }
  if (!('row' in outcome) || outcome.row.kind !== 'bare') return undefined;
  // `a, b` is a bare row too: the expression must reach the last token.
  const last = rows[0].tokens[rows[0].tokens.length - 1].span;
  const end = outcome.row.expr.span;
  return end.endLine === last.endLine && end.endColumn === last.endColumn ? outcome.row.expr : undefined;
}

/** How many parses a row has (tests keep the grammar unambiguous with this). */
export function countRowParses(tokens: Tok[]): number {
  const parser = newParser(tokens);
  try {
    parser.feed('');
  } catch {
    return 0;
  }
  return parser.results.length;
}

function unexpected(tokens: readonly Tok[], index: number): Diagnostic {
  const t = tokens[index];
  const before = tokens[index - 1];
  const reason = (() => {
    if (t.type === 'caret' && before?.type === 'diff') return 'higher-order derivatives are not supported';
    if (t.type === 'kw_in') return '`\\in` must follow a name (a declaration) or an equation (a shape claim)';
    if (t.type === 'amp' || t.type === 'rowsep') return `${describe(t)} is only allowed in a matrix or an aligned environment`;
    if (t.type === 'reals') return '\\mathbb{R} can only follow \\in';
    return `unexpected ${describe(t)}`;
  })();
  return warning('parse-error', `cannot read this maths: ${reason}`, t.span);
}
