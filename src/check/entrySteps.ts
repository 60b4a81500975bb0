// A derivative by a whole matrix worked out entry by entry: `\frac{\partial}{\partial X} \tr(XA) =
// \frac{\partial (X_{ij} A_{ji})}{\partial X_{kl}} = A_{lk} = A^T`. From the step that differentiates by the
// variable's entry (k, l), the steps are entry (k, l) of the gradient, which has the variable's shape: k runs
// over X's rows, l over its columns. Steps written whole (`A^T`) are still compared as the arrays they are.
import type { Expr } from '../syntax/ast';
import type { Dim, Shape } from '../ir/types';
import type { Layout } from '../ir/tensor';
import type { Lowering } from '../resolve/lower';
import type { Claim } from '../resolve/scope';
import { findInExpr } from '../syntax/walk';

type DerivativeRef = Extract<Expr, { kind: 'deriv' }>;

/**
 * The layout of the steps of a claim `∂f/∂X` (X a matrix) when one of them differentiates by an entry of X
 * written with two different index letters (`X_{kl}`), with those letters' ranges; else undefined.
 */
export function entryLayoutOf(target: DerivativeRef, claim: Claim, shape: Shape, lowering: Lowering): { layout: Layout; sizes: Map<string, Dim> } | undefined {
  const [variable] = target.wrt;
  if (target.wrt.length !== 1 || variable.kind !== 'name' || shape[0] === 1 || shape[1] === 1) return undefined;
  for (const step of claim.steps) {
    const entry = findInExpr(step.expr, (x) => x.kind === 'deriv' && x.wrt.length === 1 && entryIndices(x.wrt[0], variable.name, lowering) !== undefined);
    if (entry?.kind !== 'deriv') continue;
    const [rows, cols] = entryIndices(entry.wrt[0], variable.name, lowering)!;
    return { layout: { rows, cols }, sizes: new Map([[rows, shape[0]], [cols, shape[1]]]) };
  }
  return undefined;
}

/** The two different index letters of `e` when it is an entry of the array named `array` (`X_{kl}`). */
function entryIndices(e: Expr, array: string, lowering: Lowering): [string, string] | undefined {
  if (e.kind !== 'name') return undefined;
  const info = lowering.indexReader.indexedName(e);
  if (!info || info.base !== array || info.indices.length !== 2 || info.indices[0] === info.indices[1]) return undefined;
  return [info.indices[0], info.indices[1]];
}
