// The vector of a function's arguments (documents only). Multivariable calculus defines `f(x_1, x_2) = ...`
// and then writes `\nabla_x f(x)`, `\nabla_x^2 f(x)`: x is the column (x_1, x_2) of f's arguments, which the
// text never defines in maths (a textbook says "x = (x_1, ..., x_n)" once, in prose). Where a question's
// function has parameters x_1, ..., x_k (one base, subscripts 1 to k, k ≥ 2) that mean nothing else there,
// they are declared numbers; where the question also writes the bare base x, which it neither defines nor
// declares (another question's x yields) nor uses as another function's parameter, x is defined as that
// column, with a note. `f(x)` then spreads x over f's parameters (SPEC 1.2), and ∇_x is the gradient.
import { warning } from '../diagnostics';
import type { Expr } from '../syntax/ast';
import { walkNames } from './names';
import { hasMeaning, type FunctionDefinition, type Scope } from './scope';

/** Defines in `scope` the argument vectors its claims and definitions write (see above). */
export function defineArgumentVectors(scope: Scope): void {
  const used = new Set<string>();
  const use = (e: Expr) => walkNames(e, (n) => used.add(n));
  for (const d of scope.definitions.values()) use(d.expr);
  for (const c of scope.claims) [c.target, ...c.steps].forEach((s) => use(s.expr));
  const parameters = new Set([...scope.functions.values()].flatMap((f) => f.params));
  for (const fn of scope.functions.values()) {
    const base = argumentBase(fn);
    // Arguments with a meaning of their own (`x_1 = W x`) are quantities, not the entries of a vector.
    if (base === undefined || fn.params.some((p) => hasMeaning(scope, p))) continue;
    // x_1, ..., x_k are numbers, as the header says.
    fn.header.forEach((h, i) => scope.declarations.set(fn.params[i], { name: fn.params[i], shape: [1, 1], span: h.span }));
    // A meaning of x borrowed from another question yields to this question's function.
    const ownMeaning = hasMeaning(scope, base) && !scope.borrowed.has(base) && !impliedOfAnySize(scope, base);
    if (!used.has(base) || ownMeaning || parameters.has(base)) continue;
    scope.declarations.delete(base);
    scope.borrowed.delete(base);
    const column = fn.header.map((h) => [h]);
    scope.definitions.set(base, { name: base, expr: { kind: 'matrix', rows: column, span: fn.span }, span: fn.span, exprSpan: fn.span, fromBase: false });
    const written = fn.header.map((h) => (h.kind === 'name' ? h.text : base)).join(', ');
    scope.diagnostics.push(warning('reading', `read ${base} as the vector (${written}) of the arguments of ${fn.name}`, fn.span, `define it to be sure, e.g. ${base} = \\begin{bmatrix} ... \\end{bmatrix}`));
  }
}

/** x for a function of x_1, ..., x_k (k ≥ 2, written with subscripts), else undefined. */
function argumentBase(fn: FunctionDefinition): string | undefined {
  if (fn.params.length < 2 || fn.entries) return undefined;
  const base = fn.params[0].slice(0, -1);
  const subscripted = fn.header.every((h, i) => h.kind === 'name' && h.name === `${base}${i + 1}` && /_\{?\s*\d+\s*\}?$/.test(h.text));
  return base !== '' && /^[A-Za-z]+$/.test(base) && fn.params.length <= 9 && subscripted ? base : undefined;
}

/**
 * Whether `name` means only a column that index notation implies with a size no line states (`x_i` in the
 * general `\nabla_x f = [\partial f / \partial x_1 \; \vdots \; \partial f / \partial x_n]` of a set-up
 * section): a function of x_1, x_2 in the question says how many entries it has.
 */
function impliedOfAnySize(scope: Scope, name: string): boolean {
  const declared = scope.declarations.get(name);
  const [rows, cols] = declared?.shape ?? [];
  return declared?.implied === true && typeof rows === 'string' && cols === 1 && !scope.definitions.has(name) && !scope.functions.has(name);
}
