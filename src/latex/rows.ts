// Splits a normalised maths block into rows (one per `\\` line of an aligned environment, or
// per statement written side by side) and takes the decisions that need context, so the grammar
// stays unambiguous: which `d` is a differential, which name is called, where a shape is written.
import { warning, type Diagnostic } from '../diagnostics';
import type { AtBinding, Domain, IndexCondition, Reading, ShapeSpec, Span } from '../syntax/ast';
import { dropQuantifier, takeCondition, type Case } from './conditions';
import { asideOf } from './asides';
import { readElisions } from './elisions';
import { graphDefinitions } from './graphArrows';
import { readConditionalArguments } from './conditionalArguments';
import { readEllipsisMatrices } from './ellipsisMatrices';
import { readableLinks } from './brokenChains';
import { readHigherOrder } from './higherOrder';
import { periodsAsProducts } from './periodProducts';
import { numberLedArguments } from './operatorArguments';
import { derivativeAtPoint } from './derivativePoints';
import { readShapeArithmetic } from './shapeArithmetic';
import { splitReason } from './reasons';
import { GRADIENT_WITHOUT_VARIABLE } from './bareGradients';
import { markVectorOperators } from './vectorOperators';
import { CLOSING, ENDS_OPERAND, OPENING, RELATIONS, closer, depths, readAs, spanOf, type Tok, type TokType } from './tokens';
import { table } from './vocabulary';

/** Deeper bracket nesting than any derivation needs is refused (input is untrusted). */
export const MAX_LATEX_DEPTH = 64;
/** More tokens in one row than any derivation needs is refused. */
export const MAX_ROW_TOKENS = 2000;

export interface Row {
  tokens: Tok[];
  /** From `\tag{1b}` or a leading `\text{(b)}`. */
  label?: string;
  /** Set when the row cannot be parsed; its tokens are then not given to the grammar. */
  error?: Diagnostic;
  /** Set when the row is understood and is not a claim (an update rule, ⊗, cases): the note says what it was. */
  aside?: Diagnostic;
  /**
   * A row set aside or refused: its tokens before the first `=`, prepared, for the chain it starts
   * (`\frac{\partial J}{\partial W} = h \otimes \delta`), which may go on readably on the rows after it.
   */
  head?: Tok[];
  /** A row set aside that starts with `=` (`&= \lim_{h \to 0} (2x + h)`): a member of the chain before it. */
  goesOn?: true;
  /** Shapes written beside the row's claim, or alone (shapeArithmetic.ts): the claim's shape, when they end in one. */
  shapes?: { span: Span; shape?: ShapeSpec };
  /** `\Big|_{x=2}`: the point the row's claim is evaluated at. */
  at?: AtBinding[];
  /** `\quad \because z = w x + b`: the rows of the reason given for the row's step (reasons.ts). */
  reason?: Row[];
  /** `, \quad i \neq j`: the entries the row's claim is about (conditions.ts). */
  condition?: IndexCondition;
  /** What the row was read as otherwise than written (`\frac{\partial}{o_k}` as ∂/∂o_k), to report with it. */
  notes?: Diagnostic[];
  /** A member of the row's chain refused (`brokenRow`): the row holds the links before it. */
  skipped?: Diagnostic;
  /** The `= ...` links after a skipped member, prepared: they go on from the links before it. */
  rest?: Tok[];
  /** OCR slips read in the row before the grammar (a stray `\int`, `\neq` for `\in`), listed on its claim as the confusion table's are. */
  readings?: Reading[];
}

/** The rows of a block, in order; rows with nothing in them are left out. */
export function splitRows(tokens: readonly Tok[]): Row[] {
  const rows: Row[] = [];
  for (const line of joinBrokenRows(splitAtTopLevel(readConditionalArguments(tokens), (t) => t.type === 'rowsep').map(dropAlignment))) {
    const aligned = markDomains(line);
    const cases = splitCases(aligned);
    if (cases) {
      for (const c of cases) rows.push(...rowsOfLine(c.tokens).map((row) => (row.tokens.length > 0 ? { ...row, condition: c.condition } : row)));
      continue;
    }
    rows.push(...rowsOfLine(aligned));
  }
  return rows;
}

