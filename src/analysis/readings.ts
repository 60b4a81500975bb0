// Reading OCR slips as a person would (docs/latex.md, "Reading OCR slips"). A LaTeX step that does not
// read (it does not lower: a shape error, an unknown function) or that has a suspect place (a ∂ glyph
// fraction where a derivative is expected, `\alpha` where a is the document's name and alpha is not) is
// read again with substitutions from the confusion table (src/latex/confusions.ts): at most
// MAX_SUBSTITUTIONS of them, at most MAX_CANDIDATES readings tried per statement. The reading with the
// fewest substitutions that parses, lowers (shapes agree, declared shapes too) and leaves nothing
// suspect is taken; readings that tie and mean different things are ambiguous, and none is taken.
// Verdicts play no part: nothing is checked against the truth here.
import { warning, type Diagnostic } from '../diagnostics';
import type { Expr, Reading, Statement, Step } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';
import { walkNames } from '../resolve/names';
import type { Scope } from '../resolve/scope';
import type { Lowering } from '../resolve/lower';
import type { NameFacts } from '../latex/confusions';
import { NameCensus } from './census';
import type * as ReadStep from './readStep';
import type { StepReader, StepSource } from './readStep';

export const MAX_SUBSTITUTIONS = 2;
export const MAX_CANDIDATES = 200;

/** `isLatex`: steps written in LaTeX (the table's confusions are LaTeX's; `.cr` lines are typed). */
export interface SlipOptions extends StepSource {
  /** The scope of the statements (for a submission: the problem's scope extended by them). */
  scopeOf(statements: readonly Statement[]): Scope;
  /** A lowering of a scope in a graph of its own: readings are tried there, never in the document's graph. */
  lowerScratch(scope: Scope): Lowering;
  /** The problem a submission's lines extend (grading): its names are the document's too. */
  base?: Scope;
  /** Other limits than MAX_SUBSTITUTIONS and MAX_CANDIDATES (tests). */
  limits?: { substitutions: number; candidates: number };
}

export interface SlipResult {
  /** The statements as read (the same objects where nothing was read); each reading listed on its statement. */
  statements: Statement[];
  /** Readings of definitions (a definition is no claim to list them on) and ambiguous places. */
  diagnostics: Diagnostic[];
  /** How many readings were tried, for each statement where any was (at most the candidate limit each). */
  tried: Array<{ line: number; candidates: number }>;
}

type Equation = Extract<Statement, { kind: 'equation' }>;

/** Reads the statements' OCR slips: definitions first (they give the names), then every other step. */
export function readSlips(statements: readonly Statement[], options: SlipOptions): SlipResult {
  const result: SlipResult = { statements: statements.slice(), diagnostics: [], tried: [] };
  if (!statements.some((st) => st.kind === 'equation' && [st.lhs, ...st.rhs].some((s) => options.isLatex(s.span)))) return result;
  const written = options.scopeOf(statements);
  const definitions = readPass(statements, written, options, result, 'definitions');
  const unchanged = definitions.every((st, i) => st === statements[i]);
  result.statements = readPass(definitions, unchanged ? written : options.scopeOf(definitions), options, result, 'claims');
  return result;
}

/** A definition's first step is read in the first pass, every other step in the second. */
function readPass(statements: readonly Statement[], scope: Scope, options: SlipOptions, result: SlipResult, pass: 'definitions' | 'claims'): Statement[] {
  const { diagnostics } = result;
  const limits = options.limits ?? { substitutions: MAX_SUBSTITUTIONS, candidates: MAX_CANDIDATES };
  // The LaTeX reader loads only for statements written in LaTeX (readSlips returns before, for a .cr file).
  const { StepReader } = require('./readStep') as typeof ReadStep;
  const reader = new StepReader(() => options.lowerScratch(scope), options, diagnostics, limits.substitutions);
  const census = new NameCensus(statements, scope, options.base);
  return statements.map((st) => {
    if (st.kind !== 'equation') return st;
    const defines = st.lhs.expr.kind === 'name' && scope.definitions.get(st.lhs.expr.name)?.span === st.span;
    const budget = { left: limits.candidates };
    const names = census.factsFor(st);
    const out = pass === 'claims' ? readClaimSteps(st, defines, reader, names, budget) : defines ? readDefinition(st, scope, reader, names, budget, diagnostics) : st;
    if (budget.left < limits.candidates) result.tried.push({ line: st.span.line, candidates: limits.candidates - Math.max(0, budget.left) });
    return out;
  });
}

