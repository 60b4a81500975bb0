// Evaluates a claim's truth and its steps at shared sample points. Points where the truth leaves its
// domain (log of a negative, division by zero) or sits near a kink of relu/abs/max are drawn again
// (bounded), so a verdict never rests on NaN or on a non-differentiable point.
import type { EvalEnv, Matrix, Node } from '../ir/types';
import type { Graph } from '../ir/graph';
import { topologicalOrder } from '../ir/inspect';
import { evaluate } from '../numeric/evaluate';
import type { DerivedLeaves } from '../calculus/index';
import type { Scope, NumericPoint } from '../resolve/scope';
import { declaredFootprint, isSized, Point, PointSampler } from './points';
import { agree, isFinite } from './compare';
import { sampleMatrix } from './sampling';
import { streamFor } from '../numeric/random';
import { ALL_OPS } from '../ops/index';
import { activeBudget, passLimits } from '../limits/index';

export { DEFAULT_SEED } from './seed';

const MAX_REDRAWS = 25;
const KINK_OPS = new Set(ALL_OPS.filter((op) => op.kink).map((op) => op.name));

/**
 * Sample points shared by every evaluator of one graph and scope. A point's values depend only on the
 * seed, its key and the scope (each variable has its own seeded stream), so the claims checked after the
 * first reuse the point and every value already computed at it (the memo, by node id of that graph):
 * the forward pass through the problem's definitions is done once per point, not once per claim.
 */
interface SharedPoint {
  point: Point;
  memo: Map<number, Matrix>;
}
const sharedPoints = new WeakMap<Graph, WeakMap<Scope, Map<string, SharedPoint>>>();

/** Where a forked graph's points start from: the points of the graph and scope it was forked from. */
const inheritedPoints = new WeakMap<Graph, WeakMap<Scope, { graph: Graph; scope: Scope }>>();

/**
 * Points of `graph` under `scope` start as copies of those of `base` (values drawn and computed there are
 * kept). Only for a fork of base's graph, under a scope whose sizes and domains are base's for every name
 * base has (src/grade/problemBase.ts decides).
 */
export function inheritPoints(graph: Graph, scope: Scope, base: { graph: Graph; scope: Scope }): void {
  let byScope = inheritedPoints.get(graph);
  if (!byScope) inheritedPoints.set(graph, (byScope = new WeakMap()));
  byScope.set(scope, base);
}

function pointsOf(graph: Graph, scope: Scope): Map<string, SharedPoint> {
  let byScope = sharedPoints.get(graph);
  if (!byScope) sharedPoints.set(graph, (byScope = new WeakMap()));
  let byKey = byScope.get(scope);
  if (!byKey) byScope.set(scope, (byKey = new Map()));
  return byKey;
}

/** `name`: what the point is shared by; its key by default (a random point's key says how it was drawn). */
function sharedPoint(graph: Graph, scope: Scope, seed: number, point: Point, name = point.key): SharedPoint {
  const byKey = pointsOf(graph, scope);
  const key = `${seed}|${name}`;
  let shared = byKey.get(key);
  if (!shared) byKey.set(key, (shared = inheritedPoint(graph, scope, key) ?? { point, memo: new Map() }));
  return shared;
}

/** A name per `at` point (claims under the same `at` lines share one point object). */
const atNames = new WeakMap<NumericPoint, string>();
function atName(at: NumericPoint): string {
  let name = atNames.get(at);
  if (name === undefined) atNames.set(at, (name = `at#${nextAtName++}`));
  return name;
}
let nextAtName = 0;

/**
 * The leaf variables of a graph in id order, found by scanning each node once (a graph only grows). A
 * fork starts from its base's list.
 */
const leavesByGraph = new WeakMap<Graph, { leaves: Node[]; scanned: number }>();

function leavesOf(graph: Graph): readonly Node[] {
  let entry = leavesByGraph.get(graph);
  if (!entry) {
    const base = graph.base;
    leavesByGraph.set(graph, (entry = base ? { leaves: [...leavesOf(base)], scanned: base.nodeCount } : { leaves: [], scanned: 0 }));
  }
  for (; entry.scanned < graph.nodeCount; entry.scanned++) {
    const n = graph.byId(entry.scanned);
    if (n.op === 'var') entry.leaves.push(n);
  }
  return entry.leaves;
}

/** A copy of the base's point with this key, if the graph inherits points and the base has it. */
function inheritedPoint(graph: Graph, scope: Scope, key: string): SharedPoint | undefined {
  const base = inheritedPoints.get(graph)?.get(scope);
  const shared = base && sharedPoints.get(base.graph)?.get(base.scope)?.get(key);
  return shared && { point: { ...shared.point, values: new Map(shared.point.values) }, memo: new LayeredMemo(shared.memo) };
}