function rowsOfLine(aligned: Tok[]): Row[] {
  const aside = asideOf(aligned.filter((t) => t.type !== 'prose' && t.type !== 'wide' && t.type !== 'tag'));
  if (aside) return [{ tokens: [], aside, head: headOf(aligned), ...(aligned.find((t) => t.type !== 'prose' && t.type !== 'wide')?.type === 'eq' ? { goesOn: true as const } : {}) }];
  const { tokens: reasoned, reason } = splitReason(aligned);
  const { tokens: shaped, shapes } = readShapeArithmetic(reasoned);
  const { tokens: unbounded, domain } = takeDomain(shaped);
  const { tokens: kept, condition } = takeCondition(dropQuantifier(unbounded));
  const prepared = (graphDefinitions(kept) ?? [kept]).flatMap(splitSideBySide).map(prepareRow).filter((row) => row.tokens.length > 0 || row.error);
  if (domain && prepared.length === 1) prepared[0].readings = [...(prepared[0].readings ?? []), domain];
  if (condition && prepared.length === 1) prepared[0].condition = condition;
  else if (condition && kept.length === 0) prepared.push({ tokens: [], condition });
  if (shapes && prepared.length > 0) prepared[prepared.length - 1].shapes = shapes;
  else if (shapes) prepared.push({ tokens: [], shapes });
  if (reason && prepared.length > 0) prepared[prepared.length - 1].reason = rowsOfLine(reason);
  return prepared;
}

const COMPARISONS: ReadonlySet<string> = new Set(['lt', 'gt', 'le', 'ge']);
const DOMAIN_WORDS = /^(if|for|when|where|with|on)$/i;

/**
 * `g'(t) = 2t \quad (t \geq 0)`, `= 1 \text{ for } x > 0`, `= -1, \; x < 0`: a comparison after a gap states where
 * the line holds; read into the expression it was a 0/1 mask factor (a ✗ on a right line). It is taken off the
 * row, and the row carries a reading saying so: a step that does not match is then unjudged (it may hold only
 * there), one that matches everywhere is right.
 */
function takeDomain(tokens: Tok[]): { tokens: Tok[]; domain?: Reading } {
  const d = depths(tokens);
  const isGapAt = (k: number) => d[k] === 0 && (tokens[k].type === 'wide' || tokens[k].type === 'comma' || (tokens[k].type === 'prose' && DOMAIN_WORDS.test(tokens[k].value.trim())));
  let gap = -1;
  for (let k = tokens.length - 1; k > 0 && gap < 0; k--) if (isGapAt(k)) gap = k;
  if (gap < 0) return { tokens };
  const tail = tokens.slice(gap + 1).filter((t) => t.type !== 'period' && t.type !== 'wide');
  const inner = tail[0]?.type === 'lparen' && closer(tail, 0) === tail.length - 1 ? tail.slice(1, -1) : tail;
  const innerDepths = depths(inner);
  const compares = inner.some((t, k) => innerDepths[k] === 0 && COMPARISONS.has(t.type)) && !inner.some((t) => t.type === 'eq');
  let start = gap;
  while (start > 0 && isGapAt(start - 1)) start--;
  if (!compares || !tokens.slice(0, start).some((t) => t.type === 'eq')) return { tokens };
  const span = spanOf(tail);
  const written = inner.map((t) => t.text).join(' ');
  const why = `${written} states where the line holds; chainrule checks the line everywhere, so a mismatch may lie outside it`;
  return { tokens: tokens.slice(0, start), domain: { span, written, readAs: 'where the line holds', why, domain: true } };
}

/**
 * `\frac{\partial p_i}{\partial o_k} = \begin{cases} .. \end{cases}` whose cases are cases of indices: one line per
 * case, the target with the case's value. Only after a lone `target =`, so no earlier step is claimed twice.
 */
function splitCases(tokens: readonly Tok[]): Case[] | undefined {
  const at = tokens.findIndex((t) => t.type === 'aside' && t.cases);
  if (at < 0 || !tokens.slice(at + 1).every((t) => isSpacing(t) || t.type === 'period' || t.type === 'comma')) return undefined;
  const before = tokens.slice(0, at).filter((t) => !isSpacing(t));
  const d = depths(before);
  const relations = before.filter((t, i) => d[i] === 0 && t.type === 'eq').length;
  if (relations !== 1 || before[before.length - 1]?.type !== 'eq') return undefined;
  return tokens[at].cases!.map((c) => ({ tokens: [...before, ...c.tokens], condition: c.condition }));
}

