// A submission's OCR slips read against the problem it answers (docs/latex.md, "Reading OCR slips"): the
// problem's names are the document's too, so `\frac{2L}{2W}` reads as ∂L/∂W when the problem defines L
// and W. The same mechanism as `chainrule check` (src/analysis/readings.ts).
import type { Diagnostic } from '../diagnostics';
import type { Span, Statement } from '../syntax/ast';
import { Graph } from '../ir/graph';
import { Builder } from '../ir/build';
import { addStatements, extendScope, type Scope } from '../resolve/scope';
import { lowerProblem } from '../analysis/source';
import { readSlips } from '../analysis/readings';
import { makeCalculus } from '../calculus/index';
import { isLatexSpan, type SubmissionDocument } from './documents';

export function readSubmissionSlips(
  problemScope: Scope,
  statements: Statement[],
  doc: Pick<SubmissionDocument, 'crLines'>,
  textOf: (span: Span) => string,
): { statements: Statement[]; diagnostics: Diagnostic[] } {
  return readSlips(statements, {
    file: '',
    textOf,
    isLatex: (span) => isLatexSpan(doc, span),
    scopeOf: (sts) => addStatements(extendScope(problemScope), sts, 'submission'),
    // A graph of its own: the problem's prepared graph is shared by every submission and never changes.
    lowerScratch: (scope) => {
      const graph = new Graph();
      const builder = new Builder(graph);
      return lowerProblem(scope, builder, textOf, makeCalculus(builder, graph));
    },
    base: problemScope,
  });
}
