// The LaTeX maths front end: one maths block (the inside of `$$..$$`, `\[..\]`, an `align`
// environment, an inline `$..$`) to statements of the shared AST. A row that cannot be read costs
// one diagnostic (a warning: student documents are full of maths that claims nothing) and is
// skipped; the other rows are kept.
import nearley from 'nearley';
import { warning, type Diagnostic } from '../diagnostics';
import type { AtBinding, Expr, IndexCondition, ShapeSpec, Span, Statement, Step } from '../syntax/ast';
import compiled from '../syntax/generated/latex';
import { ReplayLexer, feedTokens } from '../syntax/replay';
import type { Token } from '../syntax/lexer';
import type { RawRow } from './build';
import { normalizeLatex, type BlockReading } from './normalize';
import { PositionMap, type Origin } from './positions';
import { asideNote } from './asides';
import { beforeFirstEquals, splitRows, type Row } from './rows';
import { readableLinks } from './brokenChains';
import { reasonDefinition } from './reasons';
import { misplacedTuple, spreadTuples } from './tuples';
import { hasBareGradient } from './bareGradients';
import { describe, type Tok } from './tokens';
import { passLimits } from '../limits/index';

export type { Origin } from './positions';

/** Longer maths blocks than any derivation needs are refused (input is untrusted). */
export const MAX_MATH_CHARS = 20_000;

const grammar = nearley.Grammar.fromCompiled(compiled as unknown as nearley.CompiledRules);

/** Steps that continue the chain of an earlier block: `$$= \frac{a-y}{a(1-a)}$$`. */
export interface Continuation {
  rhs: Step[];
  shapeClaim?: ShapeSpec;
  span: Span;
  /** `\Big|_{x=2}` on a continuation row: the point of the chain's claim. */
  at?: AtBinding[];
}

export interface LatexMathResult {
  statements: Statement[];
  diagnostics: Diagnostic[];
  /** Rows at the start of the block that begin with `=`: the caller attaches them to the chain before. */
  continuation?: Continuation;
  /** The block's last chain could not be read or was set aside, so a following `= ...` has nothing to continue. */
  endsInError: boolean;
  /** Rows skipped because they could not be read (each has a diagnostic). */
  unreadRows: number;
  /** A case alone (`$i = k$`) that no claim of the block followed: the caller gives it to the next block's claims. */
  condition?: IndexCondition;
}

/**
 * Parse one maths block. `origin` is where `math` starts in its file (it must be an exact
 * substring of the file, so spans point into the file). Never throws on bad input.
 */
