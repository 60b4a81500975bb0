// Numeric agreement of two values at a point. NaN never agrees (DESIGN.md).
import type { Matrix } from '../ir/types';
import { maxAbs } from '../numeric/matrix';

/** Relative tolerance for symbolic answers compared in float64. */
export const RELATIVE_TOLERANCE = 1e-8;

export function sameSize(a: Matrix, b: Matrix): boolean {
  return a.rows === b.rows && a.cols === b.cols;
}

export function isFinite(m: Matrix): boolean {
  for (const x of m.data) if (!Number.isFinite(x)) return false;
  return true;
}

/** Equal within a relative tolerance on the largest entry (so exact zeros compare sensibly). */
export function agree(a: Matrix, b: Matrix, relative = RELATIVE_TOLERANCE): boolean {
  if (!sameSize(a, b) || !isFinite(a) || !isFinite(b)) return false;
  const scale = Math.max(maxAbs(a), maxAbs(b));
  const allowed = relative * scale + 1e-12;
  for (let k = 0; k < a.data.length; k++) if (!(Math.abs(a.data[k] - b.data[k]) <= allowed)) return false;
  return true;
}

/** Agreement of a scalar answer with an absolute tolerance (numeric questions). */
export function agreeWithin(a: Matrix, b: Matrix, tolerance: number): boolean {
  if (!sameSize(a, b) || !isFinite(a) || !isFinite(b)) return false;
  for (let k = 0; k < a.data.length; k++) if (!(Math.abs(a.data[k] - b.data[k]) <= tolerance)) return false;
  return true;
}

/** The c with step ≈ c · truth (least squares), or undefined when truth is zero. */
export function ratio(step: Matrix, truth: Matrix): number | undefined {
  if (!sameSize(step, truth)) return undefined;
  let st = 0;
  let tt = 0;
  for (let k = 0; k < truth.data.length; k++) {
    st += step.data[k] * truth.data[k];
    tt += truth.data[k] * truth.data[k];
  }
  return tt > 0 ? st / tt : undefined;
}
