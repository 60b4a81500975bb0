// Size limits on what a submission may make chainrule compute. Symbolic dimensions are sampled small
// (2 to 11), but a student may declare `Z : 4000 x 4000` or write `ones(5000, 5000)`: every sample point
// would then hold matrices of tens of millions of numbers. Their memory lies outside the V8 heap that
// `--memory` caps, so such lines are refused before anything is evaluated.
import type { Expr, Statement } from '../syntax/ast';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';
import { findInExpr } from '../syntax/walk';

/** At most this many entries in a matrix of concrete size (a 500 x 500 matrix). */
export const MAX_CONCRETE_ENTRIES = 250_000;

/** Why the statement asks for too large a matrix, or undefined. */
export function oversized(st: Statement): string | undefined {
  if (st.kind === 'decl') {
    const { rows, cols } = st.shape;
    if (typeof rows === 'number' && typeof cols === 'number' && rows * cols > MAX_CONCRETE_ENTRIES) return tooLarge(rows * cols);
    return undefined;
  }
  if (st.kind !== 'equation') return undefined;
  for (const step of [st.lhs, ...st.rhs]) {
    let entries = 0;
    if (findInExpr(step.expr, (e) => (entries = constructedEntries(e)) > MAX_CONCRETE_ENTRIES)) return tooLarge(entries);
  }
  return undefined;
}

/** Entries of `eye(n)`, `ones(m, n)`, `zeros(m, n)` with numbers for sizes; 0 for anything else. */
function constructedEntries(e: Expr): number {
  if (e.kind !== 'call') return 0;
  const fn = BUILTIN_FUNCTIONS.get(e.callee);
  if (fn?.kind !== 'constructor') return 0;
  const sizes = e.args.map((a) => (a.kind === 'number' ? a.value : 1));
  return fn.name === 'eye' ? sizes[0] * sizes[0] : sizes.reduce((p, s) => p * s, 1);
}

function tooLarge(entries: number): string {
  return `this line asks for a matrix of ${entries} entries; the limit is ${MAX_CONCRETE_ENTRIES}, so it is not read`;
}
