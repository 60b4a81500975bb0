// A step wrong by its shape where chainrule guessed some shapes (`y` in `L = \frac12 \|a - y\|^2`, which no line
// sizes): the guess is a column, but a number would fit the formulas as well. If the step is wrong with the guess
// and wrong with numbers in its place too, its shape is wrong whatever the author meant by those names, and a
// TA marks it so (`((a - y) \odot a \odot (1 - a)) x` for ∂L/∂W). Only for the gradient of a number by a variable
// whose shape a line states: its truth has that variable's shape, whatever the guesses. A gradient of that same
// number in the step (`\frac{\partial L}{\partial Z_o}` for ∂L/∂b_o) has its own variable's shape just as surely,
// so it stands as a name of that shape (numbers in place of the guesses may leave the number unreadable).
// Names no line sizes at all (taken as numbers) are guesses the same way; a step whose operands reach none of them
// (`W_1 \frac{\partial L}{\partial Z_1}` beside a loss with an undeclared label Y) has its shape whatever they are.
import { Builder } from '../ir/build';
import { Graph } from '../ir/graph';
import { isScalarShape, shapesEqual, type Shape } from '../ir/types';
import { LowerError, Lowering } from '../resolve/lower';
import type { Declaration, Scope } from '../resolve/scope';
import type { Expr } from '../syntax/ast';
import { rewriteExpr } from '../syntax/walk';
import { namesReached } from '../resolve/names';
import { UNSIZED_ONES } from '../syntax/names';
import { passLimits } from '../limits/index';
import type { ClaimCheck } from './claim';

export function wrongShapeWhateverTheGuess({ truth, claim, lowering }: ClaimCheck, step: Expr, guessed: readonly string[], unsized: ReadonlySet<string> = new Set()): boolean {
  const m = truth.meaning;
  const target = claim.target.expr;
  if (!m || m.wrt.length !== 1 || !isScalarShape(m.of.shape) || target.kind !== 'deriv' || target.wrt.length !== 1 || target.wrt[0].kind !== 'name') return false;
  const scope = lowering.scope;
  const variable = scope.declarations.get(target.wrt[0].name);
  if (!variable || variable.implied || !shapesEqual(variable.shape, truth.shape)) return false;
  const declarations = new Map(scope.declarations);
  for (const name of guessed) {
    const d = declarations.get(name);
    if (!d?.implied) return false;
    declarations.set(name, { ...d, shape: [1, 1] });
  }
  // Lowerings of their own, without derivatives: a step that writes another one is left to the doubt.
  if (reachesAny(step, unsized, scope, target.of)) return false;
  const numbersIn = (names: Map<string, Declaration>) => Lowering.forProblem({ ...scope, declarations: names, diagnostics: [] }, new Builder(new Graph()), { ...lowering.options, calculus: undefined });
  try {
    const read = gradientsAsNames(step, target.of, numbersIn(declarations), declarations);
    return read !== undefined && !shapesEqual(numbersIn(declarations).lower(read).shape, truth.shape);
  } catch (err) {
    passLimits(err);
    // A product whose sides do not fit with numbers either (`(a - y) x` of two columns) is wrong both ways.
    return err instanceof LowerError && err.diagnostic.code === 'shape-mismatch';
  }
}

/**
 * Whether `e` reaches, through the question's formulas, one of `names` or a name the document's own lines do not
 * size; a derivative of `of` it writes counts as its variable (its shape is the variable's, whatever the formula of
 * `of` holds).
 */
function reachesAny(e: Expr, names: ReadonlySet<string>, scope: Scope, of?: Expr): boolean {
  if (names.size === 0) return false;
  const operands = of?.kind === 'name' ? rewriteExpr(e, (x) => (x.kind === 'deriv' && x.of.kind === 'name' && x.of.name === of.name ? x.wrt[0] : undefined)) : e;
  // A shape an earlier question lends or the notation implies may not be the one the author means; a bold 1 takes
  // the length its neighbours force (resolve/onesVectors.ts).
  const own = (n: string) => n === UNSIZED_ONES || scope.definitions.has(n) || scope.functions.has(n) || ownDeclaration(scope, n);
  return [...namesReached(operands, (n) => scope.definitions.get(n)?.expr)].some((n) => names.has(n) || !own(n));
}

function ownDeclaration(scope: Scope, name: string): boolean {
  const d = scope.declarations.get(name);
  return d !== undefined && !d.implied && !d.solved && !scope.borrowed.has(name);
}

/**
 * The step with each gradient of the target's function by one name (`∂L/∂Z_o`) read as a new name of that name's
 * shape, declared in `declarations`; undefined where such a name's shape cannot be read.
 */
function gradientsAsNames(step: Expr, of: Expr, numbers: Lowering, declarations: Map<string, Declaration>): Expr | undefined {
  if (of.kind !== 'name') return step;
  let unread = false;
  const read = rewriteExpr(step, (x) => {
    if (x.kind !== 'deriv' || x.wrt.length !== 1 || x.of.kind !== 'name' || x.of.name !== of.name || x.wrt[0].kind !== 'name') return undefined;
    let shape: Shape;
    try {
      shape = numbers.lower(x.wrt[0]).shape;
    } catch (err) {
      passLimits(err);
      unread = true;
      return undefined;
    }
    const name = `∂${of.name}/∂${x.wrt[0].name}`;
    declarations.set(name, { name, shape, span: x.span });
    return { kind: 'name', name, text: name, span: x.span };
  });
  return unread ? undefined : read;
}
