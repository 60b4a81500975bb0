// A loss the maths never defines is an unknown scalar function with one fixed instance
// (src/analysis/unknownTargets.ts), so a line that fails for that instance may still hold for the loss the prose
// means, and is unjudged. But a line written in the loss's own derivatives (∂C/∂a, δ, a bar) is a claim about
// the chain rule, not about the loss: when it is linear in the loss (0 for a constant loss, doubled for a doubled
// one) and fails for other random losses too, it is wrong whatever the loss is (but for a loss whose gradient the
// line's error happens to annihilate at every point), and a TA marks it wrong.
import type { Matrix, Node } from '../ir/types';
import { withScalarVariant } from '../numeric/abstract';
import { zeros } from '../numeric/matrix';
import { passLimits } from '../limits/index';
import { agree } from './compare';
import { envOf } from './evaluator';
import type { ClaimCheck } from './claim';

/** The keys of the other random losses a line must fail for. */
const OTHER_LOSSES = ['other1', 'other2'];

/**
 * Whether `step` is wrong for every instance of the scalar functions `losses` (their op names): linear in them,
 * and different from the truth under the usual instance and under each other random one.
 */
export function wrongForEveryLoss(check: ClaimCheck, step: Node, losses: ReadonlySet<string>): boolean {
  const under = (key: string, scale: number) => withScalarVariant({ names: losses, key, scale }, () => valuesOf(check, step));
  const usual = under('', 1);
  if (!usual) return false;
  // A part of the step the loss does not scale (`a - y` for a loss the prose names) is a claim about that loss.
  const flat = under('', 0);
  if (!flat || !flat.step.every((v) => agree(v, zeros(v.rows, v.cols)))) return false;
  const doubled = under('', 2);
  if (!doubled || !doubled.step.every((v, k) => agree(v, times(usual.step[k], 2)))) return false;
  const others = OTHER_LOSSES.map((key) => under(key, 1));
  return [usual, ...others].every((values) => values !== undefined && values.step.some((v, k) => !agree(v, values.truth[k])));
}

/** The step's and the truth's values at the claim's points, evaluated afresh (under the instances in force). */
function valuesOf({ evaluator, truth }: ClaimCheck, step: Node): { step: Matrix[]; truth: Matrix[] } | undefined {
  const values = evaluator.valuesWith(step, new Map());
  if (!values) return undefined;
  try {
    return { step: values, truth: evaluator.points.map((p) => truth.value(envOf(p), new Map())) };
  } catch (err) {
    passLimits(err);
    return undefined;
  }
}

function times(m: Matrix, c: number): Matrix {
  const out = zeros(m.rows, m.cols);
  m.data.forEach((x, k) => (out.data[k] = c * x));
  return out;
}
