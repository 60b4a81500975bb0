// Random well-shaped expressions over symbolic shapes, for property tests. A recipe is plain data that
// can be built twice: through the Builder (with rewrites) and raw (graph.node, no rewrites), so tests
// can check that rewrites preserve values as well as derivatives.
import type { Attrs, Dim, EvalEnv, Matrix, Node, Shape } from '../../src/ir/types';
import type { Builder } from '../../src/ir/build';
import { mulberry32, randomMatrix, type Random } from '../../src/numeric/random';
import { resolveDim } from '../../src/ir/dims';
import { topologicalOrder } from '../../src/ir/inspect';
import { evaluate } from '../../src/numeric/evaluate';

export interface Recipe {
  op: string;
  args: Recipe[];
  attrs?: Attrs;
}

/** Symbolic dims get distinct concrete sizes at evaluation; 2 and 3 are concrete sizes for literals. */
export const SIZES = new Map([
  ['M', 2],
  ['N', 3],
  ['K', 4],
]);
const SYMBOLIC: Dim[] = ['M', 'N', 'K'];

const UNARY_ANY = ['exp', 'abs', 'sin', 'cos', 'tanh', 'cosh', 'sinh', 'erf', 'sigma', 'relu', 'softplus'];

export class RecipeGenerator {
  private readonly r: Random;
  constructor(seed: number) {
    this.r = mulberry32(seed);
  }

  private int(n: number): number {
    return Math.floor(this.r() * n);
  }
  private pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  private chance(p: number): boolean {
    return this.r() < p;
  }

  /** A random target shape: scalar, row, column, matrix, square, or a small concrete one. */
  shape(): Shape {
    const d = () => this.pick(SYMBOLIC);
    switch (this.int(7)) {
      case 0:
        return [1, 1];
      case 1:
        return [1, d()];
      case 2:
        return [d(), 1];
      case 3: {
        const n = d();
        return [n, n];
      }
      case 4:
        return [this.pick([2, 3]), 1];
      case 5:
        return [this.pick([2, 3]), this.pick([2, 3])];
      default:
        return [d(), d()];
    }
  }

  private leaf(s: Shape): Recipe {
    if (s[0] === 1 && s[1] === 1) {
      const k = this.int(10);
      if (k < 2) return { op: 'const', args: [], attrs: { value: this.pick([2, 0.5, -1.5, 3]) } };
      if (k === 2) return { op: 'dimsize', args: [], attrs: { name: this.pick(['M', 'N']) } };
    } else if (this.chance(0.08)) return { op: 'const', args: [], attrs: { value: this.pick([1, 2, -0.5]), rows: s[0], cols: s[1] } };
    // Few names per shape, so variables recur and the DAG shares nodes.
    return { op: 'var', args: [], attrs: { name: `v${this.int(2)}${s[0]}${s[1]}`, rows: s[0], cols: s[1] } };
  }

  /** Operand shapes that broadcast to s under the strict rule. */
  private broadcastPair(s: Shape): [Shape, Shape] {
    const options: Array<[Shape, Shape]> = [[s, s], [s, [1, 1]], [[1, 1], s]];
    if (s[0] !== 1 && s[1] !== 1) options.push([[1, s[1]], s], [s, [s[0], 1]]);
    return this.pick(options);
  }

  /** A positive-valued expression (for log, sqrt, denominators, bases of powers). */
  positive(s: Shape, depth: number): Recipe {
    const e = this.expr(s, depth - 1);
    switch (this.int(3)) {
      case 0:
        return { op: 'add', args: [{ op: 'softplus', args: [e] }, { op: 'const', args: [], attrs: { value: 0.3 } }] };
      case 1:
        return { op: 'exp', args: [{ op: 'tanh', args: [e] }] };
      default:
        return { op: 'add', args: [{ op: 'pow', args: [e, { op: 'const', args: [], attrs: { value: 2 } }] }, { op: 'const', args: [], attrs: { value: 0.5 } }] };
    }
  }

  /** A symmetric positive definite n x n expression: A A^T + I. */
  private spd(n: Dim, depth: number): Recipe {
    const k = this.pick(SYMBOLIC);
    const a = this.expr([n, k], depth - 1);
    return { op: 'add', args: [{ op: 'matmul', args: [a, { op: 'transpose', args: [a] }] }, { op: 'eye', args: [], attrs: { rows: n } }] };
  }

