// The builder: the only way the rest of the code makes nodes. Every constructor checks shapes (through
// the op's shape rule) and applies the op's local rewrite rules (constant folding, 0 and 1 identities,
// double transpose, like terms, scalar factors pulled out of products, ...). The rules live with the
// ops in src/ops; here are the typed entry points and the broadcasting helpers.
import type { Attrs, Dim, Node, Shape } from './types';
import { isScalarShape, shapesEqual, formatShape } from './types';
import { Graph } from './graph';
import { getOp } from '../ops/index';
import { fillValue, scalarConst } from './inspect';
import { buildLiteral, type Grid } from './literal';

export type Operand = Node | number;
export type Comparison = 'gt' | 'ge' | 'lt' | 'le' | 'eq' | 'ne';

export class Builder {
  constructor(readonly graph: Graph) {}

  /** A number becomes a scalar constant. */
  node(x: Operand): Node {
    return typeof x === 'number' ? this.constant(x) : x;
  }

  /** Makes (op, args, attrs) with the op's shape check and local rewrites. */
  make(op: string, args: readonly Operand[], attrs: Readonly<Attrs> = {}): Node {
    const def = getOp(op);
    const nodes = args.map((a) => this.node(a));
    if (def.arity !== 'variadic' && def.arity !== nodes.length) throw new Error(`${op} takes ${def.arity} argument(s), got ${nodes.length}`);
    const shape = def.shape(
      nodes.map((n) => n.shape),
      attrs,
    );
    if (def.rewrite) {
      const r = def.rewrite(this, nodes, attrs, shape);
      if (r) {
        if (!shapesEqual(r.shape, shape)) {
          throw new Error(`internal: rewriting ${op} changed the shape from ${formatShape(shape)} to ${formatShape(r.shape)}`);
        }
        return r;
      }
    }
    return this.graph.node(op, nodes, attrs);
  }

  /** Makes the node exactly as given, without rewrites (tests, canonical forms). */
  raw(op: string, args: readonly Node[], attrs: Readonly<Attrs> = {}): Node {
    return this.graph.node(op, args, attrs);
  }

  // ---- leaves ----

  variable(name: string, shape: Shape): Node {
    return this.graph.node('var', [], { name, rows: shape[0], cols: shape[1] });
  }

  constant(value: number): Node {
    return this.graph.node('const', [], { value });
  }

  /** A constant matrix with every entry `value` (ones, zeros). */
  fill(value: number, rows: Dim, cols: Dim): Node {
    if (rows === 1 && cols === 1) return this.constant(value);
    return this.graph.node('const', [], { value, rows, cols });
  }

  fillOf(value: number, shape: Shape): Node {
    return this.fill(value, shape[0], shape[1]);
  }

  ones(rows: Dim, cols: Dim): Node {
    return this.fill(1, rows, cols);
  }

  zeros(rows: Dim, cols: Dim): Node {
    return this.fill(0, rows, cols);
  }

  zerosOf(shape: Shape): Node {
    return this.fill(0, shape[0], shape[1]);
  }

  onesOf(shape: Shape): Node {
    return this.fill(1, shape[0], shape[1]);
  }

  eye(n: Dim): Node {
    if (n === 1) return this.constant(1);
    return this.graph.node('eye', [], { rows: n });
  }

  /** A dimension name used as a number. */
  dimsize(name: string): Node {
    return this.graph.node('dimsize', [], { name });
  }

  /** A dim as a scalar expression: a number, a dimension name, or the sum of a block size (`K+N`). */
  dim(d: Dim): Node {
    if (typeof d === 'number') return this.constant(d);
    const parts = d.split('+');
    if (parts.length === 1) return this.dimsize(d);
    return parts.map((p): Node => (/^\d+$/.test(p) ? this.constant(Number(p)) : this.dimsize(p))).reduce((a, x) => this.add(a, x));
  }

  /** The number of entries of a shape, as a scalar expression. */
  numel(shape: Shape): Node {
    return this.hadamard(this.dim(shape[0]), this.dim(shape[1]));
  }

  // ---- arithmetic ----

  add(a: Operand, b: Operand): Node {
    return this.make('add', [a, b]);
  }

  sub(a: Operand, b: Operand): Node {
    return this.add(a, this.neg(b));
  }

  neg(a: Operand): Node {
    return this.make('neg', [a]);
  }

  /** Sum of many terms (zero of `shape` when empty). */
  addAll(terms: readonly Node[], shape: Shape): Node {
    if (terms.length === 0) return this.zerosOf(shape);
    return this.broadcastTo(
      terms.reduce((acc, t) => this.add(acc, t)),
      shape,
    );
  }

  /** Juxtaposition / `*`: scaling when either side is a scalar, otherwise the matrix product. */
  mul(a: Operand, b: Operand): Node {
    const x = this.node(a);
    const y = this.node(b);
    if (isScalarShape(x.shape) || isScalarShape(y.shape)) return this.hadamard(x, y);
    return this.matmul(x, y);
  }

  matmul(a: Operand, b: Operand): Node {
    return this.make('matmul', [a, b]);
  }

  /** Elementwise product; with a scalar on one side, scaling. */
  hadamard(a: Operand, b: Operand): Node {
    return this.make('hadamard', [a, b]);
  }

  scale(s: Operand, x: Operand): Node {
    return this.hadamard(s, x);
  }

  div(a: Operand, b: Operand): Node {
    return this.make('div', [a, b]);
  }

  pow(a: Operand, e: Operand): Node {
    return this.make('pow', [a, e]);
  }

  transpose(a: Operand): Node {
    return this.make('transpose', [a]);
  }

