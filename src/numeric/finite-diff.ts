// Finite differences, to cross-check symbolic derivatives. Central differences with one Richardson step
// (error O(h^4)) and a step scaled to the entry's magnitude.
import type { EvalEnv, Matrix, Node } from '../ir/types';
import { evaluateScalar } from './evaluate';
import { copy, zeros } from './matrix';

/** d f / d (variable `name`) at `env` for a scalar node f, entry by entry; shaped like the variable's value. */
export function finiteDifferenceGradient(f: Node, env: EvalEnv, name: string, step = 1e-3): Matrix {
  const x = env.values.get(name);
  if (!x) throw new Error(`no value for ${name}`);
  const grad = zeros(x.rows, x.cols);
  const at = (k: number, delta: number): number => {
    const moved = copy(x);
    moved.data[k] += delta;
    const values = new Map(env.values);
    values.set(name, moved);
    return evaluateScalar(f, { values, sizes: env.sizes });
  };
  for (let k = 0; k < x.data.length; k++) {
    const h = step * Math.max(1, Math.abs(x.data[k]));
    const d1 = (at(k, h) - at(k, -h)) / (2 * h);
    const d2 = (at(k, h / 2) - at(k, -h / 2)) / h;
    grad.data[k] = (4 * d2 - d1) / 3;
  }
  return grad;
}