/**
 * A fork's values at a point it inherits: its own over its base's, which it reads and never changes (the
 * base is frozen). Copying the base's values instead would cost every submission a pass over all of them.
 */
class LayeredMemo extends Map<number, Matrix> {
  constructor(private readonly under: ReadonlyMap<number, Matrix>) {
    super();
  }

  override get(id: number): Matrix | undefined {
    return super.get(id) ?? this.under.get(id);
  }

  override has(id: number): boolean {
    return super.has(id) || this.under.has(id);
  }
}

/** How the truth is computed at a point. */
export type TruthFunction = (env: EvalEnv, memo: Map<number, Matrix>) => Matrix;

/**
 * A claim's sample points as they are drawn: the truth's value and the memo kept for each point accepted.
 * ClaimEvaluator draws them all; holdsUnder draws them one at a time.
 */
class SamplePoints {
  readonly points: Point[] = [];
  readonly truth: Matrix[] = [];
  protected readonly memos: Array<Map<number, Matrix>> = [];
  /** Per point, how many of the graph's leaves it has values for (a point's values and the leaves only grow). */
  private readonly completed = new Map<Point, number>();

  constructor(
    private readonly graph: Graph,
    private readonly scope: Scope,
    private readonly derived: DerivedLeaves,
    private readonly seed: number,
  ) {}

  /** Draws the points, yielding the index of each accepted one as it is kept. */
  protected *draw(truth: TruthFunction, truthNodes: readonly Node[], at?: NumericPoint): Generator<number> {
    const { graph, scope, seed } = this;
    const sampler = new PointSampler(scope);
    if (at) {
      // Claims under the same `at` lines share their point and the values computed at it.
      const { point, memo } = sharedPoint(graph, scope, seed, sampler.fixedPoint(at), atName(at));
      this.complete(point);
      const value = safeTruth(truth, point, memo);
      if (value) yield this.keep(point, value, memo);
      return;
    }
    const kinks = kinksOf(truthNodes);
    activeBudget()?.ensureFits(declaredFootprint(scope), 'the declared matrices of this problem at its sample points');
    for (const first of sampler.randomPoints()) {
      let candidate = first;
      for (let attempt = 1; attempt <= MAX_REDRAWS; attempt++) {
        const { point, memo } = sharedPoint(graph, scope, seed, candidate);
        this.complete(point);
        const value = safeTruth(truth, point, memo);
        if (value && isFinite(value) && !nearKink(kinks, point, memo)) {
          yield this.keep(point, value, memo);
          break;
        }
        candidate = sampler.redraw(first, attempt);
      }
    }
  }

  private keep(point: Point, value: Matrix, memo: Map<number, Matrix>): number {
    this.points.push(point);
    this.truth.push(value);
    this.memos.push(memo);
    return this.points.length - 1;
  }

  /** The value of `node` at point k, or undefined when it cannot be evaluated there. */
  protected valueAt(node: Node, k: number): Matrix | undefined {
    this.complete(this.points[k]);
    try {
      return evaluate(node, envOf(this.points[k]), this.memos[k]);
    } catch (err) {
      passLimits(err);
      return undefined;
    }
  }

  /** Gives every leaf variable of the graph a value at the point; Jacobian leaves last, from the others. */
  protected complete(point: Point): void {
    const all = leavesOf(this.graph);
    // Most calls (every step, every candidate of a diagnosis) meet a point already complete.
    if (this.completed.get(point) === all.length) return;
    // The graph is shared by a document's problems: a leaf of another problem may have dims this one does not size.
    // ... and one of the same name but another shape (X n x m in one question, n x n in the next) is not this one's.
    const leaves = all.filter((n) => !point.values.has(n.attrs.name!) && isSized(n.shape, point.sizes) && !declaredOtherwise(this.scope, n));
    for (const leaf of leaves) {
      const name = leaf.attrs.name!;
      if (this.derived.has(name)) continue;
      const domain = this.scope.declarations.get(name)?.domain;
      point.values.set(name, sampleMatrix(leaf.shape, point.sizes, domain, point.scale, streamFor(this.seed, `${point.key}/${name}`)));
    }
    for (const leaf of leaves) {
      const compute = this.derived.get(leaf.attrs.name!);
      if (compute) point.values.set(leaf.attrs.name!, compute(envOf(point)));
    }
    this.completed.set(point, all.length);
  }
}

