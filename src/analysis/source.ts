// The front half every command and the grader share: parse a document, split it into problems, resolve
// each problem's names, and lower it with what lowering gets from the layers above resolve (the calculus for
// derivative references, index notation).
import type { Expr, ParsedFile, Span, Statement } from '../syntax/ast';
import { warning, type Diagnostic } from '../diagnostics';
import { latexSpans, parseDocument, sourceKindOf } from './document';
import { defineArgumentVectors } from '../resolve/argumentVectors';
import { readDroppedSamples } from '../resolve/droppedSamples';
import { inferUndeclaredShapes } from './shapeInference';
import { dropBorrowedBreakingOwn, dropUnfitBorrowedFormulas } from './unfitBorrowed';
import { keepArraysOwnFormulasFit } from './partArrays';
import { declareTimeSteps } from './timeSteps';
import { unifyUndeclaredShapes } from './shapeUnification';
import { declareUnknownFunctions, defineUnknownTargets } from './unknownTargets';
import { writeOutNamedLosses } from './namedLosses';
import { readGenericLayers } from './genericLayers';
import { derivativeEntryLetters, sampleLabels } from '../resolve/indexUses';
import { readSlips } from './readings';
import { Graph } from '../ir/graph';
import { Builder } from '../ir/build';
import { splitProblems } from '../resolve/problems';
import { addStatements, emptyScope, Scope } from '../resolve/scope';
import { questionScope } from './questionScope';
import { declareReachedArrays } from './borrowedFormulas';
import { splitQuestions } from '../resolve/questions';
import { Calculus, Lowering } from '../resolve/lower';
import { sourceTextOf } from '../resolve/source';
import { indexNotation } from '../indexing/lower';
import { INDEX_LETTERS } from '../resolve/indexNames';

export interface ProblemAnalysis {
  id: string;
  title?: string;
  scope: Scope;
  lowering: Lowering;
}

export interface Analysis {
  parsed: ParsedFile;
  graph: Graph;
  builder: Builder;
  /** The source text of a span (messages quote the author's own text). */
  textOf: (span: Span) => string;
  problems: ProblemAnalysis[];
}

/** A document read and split into problems, each with its resolved scope (nothing lowered yet). */
export interface ReadDocument {
  parsed: ParsedFile;
  textOf: (span: Span) => string;
  sections: ReadSection[];
}

export interface ReadSection {
  id: string;
  title?: string;
  span?: Span;
  statements: Statement[];
  scope: Scope;
  /** The scope of the same statements read differently (OCR slips), one for one. */
  rescope(statements: readonly Statement[]): Scope;
}

export function readDocument(source: string, file: string): ReadDocument {
  const parsed = parseDocument(source, file);
  const questions = splitQuestions(parsed);
  // A document declares nothing: its index notation says which names are arrays (src/resolve/indexArrays.ts).
  const implied = sourceKindOf(file) !== 'cr';
  const textOf = sourceTextOf(parsed.source);
  // Letters a question uses as one sample's label are no indices there; letters it writes on both ends of a
  // derivative between entries (`\partial \hat{y}_a / \partial v_b`) are (src/resolve/indexUses.ts).
  const blank = (statements: readonly Statement[]): Scope => {
    // The usual letters need no reading (src/resolve/indexNames.ts).
    const entryLetters = new Map(implied ? [...derivativeEntryLetters(statements)].filter(([l]) => !INDEX_LETTERS.includes(l)) : []);
    return {
      ...emptyScope(),
      indexNames: new Set(entryLetters.keys()),
      diagnostics: entryLetterReadings(entryLetters, textOf),
      labelLetters: implied ? sampleLabels(statements) : new Set(),
      // Written maths' conventions hold from the first statement (a variance named σ², src/resolve/scope.ts).
      mathsConventions: implied,
    };
  };
  const withImplied = (scope: Scope, statements: readonly Statement[], borrowed = 0, own = statements.length): Scope => {
    if (!implied) return scope;
    scope.summationConvention = true;
    scope.mathsConventions = true;
    declareReachedArrays(scope, statements.slice(0, borrowed), statements.slice(borrowed));
    // A part's own formulas that the arrays of the statements before it do not fit (src/analysis/partArrays.ts).
    keepArraysOwnFormulasFit(scope, statements.slice(0, statements.length - own), statements.slice(statements.length - own), textOf);
    // The forward pass written at a generic layer l, read at the layers the question writes (src/analysis/genericLayers.ts).
    readGenericLayers(scope, textOf);
    // `\nabla_x f(x)` for f(x_1, x_2): x is the column of f's arguments (src/resolve/argumentVectors.ts).
    defineArgumentVectors(scope);
    // `x` written for the sample x^{(i)} a function is defined at, `h_\theta(x^{(i)}) = ...` (src/resolve/droppedSamples.ts).
    readDroppedSamples(scope);
    // A sequence's time steps (`a^{<t-1>}`, `h_{t-1}`) share the shape declared for it (src/analysis/timeSteps.ts).
    declareTimeSteps(scope, textOf);
    // A formula of another question that this question's own declarations no longer fit (src/analysis/unfitBorrowed.ts).
    dropUnfitBorrowedFormulas(scope, textOf);
    // Shapes a document leaves to its reader, from the use of the names (src/analysis/shapeInference.ts).
    inferUndeclaredShapes(scope, textOf);
    // The most general shapes of the names used as matrices that no line states (src/analysis/shapeUnification.ts).
    unifyUndeclaredShapes(scope, textOf);
    // Borrowed meanings the question's own formulas do not lower with, shapes read (src/analysis/unfitBorrowed.ts).
    dropBorrowedBreakingOwn(scope, statements.slice(0, borrowed), statements.slice(borrowed), textOf);
    // `J = \text{CE}(y, \hat{y})` with ŷ a softmax's output: the loss written out (src/analysis/namedLosses.ts).
    writeOutNamedLosses(scope, textOf);
    // A loss left to prose is an unknown function of what it is differentiated by (src/analysis/unknownTargets.ts).
    defineUnknownTargets(scope, textOf);
    declareUnknownFunctions(scope, textOf);
    return scope;
  };
  const sections = questions
    ? questions.map(({ id, inherited, borrowed, own }): ReadSection => {
        const rescope = (statements: readonly Statement[]): Scope => {
          let at = 0;
          const groups = [...inherited, own].map((g) => statements.slice(at, (at += g.length)));
          const scope = questionScope(blank(statements), groups.slice(0, -1), borrowed, groups[groups.length - 1]);
          return withImplied(scope, statements, groups.slice(0, borrowed).flat().length, groups[groups.length - 1].length);
        };
        const statements = [...inherited.flat(), ...own];
        return { id, statements, scope: rescope(statements), rescope };
      })
    : splitProblems(parsed.statements).map((section): ReadSection => {
        const rescope = (statements: readonly Statement[]) => withImplied(addStatements(blank(statements), statements), statements);
        return { ...section, scope: rescope(section.statements), rescope };
      });
  // Spans point into the parsed text: the file itself, or a notebook's markdown cells laid out on their lines.
  return { parsed, textOf, sections };
}