  /**
   * A builtin function by its canonical name (exp, log, sigma, max, sum, dot, inv, ...), applied to
   * one argument or a list of arguments.
   */
  apply(name: string, args: Operand | readonly Operand[]): Node {
    return this.make(name, Array.isArray(args) ? (args as readonly Operand[]) : [args as Operand]);
  }

  compare(op: Comparison, a: Operand, b: Operand): Node {
    return this.make(op, [a, b]);
  }

  max(a: Operand, b: Operand): Node {
    return this.make('max', [a, b]);
  }

  min(a: Operand, b: Operand): Node {
    return this.make('min', [a, b]);
  }

  // ---- reductions and matrix functions ----

  sum(a: Operand): Node {
    return this.make('sum', [a]);
  }

  mean(a: Operand): Node {
    return this.make('mean', [a]);
  }

  trace(a: Operand): Node {
    return this.make('trace', [a]);
  }

  norm(a: Operand): Node {
    return this.make('norm', [a]);
  }

  dot(a: Operand, b: Operand): Node {
    return this.make('dot', [a, b]);
  }

  softmax(a: Operand): Node {
    return this.make('softmax', [a]);
  }

  logsumexp(a: Operand): Node {
    return this.make('logsumexp', [a]);
  }

  diag(a: Operand): Node {
    return this.make('diag', [a]);
  }

  inv(a: Operand): Node {
    return this.make('inv', [a]);
  }

  det(a: Operand): Node {
    return this.make('det', [a]);
  }

  /** B x N → 1 x N. */
  sumrows(a: Operand): Node {
    return this.make('sumrows', [a]);
  }

  /** N x B → N x 1. */
  sumcols(a: Operand): Node {
    return this.make('sumcols', [a]);
  }

  // ---- entries and blocks ----

  /** The scalar entry (i, j) of a matrix (0-based). */
  entry(a: Operand, i: number, j: number): Node {
    return this.make('entry', [a], { i, j });
  }

  /** A rows x cols zero matrix with the scalar `s` at (i, j): the adjoint of entry. */
  embed(s: Operand, i: number, j: number, rows: Dim, cols: Dim): Node {
    return this.make('embed', [s], { i, j, rows, cols });
  }

  /** [A, B, ...]: blocks side by side. */
  hcat(blocks: readonly Operand[]): Node {
    return this.make('hcat', blocks);
  }

  /** [A; B; ...]: blocks stacked. */
  vcat(blocks: readonly Operand[]): Node {
    return this.make('vcat', blocks);
  }

  /** A matrix literal from rows of scalar entries. */
  literal(grid: readonly (readonly Operand[])[]): Node {
    const nodes: Grid = grid.map((row) => row.map((x) => this.node(x)));
    for (const row of nodes) for (const x of row) if (!isScalarShape(x.shape)) return this.vcat(nodes.map((row) => this.hcat(row)));
    return buildLiteral(this, nodes);
  }

  // ---- broadcasting ----

  /**
   * `x` repeated to `shape` by the strict broadcasting rule, written with ones so it prints as .cr
   * syntax: s ones(M, N), ones(B, 1) r, c ones(1, B).
   */
  broadcastTo(x: Node, shape: Shape): Node {
    if (shapesEqual(x.shape, shape)) return x;
    const v = fillValue(x);
    if (v !== undefined) return this.fillOf(v, shape);
    // A scalar fraction spreads its numerator: ones(M, N) / (M N) rather than (1 / (M N)) ones(M, N).
    if (isScalarShape(x.shape) && x.op === 'div') return this.div(this.broadcastTo(x.args[0], shape), x.args[1]);
    // Signs and numeric coefficients stay in front, as everywhere: 2 (s ones(M, N)), -(s ones(M, N)).
    if (x.op === 'neg') return this.neg(this.broadcastTo(x.args[0], shape));
    if (x.op === 'hadamard' && scalarConst(x.args[0]) !== undefined) return this.hadamard(x.args[0], this.broadcastTo(x.args[1], shape));
    if (isScalarShape(x.shape)) return this.graph.node('hadamard', [x, this.onesOf(shape)]);
    // Built through matmul's rewrites (never back to broadcastTo), so the printed form reads back identically.
    if (x.shape[0] === 1 && x.shape[1] === shape[1]) return this.matmul(this.ones(shape[0], 1), x);
    if (x.shape[1] === 1 && x.shape[0] === shape[0]) return this.matmul(x, this.ones(1, shape[1]));
    throw new Error(`internal: cannot broadcast ${formatShape(x.shape)} to ${formatShape(shape)}`);
  }

  /** The adjoint of broadcasting: sums `g` over the axes along which an operand of `shape` was repeated. */
  unbroadcast(g: Node, shape: Shape): Node {
    if (shapesEqual(g.shape, shape)) return g;
    if (isScalarShape(shape)) return this.sum(g);
    if (shape[0] === 1 && shape[1] === g.shape[1]) return this.sumrows(g);
    if (shape[1] === 1 && shape[0] === g.shape[0]) return this.sumcols(g);
    throw new Error(`internal: cannot reduce ${formatShape(g.shape)} to ${formatShape(shape)}`);
  }
}

const builders = new WeakMap<Graph, Builder>();

/** The builder of a graph (one per graph). */
export function builderFor(graph: Graph): Builder {
  let b = builders.get(graph);
  if (!b) {
    b = new Builder(graph);
    builders.set(graph, b);
  }
  return b;
}

/** A new graph and its builder. */
export function newBuilder(): Builder {
  return builderFor(new Graph());
}
