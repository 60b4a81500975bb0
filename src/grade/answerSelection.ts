// Which claim answers an ask, as a TA reads the aligned part (docs/grading.md, "Which claim is graded"): the
// author's final *expanded* claim for the target. A chain-rule restatement (`dL/db = dL/dh dh/db`) followed
// by its expansion is an intermediate, and an informal tensor chain never wins over an expanded line. When
// every claim for the target still holds derivatives, each of them is replaced by the author's own expanded
// claim for it nearby (`X^T dL/dh` with `dL/dh = a - y` two lines down), and that is graded. A per-entry
// claim `dL/dw_i = ...` answers `ask dL/dw` when no claim of the whole target exists.
import type { Expr, Step } from '../syntax/ast';
import type { Claim } from '../resolve/scope';
import type { Lowering } from '../resolve/lower';
import { printExpr } from '../syntax/print';
import { rewriteExpr } from '../syntax/walk';
import { targetKey } from './targets';
import { derivativeKey } from './alignment';
import { findDerivative } from './score';

export interface AnswerChoice {
  /** The index of the chosen claim among the problem's claims. */
  index: number;
  /** When derivatives of the final step were replaced by the author's own claims: the claim to grade instead. */
  substituted?: Claim;
  /** The claims whose values were substituted (indices), for the reasons. */
  from?: number[];
  /** The claim answers the ask entry by entry (`dL/dw_i`). */
  perEntry?: boolean;
}

export interface SelectionInput {
  claims: readonly Claim[];
  lowering: Lowering;
  /** Names of the problem, to read `w_i` as an entry of its `w`. */
  known: ReadonlySet<string>;
  /** The final step's verdict of each claim (informal ones never win over an expanded one). */
  informal: (index: number) => boolean;
}

export function selectAnswer(target: Expr, input: SelectionInput): AnswerChoice | undefined {
  const { claims, lowering, known, informal } = input;
  const key = targetKey(target, lowering);
  let candidates = claims.map((_, i) => i).filter((i) => key !== undefined && targetKey(claims[i].target.expr, lowering) === key);
  let perEntry = false;
  if (candidates.length === 0) {
    const whole = derivativeKey(target);
    candidates = claims.map((_, i) => i).filter((i) => whole !== undefined && derivativeKey(claims[i].target.expr, known) === whole && claims[i].target.expr.kind === 'deriv');
    perEntry = candidates.length > 0;
  }
  if (candidates.length === 0) return undefined;
  const expanded = candidates.filter((i) => isExpanded(finalExpr(claims[i])) && !informal(i));
  if (expanded.length) return { index: expanded[expanded.length - 1], ...(perEntry && { perEntry }) };
  const last = candidates[candidates.length - 1];
  for (const i of [...candidates].reverse()) {
    const sub = substituted(i, input);
    if (sub) return { index: i, ...sub, ...(perEntry && { perEntry }) };
  }
  return { index: last, ...(perEntry && { perEntry }) };
}

function finalExpr(claim: Claim): Expr {
  return claim.steps[claim.steps.length - 1].expr;
}

function isExpanded(e: Expr): boolean {
  return findDerivative(e) === undefined;
}

/** The claim with every derivative of its final step replaced by the author's nearest expanded claim for it. */
function substituted(index: number, input: SelectionInput): { substituted: Claim; from: number[] } | undefined {
  const { claims, lowering, informal } = input;
  const claim = claims[index];
  const last = claim.steps[claim.steps.length - 1];
  const from: number[] = [];
  let complete = true;
  const expr = rewriteExpr(last.expr, (x) => {
    if (x.kind !== 'deriv') return undefined;
    const key = targetKey(x, lowering);
    const own = claims
      .map((c, i) => i)
      .filter((i) => i !== index && key !== undefined && targetKey(claims[i].target.expr, lowering) === key && isExpanded(finalExpr(claims[i])) && !informal(i))
      .sort((a, b) => Math.abs(claims[a].span.line - claim.span.line) - Math.abs(claims[b].span.line - claim.span.line) || b - a)[0];
    if (own === undefined) {
      complete = false;
      return x;
    }
    from.push(own);
    return finalExpr(claims[own]);
  });
  if (!complete || from.length === 0) return undefined;
  const step: Step = { expr, text: printExpr(expr), span: last.span };
  return { substituted: { ...claim, steps: [...claim.steps, step], readings: [...(claim.readings ?? []), ...from.flatMap((i) => claims[i].readings ?? [])] }, from };
}