export function parseLatexMath(math: string, origin: Origin, reading: BlockReading = {}): LatexMathResult {
  const pos = new PositionMap(math, origin);
  if (math.length > MAX_MATH_CHARS) {
    const d = warning('limit-exceeded', `this maths block is longer than ${MAX_MATH_CHARS} characters`, pos.span(0, 0));
    return { statements: [], diagnostics: [d], endsInError: true, unreadRows: 1 };
  }
  const normalized = normalizeLatex(pos, reading);
  const result: LatexMathResult = { statements: [], diagnostics: [...normalized.diagnostics], endsInError: false, unreadRows: 0 };
  let chain: number | undefined; // index in result.statements of the equation a `=` row continues
  let leading = true; // no row read yet: a continuation belongs to the block before
  let unreadChain: Step | undefined; // the derivative a set-aside or unreadable row starts a chain for
  const reasons: Statement[] = []; // definitions given as reasons (`\because z = w x + b`), put before the block's statements
  for (const row of splitRows(normalized.tokens)) {
    for (const r of row.reason ?? []) {
      const raw = r.error || r.aside || r.tokens.length === 0 ? undefined : runRowQuietly(r.tokens);
      const definition = raw?.kind === 'statements' ? reasonDefinition(raw.statements) : undefined;
      if (definition) reasons.push(fillTexts(definition, pos));
    }
    if (row.aside) {
      // Understood and not a claim: a note; only `= ...` rows after it that claim its derivative go on.
      result.diagnostics.push(row.aside);
      result.endsInError = true;
      // A set-aside member of a chain (`&= \lim ...`) keeps the derivative its chain claims for the rows after it.
      unreadChain = row.goesOn ? claimedBy(chain === undefined ? undefined : result.statements[chain]) ?? unreadChain : chainTarget(row.head, pos);
      chain = undefined;
      leading = false;
      continue;
    }
    if (!row.error && row.tokens.length === 0 && row.condition) {
      result.condition = row.condition;
      continue;
    }
    let parsed: RowOutcome | { row: undefined } = row.error ? { error: row.error } : row.tokens.length === 0 ? { row: undefined } : runRow(row.tokens);
    let rest = row.rest; // the links after an unreadable member, which go on from those before it
    const salvaged = 'error' in parsed && !row.error ? salvageChain(row.tokens, parsed.error) : undefined;
    const skipped = [row.skipped, salvaged && 'error' in parsed ? parsed.error : undefined].filter((d) => d !== undefined);
    if (salvaged) [parsed, rest] = [{ row: salvaged.row }, salvaged.rest];
    result.diagnostics.push(...skipped);
    result.unreadRows += skipped.length;
    if ('error' in parsed) {
      result.diagnostics.push(parsed.error);
      result.endsInError = true;
      result.unreadRows++;
      chain = undefined;
      leading = false;
      unreadChain = chainTarget(row.head ?? beforeFirstEquals(row.tokens), pos);
      continue;
    }
    const target = unreadChain;
    unreadChain = undefined;
    if (row.notes) result.diagnostics.push(...row.notes);
    const raw = parsed.row;
    if (raw === undefined || raw.kind === 'continuation') {
      // `= ...` rows and lines of shapes alone continue the chain before.
      const cont = raw ? withTexts(raw, pos) : shapeContinuation(row, result.diagnostics);
      if (cont && cont.rhs.length > 0 && target) {
        // `∂J/∂W = h ⊗ δ = h^T δ`: the member that cannot be read is left out; the chain still claims the rest.
        result.statements.push(extendChain({ kind: 'equation', lhs: target, rhs: [], span: target.span }, cont));
        result.endsInError = false;
        chain = result.statements.length - 1;
        continue;
      }
      if (!cont || result.endsInError) continue; // nothing to attach, or it continues a line already reported
      if (raw && row.shapes) addShape(cont, row.shapes, result.diagnostics);
      if (row.at) cont.at = row.at;
      const attached = chain !== undefined ? attach(result.statements[chain], cont) : undefined;
      if (attached) result.statements[chain!] = attached;
      else if (chain === undefined && leading) result.continuation = result.continuation ? joinContinuations(result.continuation, cont) : cont;
      else if (cont.rhs.length === 0) result.diagnostics.push(shapeNote(cont.span, undefined));
      else {
        result.diagnostics.push(warning('parse-error', 'this line starts with `=` but there is no equation before it to continue', raw!.span));
        result.unreadRows++;
      }
      continue;
    }
    leading = false;
    result.endsInError = false;
    chain = undefined;
    if (raw.kind === 'bare') {
      if (row.shapes) result.diagnostics.push(shapeNote(row.shapes.span, undefined));
      continue;
    }
    raw.statements.forEach((st, i) => {
      const filled = fillTexts(st, pos);
      const labelled = i === 0 && row.label !== undefined && filled.kind === 'equation' ? { ...filled, label: row.label } : filled;
      const read = i === 0 && row.readings && labelled.kind === 'equation' ? { ...labelled, readings: [...(labelled.readings ?? []), ...row.readings] } : labelled;
      const pointed = i === 0 && row.at && read.kind === 'equation' ? { ...read, point: row.at } : read;
      const condition = i === 0 ? row.condition ?? result.condition : result.condition;
      result.statements.push(condition && pointed.kind === 'equation' ? { ...pointed, condition } : pointed);
    });
    // A case alone holds for the claim that follows it, not for the rest of the block.
    if (raw.statements.some((st) => st.kind === 'equation')) delete result.condition;
    const after = rest && runRowQuietly(rest);
    if (after?.kind === 'continuation' && result.statements[result.statements.length - 1]?.kind === 'equation') {
      const head = result.statements.length - 1;
      result.statements[head] = attach(result.statements[head], withTexts(after, pos)) ?? result.statements[head];
    }
    const last = result.statements[result.statements.length - 1];
    if (last?.kind === 'equation') chain = result.statements.length - 1;
    if (row.shapes) {
      const shaped = chain !== undefined && row.shapes.shape ? attach(last, { rhs: [], shapeClaim: row.shapes.shape, span: row.shapes.span }) : undefined;
      if (shaped) result.statements[chain!] = shaped;
      else result.diagnostics.push(shapeNote(row.shapes.span, chain === undefined ? undefined : last));
    }
  }
  // First, so that the block's last statement is still the chain a `= ...` block after it continues.
  if (reasons.length > 0) result.statements = [...reasons, ...result.statements];
  return result;
}

/**
 * A row whose chain has one member the grammar cannot read: its reading up to that member, and the tokens of
 * the links after it (`brokenChains.ts`); undefined when no equation is left before the member.
 */
function salvageChain(tokens: Tok[], error: Diagnostic): { row: RawRow; rest?: Tok[] } | undefined {
  const links = readableLinks(tokens, error.span);
  const head = links && runRowQuietly(links.before);
  if (head?.kind !== 'statements' || head.statements[head.statements.length - 1]?.kind !== 'equation') return undefined;
  return { row: head, ...(links!.after ? { rest: links!.after } : {}) };
}