const DOMAINS: ReadonlyMap<string, Domain> = table({
  positive: 'positive', nonnegative: 'nonnegative', binary: 'binary', onehot: 'onehot', probability: 'probability',
  probabilities: 'probability', simplex: 'simplex',
});

/**
 * `y \in \mathbb{R}^{1 \times C} \text{ (one-hot)}`: prose right after a shape that names a
 * domain of SPEC 1.6 is the declaration's domain, not prose.
 */
function markDomains(tokens: Tok[]): Tok[] {
  return tokens.map((t, i) => {
    const domain = t.type === 'prose' ? DOMAINS.get(t.value.toLowerCase().replace(/[^a-z]/g, '')) : undefined;
    if (!domain) return t;
    const afterShape = ['rbrace', 'reals', 'num', 'name'].includes(tokens[i - 1]?.type) && tokens.slice(0, i).some((p) => p.type === 'reals');
    return afterShape ? { ...t, type: 'domain', value: domain } : t;
  });
}

/** `&` aligns the rows of an aligned environment; inside a matrix it separates entries and stays. */
function dropAlignment(line: readonly Tok[]): Tok[] {
  let matrices = 0;
  return line.filter((t) => {
    if (t.type === 'begin_matrix') matrices++;
    else if (t.type === 'end_matrix') matrices--;
    return !(t.type === 'amp' && matrices === 0);
  });
}

const BINARY_OPERATORS: ReadonlySet<string> = new Set(['plus', 'minus', 'cdot', 'times', 'star', 'odot', 'otimes']);

/**
 * An expression broken over rows: a row that starts with an operator and states no relation of its own
 * (`+& (o_2 - t_2) f'(net_2) ...`, `&&\cdot \omega_1 \omega_2`), or that follows a row ending in one,
 * goes on with the row before, as a reader reads the aligned lines. Rows with a relation stay their own.
 */
function joinBrokenRows(lines: Tok[][]): Tok[][] {
  const out: Tok[][] = [];
  for (const line of lines) {
    const body = line.filter((t) => !isSpacing(t));
    const before = out[out.length - 1]?.filter((t) => !isSpacing(t));
    const opens = body.length > 0 && BINARY_OPERATORS.has(body[0].type);
    const ended = before !== undefined && before.length > 0 && BINARY_OPERATORS.has(before[before.length - 1].type);
    // The row before may be a chain's continuation, `&= A`, whose relation opens it.
    const goesOn = body.length > 0 && !hasRelation(body, RELATIONS) && before !== undefined && (hasRelation(before, RELATIONS) || RELATIONS.has(before[0]?.type));
    if (goesOn && (opens || ended)) out[out.length - 1] = [...out[out.length - 1], ...line];
    else out.push(line);
  }
  return out;
}

/** Split at separators outside matrix environments (which nest rows of their own). */
function splitAtTopLevel(tokens: readonly Tok[], isSeparator: (t: Tok) => boolean): Tok[][] {
  const parts: Tok[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.type === 'begin_matrix') depth++;
    else if (t.type === 'end_matrix') depth--;
    if (depth === 0 && isSeparator(t)) parts.push([]);
    else parts[parts.length - 1].push(t);
  }
  return parts;
}

/**
 * `a = 1 \quad b = 2` and `h = XW + b \text{ where } W \in \mathbb{R}^{M \times N}` hold two
 * statements: wide spaces and prose split a row when every part is a statement of its own.
 * Otherwise (`= \frac{-y}{s} Q \qquad \in \mathbb{R}^{1 \times C}`) they are only spacing.
 * `\Rightarrow` (and `\therefore`, a wide space) between chains says "which gives" and separates them
 * (`L = \sigma(z) \Rightarrow \frac{dL}{dz} = ...`); before a lone expression it links the chain
 * (`\approx 0.18 \Rightarrow 0.2`).
 */
