// The sample points a claim is checked at: several size draws × several scales (DESIGN.md). Values are
// drawn lazily per variable, each from its own seeded stream keyed by (point, variable), so adding a
// variable to a step never changes the values of the others.
import type { Matrix } from '../ir/types';
import type { Scope, NumericPoint } from '../resolve/scope';
import { sizeDraws } from './sampling';

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