/** A definition's right side, read against its declared shape; the reading is said in a warning (no claim lists it). */
function readDefinition(st: Equation, scope: Scope, reader: StepReader, names: NameFacts, budget: { left: number }, diagnostics: Diagnostic[]): Statement {
  const declared = scope.declarations.get((st.lhs.expr as { name: string }).name)?.shape;
  const read = reader.read(st.rhs[0], { names, numeric: numericAround(st, st.rhs[0]), target: false, derivation: false }, budget, declared && { declared });
  if (!read) return st;
  diagnostics.push(...read.readings.map((r) => warning('reading', `read ${r.written} as ${r.readAs}: ${r.why}`, r.span)));
  return withReadings({ ...st, rhs: [read.step, ...st.rhs.slice(1)] }, read.readings);
}

function readClaimSteps(st: Equation, defines: boolean, reader: StepReader, names: NameFacts, budget: { left: number }): Statement {
  const readings: Reading[] = [];
  let lhs = st.lhs;
  if (st.lhs.expr.kind !== 'name') {
    const read = reader.read(st.lhs, { names, numeric: numericAround(st, st.lhs), target: true, derivation: false }, budget);
    if (read) {
      lhs = read.step;
      readings.push(...read.readings);
    }
  }
  const derivation = lhs.expr.kind === 'deriv';
  const rhs = st.rhs.map((step, i) => {
    if (defines && i === 0) return step;
    const read = reader.read(step, { names, numeric: numericAround(st, step), target: false, derivation }, budget, { target: lhs.expr });
    if (!read) return step;
    readings.push(...read.readings);
    return read.step;
  });
  if (readings.length === 0) return st;
  return withReadings({ ...st, lhs, rhs }, readings);
}

/**
 * The statement with its readings, each said once (`\alpha` read as a four times in a line is one reading;
 * `frac{2L}{2h}` read as dL/dh by two substitutions is one reading with both reasons).
 */
function withReadings(st: Equation, readings: readonly Reading[]): Equation {
  const unique: Reading[] = [];
  for (const r of [...(st.readings ?? []), ...readings]) {
    const same = unique.findIndex((o) => o.written === r.written && o.readAs === r.readAs);
    if (same < 0) unique.push(r);
    else if (!unique[same].why.includes(r.why)) unique[same] = { ...unique[same], why: `${unique[same].why}; ${r.why}` };
  }
  unique.sort((x, y) => x.span.line - y.span.line || x.span.column - y.span.column);
  return { ...st, readings: unique };
}

function hasNames(e: Expr): boolean {
  let found = false;
  walkNames(e, () => (found = true));
  return found;
}

/**
 * Whether a line computes with numbers, seen from one of its steps: a step is a plain number, or another
 * side has a constant other than 0 and 1 (`2u \cdot 3 = 6(3x + 1)`: that 6 is six). The 2s and 3s that
 * open the parts of a fraction of names (`\frac{2L}{2h}`, an OCR'd ∂) are not counted.
 */
function numericAround(st: Equation, step: Step): boolean {
  return st.rhs.some((s) => !hasNames(s.expr)) || [st.lhs, ...st.rhs].some((s) => s !== step && hasConstant(s.expr));
}

function hasConstant(e: Expr): boolean {
  const glyphs = new Set<Expr>();
  const glyphed = (x: Expr) => x.kind === 'binary' && x.op === 'mul' && x.left.kind === 'number' && x.right.kind === 'name';
  findInExpr(e, (x) => {
    if (x.kind === 'binary' && x.op === 'div' && glyphed(x.left) && glyphed(x.right)) glyphs.add((x.left as { left: Expr }).left).add((x.right as { left: Expr }).left);
    return false;
  });
  return findInExpr(e, (x) => x.kind === 'number' && x.value !== 0 && x.value !== 1 && !glyphs.has(x)) !== undefined;
}

