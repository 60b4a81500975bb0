// Values beyond floating-point range. The truth of d/dx x^1e308 underflows to 0 or overflows at every point
// chainrule can draw, so a step agreeing with it there proves nothing (nor does one disagreeing).
import type { Matrix, Node } from '../ir/types';

/** The smallest positive normal float64; below it precision is lost (subnormal), down to 0. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** Whether no entry of any value is a finite, normal, nonzero number: such values tell no two expressions apart. */
export function beyondRange(values: readonly Matrix[]): boolean {
  for (const m of values) for (const x of m.data) if (Number.isFinite(x) && Math.abs(x) >= MIN_NORMAL) return false;
  return true;
}

/** A written 0: the constant (`0`, `zeros(m, n)`) or a literal of them, whose values are 0 by construction. */
export function isZeroConstant(n: Node): boolean {
  if (n.op === 'const') return n.attrs.value === 0;
  if (n.op === 'hcat' || n.op === 'vcat') return n.args.every(isZeroConstant);
  return false;
}

/** Why values at the sample points cannot decide a step whose value is `step` against a truth `form` (undefined: they can). */
export function rangeProblem(step: Node, stepValues: readonly Matrix[], form: Node | undefined, truthValues: readonly Matrix[], targetText: string): string | undefined {
  const why = '0, subnormal or not finite (beyond floating-point range)';
  if (!(form && isZeroConstant(form)) && beyondRange(truthValues)) return `every sampled value of ${targetText} is ${why}, so this step cannot be checked`;
  if (!isZeroConstant(step) && beyondRange(stepValues)) return `every sampled value of this step is ${why}, so it cannot be checked against ${targetText}`;
  return undefined;
}
