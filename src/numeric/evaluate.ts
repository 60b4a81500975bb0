// Float64 evaluation of the DAG at one point: every node once, children first, no recursion (deep
// networks would overflow the stack).
import type { EvalEnv, Matrix, Node } from '../ir/types';
import { getOp } from '../ops/index';
import { resolveDim } from '../ir/dims';
import { topologicalOrder } from '../ir/inspect';

/** The value of `node` at the point `env`. `memo` (node id → value) may be shared between calls at the same point. */
export function evaluate(node: Node, env: EvalEnv, memo: Map<number, Matrix> = new Map()): Matrix {
  const known = memo.get(node.id);
  if (known) return known;
  // Often every argument is known already (a candidate of a diagnosis over evaluated parts): no walk needed.
  let ready = true;
  for (let k = 0; k < node.args.length; k++) {
    if (!memo.has(node.args[k].id)) {
      ready = false;
      break;
    }
  }
  if (ready) return evaluateOne(node, env, memo);
  // The walk stops at memoised nodes: a step evaluated after the truth at the same point visits only what is new.
  for (const n of topologicalOrder([node], (x) => memo.has(x.id))) evaluateOne(n, env, memo);
  return memo.get(node.id)!;
}

/** Evaluates `n`, whose arguments are in `memo`, and memoises its value. */
function evaluateOne(n: Node, env: EvalEnv, memo: Map<number, Matrix>): Matrix {
  const rows = resolveDim(n.shape[0], env.sizes);
  const cols = resolveDim(n.shape[1], env.sizes);
  const args = n.args.map((a) => memo.get(a.id)!);
  const value = getOp(n.op).evaluate(args, n.attrs, { env, rows, cols });
  if (value.rows !== rows || value.cols !== cols) {
    throw new Error(`internal: ${n.op} evaluated to ${value.rows} x ${value.cols}, its shape says ${rows} x ${cols}`);
  }
  memo.set(n.id, value);
  return value;
}

/** The scalar value of a 1 x 1 node. */
export function evaluateScalar(node: Node, env: EvalEnv, memo?: Map<number, Matrix>): number {
  const m = evaluate(node, env, memo);
  if (m.rows !== 1 || m.cols !== 1) throw new Error(`expected a scalar, got ${m.rows} x ${m.cols}`);
  return m.data[0];
}
