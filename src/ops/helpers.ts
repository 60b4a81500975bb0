// Helpers shared by op entries: shape rules, guarded rewrites.
import type { Node, Shape } from '../ir/types';
import { ShapeError, SCALAR, formatShape, shapesEqual } from '../ir/types';
import { broadcastShapes } from '../ir/dims';

export function elementwiseShape(op: string) {
  return (args: readonly Shape[]): Shape => broadcastShapes(op, args[0], args[1]);
}

export function sameShape(args: readonly Shape[]): Shape {
  return args[0];
}

export function scalarShape(): Shape {
  return SCALAR;
}

export function requireSquare(op: string, s: Shape): void {
  if (s[0] !== s[1]) throw new ShapeError(op, [s], `${op} needs a square matrix, not ${formatShape(s)}`);
}

/**
 * Runs a rewrite that may not apply to these shapes: a ShapeError while building the alternative, or a
 * result of another shape, means "no rewrite".
 */
export function attempt(shape: Shape, make: () => Node | undefined): Node | undefined {
  try {
    const r = make();
    return r && shapesEqual(r.shape, shape) ? r : undefined;
  } catch (e) {
    if (e instanceof ShapeError) return undefined;
    throw e;
  }
}

const SMALLEST_NORMAL = 2.2250738585072014e-308;

/**
 * Whether a constant folded in float64 is the exact value's stand-in: finite, not subnormal, and 0 only
 * where the value is exactly 0 (`exactZero`). Otherwise (exp(-1e300), 1e-200 * 1e-200, 10^1e308) the fold
 * would turn a value out of floating-point range into a constant that checking then trusts.
 */
export function foldsInRange(value: number, exactZero: boolean): boolean {
  if (!Number.isFinite(value)) return false;
  return value === 0 ? exactZero : Math.abs(value) >= SMALLEST_NORMAL;
}