function splitSideBySide(tokens: Tok[]): Tok[][] {
  const lead = leadingMarkers(tokens);
  const body = tokens.slice(lead.length);
  const implied = topLevelParts(body, (t) => t.type === 'implies').filter((p) => p.length > 0);
  if (implied.length > 1 && implied.every((p) => hasRelation(p, CHAIN_LINKS))) {
    return implied.flatMap((p, i) => splitAtGaps(i === 0 ? lead : [], p));
  }
  // `\Rightarrow \frac{dL}{dW} = X` on a row of its own starts a statement, also after prose (`\text{Base on (3)}
  // \Rightarrow ..`, the reason it follows); `\Rightarrow 0.2` continues the chain before.
  const first = body.findIndex((t) => !isSpacing(t));
  const leading = body[first]?.type === 'implies' && hasRelation(body.slice(first + 1), CHAIN_LINKS);
  return splitAtGaps(lead, leading ? body.slice(first + 1) : body);
}

const CHAIN_LINKS: ReadonlySet<string> = new Set(['eq', 'approx']);
const isSpacing = (t: Tok) => t.type === 'wide' || t.type === 'prose';

function splitAtGaps(lead: Tok[], body: Tok[]): Tok[][] {
  const statements = topLevelParts(body, isSpacing).filter((p) => p.length > 0);
  if (statements.length > 1 && statements.every((p) => hasRelation(p, RELATIONS))) return statements.map((p, i) => (i === 0 ? [...lead, ...p] : p));
  return [[...lead, ...body.filter((t) => !isSpacing(t))]];
}

/** The parts between separators outside brackets. */
function topLevelParts(tokens: readonly Tok[], isSeparator: (t: Tok) => boolean): Tok[][] {
  const d = depths(tokens);
  const parts: Tok[][] = [[]];
  tokens.forEach((t, i) => {
    if (isSeparator(t) && d[i] === 0) parts.push([]);
    else parts[parts.length - 1].push(t);
  });
  return parts;
}

/** Whether a relation of `types` stands outside brackets after the first token (spacing aside). */
function hasRelation(tokens: readonly Tok[], types: ReadonlySet<string>): boolean {
  const p = tokens.filter((t) => !isSpacing(t));
  const d = depths(p);
  return p.some((t, i) => i > 0 && d[i] === 0 && types.has(t.type));
}

/** A leading `\text{at}` (a numeric point) or `\text{(b)}` (a label) and `\tag{}`s stay with the first part. */
function leadingMarkers(tokens: readonly Tok[]): Tok[] {
  const lead: Tok[] = [];
  for (const t of tokens) {
    if (t.type === 'tag' || (t.type === 'prose' && (isAtWord(t.value) || labelOf(t.value) !== undefined))) lead.push(t);
    else break;
  }
  return lead;
}

function isAtWord(text: string): boolean {
  return /^at:?$/i.test(text.trim());
}

/**
 * An item's number opening a row of maths, `4) y = x^2`, `12c) ...`, `(b) y = ...`: the row's label (the
 * document's question tracker starts the item there too). `(b)` only before a relation later in the row
 * and a name right after it (`(b) y = x^2`; `(a + b) y` is maths).
 */
function itemNumber(tokens: readonly Tok[]): { label: string; length: number } | undefined {
  const [a, b, c, d] = tokens;
  const part = (t: Tok | undefined) => t?.type === 'name' && /^[a-h]$/.test(t.value);
  const rest = (n: number) => tokens.length > n && tokens.slice(n).some((t) => t.type === 'eq');
  if (a?.type === 'num' && /^\d+$/.test(a.value) && b?.type === 'rparen' && rest(2)) return { label: a.value, length: 2 };
  if (a?.type === 'num' && /^\d+$/.test(a.value) && part(b) && c?.type === 'rparen' && rest(3)) return { label: a.value + b.value, length: 3 };
  if (a?.type === 'lparen' && part(b) && c?.type === 'rparen' && d?.type === 'name' && rest(3)) return { label: b.value, length: 3 };
  return undefined;
}

/** `(b)`, `1b)`, `[1b]` → the label. */
function labelOf(text: string): string | undefined {
  const m = /^(?:\(([0-9]*[a-z]?)\)|\[([0-9]*[a-z]?)\]|([0-9]*[a-z]?)\))$/i.exec(text.trim());
  const label = m ? m[1] ?? m[2] ?? m[3] : undefined;
  return label ? label : undefined;
}