/** A row's reading, or undefined where it cannot be read. */
function runRowQuietly(tokens: Tok[]): RawRow | undefined {
  try {
    const outcome = runRow(tokens);
    return 'row' in outcome ? outcome.row : undefined;
  } catch (err) {
    passLimits(err);
    return undefined;
  }
}

/** The derivative an equation's chain claims (its left side), or undefined. */
function claimedBy(s: Statement | undefined): Step | undefined {
  return s?.kind === 'equation' && isDerivative(s.lhs.expr) ? s.lhs : undefined;
}

/** `\frac{\partial J}{\partial W}`, `\nabla_x f`, `f'(x)`: a derivative a chain may claim. */
function isDerivative(e: Expr): boolean {
  return e.kind === 'deriv' || (e.kind === 'call' && e.prime > 0);
}

/** The derivative a row's head reads as (`\frac{\partial J}{\partial W}`), or undefined. */
function chainTarget(head: Tok[] | undefined, pos: PositionMap): Step | undefined {
  if (!head || head.length === 0) return undefined;
  let outcome: RowOutcome;
  try {
    outcome = runRow(head);
  } catch (err) {
    passLimits(err);
    return undefined;
  }
  const raw = 'row' in outcome ? outcome.row : undefined;
  if (raw?.kind !== 'bare' || !isDerivative(raw.expr)) return undefined;
  return withText({ expr: raw.expr, text: '', span: raw.expr.span }, pos);
}

/** A line of shapes alone: a continuation that only claims the shape, or (when it ends in no single shape) a note. */
function shapeContinuation(row: Row, diagnostics: Diagnostic[]): Continuation | undefined {
  if (row.shapes?.shape) return { rhs: [], shapeClaim: row.shapes.shape, span: row.shapes.span };
  if (row.shapes) diagnostics.push(shapeNote(row.shapes.span, undefined));
  return undefined;
}

/** A continuation row's own shapes (`= X^T (a - y) \quad \mathbb{R}^{M}`) are its shape claim, unless it has one. */
function addShape(cont: Continuation, shapes: NonNullable<Row['shapes']>, diagnostics: Diagnostic[]): void {
  if (shapes.shape && !cont.shapeClaim) cont.shapeClaim = shapes.shape;
  else diagnostics.push(shapeNote(shapes.span, undefined));
}

/**
 * The equation with a continuation's steps, point and shape claim; undefined when a continuation of a shape
 * alone cannot be its shape claim (not an equation, or it states a shape already).
 */
export function attach(st: Statement, cont: Continuation): Statement | undefined {
  if (cont.rhs.length === 0 && (st.kind !== 'equation' || st.shapeClaim)) return undefined;
  return extendChain(st, cont);
}

export function shapeNote(span: Span, claim: Statement | undefined): Diagnostic {
  const why = claim?.kind === 'equation' && claim.shapeClaim ? '; the claim states its shape already' : '';
  return asideNote(`shape arithmetic, not a claim${why}`, span, 'write the shape of a claim after it, as in \\frac{\\partial L}{\\partial W} = X^T (a - y) \\in \\mathbb{R}^{M \\times 1}');
}

/** Append continuation steps to an equation (and take its shape claim and point, if it has them). */
function extendChain(st: Statement, cont: Continuation): Statement {
  if (st.kind !== 'equation') return st;
  const span = { ...st.span, endLine: cont.span.endLine, endColumn: cont.span.endColumn };
  const shapeClaim = cont.shapeClaim ?? st.shapeClaim;
  const point = cont.at ? [...(st.point ?? []), ...cont.at] : st.point;
  const extended: Statement = { ...st, rhs: [...st.rhs, ...cont.rhs], span, ...(point ? { point } : {}) };
  return shapeClaim ? { ...extended, shapeClaim } : extended;
}

function joinContinuations(a: Continuation, b: Continuation): Continuation {
  const joined: Continuation = { rhs: [...a.rhs, ...b.rhs], span: { ...a.span, endLine: b.span.endLine, endColumn: b.span.endColumn } };
  const shapeClaim = b.shapeClaim ?? a.shapeClaim;
  const at = a.at || b.at ? [...(a.at ?? []), ...(b.at ?? [])] : undefined;
  return { ...joined, ...(shapeClaim ? { shapeClaim } : {}), ...(at ? { at } : {}) };
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
  const row = spreadTuples(internals.results[0] as RawRow);
  const tuple = misplacedTuple(row);
  return tuple ? { error: tuple } : { row };
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
  } catch (err) {
    passLimits(err);
    return undefined; // a parser failure without a place: not one expression
  }
  // A `\nabla f` without its variables is read only by the document pass (bareGradients.ts).
  if (!('row' in outcome) || outcome.row.kind !== 'bare' || hasBareGradient(outcome.row.expr)) return undefined;
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
  } catch (err) {
    passLimits(err);
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
