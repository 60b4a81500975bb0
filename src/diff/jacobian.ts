// Jacobians of vector functions in numerator layout: m x n, row i the gradient of entry i of f, columns
// running over the entries of wrt[0], then wrt[1], ... (SPEC 1.5). Written as an expression when possible:
// entry by entry for small functions of scalars, otherwise as the matrix read off the pullback (linear.ts).
import type { Dim, EvalEnv, Matrix, Node } from '../ir/types';
import { ShapeError, formatShape, isScalarShape } from '../ir/types';
import type { Graph } from '../ir/graph';
import { builderFor } from '../ir/build';
import { addDims, isConcreteDim, isVectorShape, resolveDim } from '../ir/dims';
import { evaluate } from '../numeric/evaluate';
import { zeros } from '../numeric/matrix';
import { gradient, vjp } from './reverse';
import { isElementwiseIn } from './elementwise';
import { jacobianOfPullback } from './linear';
import { topologicalOrder } from '../ir/inspect';

export interface Jacobian {
  /** m x n. */
  readonly rows: Dim;
  readonly cols: Dim;
  /** The Jacobian as an expression, when chainrule can write it (most vector functions, at any sizes). */
  readonly node?: Node;
  /** For f elementwise in a single x of its own shape: the diagonal, shaped like x (the full Jacobian is diag of it). */
  readonly diagonal?: Node;
  /** The Jacobian at a point (always available; by VJPs with basis cotangents when there is no node). */
  evaluate(env: EvalEnv): Matrix;
}

/** The most entries of a Jacobian built entry by entry as a literal. */
const MAX_LITERAL_ENTRIES = 256;

function entries(shape: readonly [Dim, Dim]): Dim {
  if (shape[0] === 1) return shape[1];
  if (shape[1] === 1) return shape[0];
  throw new Error('not a vector');
}

function requireVectorOrScalar(what: string, n: Node): void {
  if (!isScalarShape(n.shape) && !isVectorShape(n.shape)) {
    throw new ShapeError('jacobian', [n.shape], `a Jacobian needs ${what} to be a scalar or a vector, not ${formatShape(n.shape)}`);
  }
}

/** Flat entry k of a vector or scalar node. */
function entryOf(graph: Graph, v: Node, k: number): Node {
  const b = builderFor(graph);
  if (isScalarShape(v.shape)) return v;
  return v.shape[1] === 1 ? b.entry(v, k, 0) : b.entry(v, 0, k);
}

/** Whether a Jacobian literal reads back as .cr: no entry(...) or embed(...) of a matrix that is not a literal. */
function printsAsCr(node: Node): boolean {
  return !topologicalOrder([node]).some((n) => n.op === 'entry' || n.op === 'embed');
}

/** The m x n literal, entry by entry, for small concrete sizes. */
function literalJacobian(graph: Graph, f: Node, wrt: readonly Node[], m: number): Node {
  const sizes = wrt.map((w) => entries(isScalarShape(w.shape) ? [1, 1] : w.shape) as number);
  const grid = Array.from({ length: m }, (_, i) => {
    const fi = entryOf(graph, f, i);
    return wrt.flatMap((w, k) => {
      const g = gradient(graph, fi, w);
      return Array.from({ length: sizes[k] }, (_, j) => entryOf(graph, g, j));
    });
  });
  return builderFor(graph).literal(grid);
}

export function jacobian(graph: Graph, f: Node, wrt: readonly Node[]): Jacobian {
  requireVectorOrScalar('the function', f);
  wrt.forEach((w) => requireVectorOrScalar('each variable', w));
  const b = builderFor(graph);
  const m = entries(isScalarShape(f.shape) ? [1, 1] : f.shape);
  const n = addDims(wrt.map((w) => entries(isScalarShape(w.shape) ? [1, 1] : w.shape)));
  const cot = b.variable('__cotangent', f.shape);
  let pullbacks: Node[] | undefined;
  const pullbacksOf = () => (pullbacks ??= wrt.map((w) => vjp(graph, f, cot, w)));

  let diagonal: Node | undefined;
  if (wrt.length === 1 && !isScalarShape(f.shape) && isElementwiseIn(f, wrt[0])) diagonal = vjp(graph, f, b.onesOf(f.shape), wrt[0]);

  // Preference: a small literal that reads back as .cr ([6 x y - 15 y^2, ...]); diag of an elementwise
  // map's diagonal; the matrix read off the pullbacks (A, diag(s) - s s^T); a literal with entry(...).
  const literal = isConcreteDim(m) && isConcreteDim(n) && m * n <= MAX_LITERAL_ENTRIES ? literalJacobian(graph, f, wrt, m) : undefined;
  const readable = literal && printsAsCr(literal) ? literal : undefined;
  const node = readable ?? (diagonal && b.diag(diagonal)) ?? matrixOfPullbacks(graph, f, cot, pullbacksOf()) ?? literal;

  // Numeric fallback: row i = the VJP with the i-th basis cotangent, from one symbolic VJP in a cotangent variable.
  const evaluateAt = (env: EvalEnv): Matrix => {
    if (node) return evaluate(node, env);
    const rows = resolveDim(m, env.sizes);
    const cols = resolveDim(n, env.sizes);
    const out = zeros(rows, cols);
    const fr = resolveDim(f.shape[0], env.sizes);
    const fc = resolveDim(f.shape[1], env.sizes);
    for (let i = 0; i < rows; i++) {
      const basis = zeros(fr, fc);
      basis.data[i] = 1;
      const values = new Map(env.values);
      values.set('__cotangent', basis);
      const at = { values, sizes: env.sizes };
      let col = 0;
      for (const p of pullbacksOf()) {
        const v = evaluate(p, at);
        out.data.set(v.data, i * cols + col);
        col += v.data.length;
      }
    }
    return out;
  };
  return { rows: m, cols: n, node, diagonal, evaluate: evaluateAt };
}

/** The Jacobian read off the pullbacks, one block of columns per variable; undefined when one cannot be read. */
function matrixOfPullbacks(graph: Graph, f: Node, cot: Node, pullbacks: readonly Node[]): Node | undefined {
  const b = builderFor(graph);
  const frozen = new Set(topologicalOrder([f]).map((x) => x.id));
  const blocks: Node[] = [];
  for (const p of pullbacks) {
    const block = jacobianOfPullback(b, p, cot, frozen);
    if (!block) return undefined;
    blocks.push(block);
  }
  return b.hcat(blocks);
}