/** A row's tokens before its first `=` outside brackets (none when it has no such `=`). */
export function beforeFirstEquals(tokens: readonly Tok[]): Tok[] {
  const d = depths(tokens);
  const eq = tokens.findIndex((t, i) => t.type === 'eq' && d[i] === 0);
  return eq > 0 ? tokens.slice(0, eq) : [];
}

/** The prepared tokens before a row's first `=`, when they read (undefined otherwise). */
function headOf(tokens: readonly Tok[]): Tok[] | undefined {
  const before = beforeFirstEquals(tokens);
  const head = before.length > 0 ? prepareRow(before) : undefined;
  return head && !head.error && head.tokens.length > 0 ? head.tokens : undefined;
}

function prepareRow(input: Tok[]): Row {
  let label: string | undefined;
  let tokens: Tok[] = [];
  input.forEach((t, i) => {
    if (t.type === 'tag') label = t.value;
    else if (t.type === 'prose' && i === 0 && isAtWord(t.value)) tokens.push({ ...t, type: 'at', value: 'at' });
    else if (t.type === 'prose' && labelOf(t.value) !== undefined && tokens.length === 0) label = labelOf(t.value);
    else if (t.type !== 'prose' && t.type !== 'wide') tokens.push(t);
  });
  // Sentence punctuation after a displayed equation: `h = XW + b.`; a last `=` before a blank to fill in.
  const trailing = new Set(['period', 'comma', 'eq', 'approx']);
  while (tokens.length > 1 && trailing.has(tokens[tokens.length - 1].type)) tokens.pop();
  const numbered = itemNumber(tokens);
  if (numbered) {
    label = numbered.label;
    tokens = tokens.slice(numbered.length);
  }
  tokens = [...derivativeAtPoint(periodsAsProducts(tokens))];
  const at = tokens.flatMap((t) => t.at ?? []);
  const slips = readRowSlips(tokens.filter((t) => t.type !== 'evalat'));
  tokens = numberLedArguments(readElisions(readEllipsisMatrices(withoutProbabilityHead(slips.tokens))));
  const row: Row = { tokens, ...(label === undefined ? {} : { label }), ...(at.length > 0 ? { at } : {}), ...(slips.readings.length ? { readings: slips.readings } : {}) };
  const problem = checkRow(tokens);
  if (problem) return brokenRow(row, tokens, problem) ?? { ...row, error: problem, head: headOf(input) };
  return finishRow(row, tokens);
}

/** The grammar's marks on a row's checked tokens (differentials, shapes, calls, bars). */
function finishRow(row: Row, checked: Tok[]): Row {
  let tokens = markDifferentials(readHigherOrder(markVectorOperators(checked)));
  const partials = withDenominatorPartials(tokens);
  tokens = partials.tokens;
  if (partials.notes.length) row.notes = partials.notes;
  tokens = markShapes(tokens);
  tokens = markCalls(tokens);
  tokens = markBars(tokens);
  // `\nabla f(x, y)`, `\nabla f` and the Hessian `\nabla^2 f(x, y)` name their variables.
  const called = (i: number) => tokens[i]?.type === 'fname' && namedArguments(tokens, i + 1);
  const hessian = (i: number) => tokens[i]?.type === 'caret' && tokens[i + 1]?.type === 'num' && tokens[i + 1].value === '2' && called(i + 2);
  const gradient = tokens.findIndex((t, i) => t.type === 'grad' && !called(i + 1) && !hessian(i + 1) && tokens[i + 1]?.type !== 'name');
  if (gradient >= 0) return { ...row, tokens, error: rowError(GRADIENT_WITHOUT_VARIABLE, tokens[gradient].span) };
  return { ...row, tokens };
}

/**
 * A chain refused for one member (`= -\log({\text{softmax}(\theta)}_k)`): the links before it, with the
 * refusal as `skipped` and the links after it as `rest` (brokenChains.ts); undefined when none are left.
 */
function brokenRow(row: Row, tokens: Tok[], problem: Diagnostic): Row | undefined {
  const links = readableLinks(tokens, problem.span);
  if (!links || checkRow(links.before)) return undefined;
  const kept = finishRow({ ...row }, links.before);
  if (kept.error) return undefined;
  const rest = links.after && !checkRow(links.after) ? finishRow({ tokens: [] }, links.after) : undefined;
  return { ...kept, skipped: problem, ...(rest && !rest.error ? { rest: rest.tokens } : {}) };
}

