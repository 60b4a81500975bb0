// Whether a user function acts on each entry alone (`h(x) = 1 / (1 + e^{-\theta_0 - \theta_1 x})`,
// `Cost(h, y) = -y \log h - (1 - y) \log(1 - h)`), so that calling it on the entries of arrays over the
// samples (`h_\theta(x^{(i)})` under `\sum_i`) is the function applied to the whole arrays entry by entry.
// A body with a transpose, a matrix, a derivative, a sum or any function that is not entrywise (softmax,
// norms) mixes entries, and its call on indexed entries stays unread.
import { findInExpr } from '../syntax/walk';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';
import type { Scope } from '../resolve/scope';

export function isEntrywiseFunction(scope: Scope, name: string, seen: ReadonlySet<string> = new Set()): boolean {
  const fn = scope.functions.get(name);
  if (!fn || fn.entries || seen.has(name)) return false;
  const inner = new Set([...seen, name]);
  const mixing = findInExpr(fn.body, (x) => {
    if (x.kind === 'transpose' || x.kind === 'matrix' || x.kind === 'deriv') return true;
    if (x.kind === 'binary') return x.op !== 'add' && x.op !== 'sub' && x.op !== 'mul' && x.op !== 'div' && x.op !== 'hadamard';
    if (x.kind !== 'call') return false;
    if (x.prime > 0) return true;
    if (scope.functions.has(x.callee)) return !isEntrywiseFunction(scope, x.callee, inner);
    const builtin = BUILTIN_FUNCTIONS.get(x.callee);
    return !builtin || builtin.kind !== 'elementwise';
  });
  return mixing === undefined;
}