  expr(s: Shape, depth: number): Recipe {
    if (depth <= 0 || this.chance(0.15)) return this.leaf(s);
    const scalar = s[0] === 1 && s[1] === 1;
    const square = s[0] === s[1];
    const concrete = typeof s[0] === 'number' && typeof s[1] === 'number';
    const kinds = ['bin', 'bin', 'unary', 'unary', 'matmul', 'transpose', 'neg', 'div', 'pow', 'minmax', 'mask', 'log'];
    if (scalar) kinds.push('reduce', 'reduce', 'reduce', 'entry');
    if (!scalar) kinds.push('softmax');
    if (square && !scalar) kinds.push('diag', 'inv');
    if (s[0] === 1 && !scalar) kinds.push('sumrows');
    if (s[1] === 1 && !scalar) kinds.push('sumcols', 'lse');
    if (concrete && !scalar) kinds.push('concat', 'embed', 'literal');
    const d = depth - 1;
    switch (this.pick(kinds)) {
      case 'bin': {
        const [p, q] = this.broadcastPair(s);
        return { op: this.pick(['add', 'hadamard', 'add']), args: [this.expr(p, d), this.expr(q, d)] };
      }
      case 'unary':
        if (this.chance(0.2)) return { op: 'tan', args: [{ op: 'sigma', args: [this.expr(s, d)] }] };
        return { op: this.pick(UNARY_ANY), args: [this.expr(s, d)] };
      case 'log':
        return { op: this.pick(['log', 'sqrt']), args: [this.positive(s, depth)] };
      case 'matmul': {
        const k = this.pick([...SYMBOLIC, 1]);
        return { op: 'matmul', args: [this.expr([s[0], k], d), this.expr([k, s[1]], d)] };
      }
      case 'transpose':
        return { op: 'transpose', args: [this.expr([s[1], s[0]], d)] };
      case 'neg':
        return { op: 'neg', args: [this.expr(s, d)] };
      case 'div': {
        const [p, q] = this.broadcastPair(s);
        return { op: 'div', args: [this.expr(p, d), this.positive(q, depth)] };
      }
      case 'pow': {
        const k = this.int(3);
        if (k === 0) return { op: 'pow', args: [this.expr(s, d), { op: 'const', args: [], attrs: { value: this.pick([2, 3]) } }] };
        if (k === 1) return { op: 'pow', args: [this.positive(s, depth), { op: 'const', args: [], attrs: { value: this.pick([-1, -2]) } }] };
        const [p, q] = this.broadcastPair(s);
        // x^x style: a positive base to an expression exponent.
        return { op: 'pow', args: [this.positive(p, depth), { op: 'tanh', args: [this.expr(q, d)] }] };
      }
      case 'minmax': {
        const [p, q] = this.broadcastPair(s);
        return { op: this.pick(['max', 'min']), args: [this.expr(p, d), this.expr(q, d)] };
      }
      case 'mask': {
        const [p, q] = this.broadcastPair(s);
        return { op: 'hadamard', args: [{ op: this.pick(['gt', 'ge', 'lt', 'le', 'eq', 'ne']), args: [this.expr(p, d), this.expr(q, d)] }, this.expr(s, d)] };
      }
      case 'reduce': {
        const t = this.shape();
        switch (this.int(7)) {
          case 0:
            return { op: 'sum', args: [this.expr(t, d)] };
          case 1:
            return { op: 'mean', args: [this.expr(t, d)] };
          case 2: {
            const n = this.pick(SYMBOLIC);
            return { op: 'trace', args: [this.expr([n, n], d)] };
          }
          case 3:
            return { op: 'norm', args: [this.expr(t, d)] };
          case 4:
            return { op: 'dot', args: [this.expr(t, d), this.expr(t, d)] };
          case 5: {
            // Any square matrix: its determinant may be negative.
            const n = this.pick(SYMBOLIC);
            return { op: 'logdet', args: [this.expr([n, n], d)] };
          }
          default:
            return { op: 'det', args: [this.spd(this.pick(SYMBOLIC), d)] };
        }
      }
      case 'entry': {
        const t = this.pick<Shape>([[3, 1], [2, 3], ['N', 'M'], [1, 'K']]);
        const i = typeof t[0] === 'number' ? this.int(t[0]) : 0;
        const j = typeof t[1] === 'number' ? this.int(t[1]) : 0;
        return { op: 'entry', args: [this.expr(t, d)], attrs: { i, j } };
      }
      case 'softmax':
        return { op: 'softmax', args: [this.expr(s, d)] };
      case 'lse':
        return { op: 'logsumexp', args: [this.expr([s[0], this.pick(SYMBOLIC)], d)] };
      case 'diag': {
        const v: Shape = this.chance(0.5) ? [s[0], 1] : [1, s[0]];
        return { op: 'diag', args: [this.expr(v, d)] };
      }
      case 'inv':
        return { op: 'inv', args: [this.spd(s[0], d)] };
      case 'sumrows':
        return { op: 'sumrows', args: [this.expr([this.pick(SYMBOLIC), s[1]], d)] };
      case 'sumcols':
        return { op: 'sumcols', args: [this.expr([s[0], this.pick(SYMBOLIC)], d)] };
      case 'concat': {
        const [r, c] = s as [number, number];
        if (c > 1 && (r === 1 || this.chance(0.5))) return { op: 'hcat', args: [this.expr([r, 1], d), this.expr([r, c - 1], d)] };
        if (r > 1) return { op: 'vcat', args: [this.expr([1, c], d), this.expr([r - 1, c], d)] };
        return this.leaf(s);
      }
      case 'embed': {
        const [r, c] = s as [number, number];
        return { op: 'embed', args: [this.expr([1, 1], d)], attrs: { i: this.int(r), j: this.int(c), rows: r, cols: c } };
      }
      case 'literal': {
        // A literal of scalar entries, as the resolver builds it: vcat of row hcats.
        const [r, c] = s as [number, number];
        const rows = Array.from({ length: r }, (): Recipe => {
          const entries = Array.from({ length: c }, () => this.expr([1, 1], d - 1));
          return entries.length === 1 ? entries[0] : { op: 'hcat', args: entries };
        });
        return rows.length === 1 ? rows[0] : { op: 'vcat', args: rows };
      }
    }
    return this.leaf(s);
  }
}

