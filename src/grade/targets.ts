// Which claim answers which ask: by what the target means, not how it is written. `dL/dW_1`, `∂L/∂W1` and
// `d(L)/d(W1)` lower to the same nodes (names are normalised and the IR is hash-consed), so a key made of
// node ids identifies the target. Both sides must be lowered by the same Lowering (one graph).
import type { Expr } from '../syntax/ast';
import type { Lowering } from '../resolve/lower';

/**
 * Keys already made, by lowering and target: every ask compares its target with every claim's, twice (the
 * answer, the class-folder warning), and a lowering gives one target the same nodes every time.
 */
const keys = new WeakMap<Lowering, WeakMap<Expr, string | undefined>>();

/** The key of a target, or undefined when it does not lower (an unknown name, a shape error). */
export function targetKey(target: Expr, lowering: Lowering): string | undefined {
  let byTarget = keys.get(lowering);
  if (!byTarget) keys.set(lowering, (byTarget = new WeakMap()));
  if (byTarget.has(target)) return byTarget.get(target);
  const key = keyOf(target, lowering);
  byTarget.set(target, key);
  return key;
}

function keyOf(target: Expr, lowering: Lowering): string | undefined {
  try {
    const local = primeCall(target);
    // `\sigma'(x)` is the derivative of σ(x) by x: it answers `ask ds/dx` for the problem's `s = sigma(x)`.
    if (local) return `d:${lowering.lower(local.of).id}/${lowering.lower(local.wrt).id}`;
    if (target.kind !== 'deriv') return `value:${lowering.lower(target).id}`;
    const of = lowering.lower(target.of).id;
    const wrt = target.wrt.map((w) => lowering.lower(w).id).join(',');
    return `${derivativeFamily(target)}:${of}/${wrt}`;
  } catch {
    return undefined;
  }
}

/**
 * `dL/dW`, `d/dW (L)` and `grad(L, [W])` are one derivative; `grad` by several variables (a stacked
 * gradient) and `jacobian` (numerator layout) are others.
 */
function derivativeFamily(ref: Extract<Expr, { kind: 'deriv' }>): string {
  if (ref.form === 'jacobian') return 'jacobian';
  if (ref.form === 'grad' && ref.wrt.length > 1) return 'grad';
  return 'd';
}

/** `f'(x)` at a name: the call `f(x)` it differentiates, and x. */
export function primeCall(e: Expr): { of: Expr; wrt: Expr } | undefined {
  if (e.kind !== 'call' || e.prime !== 1 || e.args.length !== 1 || e.args[0].kind !== 'name') return undefined;
  return { of: { ...e, prime: 0 }, wrt: e.args[0] };
}
