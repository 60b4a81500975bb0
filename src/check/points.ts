// The sample points a claim is checked at: several size draws × several scales (DESIGN.md). Values are
// drawn lazily per variable, each from its own seeded stream keyed by (point, variable), so adding a
// variable to a step never changes the values of the others.
import type { Matrix, Shape } from '../ir/types';
import type { Scope, NumericPoint } from '../resolve/scope';
import { sizeDraws } from './sampling';
import { resolveDim } from '../ir/dims';
import { BYTES_PER_ENTRY } from '../limits/index';

export const SIZE_DRAWS = 3;
export const SCALES = [0.5, 1, 1.5, 2];

export interface Point {
  /** Names the point's random streams; a redraw gets a new key. */
  key: string;
  scale: number;
  sizes: Map<string, number>;
  values: Map<string, Matrix>;
}

export class PointSampler {
  constructor(private readonly scope: Scope) {}

  /** SIZE_DRAWS size assignments × SCALES scales. */
  randomPoints(): Point[] {
    const points: Point[] = [];
    sizeDraws([...this.scope.dims], SIZE_DRAWS).forEach((sizes, d) => {
      SCALES.forEach((scale, s) => points.push({ key: `${d}:${s}:0`, scale, sizes, values: new Map() }));
    });
    return points;
  }

  /** The same sizes and scale with fresh values. */
  redraw(point: Point, attempt: number): Point {
    return { ...point, key: `${point.key.split(':').slice(0, 2).join(':')}:${attempt}`, values: new Map() };
  }

  /** The fixed point of `at` lines: their exact values. */
  fixedPoint(at: NumericPoint): Point {
    const values = new Map<string, Matrix>();
    for (const [name, v] of at.exact) values.set(name, { rows: 1, cols: 1, data: Float64Array.of(v) });
    return { key: 'at', scale: 1, sizes: sizeDraws([...this.scope.dims], 1)[0], values };
  }
}

const footprints = new WeakMap<Scope, number>();

/**
 * Bytes the values of every declared name take at the random points, at the largest size draw: a problem
 * whose declarations alone would not fit in the memory limit is refused before any is drawn.
 */
export function declaredFootprint(scope: Scope): number {
  let bytes = footprints.get(scope);
  if (bytes === undefined) {
    const draws = sizeDraws([...scope.dims], SIZE_DRAWS);
    const entries = (sizes: ReadonlyMap<string, number>) => {
      let total = 0;
      for (const { shape } of scope.declarations.values()) if (isSized(shape, sizes)) total += resolveDim(shape[0], sizes) * resolveDim(shape[1], sizes);
      return total;
    };
    bytes = Math.max(0, ...draws.map(entries)) * BYTES_PER_ENTRY * SIZE_DRAWS * SCALES.length;
    footprints.set(scope, bytes);
  }
  return bytes;
}

/** Whether every symbolic dim of a shape (a name, or a sum of names `K+N+2`) has a size here. */
export function isSized(shape: Shape, sizes: ReadonlyMap<string, number>): boolean {
  return shape.every((d) => typeof d === 'number' || d.split('+').every((part) => /^\d+$/.test(part) || sizes.has(part)));
}
