// Expressions evaluated at the points where a claim's target is checked: what a grader compares answers by
// (answer groups and overrides, docs/grading.md). The points are the checker's own (shared per graph and
// scope, and the same for every submission of a problem: they depend on the seed and the names only).
import type { Expr } from '../syntax/ast';
import type { Matrix } from '../ir/types';
import type { Claim } from '../resolve/scope';
import type { ClaimContext } from './claim';
import { ClaimEvaluator } from './evaluator';
import { truthOf } from './truth';
import { claimLowering, isIndexedStep } from './indexed';

/** An expression's values at the claim's points, or undefined where it has none (it does not lower, or fails to evaluate). */
export type PointValues = (expr: Expr) => Matrix[] | undefined;

/**
 * The evaluation of expressions at the points `claim` is checked at; undefined when the target has no
 * truth to draw points for. Index-notation expressions are left out (their layout is the claim's to align).
 */
export function pointValues(claim: Claim, ctx: Pick<ClaimContext, 'lowering' | 'calculus' | 'scope' | 'seed'>): PointValues | undefined {
  let truth;
  try {
    truth = truthOf(claim, ctx.lowering, ctx.calculus.meaning);
  } catch {
    return undefined;
  }
  const evaluator = new ClaimEvaluator(ctx.lowering.b.graph, ctx.scope, ctx.calculus.derivedLeaves, ctx.seed, truth.value, truth.forms, claim.point);
  if (evaluator.points.length === 0) return undefined;
  const lowering = claimLowering(ctx.lowering, truth);
  return (expr) => {
    if (isIndexedStep(expr, truth, lowering)) return undefined;
    try {
      return evaluator.values(lowering.lower(expr));
    } catch {
      return undefined;
    }
  };
}
