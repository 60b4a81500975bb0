// `f(\mathbf{x}) = f(x_1, x_2, x_3) = x_1^2 x_2 + x_3`, `loss(scores) = loss(scores_0, scores_1, scores_2) = ...`:
// a function written on its vector argument and restated at once on that argument's entries. A TA reads the
// restatement as saying what the argument is made of, and the formula after it as the function's definition in
// those entries. Read literally, the chain calls f inside f's own definition, and the whole line was set aside.
import type { Expr } from '../syntax/ast';

type Call = Extract<Expr, { kind: 'call' }>;

/** The index written after the last `_` of a name's text: `0` of `scores_0`, `2` of `\mathbf{x}_{2}`. */
const WRITTEN_INDEX = /_\s*\{?\s*([0-9A-Za-z]+)\s*\}*\s*$/;

/** `arg` is entry i of `vector`, written `vector_i` (a number or one letter). */
function isEntryOf(arg: Expr, vector: string): boolean {
  if (arg.kind !== 'name' || arg.name === vector) return false;
  const index = WRITTEN_INDEX.exec(arg.text)?.[1];
  return index !== undefined && (index.length === 1 || /^[0-9]+$/.test(index)) && arg.name === vector + index;
}

/**
 * The restated header `f(x_1, x_2)` when `first`, the first member of `lhs = first = ...`, restates the function of
 * `lhs` on two or more distinct entries of its one vector argument; else undefined.
 */
export function restatedHeader(lhs: Call, first: Expr): Call | undefined {
  if (lhs.prime !== 0) return undefined;
  if (first.kind !== 'call' || first.callee !== lhs.callee || first.prime !== 0 || first.args.length < 2) return undefined;
  return callsOnItsVector(lhs, first.args) && new Set(first.args.map((a) => (a.kind === 'name' ? a.name : ''))).size === first.args.length ? first : undefined;
}

/** `call` is `f(x)` for a function f restated on x's entries, `header` (a value of f at x, no second definition). */
export function callsOnItsVector(call: Call, header: readonly Expr[]): boolean {
  const [vector] = call.args;
  return call.args.length === 1 && vector.kind === 'name' && header.length >= 2 && header.every((a) => isEntryOf(a, vector.name));
}
