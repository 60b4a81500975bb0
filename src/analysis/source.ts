// The shared front half of every command: parse, split into problems, resolve names, lower to IR.
import type { ParsedFile, Span } from '../syntax/ast';
import { parseDocument } from './document';
import { Graph } from '../ir/graph';
import { Builder } from '../ir/build';
import { splitProblems } from '../resolve/problems';
import { addStatements, emptyScope, Scope } from '../resolve/scope';
import { Calculus, Lowering } from '../resolve/lower';
import { sourceTextOf } from '../resolve/source';

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

/** Parses and resolves a source; `calculus` makes derivative references available while lowering. */
export function analyzeSource(source: string, file: string, makeCalculus?: (b: Builder, g: Graph) => Calculus): Analysis {
  const parsed = parseDocument(source, file);
  const graph = new Graph();
  const builder = new Builder(graph);
  const textOf = sourceTextOf(source);
  const calculus = makeCalculus?.(builder, graph);
  const problems = splitProblems(parsed.statements).map((section) => {
    const scope = addStatements(emptyScope(), section.statements);
    return { id: section.id, title: section.title, scope, lowering: Lowering.forProblem(scope, builder, { textOf, calculus }) };
  });
  return { parsed, graph, builder, textOf, problems };
}
