// A derivative between entries that share an index (docs/index-notation.md): `∂z_j/∂W_ij` (z_j = Σ_i W_ij x_i),
// `∂μ_j/∂x_ij`, `∂y_ij/∂γ_j`. The whole Jacobian would have three axes, but the entries written name only
// two indices: one number for each (i, j), the Jacobian's entry where the shared index is the same on both
// sides, as a per-entry answer (`= x_i`) states it for every i and j. It is laid out over the two indices and
// worked out numerically, one pullback per entry of the quantity.
import type { EvalEnv, Matrix, Shape } from '../ir/types';
import type { Builder } from '../ir/build';
import { evaluate } from '../numeric/evaluate';
import { zeros } from '../numeric/matrix';
import { vjp } from '../diff/index';
import { isIndexLabel, labelsOf, type Layout, type Tensor } from '../ir/tensor';

export interface SharedIndexDerivative {
  layout: Layout;
  shape: Shape;
  value(env: EvalEnv): Matrix;
}

/**
 * The derivative of `of`'s entries by `wrt`'s as one array over their two indices, when both are written
 * with indices only, share one and together write exactly two (`∂a_i/∂h_i`, one index, is a diagonal and
 * read elsewhere); undefined otherwise.
 */
export function sharedIndexDerivative(b: Builder, of: Tensor, wrt: Tensor): SharedIndexDerivative | undefined {
  const ofLabels = labelsOf(of);
  const wrtLabels = labelsOf(wrt);
  if (!ofLabels.length || !wrtLabels.length || ![...ofLabels, ...wrtLabels].every(isIndexLabel)) return undefined;
  const union = [...new Set([...ofLabels, ...wrtLabels])];
  if (union.length !== 2 || !ofLabels.some((l) => wrtLabels.includes(l))) return undefined;
  const [rows, cols] = union;
  const dimOf = (label: string) => {
    for (const t of [of, wrt]) {
      if (t.rows === label) return t.node.shape[0];
      if (t.cols === label) return t.node.shape[1];
    }
    return 1;
  };
  const cotangent = b.variable(`__sharedCotangent${of.node.id}`, of.node.shape);
  const pulled = vjp(b.graph, of.node, cotangent, wrt.node);
  const value = (env: EvalEnv): Matrix => {
    const ofValue = evaluate(of.node, env);
    const wrtValue = evaluate(wrt.node, env);
    const size = (label: string) => (of.rows === label ? ofValue.rows : of.cols === label ? ofValue.cols : wrt.rows === label ? wrtValue.rows : wrtValue.cols);
    const out = zeros(size(rows), size(cols));
    for (let r = 0; r < ofValue.rows; r++) {
      for (let c = 0; c < ofValue.cols; c++) {
        const basis = zeros(ofValue.rows, ofValue.cols);
        basis.data[r * ofValue.cols + c] = 1;
        const at = new Map<string, number>();
        if (of.rows) at.set(of.rows, r);
        if (of.cols) at.set(of.cols, c);
        const g = evaluate(pulled, { values: new Map(env.values).set(cotangent.attrs.name!, basis), sizes: env.sizes });
        for (let p = 0; p < g.rows; p++) {
          for (let q = 0; q < g.cols; q++) {
            const entry = new Map(at);
            if (!bind(entry, wrt.rows, p) || !bind(entry, wrt.cols, q)) continue;
            out.data[(entry.get(rows) ?? 0) * out.cols + (entry.get(cols) ?? 0)] = g.data[p * g.cols + q];
          }
        }
      }
    }
    return out;
  };
  return { layout: { rows, cols }, shape: [dimOf(rows), dimOf(cols)], value };
}

/** Gives `label` the value `k` in `entry`; false when it has another value there already (a shared index). */
function bind(entry: Map<string, number>, label: string | undefined, k: number): boolean {
  if (label === undefined) return true;
  const prior = entry.get(label);
  if (prior !== undefined) return prior === k;
  entry.set(label, k);
  return true;
}