/** Builds a recipe through the builder (with rewrites). */
export function buildWith(b: Builder, r: Recipe): Node {
  const args = r.args.map((a) => buildWith(b, a));
  if (r.op === 'var') return b.variable(r.attrs!.name!, [r.attrs!.rows!, r.attrs!.cols!]);
  if (r.op === 'const') return r.attrs!.rows === undefined ? b.constant(r.attrs!.value!) : b.fill(r.attrs!.value!, r.attrs!.rows!, r.attrs!.cols!);
  if (r.op === 'dimsize') return b.dimsize(r.attrs!.name!);
  if (r.op === 'eye') return b.eye(r.attrs!.rows!);
  return b.make(r.op, args, r.attrs ?? {});
}

/** Builds a recipe exactly as written (no rewrites). */
export function buildRaw(b: Builder, r: Recipe): Node {
  const args = r.args.map((a) => buildRaw(b, a));
  if (r.op === 'eye' && r.attrs!.rows === 1) return b.constant(1);
  return b.raw(r.op, args, r.attrs ?? {});
}

/** Random values (standard normal) for every variable of the nodes. */
export function randomEnv(nodes: readonly Node[], seed: number, sizes: ReadonlyMap<string, number> = SIZES): EvalEnv {
  const r = mulberry32(seed);
  const values = new Map<string, Matrix>();
  for (const n of topologicalOrder(nodes)) {
    if (n.op !== 'var' || values.has(n.attrs.name!)) continue;
    values.set(n.attrs.name!, randomMatrix(r, resolveDim(n.shape[0], sizes), resolveDim(n.shape[1], sizes)));
  }
  return { values, sizes };
}

/**
 * The smallest distance of any kink argument (relu, abs, max, min, comparisons) from its kink at this
 * point: finite differences across a kink are meaningless, so such points are skipped.
 */
export function kinkMargin(root: Node, env: EvalEnv): number {
  const memo = new Map<number, Matrix>();
  evaluate(root, env, memo);
  let margin = Infinity;
  const minAbs = (m: Matrix) => m.data.reduce((acc, v) => Math.min(acc, Math.abs(v)), Infinity);
  for (const n of topologicalOrder([root])) {
    if (n.op === 'relu' || n.op === 'abs') margin = Math.min(margin, minAbs(memo.get(n.args[0].id)!));
    // The norm is not differentiable at 0.
    if (n.op === 'norm') margin = Math.min(margin, memo.get(n.id)!.data[0]);
    if (['max', 'min', 'gt', 'ge', 'lt', 'le', 'eq', 'ne'].includes(n.op)) {
      const a = memo.get(n.args[0].id)!;
      const c = memo.get(n.args[1].id)!;
      const rows = Math.max(a.rows, c.rows);
      const cols = Math.max(a.cols, c.cols);
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const x = a.data[(a.rows === 1 ? 0 : i) * a.cols + (a.cols === 1 ? 0 : j)];
          const y = c.data[(c.rows === 1 ? 0 : i) * c.cols + (c.cols === 1 ? 0 : j)];
          margin = Math.min(margin, Math.abs(x - y));
        }
    }
  }
  return margin;
}

export function maxAbsValue(root: Node, env: EvalEnv): number {
  const memo = new Map<number, Matrix>();
  evaluate(root, env, memo);
  let m = 0;
  for (const v of memo.values()) for (const x of v.data) m = Math.max(m, Number.isFinite(x) ? Math.abs(x) : Infinity);
  return m;
}

/** .cr declarations for every variable of the nodes, and a column per dimension name so every dim is known. */
export function declarations(nodes: readonly Node[]): string {
  const lines = new Set<string>(['dimM : M x 1', 'dimN : N x 1', 'dimK : K x 1']);
  for (const n of topologicalOrder(nodes)) if (n.op === 'var') lines.add(`${n.attrs.name} : ${n.shape[0]} x ${n.shape[1]}`);
  return [...lines].join('\n') + '\n';
}
