// A formula borrowed from another question (docs/latex.md, What carries over) is only a guess at what the
// question means by the name. When the question differentiates the name only by quantities that formula does
// not reach (`L = (y - \hat{y})^2` with `\hat{y} = w x` in one section, then `\frac{\partial L}{\partial W^{(1)}}`
// for a two-layer network in the next), the author means another L: a TA reads the question's own chain, not the
// other section's formula. The formula yields, and the name is left to the question (an unknown function of
// what it is differentiated by, src/analysis/unknownTargets.ts), so the chain is checked as the chain rule: a line
// that fails for that unknown is unjudged, unless it fails for every function (src/check/everyLoss.ts).
import { warning } from '../diagnostics';
import { namesReached } from '../resolve/names';
import { arrayNameOf } from '../resolve/indexNotation';
import { hasMeaning, type Scope } from '../resolve/scope';
import type { Expr } from '../syntax/ast';
import { namedDerivatives } from './unknownTargets';

type NameExpr = Extract<Expr, { kind: 'name' }>;

/**
 * Drops, from `scope`, the borrowed formula (a definition, or a function of its parameters) of each name the
 * question differentiates, where it never differentiates it by a name the formula reaches. Reach is
 * taken through the formulas as borrowed, so a loss that reaches the variable through another borrowed name keeps
 * its formula.
 */
export function yieldUnreachingBorrowed(scope: Scope): void {
  const variablesOf = new Map<string, NameExpr[]>();
  for (const d of namedDerivatives(scope)) variablesOf.set(d.of.name, [...(variablesOf.get(d.of.name) ?? []), ...d.wrt]);
  const [definitions, functions] = [new Map(scope.definitions), new Map(scope.functions)];
  const meaningOf = (n: string) => definitions.get(n)?.expr ?? functions.get(n)?.body;
  for (const name of [...scope.borrowed]) {
    const variables = variablesOf.get(name);
    if (!variables) continue;
    // A function reaches its parameters too: `J(w, b) = ...` is a function of w whatever its body writes.
    const reaches = (formula: Expr, params: readonly string[]) => {
      const reached = new Set([...namesReached(formula, meaningOf), ...params]);
      return variables.some((v) => v.name === name || reached.has(v.name) || reached.has(arrayNameOf(v.name, v.text)));
    };
    const [definition, fn] = [definitions.get(name), functions.get(name)];
    const dropDefinition = definition !== undefined && !definition.unknownOf && !reaches(definition.expr, []);
    const dropFunction = fn !== undefined && !reaches(fn.body, fn.params);
    if (dropDefinition) scope.definitions.delete(name);
    if (dropFunction) scope.functions.delete(name);
    if (!dropDefinition && !dropFunction) continue;
    if (!hasMeaning(scope, name)) scope.borrowed.delete(name);
    const written = [...new Set(variables.map((v) => v.text))].join(', ');
    const why = `the formula for ${name} borrowed from an earlier question does not reach ${written}, which this question differentiates it by, so it is another question's ${name}`;
    scope.diagnostics.push(warning('reading', why, variables[0].span, `define ${name} in this question`));
  }
}
