// A question's scope (docs/latex.md, "Questions"): what it sees of the document before it, and which of
// another question's names and formulas yield to what this question says itself.
import type { Span, Statement } from '../syntax/ast';
import type { Diagnostic } from '../diagnostics';
import { addStatements, extendScope, type Scope } from '../resolve/scope';
import { yieldDifferentiatedVariables, yieldUnreachingBorrowed } from './borrowedFormulas';

/**
 * A question's scope: what it sees of the document before it, question by question (a later question's
 * definition of a name replaces an earlier one's), then its own statements, whose claims are checked.
 */
export function questionScope(start: Scope, inherited: Statement[][], borrowed: number, own: Statement[]): Scope {
  const diagnostics: Diagnostic[] = [];
  let scope = start;
  for (const [i, group] of [...inherited, own].entries()) {
    diagnostics.push(...scope.diagnostics);
    const before = scope;
    scope = addStatements(extendScope(scope), group, 'question');
    noteBorrowed(scope, before, i < borrowed);
  }
  scope.diagnostics.unshift(...diagnostics);
  if (borrowed > 0) {
    const borrowedSpans = spansOf(inherited.slice(0, borrowed).flat());
    dropOverriddenShapes(scope, borrowedSpans);
    dropOverriddenFormulas(scope, borrowedSpans);
  }
  freeOwnParameters(scope);
  // A formula borrowed from another question that does not reach what this question differentiates its name by
  // is that question's own (borrowedFormulas.ts).
  yieldUnreachingBorrowed(scope);
  yieldDifferentiatedVariables(scope, own);
  return scope;
}

/**
 * A question's own `f(x, y) = ...` makes x and y its variables: an earlier question's formula for y
 * (`y = x^x`) yields, as it does to the question's own definition of y. A shape borrowed for the one parameter
 * of a function stays (`\ell(w)` after a question that declared w a vector in R^d); the parameters of a function
 * of several named arguments are its numbers, as written (`g(x, y) = x^3 y + e^{xy}` after a vector x).
 */
function freeOwnParameters(scope: Scope): void {
  for (const fn of scope.functions.values()) {
    if (scope.borrowed.has(fn.name)) continue;
    for (const p of fn.params) {
      if (!scope.borrowed.has(p)) continue;
      scope.definitions.delete(p);
      if (fn.params.length > 1) scope.declarations.delete(p);
      if (!scope.declarations.has(p) && !scope.definitions.has(p)) scope.borrowed.delete(p);
    }
  }
}

/**
 * A shape borrowed from another question yields to what this question says of the name itself: a value
 * it states (`x = 1.0` where an earlier question had a vector x) or a formula of its own.
 */
function dropOverriddenShapes(scope: Scope, spans: ReadonlySet<Span>): void {
  for (const [name, declaration] of scope.declarations) {
    if (!spans.has(declaration.span)) continue;
    const formula = scope.definitions.get(name) ?? scope.functions.get(name);
    const ownFormula = formula !== undefined && !spans.has(formula.span);
    if (!scope.pointNames.has(name) && !ownFormula) continue;
    scope.declarations.delete(name);
    if (!formula) scope.borrowed.delete(name);
  }
}

/**
 * A formula borrowed from another question yields to this question's own declaration of the name: a question
 * that writes `x \in \mathbb{R}^n` means a variable x of its own, not an earlier question's `x = r\cos\theta`.
 */
function dropOverriddenFormulas(scope: Scope, spans: ReadonlySet<Span>): void {
  for (const [name, definition] of scope.definitions) {
    const declaration = scope.declarations.get(name);
    if (declaration && !declaration.implied && spans.has(definition.span) && !spans.has(declaration.span)) scope.definitions.delete(name);
  }
}

/** Where the borrowed statements declare or define names: a meaning with one of these spans is borrowed. */
function spansOf(statements: readonly Statement[]): Set<Span> {
  const spans = new Set<Span>();
  for (const st of statements) {
    if (st.kind === 'decl') st.names.forEach((n) => spans.add(n.span));
    if (st.kind === 'equation') spans.add(st.span);
  }
  return spans;
}

/** Marks the names a group just defined or declared as borrowed from another question, or as no longer borrowed. */
function noteBorrowed(scope: Scope, before: Scope, borrowed: boolean): void {
  // A definition carried over is a copy of the earlier one (extendScope), with the same span.
  for (const [table, old] of [[scope.definitions, before.definitions], [scope.functions, before.functions], [scope.declarations, before.declarations]] as const) {
    for (const [name, meaning] of table) {
      if (old.get(name)?.span === meaning.span) continue;
      if (borrowed) scope.borrowed.add(name);
      else scope.borrowed.delete(name);
    }
  }
}
