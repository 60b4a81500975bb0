// Expressions evaluated at the points where a claim's target is checked: what a grader compares answers by
// (answer groups and overrides, docs/grading.md). The points are the checker's own (shared per graph and
// scope, and the same for every submission of a problem: they depend on the seed and the names only), and
// the values already computed there are reused.
import type { Expr } from '../syntax/ast';
import type { Matrix } from '../ir/types';
import type { ClaimCheck } from './claim';
import { isIndexedStep } from './indexed';

/** An expression's values at the claim's points, or undefined where it has none (it does not lower, or fails to evaluate). */
export type PointValues = (expr: Expr) => Matrix[] | undefined;

/** The evaluation of expressions at a checked claim's points. Index-notation expressions are left out (their layout is the claim's to align). */
export function valuesAt({ evaluator, truth, lowering }: Pick<ClaimCheck, 'evaluator' | 'truth' | 'lowering'>): PointValues {
  return (expr) => {
    if (isIndexedStep(expr, truth, lowering)) return undefined;
    try {
      return evaluator.values(lowering.lower(expr));
    } catch {
      return undefined;
    }
  };
}
