// An answer's fingerprint: its values at the problem's sample points, quantized and hashed, so that answers
// of different submissions (graded in different workers, stored in result.json) can be grouped by
// mathematical equality without their values. The points are the same for every submission of a problem
// (they depend on the seed and the names), so equal answers have equal values there; `X^T (a - y)` and
// `X^T a - X^T y` differ only by rounding, far below the grid.
import { createHash } from 'crypto';
import type { Matrix } from '../ir/types';

/** Entries are kept to this fraction of the value's largest entry: a millionth, against rounding of 1e-15. */
const DIGITS = 6;

/** The fingerprint of an answer's values; null when there are none or one is not finite. */
export function fingerprintOf(values: readonly Matrix[] | undefined): string | null {
  if (!values || values.length === 0) return null;
  const hash = createHash('sha256');
  for (const m of values) {
    const scale = largest(m);
    if (!Number.isFinite(scale)) return null;
    // A grid of a power of ten below the largest entry: a zero that rounding left at 1e-17 is a zero.
    const exponent = scale > 0 ? Math.floor(Math.log10(scale)) - DIGITS : 0;
    const step = 10 ** exponent;
    const cells = Array.from(m.data, (x) => (scale > 0 ? Math.round(x / step) : 0));
    hash.update(`${m.rows}x${m.cols}e${exponent}:${cells.join(',')};`);
  }
  return hash.digest('hex').slice(0, 16);
}

function largest(m: Matrix): number {
  let max = 0;
  for (const x of m.data) {
    if (!Number.isFinite(x)) return Infinity;
    max = Math.max(max, Math.abs(x));
  }
  return max;
}