/**
 * `\frac{\partial}{o_k}(-\log p_k)`: the operator with the ∂ of its variable left out. A lone ∂ over a lone name
 * is no fraction anyone means, so it is read as ∂/∂o_k, and a note says so.
 */
function withDenominatorPartials(input: Tok[]): { tokens: Tok[]; notes: Diagnostic[] } {
  const tokens = input.slice();
  const notes: Diagnostic[] = [];
  for (let i = tokens.length - 7; i >= 0; i--) {
    const [frac, open, diff, close, under, name, end] = tokens.slice(i, i + 7);
    const shape = [frac, open, diff, close, under, name, end].map((t) => t.type).join(' ');
    if (shape !== 'frac lbrace diff rbrace lbrace name rbrace') continue;
    tokens.splice(i + 5, 0, diff);
    notes.unshift(warning('reading', `read \\frac{${diff.text}}{${name.text}} as the derivative operator by ${name.text}: the ∂ of its variable is left out`, spanOf([frac, end])));
  }
  return { tokens, notes };
}

/**
 * OCR slips read before the grammar (docs/latex.md, "Reading OCR slips"), each listed on the row's claim:
 * `\int \frac{\partial L}{\partial b_2} = a_2 - y`, an integral sign opening a claim about a derivative with no
 * differential anywhere after it, integrates nothing: it is OCR of a bracket or brace, left out; `\neq` before
 * `\mathbb{R}^{..}` compares a value with a set, which means nothing: it is OCR of `\in`.
 */
function readRowSlips(input: Tok[]): { tokens: Tok[]; readings: Reading[] } {
  let tokens = input;
  const readings: Reading[] = [];
  const [sign, frac, open, diff] = tokens;
  const opensDerivative = frac?.type === 'frac' && open?.type === 'lbrace' && diff?.type === 'diff';
  // `dx` after the integrand, or a second integral: an integral after all.
  const integrates = tokens.slice(1).some((t) => t.type === 'unsupported' || (t.type === 'name' && /^d[a-zA-Z]?$/.test(t.text)));
  if (sign?.type === 'unsupported' && sign.text === '\\int' && opensDerivative && tokens.some((t) => t.type === 'eq') && !integrates) {
    readings.push({ span: sign.span, written: sign.text, readAs: '(', why: 'an integral sign before a derivative, with no differential, integrates nothing: OCR of a bracket opening the line' });
    tokens = tokens.slice(1);
  }
  tokens = tokens.map((t, i) => {
    if (t.type !== 'unsupported' || !['\\neq', '\\ne'].includes(t.text) || tokens[i + 1]?.type !== 'reals') return t;
    readings.push({ span: t.span, written: t.text, readAs: 'in', why: '≠ before a set of shapes compares a value with a set: OCR of \\in' });
    return { ...t, type: 'kw_in', value: t.text };
  });
  return { tokens, readings };
}

/**
 * `P(Y = 1 | X) = h(\mathbf{x}) = ...`: the probability the chain names is the textbook's gloss on what follows,
 * which is the formula; a probability is nothing the grammar reads, so the chain starts after it.
 */
function withoutProbabilityHead(tokens: Tok[]): Tok[] {
  if (tokens[0]?.type !== 'name' || tokens[0].value !== 'P' || tokens[1]?.type !== 'lparen') return tokens;
  const close = closer(tokens, 1);
  if (close === undefined || tokens[close + 1]?.type !== 'eq' || close + 2 >= tokens.length) return tokens;
  const conditional = tokens.slice(2, close).some((t) => t.type === 'bar' || t.type === 'eq');
  return conditional ? tokens.slice(close + 2) : tokens;
}

function rowError(message: string, span: Span, hint?: string): Diagnostic {
  return warning('parse-error', message, span, hint);
}

