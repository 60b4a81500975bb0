// Markdown and LaTeX documents (student submissions) to the statements of the shared AST:
// every maths block in document order, `problem` statements where a heading or line names a
// problem, and ```cr fences read by the .cr parser. Unreadable maths costs a warning, never the
// document.
import { error, warning } from '../diagnostics';
import type { IndexCondition, ParsedFile, Span, Statement } from '../syntax/ast';
import { MAX_SOURCE_CHARS, parseFile } from '../syntax/parse';
import { decodeFormulaImages } from './formulaImages';
import { scanMarkdown, scanTex, type DocumentEvent } from './extract';
import { attach, parseLatexMath, shapeNote } from './parse';
import { caseContinuation } from './caseContinuations';
import { numberedLayerNames } from './numberedLayers';
import { writesSmallTTransposes } from './smallTransposes';
import { differentiatedPrimes } from './primedNames';
import { wordNames } from './wordNames';
import type { BlockReading } from './normalize';
import { PositionMap } from './positions';
import { definedFunctions, readJacobians } from './jacobians';
import { readSubscriptJacobians } from './subscriptJacobians';
import { readAppliedDifferentials } from './appliedDifferentials';
import { readCompositions } from './compositions';
import { readComponents } from './vectorComponents';
import { readTuplePoints } from './tuplePoints';
import { readBareGradients } from './bareGradients';
import { readVectorOperators } from './vectorOperators';
import { readEntryListings } from './entryListings';
import { documentMacros } from './macros';
import { weightedProducts } from './weightedProducts';
import { readLagrangePrimes } from './lagrangePrimes';
import { readRuleTablePrimes } from './ruleTablePrimes';
import { readSubscriptPartials } from './subscriptPartials';
import { readAppliedDefinitions } from './appliedDefinitions';
import { readLogDefinitions } from './logDefinitions';
import { readBarSignals } from './barSignals';
import { readErrorSignals } from './errorSignals';
import { readNumericInstances, splitNameChains } from './numericInstances';
import { readNamedParts } from './namedParts';
import { readOperandDefinitions } from './operandDefinitions';
import { proseShapes } from './proseShapes';
import { proseKinds } from './proseKinds';
import { proseDomains, symmetryStatement, withDomains, type StatedDomain } from './proseDomains';
import { headingMarker, lineMarker, ProblemTracker, QuestionTracker } from './problems';
import { introducesDefinition, markedDefinition } from './definingProse';

export interface MathBlockInfo {
  kind: 'display' | 'inline' | 'cr';
  span: Span;
  /** Statements the block produced (continuation steps added to an earlier chain count as none). */
  statements: number;
  /** False when some of it could not be read (a diagnostic says why). */
  read: boolean;
}

export interface ParsedDocument extends ParsedFile {
  /** `problemIds[i]`: the problem `statements[i]` belongs to (undefined before any problem is named). */
  problemIds: (string | undefined)[];
  /** Every maths block found, in document order. */
  blocks: MathBlockInfo[];
}

export interface DocumentOptions {
  /** The .cr parser for ```cr fences (defaults to src/syntax/parse.ts; tests may replace it). */
  parseCr?: (source: string, file: string) => ParsedFile;
}

export function parseMarkdown(source: string, file: string, options: DocumentOptions = {}): ParsedDocument {
  return assemble(decodeFormulaImages(source), file, scanMarkdown, options);
}

export function parseTex(source: string, file: string, options: DocumentOptions = {}): ParsedDocument {
  return assemble(source, file, scanTex, options);
}

/** Inline maths in prose often names things (`$N$ samples`, `$\{0, 1\}$`): only a relation makes it a claim attempt. */
const RELATION = /=|\\in\b|\\approx|∈|≈|\\Rightarrow/;

class Assembler {
  readonly doc: ParsedDocument;
  /** Offsets in the document to lines and columns (the document is its own block, at 1:1). */
  private readonly pos: PositionMap;
  private readonly tracker = new ProblemTracker();
  private readonly questions = new QuestionTracker();
  /** Index of the equation a block starting with `=` continues. */
  private chain: number | undefined;
  /** The last maths ended in an unreadable line: a following `= ...` has nothing to continue. */
  private broken = false;
  /** Names stated symmetric, with the number of statements before the statement. */
  readonly domains: (StatedDomain & { at: number })[] = [];
  /** `If $i = k$,`: the case of the claims of the next block (src/latex/conditions.ts). */
  private condition: IndexCondition | undefined;
  /** The last prose line, which the next one may go on from (src/latex/proseKinds.ts). */
  private lastLine: { text: string; end: number } | undefined;

