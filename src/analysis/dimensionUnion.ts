// Union-find over dimensions (src/analysis/shapeUnification.ts): unknown dimensions of undeclared names, and the
// known ones (a number, or a dimension name a declaration gives). Two known dimensions are equal only when they
// are the same number or the same name (SPEC 1.3: symbolic dimensions are distinct sizes), so joining two
// different ones is a conflict.
import type { Dim } from '../ir/types';

/** A dimension in the union: `?k` for an unknown, `=d` for a known dimension d. */
export type DimKey = string;

export function knownDim(d: Dim): DimKey {
  return `=${d}`;
}

export class DimensionUnion {
  private parent = new Map<DimKey, DimKey>();
  private unknowns = 0;

  /** A new unknown dimension. */
  fresh(): DimKey {
    return `?${++this.unknowns}`;
  }

  root(key: DimKey): DimKey {
    let at = key;
    for (let up = this.parent.get(at); up !== undefined; up = this.parent.get(at)) at = up;
    return at;
  }

  /** The known dimension `key` is joined to, if any. */
  known(key: DimKey): Dim | undefined {
    const root = this.root(key);
    if (!root.startsWith('=')) return undefined;
    const text = root.slice(1);
    return /^\d+$/.test(text) ? Number(text) : text;
  }

  /** Joins two dimensions; false (and nothing joined) when both are known and differ. */
  join(a: DimKey, b: DimKey): boolean {
    const [ra, rb] = [this.root(a), this.root(b)];
    if (ra === rb) return true;
    if (ra.startsWith('=') && rb.startsWith('=')) return false;
    // A known dimension stays the root, so `known` finds it.
    if (ra.startsWith('=')) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
    return true;
  }

  /** A copy to go back to when a statement's constraints conflict. */
  snapshot(): Map<DimKey, DimKey> {
    return new Map(this.parent);
  }

  restore(saved: Map<DimKey, DimKey>): void {
    this.parent = new Map(saved);
  }
}
