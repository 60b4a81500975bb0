// An answer's fingerprint: its values at the problem's sample points, quantized and hashed, so that answers
// of different submissions (graded in different workers, stored in result.json) can be grouped by
// mathematical equality without their values. The points are the same for every submission of a problem
// (they depend on the seed and the names), so equal answers have equal values there; `X^T (a - y)` and
// `X^T a - X^T y` differ only by rounding, far below the grid.
import type { Matrix } from '../ir/types';

/** Entries are kept to this fraction of the value's largest entry: a millionth, against rounding of 1e-15. */
const DIGITS = 6;

/** The fingerprint of an answer's values (16 hex digits); null when there are none or one is not finite. */
export function fingerprintOf(values: readonly Matrix[] | undefined): string | null {
  if (!values || values.length === 0) return null;
  const hash = new Hash();
  for (const m of values) {
    const scale = largest(m);
    if (!Number.isFinite(scale)) return null;
    // A grid of a power of ten below the largest entry: a zero that rounding left at 1e-17 is a zero. Each
    // cell is below 10^(DIGITS + 1) in size, an integer of 32 bits.
    const exponent = scale > 0 ? Math.floor(Math.log10(scale)) - DIGITS : 0;
    const step = 10 ** exponent;
    hash.add(m.rows).add(m.cols).add(exponent);
    for (let k = 0; k < m.data.length; k++) hash.add(scale > 0 ? Math.round(m.data[k] / step) : 0);
  }
  return hash.hex();
}

function largest(m: Matrix): number {
  let max = 0;
  for (const x of m.data) {
    if (!Number.isFinite(x)) return Infinity;
    max = Math.max(max, Math.abs(x));
  }
  return max;
}

/**
 * Two 32-bit multiplicative hashes of a sequence of integers (as cyrb53 mixes strings): 64 bits, plenty to
 * tell a class's distinct answers apart, and far cheaper than a cryptographic hash per answer.
 */
class Hash {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  add(n: number): this {
    const x = n | 0;
    this.h1 = Math.imul(this.h1 ^ x, 2654435761);
    this.h2 = Math.imul(this.h2 ^ x, 1597334677);
    return this;
  }

  hex(): string {
    let h1 = Math.imul(this.h1 ^ (this.h1 >>> 16), 2246822507) ^ Math.imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    let h2 = Math.imul(this.h2 ^ (this.h2 >>> 16), 2246822507) ^ Math.imul(this.h1 ^ (this.h1 >>> 13), 3266489909);
    h1 >>>= 0;
    h2 >>>= 0;
    return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
  }
}