  constructor(
    source: string,
    file: string,
    private readonly options: DocumentOptions,
    /** What the whole document says about reading each block (numbered layers, names spelled as words). */
    private readonly reading: Omit<BlockReading, 'plain'>,
  ) {
    this.doc = { file, source, statements: [], diagnostics: [], problemIds: [], blocks: [], questions: this.questions.questions, questionOf: [] };
    this.pos = new PositionMap(source, { file, line: 1, column: 1 });
  }

  private push(st: Statement): void {
    this.doc.statements.push(st);
    this.doc.problemIds.push(this.tracker.current);
    this.doc.questionOf!.push(this.questions.current);
  }

  marker(ev: Extract<DocumentEvent, { kind: 'heading' | 'line' }>): void {
    const marker = ev.kind === 'heading' ? headingMarker(ev.text) : lineMarker(ev.text);
    const id = marker && this.tracker.apply(marker);
    const span = this.pos.span(ev.start, ev.end);
    const problem = marker ? this.tracker.current : undefined;
    if (ev.kind === 'heading') [this.condition, this.lastLine] = [undefined, undefined];
    if (ev.kind === 'heading') this.questions.heading(ev.text, ev.level, problem, marker, span);
    else this.questions.line(ev.text, problem, marker, span);
    if (ev.kind === 'line') {
      proseShapes(ev.text, ev.start, this.pos, this.doc.file).forEach((st) => this.push(st));
      // A paragraph breaks its lines anywhere: `symmetric matrix` may end one and `$C$` open the next.
      const lead = this.lastLine && /^[ \t]*\r?\n$/.test(this.doc.source.slice(this.lastLine.end, ev.start)) ? this.lastLine.text : '';
      proseKinds(ev.text, ev.start, this.pos, this.doc.file, lead).forEach((st) => this.push(st));
      this.lastLine = ev;
      for (const d of proseDomains(ev.text, ev.start, this.pos, this.doc.file)) this.domains.push({ ...d, at: this.doc.statements.length });
    }
    if (id === undefined) return;
    // `## Q2` then `(b)`: problem 2 holds nothing, so 2b replaces it rather than leave an empty problem.
    const last = this.doc.statements.length - 1;
    if (this.doc.statements[last]?.kind === 'problem') {
      this.doc.statements.pop();
      this.doc.problemIds.pop();
      this.doc.questionOf!.pop();
    }
    this.push(marker!.title ? { kind: 'problem', id, title: marker!.title, span } : { kind: 'problem', id, span });
    this.chain = undefined;
    this.broken = false;
  }