/** Refuse what the grammar cannot read, with a reason: unsupported notation, excessive size. */
function checkRow(tokens: readonly Tok[]): Diagnostic | undefined {
  if (tokens.length > MAX_ROW_TOKENS) {
    return warning('limit-exceeded', `this line has more than ${MAX_ROW_TOKENS} tokens`, spanOf(tokens));
  }
  const bad = tokens.find((t) => t.type === 'unsupported');
  if (bad) return rowError(`cannot read this maths: ${bad.value}`, bad.span);
  const dots = tokens.find((t) => t.type === 'dots');
  if (dots) {
    return rowError(`cannot read this maths: elided terms (${dots.text}) are read only in a sum whose terms differ in one index, as in x_1 + \\dots + x_n`, dots.span, 'write the expression in full, or as a sum \\sum_{i=1}^{n} x_i');
  }
  let depth = 0;
  for (const t of tokens) {
    if (OPENING.has(t.type) && ++depth > MAX_LATEX_DEPTH) {
      return warning('limit-exceeded', `brackets nested more than ${MAX_LATEX_DEPTH} deep`, t.span);
    }
    if (CLOSING.has(t.type)) depth--;
  }
  return undefined;
}

/**
 * Whether the parenthesis at `open` holds names or numbers separated by commas, as `(x, y)` in `\\nabla f(x, y)`,
 * or a point, `(1, -2)` (the gradient there, src/latex/jacobians.ts).
 */
function namedArguments(tokens: readonly Tok[], open: number): boolean {
  const close = closer(tokens, open);
  if (tokens[open]?.type !== 'lparen' || close === undefined || close === open + 1) return false;
  const inside = tokens.slice(open + 1, close).filter((t, k, all) => !(t.type === 'minus' && all[k + 1]?.type === 'num' && (k === 0 || all[k - 1].type === 'comma')));
  const names = inside.every((t, k) => t.type === (k % 2 === 0 ? 'name' : 'comma'));
  return names || inside.every((t, k) => t.type === (k % 2 === 0 ? 'num' : 'comma'));
}

const isD = (t: Tok | undefined) => t !== undefined && t.type === 'name' && t.value === 'd';
const isDifferential = (t: Tok | undefined) => t !== undefined && (t.type === 'diff' || isD(t));

/**
 * A letter `d` is a differential in `\frac{dL}{dW}`, `\frac{d}{dx}` and `dL/dW` (both `d`s
 * in place); anywhere else it is a name (a weight called d, as in the seeds' numeric question).
 * `d/dx` and `∂/∂x` before an operand are the derivative operator, as `\frac{d}{dx}` is.
 */
function markDifferentials(input: Tok[]): Tok[] {
  const tokens = slashOperators(input);
  const toDiff = (i: number) => {
    if (isD(tokens[i])) tokens[i] = { ...tokens[i], type: 'diff' };
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'frac' && tokens[i + 1]?.type === 'lbrace') {
      const end1 = closer(tokens, i + 1);
      if (end1 === undefined || tokens[end1 + 1]?.type !== 'lbrace') continue;
      const end2 = closer(tokens, end1 + 1);
      if (end2 === undefined) continue;
      const num = i + 2;
      const den = end1 + 2;
      if (isDifferential(tokens[num]) && isDifferential(tokens[den]) && end2 - den >= 2) {
        toDiff(num);
        toDiff(den);
      }
    } else if (isD(t)) {
      const after = operandEnd(tokens, i + 1);
      if (after === undefined || tokens[after]?.type !== 'slash' || !isDifferential(tokens[after + 1])) continue;
      if (operandEnd(tokens, after + 2) === undefined) continue;
      toDiff(i);
      toDiff(after + 1);
    }
  }
  return tokens;
}

/**
 * `d/dx(3x^2)`, `∂/∂x (x y)`: typed for `\frac{d}{dx}`, so rewritten as its tokens (the grammar's prefix operator).
 * Read as a quotient, `d/dx(x^2) = 2x` was a ✗ on a right line. Only a differential, a slash and a differential
 * with one name, followed by an operand, is one.
 */
function slashOperators(input: Tok[]): Tok[] {
  const tokens = input.slice();
  for (let i = tokens.length - 5; i >= 0; i--) {
    const [d, slash, under, name, next] = tokens.slice(i, i + 5);
    if (!isDifferential(d) || slash.type !== 'slash' || !isDifferential(under) || name.type !== 'name') continue;
    if (!OPERAND_STARTS.has(next.type) || (i > 0 && tokens[i - 1].type === 'slash')) continue;
    const operator = [readAs(d, 'frac', '\\frac'), readAs(d, 'lbrace', '{'), { ...d, type: 'diff' as const }, readAs(d, 'rbrace', '}')];
    tokens.splice(i, 4, ...operator, readAs(under, 'lbrace', '{'), { ...under, type: 'diff' }, name, readAs(name, 'rbrace', '}'));
  }
  return tokens;
}