/** The lowering of a problem's scope into `builder`'s graph, with derivatives (`calculus`) and index notation. */
export function lowerProblem(scope: Scope, builder: Builder, textOf: (span: Span) => string, calculus?: Calculus): Lowering {
  return Lowering.forProblem(scope, builder, { textOf, calculus, indexNotation });
}

/**
 * Parses and resolves a source, every problem in one graph; `calculus` makes derivative references available,
 * and with it, OCR slips are read (docs/latex.md): each in a graph of its own, made before the document's.
 */
export function analyzeSource(source: string, file: string, makeCalculus?: (b: Builder, g: Graph) => Calculus): Analysis {
  const document = readDocument(source, file);
  const { parsed, textOf } = document;
  const sections = makeCalculus ? readSectionSlips(document, file, makeCalculus) : document.sections;
  const graph = new Graph();
  const builder = new Builder(graph);
  const calculus = makeCalculus?.(builder, graph);
  const problems = sections.map(({ id, title, scope }) => ({ id, title, scope, lowering: lowerProblem(scope, builder, textOf, calculus) }));
  return { parsed, graph, builder, textOf, problems };
}

/** Each section with its OCR slips read; a section where nothing was read is kept as it was. */
function readSectionSlips(document: ReadDocument, file: string, makeCalculus: (b: Builder, g: Graph) => Calculus): ReadDocument['sections'] {
  const isLatex = latexSpans(document.parsed);
  const lowerScratch = (scope: Scope) => {
    const graph = new Graph();
    const builder = new Builder(graph);
    return lowerProblem(scope, builder, document.textOf, makeCalculus(builder, graph));
  };
  return document.sections.map((section) => {
    const read = readSlips(section.statements, { file, textOf: document.textOf, isLatex, scopeOf: section.rescope, lowerScratch });
    if (read.statements.every((st, i) => st === section.statements[i])) {
      section.scope.diagnostics.push(...read.diagnostics); // ambiguous places, nothing read
      return section;
    }
    const scope = section.rescope(read.statements);
    scope.diagnostics.push(...read.diagnostics);
    return { ...section, statements: read.statements, scope };
  });
}

/** The reading of a question's derivative entry letters as indices, said once, at the first derivative that writes them. */
function entryLetterReadings(letters: ReadonlyMap<string, Expr>, textOf: (span: Span) => string): Diagnostic[] {
  const first = [...letters.values()].sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column)[0];
  if (!first) return [];
  const list = [...letters.keys()].sort().join(', ');
  const plural = letters.size > 1;
  return [warning('reading', `read ${list} as ${plural ? 'indices' : 'an index'}, as i and j are: ${textOf(first.span).trim()} relates entries, and the line writes ${plural ? 'them' : 'it'} again`, first.span)];
}