  math(ev: Extract<DocumentEvent, { kind: 'math' }>): void {
    const origin = { file: this.doc.file, ...this.pos.position(ev.start) };
    const r = parseLatexMath(ev.text, origin, { ...this.reading, plain: ev.plain });
    const span = this.pos.span(ev.start, ev.start + ev.text.length);
    this.doc.blocks.push({ kind: ev.display ? 'display' : 'inline', span, statements: r.statements.length, read: r.unreadRows === 0 });
    // Inline maths in prose that states nothing (`$N$ samples`, `$\{0, 1\}$`) neither warns nor breaks a chain.
    if (!ev.display && !RELATION.test(ev.text) && r.statements.length === 0 && !r.condition) return;
    this.doc.diagnostics.push(...r.diagnostics);
    // `If $i = j$,` then `\[ = ... \]`: the continuation works out that case of the derivative before (caseContinuations.ts).
    const chained = this.chain !== undefined ? this.doc.statements[this.chain] : undefined;
    const ofCase = r.continuation && !this.broken && this.condition && chained ? caseContinuation(chained, r.continuation, this.condition) : undefined;
    if (ofCase) {
      this.push(ofCase);
      this.condition = undefined;
    } else if (r.continuation && !this.broken) {
      // A block of shapes alone (`$$\mathbb{R}^{M \times 1}$$`) is the shape claim of the equation before, if it has none.
      const attached = this.chain !== undefined ? attach(this.doc.statements[this.chain], r.continuation) : undefined;
      if (attached) this.doc.statements[this.chain!] = attached;
      else if (r.continuation.rhs.length === 0) this.doc.diagnostics.push(shapeNote(r.continuation.span, this.chain === undefined ? undefined : this.doc.statements[this.chain]));
      else this.doc.diagnostics.push(warning('parse-error', 'this maths starts with `=` but there is no equation before it to continue', r.continuation.span));
    }
    const pending = this.condition;
    const defining = !ev.display && introducesDefinition(this.doc.source, ev.start);
    for (const read of r.statements) {
      const st = defining ? markedDefinition(read) : read;
      const symmetric = symmetryStatement(st);
      if (symmetric) this.domains.push({ ...symmetric, at: this.doc.statements.length });
      this.push(pending && st.kind === 'equation' && !st.condition ? { ...st, condition: pending } : st);
    }
    if (r.statements.length > 0 || r.condition) this.condition = r.condition;
    // A definition given as a reason (`\because z = ..`) comes first in its block and continues no chain.
    if (r.statements.some((st) => st.kind !== 'equation' || !st.reason)) {
      const last = this.doc.statements.length - 1;
      this.chain = this.doc.statements[last].kind === 'equation' ? last : undefined;
    }
    // A block that only continues a broken chain stays broken; otherwise the block's own ending decides.
    this.broken = r.endsInError || (this.broken && r.statements.length === 0 && r.continuation !== undefined);
  }

  /**
   * Once the questions are known: error signals (`\delta^{(l)} = \frac{\partial L}{\partial z^{(l)}}`, and bars
   * `\bar{v}` in a document that backpropagates with them) read as the derivatives they name (the lines that only
   * name them go), a name defined by the derivative written of it (operandDefinitions.ts), a formula's parts that
   * the question names read as those names (namedParts.ts), and the values a
   * worked example puts into its formulas read as the names they are the values of.
   */
  readNetworkNotation(): void {
    const r = readErrorSignals(this.doc.statements);
    const bars = readBarSignals(r.statements);
    const keep = (_: unknown, i: number) => !r.dropped.has(i) && !bars.dropped.has(i);
    this.doc.statements = bars.statements.filter(keep);
    this.doc.problemIds = this.doc.problemIds.filter(keep);
    this.doc.questionOf = this.doc.questionOf!.filter(keep);
    this.doc.diagnostics.push(...r.diagnostics, ...bars.diagnostics);
    this.expand(splitNameChains(this.doc.statements, this.doc.questionOf!, this.doc.questions!));
    const operands = readOperandDefinitions(this.doc.statements, this.doc.questionOf!);
    this.expand(operands);
    this.doc.diagnostics.push(...operands.diagnostics);
    const named = readNamedParts(this.doc.statements, this.doc.questionOf!, this.doc.questions!);
    this.doc.statements = named.statements;
    this.doc.diagnostics.push(...named.diagnostics);
    const instances = readNumericInstances(this.doc.statements, this.doc.questionOf, this.doc.questions!);
    this.doc.statements = instances.statements;
    this.doc.diagnostics.push(...instances.diagnostics);
  }

  /**
   * Entries listed one by one, a function written only applied, `g(\theta^T x) = \frac{1}{1 + e^{-\theta^T x}}`
   * (appliedDefinitions.ts), the components F_k of a vector-valued function, `J_F` of the document's functions
   * (a Jacobian at a point adds the Jacobian as a function), tuple points, domains stated in prose, `(..)'` in a chain about f'(x) as d/dx (lagrangePrimes.ts), `f_x` as ∂f/∂x
   * (subscriptPartials.ts).
   */
  readFunctionNotation(): void {
    this.expand(readEntryListings(this.doc.statements));
    this.expand(readAppliedDefinitions(this.doc.statements));
    this.expand(readLogDefinitions(this.doc.statements));
    this.doc.statements = readAppliedDifferentials(readSubscriptJacobians(this.doc.statements));
    const functions = definedFunctions(this.doc.statements);
    this.doc.statements = readCompositions(this.doc.statements, functions);
    const operators = readVectorOperators(this.doc.statements);
    this.expand(operators);
    this.doc.diagnostics.push(...operators.diagnostics);
    this.expand(readComponents(this.doc.statements, functions));
    this.expand(readJacobians(this.doc.statements, functions));
    const gradients = readBareGradients(this.doc.statements);
    this.expand(gradients);
    this.doc.diagnostics.push(...gradients.diagnostics);
    const points = readTuplePoints(this.doc.statements, functions);
    this.expand(points);
    this.doc.diagnostics.push(...points.diagnostics);
    this.doc.statements = readRuleTablePrimes(readLagrangePrimes(withDomains(this.doc.statements, this.domains)));
    this.doc.statements = readSubscriptPartials(this.doc.statements, this.doc.questionOf!, this.doc.questions!);
  }

