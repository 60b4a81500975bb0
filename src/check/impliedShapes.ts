// A step wrong by its shape where chainrule guessed some shapes (`y` in `L = \frac12 \|a - y\|^2`, which no line
// sizes): the guess is a column, but a number would fit the formulas as well. If the step is wrong with the guess
// and wrong with numbers in its place too, its shape is wrong whatever the author meant by those names, and a
// TA marks it so (`((a - y) \odot a \odot (1 - a)) x` for ∂L/∂W). Only for the gradient of a number by a variable
// whose shape a line states: its truth has that variable's shape, whatever the guesses.
import { Builder } from '../ir/build';
import { Graph } from '../ir/graph';
import { isScalarShape, shapesEqual } from '../ir/types';
import { LowerError, Lowering } from '../resolve/lower';
import type { Expr } from '../syntax/ast';
import { passLimits } from '../limits/index';
import type { ClaimCheck } from './claim';

export function wrongShapeWhateverTheGuess({ truth, claim, lowering }: ClaimCheck, step: Expr, guessed: readonly string[]): boolean {
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
  // A lowering of its own, without derivatives: a step that writes one is left to the doubt.
  const numbers = Lowering.forProblem({ ...scope, declarations, diagnostics: [] }, new Builder(new Graph()), { ...lowering.options, calculus: undefined });
  try {
    return !shapesEqual(numbers.lower(step).shape, truth.shape);
  } catch (err) {
    passLimits(err);
    // A product whose sides do not fit with numbers either (`(a - y) x` of two columns) is wrong both ways.
    return err instanceof LowerError && err.diagnostic.code === 'shape-mismatch';
  }
}