/** Tokens that start an operand after a derivative operator. */
const OPERAND_STARTS: ReadonlySet<TokType> = new Set(['lparen', 'lbrack', 'name', 'fname', 'func', 'num', 'sqrt', 'frac']);

/** After `d` in `dL/dW`: the index just past a name or a parenthesised group at `i`. */
function operandEnd(tokens: readonly Tok[], i: number): number | undefined {
  const t = tokens[i];
  if (t?.type === 'name') return i + 1;
  if (t?.type === 'lparen') {
    const end = closer(tokens, i);
    return end === undefined ? undefined : end + 1;
  }
  return undefined;
}

/**
 * In `\in R^{M x N}` the letter R is the reals and the letter x the separator; an unbraced
 * `\mathbb{R}^{MxN}` is split into letters by the lexer, so this is where `x` becomes `\times`.
 */
function markShapes(input: Tok[]): Tok[] {
  const tokens = input.slice();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'kw_in' && tokens[i + 1]?.type === 'name' && tokens[i + 1].value === 'R') {
      tokens[i + 1] = { ...tokens[i + 1], type: 'reals' };
    }
    if (t.type === 'reals' && tokens[i + 1]?.type === 'caret' && tokens[i + 2]?.type === 'lbrace') {
      const end = closer(tokens, i + 2) ?? tokens.length;
      for (let j = i + 3; j < end; j++) {
        const s = tokens[j];
        if ((s.type === 'name' && s.value === 'x') || s.type === 'star' || s.type === 'cdot') tokens[j] = { ...s, type: 'times' };
      }
    }
  }
  return tokens;
}

/**
 * A name directly followed by `(` is a call (`\sigma(h)`, `g(z)`), as in .cr; the resolver reads a
 * call of a known variable as a product (`a(1-a)`). Primes in between make a derivative call
 * (`\sigma'(h)`); they are folded into the call token.
 */
function markCalls(tokens: readonly Tok[]): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let j = i + 1;
    while (tokens[j]?.type === 'prime') j++;
    // `C_{jk} (P^T)_{ik}`: a bracket with an entry's subscript after it is a factor, not the arguments.
    const entryBracket = tokens[j]?.type === 'lparen' && tokens[(closer(tokens, j) ?? -2) + 1]?.type === 'entry';
    // `x^x(\ln x + 1)`: an exponent without braces is the one token after `^`, so the bracket is a factor.
    const exponent = tokens[i - 1]?.type === 'caret';
    if (!exponent && (t.type === 'name' || (t.type === 'fname' && j > i + 1)) && tokens[j]?.type === 'lparen' && !entryBracket) {
      const last = tokens[j - 1];
      out.push({
        ...t,
        type: 'fname',
        prime: tokens.slice(i + 1, j).reduce((n, p) => n + Number(p.value), 0),
        head: t.text,
        text: t.text + tokens.slice(i + 1, j).map((p) => p.text).join(''),
        end: last.end,
        span: { ...t.span, endLine: last.span.endLine, endColumn: last.span.endColumn },
      });
      i = j - 1;
    } else out.push(t);
  }
  return out;
}

/**
 * `|` and `\|` open and close alike; which one a bar is decides between |a| b |c| and |a |b| c|.
 * A bar closes when one is open and an operand has just ended, and opens otherwise.
 */
function markBars(tokens: readonly Tok[]): Tok[] {
  const open = { bar: 0, dbar: 0 };
  return tokens.map((t, i) => {
    if (t.type !== 'bar' && t.type !== 'dbar') return t;
    const closes = open[t.type] > 0 && i > 0 && ENDS_OPERAND.has(tokens[i - 1].type);
    open[t.type] += closes ? -1 : 1;
    const type = t.type === 'bar' ? (closes ? 'rbar' : 'lbar') : closes ? 'rnorm' : 'lnorm';
    return { ...t, type };
  });
}