  /** The statements replaced by `r`'s, each in the problem and question of the statement it comes from (`origin`). */
  private expand(r: { statements: Statement[]; origin: number[] }): void {
    this.doc.statements = r.statements;
    this.doc.problemIds = r.origin.map((i) => this.doc.problemIds[i]);
    this.doc.questionOf = r.origin.map((i) => this.doc.questionOf![i]);
  }

  /** After the last event: what only the whole document tells (which headings are steps of a question). */
  finish(): void {
    this.questions.finish();
  }

  cr(ev: Extract<DocumentEvent, { kind: 'cr' }>): void {
    const parse = this.options.parseCr ?? parseFile;
    const parsed = parse(ev.text, this.doc.file);
    const delta = this.pos.position(ev.start).line - 1;
    for (const st of parsed.statements.map((s) => shiftLines(s, delta))) {
      if (st.kind === 'problem') this.tracker.apply({ id: st.id });
      this.push(st);
    }
    this.doc.diagnostics.push(...parsed.diagnostics.map((d) => shiftLines(d, delta)));
    this.doc.blocks.push({
      kind: 'cr',
      span: this.pos.span(ev.start, ev.start + ev.text.length),
      statements: parsed.statements.length,
      read: parsed.diagnostics.every((d) => d.severity !== 'error'),
    });
    this.chain = undefined;
    this.broken = false;
  }
}

/** More maths blocks than any submission holds is refused (input is untrusted; each block costs a parse). */
export const MAX_MATH_BLOCKS = 5000;

function tooLarge(source: string, file: string, message: string): ParsedDocument {
  const span = { line: 1, column: 1, endLine: 1, endColumn: 2 };
  return { file, source, statements: [], diagnostics: [error('limit-exceeded', message, span)], problemIds: [], blocks: [], questions: [], questionOf: [] };
}

/** A document from its events (`scan` finds them in `source`, the text every span points into). */
export function assemble(source: string, file: string, scan: (source: string) => DocumentEvent[], options: DocumentOptions): ParsedDocument {
  if (source.length > MAX_SOURCE_CHARS) return tooLarge(source, file, `the input has ${source.length} characters; the limit is ${MAX_SOURCE_CHARS}`);
  const events = scan(source);
  const blocks = events.filter((e) => e.kind === 'math' || e.kind === 'cr').length;
  if (blocks > MAX_MATH_BLOCKS) return tooLarge(source, file, `the input has ${blocks} maths blocks; the limit is ${MAX_MATH_BLOCKS}`);
  const maths = events.flatMap((e) => (e.kind === 'math' ? [e.text] : []));
  const a = new Assembler(source, file, options, { layered: numberedLayerNames(maths), words: wordNames(maths), macros: documentMacros(source), primed: differentiatedPrimes(maths), weighted: weightedProducts(source), smallTransposes: writesSmallTTransposes(maths) });
  for (const ev of events) {
    if (ev.kind === 'math') a.math(ev);
    else if (ev.kind === 'cr') a.cr(ev);
    else a.marker(ev);
  }
  a.readFunctionNotation();
  a.finish();
  a.readNetworkNotation();
  return a.doc;
}

/**
 * The same statement or diagnostic with every span moved down `delta` lines: a ```cr fence is
 * parsed on its own, from line 1. Columns do not change (fence lines start at column 1).
 */
function shiftLines<T>(value: T, delta: number): T {
  if (Array.isArray(value)) return value.map((v) => shiftLines(v, delta)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = shiftLines(v, delta);
  if (typeof out.line === 'number' && typeof out.endLine === 'number') {
    out.line = out.line + delta;
    out.endLine = out.endLine + delta;
  }
  return out as T;
}
