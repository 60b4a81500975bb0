// The sample points a claim is checked at: several size draws × several scales (DESIGN.md), values drawn
// per declared domain, one independent seeded stream per (point, variable) so adding a variable to a
// step never changes the values of the others.
import type { Matrix, Node } from '../ir/types';
import { topologicalOrder } from '../ir/inspect';
import type { Scope, NumericPoint } from '../resolve/scope';
import { streamFor } from '../numeric/random';
import { sampleMatrix, sizeDraws } from './sampling';

export const SIZE_DRAWS = 3;
export const SCALES = [0.5, 1, 1.5, 2];

export interface Point {
  /** Which draw (for the seeded streams); redraws get a new attempt number. */
  key: string;
  sizes: Map<string, number>;
  values: Map<string, Matrix>;
  /** Node values fixed in advance (stated rounded intermediates). */
  overrides?: Map<number, Matrix>;
}

/** The leaf variables of some nodes. */
export function leafVariables(nodes: readonly Node[]): Node[] {
  return topologicalOrder(nodes).filter((n) => n.op === 'var');
}

export class PointSampler {
  constructor(
    private readonly scope: Scope,
    private readonly seed: number,
  ) {}

  /** Random points: SIZE_DRAWS size assignments × SCALES scales. `attempt` gives fresh points for redraws. */
  randomPoints(attempt = 0): Point[] {
    const points: Point[] = [];
    sizeDraws([...this.scope.dims], SIZE_DRAWS).forEach((sizes, d) => {
      SCALES.forEach((scale, s) => points.push({ key: `${d}:${s}:${attempt}:${scale}`, sizes, values: new Map() }));
    });
    return points;
  }

  /** Fills in values for every leaf variable of `nodes` that the point does not have yet. */
  complete(point: Point, nodes: readonly Node[]): void {
    for (const leaf of leafVariables(nodes)) {
      const name = leaf.attrs.name!;
      if (point.values.has(name)) continue;
      const scale = Number(point.key.split(':')[3] ?? 1);
      const domain = this.scope.declarations.get(name)?.domain;
      point.values.set(name, sampleMatrix(leaf.shape, point.sizes, domain, scale, streamFor(this.seed, `${point.key}/${name}`)));
    }
  }

  /** The fixed point of an `at` line: its exact values, with sizes drawn once (numeric questions are scalar). */
  fixedPoint(at: NumericPoint): Point {
    const values = new Map<string, Matrix>();
    for (const [name, v] of at.exact) values.set(name, { rows: 1, cols: 1, data: Float64Array.of(v) });
    return { key: 'at:0:0:1', sizes: sizeDraws([...this.scope.dims], 1)[0], values };
  }
}
