// Reference Jacobians for tests: from the VJP rules alone, and by finite differences.
import type { Builder } from '../../src/ir/build';
import type { EvalEnv, Matrix, Node } from '../../src/ir/types';
import { vjp } from '../../src/diff';
import { evaluate } from '../../src/numeric/evaluate';
import { zeros } from '../../src/numeric/matrix';

/** Row i is the pullback of the i-th basis cotangent, evaluated (numerator layout). */
export function basisJacobian(b: Builder, f: Node, x: Node, env: EvalEnv): Matrix {
  const p = vjp(b.graph, f, b.variable('__basis', f.shape), x);
  const fv = evaluate(f, env);
  const cols = evaluate(x, env).data.length;
  const out = zeros(fv.data.length, cols);
  for (let i = 0; i < fv.data.length; i++) {
    const basis = zeros(fv.rows, fv.cols);
    basis.data[i] = 1;
    out.data.set(evaluate(p, { values: new Map(env.values).set('__basis', basis), sizes: env.sizes }).data, i * cols);
  }
  return out;
}

/** Column j is the central difference of f along entry j of the variable `name` (step h). */
export function finiteDifferenceJacobian(f: Node, env: EvalEnv, name: string, h = 1e-5): Matrix {
  const x = env.values.get(name)!;
  const at = (k: number, delta: number): Float64Array => {
    const moved = { rows: x.rows, cols: x.cols, data: Float64Array.from(x.data) };
    moved.data[k] += delta;
    return evaluate(f, { values: new Map(env.values).set(name, moved), sizes: env.sizes }).data;
  };
  const m = evaluate(f, env).data.length;
  const out = zeros(m, x.data.length);
  for (let j = 0; j < x.data.length; j++) {
    const up = at(j, h);
    const down = at(j, -h);
    for (let i = 0; i < m; i++) out.data[i * x.data.length + j] = (up[i] - down[i]) / (2 * h);
  }
  return out;
}
