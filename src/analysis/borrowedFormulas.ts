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
import type { Expr, Statement } from '../syntax/ast';
import { findInExpr, namesIn } from '../syntax/walk';
import { namedDerivatives } from './unknownTargets';
import { declareImpliedArrays } from '../resolve/indexArrays';

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
      const reached = new Set([...reachedWithArrays(formula, meaningOf), ...params]);
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

/**
 * Drops, from `scope`, the borrowed formula of each name the question differentiates by and uses in a formula of
 * its own, where its own lines (`own`) write none of the names that borrowed formula uses: after `x = r\cos\theta` in one exercise, the next
 * exercise's `u = x^4 y` and `\frac{\partial u}{\partial x}` make x a variable again. A question that writes the W
 * of its borrowed `z = Wx + b` keeps the formula (a network's chain split over sections), and so does a value
 * (`W = [0.6, -0.4]`, the point a worked example's backward pass is evaluated at).
 */
export function yieldDifferentiatedVariables(scope: Scope, own: readonly Statement[]): void {
  const variables = new Map<string, NameExpr>();
  const collect = (e: Expr) => findInExpr(e, (d) => {
    if (d.kind === 'deriv') for (const v of d.wrt) if (v.kind === 'name') variables.set(v.name, v);
    return false;
  });
  for (const c of scope.claims) [c.target, ...c.steps].forEach((step) => collect(step.expr));
  const written = namesWritten(own, () => true);
  const inOwnFormulas = namesWritten(own, (st) => st.lhs.expr.kind === 'name' || st.lhs.expr.kind === 'call');
  const meaningOf = (n: string) => scope.definitions.get(n)?.expr;
  const yielding = [...variables.keys()].filter((name) => {
    const definition = scope.borrowed.has(name) ? scope.definitions.get(name) : undefined;
    if (!definition || definition.unknownOf || !inOwnFormulas.has(name)) return false;
    const reached = [...namesReached(definition.expr, meaningOf)].filter((n) => n !== name);
    return reached.length > 0 && !reached.some((n) => written.has(n));
  });
  for (const name of yielding) {
    scope.definitions.delete(name);
    if (!hasMeaning(scope, name)) scope.borrowed.delete(name);
    const v = variables.get(name)!;
    const why = `the formula for ${name} borrowed from an earlier question is not this question's: it differentiates by ${v.text} and writes none of the names that formula uses`;
    scope.diagnostics.push(warning('reading', why, v.span, `define ${name} in this question if it is meant`));
  }
}

/** Every name the equations that pass `keep` write on their right sides (and left, for all but a formula's name). */
function namesWritten(statements: readonly Statement[], keep: (st: Extract<Statement, { kind: 'equation' }>) => boolean): Set<string> {
  const names = new Set<string>();
  for (const st of statements) {
    if (st.kind !== 'equation' || !keep(st)) continue;
    if (st.lhs.expr.kind !== 'name') namesIn(st.lhs.expr, names);
    st.rhs.forEach((step) => namesIn(step.expr, names));
  }
  return names;
}

/**
 * Declares the arrays a question's index notation implies (resolve/indexArrays.ts), read from every statement
 * it sees (another section writing `\hat{x}_{ij}` beside `\hat{x}_j` leaves x̂ undecided everywhere), but kept
 * only where the question's own statements, with the borrowed formulas of the names they reach, imply them too.
 * Another section's `L = -\sum_i y_i \log p_i` makes y a vector for a section that uses that L, but not for a
 * logistic-regression section that writes its own scalar `\ell = -y \log \hat{y} - ...` and never that L.
 */
export function declareReachedArrays(scope: Scope, borrowed: readonly Statement[], seen: readonly Statement[]): void {
  const all = [...borrowed, ...seen];
  const sources = reachedSources(scope, borrowed, seen);
  if (sources.length === all.length) return declareImpliedArrays(scope, all);
  const reachedOnly = { ...scope, declarations: new Map(scope.declarations), dims: new Set(scope.dims), sampleEntries: new Set(scope.sampleEntries) };
  declareImpliedArrays(reachedOnly, sources);
  declareImpliedArrays(scope, all);
  for (const [name, declaration] of scope.declarations) {
    if (declaration.implied && !reachedOnly.declarations.has(name)) scope.declarations.delete(name);
  }
}

/** The question's own statements and those it sees as its own, and of the borrowed ones the formulas of names they reach. */
function reachedSources(scope: Scope, borrowed: readonly Statement[], seen: readonly Statement[]): Statement[] {
  if (borrowed.length === 0) return [...seen];
  const meaningOf = (n: string) => scope.definitions.get(n)?.expr ?? scope.functions.get(n)?.body;
  const reached = new Set<string>();
  for (const st of seen) {
    if (st.kind !== 'equation') continue;
    for (const side of [st.lhs, ...st.rhs]) reachedWithArrays(side.expr, meaningOf).forEach((n) => reached.add(n));
  }
  const formulaSpans = new Set([...reached].flatMap((n) => [scope.definitions.get(n)?.span, scope.functions.get(n)?.span]));
  return [...borrowed.filter((st) => st.kind === 'equation' && formulaSpans.has(st.span)), ...seen];
}

/**
 * The names `formula` reaches through the formulas `meaningOf` gives, with the arrays of the entries it writes:
 * `-\sum_i y_i \log p_i` reaches y, and z through p's formula written entry by entry (`p_i = e^{z_i} / ...`).
 */
function reachedWithArrays(formula: Expr, meaningOf: (name: string) => Expr | undefined): Set<string> {
  const arrays: string[] = [];
  const arrayOf = (x: NameExpr) => arrayNameOf(x.name, x.text);
  const reached = namesReached(formula, (n, x) => meaningOf(n) ?? (x && meaningOf(arrayOf(x))), (x) => arrays.push(arrayOf(x)));
  arrays.forEach((n) => reached.add(n));
  return reached;
}