/**
 * Whether `node` equals the truth at every point drawn under `scope`, and there is one: what a
 * ClaimEvaluator's `values(node)` compared with its `truth` says, but drawn and compared point by point,
 * stopping at the first that disagrees (a domain hint tries many scopes, and most fail at once). Every
 * point's values come from its own seeded streams and memo, so drawing lazily changes no value.
 */
export function holdsUnder(graph: Graph, scope: Scope, derived: DerivedLeaves, seed: number, truth: TruthFunction, truthNodes: readonly Node[], node: Node): boolean {
  const points = new LazyPoints(graph, scope, derived, seed);
  for (const k of points.drawing(truth, truthNodes)) {
    const value = points.at(node, k);
    if (!value || !agree(value, points.truth[k])) return false;
  }
  return points.points.length > 0;
}

class LazyPoints extends SamplePoints {
  drawing(truth: TruthFunction, truthNodes: readonly Node[]): Generator<number> {
    return this.draw(truth, truthNodes);
  }

  at(node: Node, k: number): Matrix | undefined {
    return this.valueAt(node, k);
  }
}

export class ClaimEvaluator extends SamplePoints {
  constructor(graph: Graph, scope: Scope, derived: DerivedLeaves, seed: number, truth: TruthFunction, truthNodes: readonly Node[], at?: NumericPoint) {
    super(graph, scope, derived, seed);
    for (const _ of this.draw(truth, truthNodes, at)); // every point, kept as it is accepted
  }

  /** Values of `node` at every point, or undefined when it cannot be evaluated somewhere. */
  values(node: Node): Matrix[] | undefined {
    const out: Matrix[] = [];
    for (let k = 0; k < this.points.length; k++) {
      const value = this.valueAt(node, k);
      if (!value) return undefined;
      out.push(value);
    }
    return out;
  }

  /**
   * Whether `node` equals `expected[k]` at every point k. Stops at the first point that disagrees, so
   * the many candidates a diagnosis tries usually cost one evaluation each.
   */
  agrees(node: Node, expected: readonly Matrix[]): boolean {
    for (let k = 0; k < this.points.length; k++) {
      const value = this.valueAt(node, k);
      if (!value || !agree(value, expected[k])) return false;
    }
    return this.points.length > 0;
  }

  /** Values of `node` with some nodes' values replaced (stated rounded intermediates); fresh memos. */
  valuesWith(node: Node, overrides: ReadonlyMap<number, Matrix>): Matrix[] | undefined {
    try {
      return this.points.map((p) => evaluate(node, envOf(p), new Map(overrides)));
    } catch (err) {
      passLimits(err);
      return undefined;
    }
  }
}

/**
 * The relu/abs/max/min and comparison nodes under the truth. The claims of a problem that target one
 * derivative share its forms (one array per graph, src/grade/truthCache.ts), so the walk is memoised by array.
 */
const kinkMemo = new WeakMap<readonly Node[], Node[]>();
function kinksOf(truthNodes: readonly Node[]): Node[] {
  let kinks = kinkMemo.get(truthNodes);
  if (!kinks) kinkMemo.set(truthNodes, (kinks = topologicalOrder(truthNodes).filter((n) => KINK_OPS.has(n.op))));
  return kinks;
}

/** Whether the scope declares the leaf's name with another shape: the leaf belongs to another problem of the graph. */
function declaredOtherwise(scope: Scope, leaf: Node): boolean {
  const shape = scope.declarations.get(leaf.attrs.name!)?.shape;
  return shape !== undefined && (shape[0] !== leaf.shape[0] || shape[1] !== leaf.shape[1]);
}

export function envOf(p: Point): EvalEnv {
  return { values: p.values, sizes: p.sizes };
}

function safeTruth(truth: TruthFunction, point: Point, memo: Map<number, Matrix>): Matrix | undefined {
  try {
    return truth(envOf(point), memo);
  } catch (err) {
    passLimits(err);
    return undefined;
  }
}

/** True when an argument of relu/abs/max/min or a comparison is within a hair of its kink. */
function nearKink(kinks: readonly Node[], point: Point, memo: Map<number, Matrix>): boolean {
  for (const k of kinks) {
    const a = evaluate(k.args[0], envOf(point), memo);
    const b = k.args[1] ? evaluate(k.args[1], envOf(point), memo) : undefined;
    for (let i = 0; i < a.data.length; i++) {
      const x = a.data[i];
      const y = b ? b.data[b.data.length === 1 ? 0 : i] : 0;
      if (Math.abs(x - y) < 1e-6 * (1 + Math.abs(x) + Math.abs(y))) return true;
    }
  }
  return false;
}
