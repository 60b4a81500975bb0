// The front half every command and the grader share: parse a document, split it into problems, resolve
// each problem's names, and lower it with what lowering gets from the layers above resolve (the calculus for
// derivative references, index notation).
import type { ParsedFile, Span, Statement } from '../syntax/ast';
import { latexSpans, parseDocument } from './document';
import { readSlips } from './readings';
import { Graph } from '../ir/graph';
import { Builder } from '../ir/build';
import { splitProblems } from '../resolve/problems';
import { addStatements, emptyScope, Scope } from '../resolve/scope';
import { Calculus, Lowering } from '../resolve/lower';
import { sourceTextOf } from '../resolve/source';
import { indexNotation } from '../indexing/lower';

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
  sections: Array<{ id: string; title?: string; span?: Span; statements: Statement[]; scope: Scope }>;
}

export function readDocument(source: string, file: string): ReadDocument {
  const parsed = parseDocument(source, file);
  const sections = splitProblems(parsed.statements).map((section) => ({ ...section, scope: addStatements(emptyScope(), section.statements) }));
  return { parsed, textOf: sourceTextOf(source), sections };
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
  const scopeOf = (statements: readonly Statement[]) => addStatements(emptyScope(), statements);
  const lowerScratch = (scope: Scope) => {
    const graph = new Graph();
    const builder = new Builder(graph);
    return lowerProblem(scope, builder, document.textOf, makeCalculus(builder, graph));
  };
  return document.sections.map((section) => {
    const read = readSlips(section.statements, { file, textOf: document.textOf, isLatex, scopeOf, lowerScratch });
    if (read.statements.every((st, i) => st === section.statements[i])) {
      section.scope.diagnostics.push(...read.diagnostics); // ambiguous places, nothing read
      return section;
    }
    const scope = scopeOf(read.statements);
    scope.diagnostics.push(...read.diagnostics);
    return { ...section, statements: read.statements, scope };
  });
}
