// A definition chainrule read from a claim that differentiates the name's formula (`\frac{\partial L}{\partial
// \hat{Y}} = \frac{\partial}{\partial \hat{Y}} (Y - \hat{Y})^2`, src/latex/operandDefinitions.ts). The formula need
// hold only up to terms without that variable, so elsewhere a step wrong by it is unjudged, never incorrect. In the
// claim it is read from, the author's own first member is the truth, and the steps after it are checked as written.
import type { Span } from '../syntax/ast';
import type { Scope } from '../resolve/scope';

const samePlace = (a: Span, b: Span) => a.line === b.line && a.column === b.column;

/** The doubt of a step of the claim with target at `target` that reaches a definition read from another claim, if any. */
export function operandDefinitionReached(scope: Scope, names: ReadonlySet<string>, target: Span): { message: string; hint: string } | undefined {
  const read = [...names].map((n) => scope.definitions.get(n)?.operandOf).find((o) => o !== undefined && !samePlace(o.target, target));
  if (!read) return undefined;
  return {
    message: `no line of the maths defines ${read.written}; chainrule read it from line ${read.target.line}, which differentiates its formula, and that formula may leave out terms this line needs`,
    hint: `define ${read.written} in the maths (e.g. \`${read.written} = ...\`)`,
  };
}
