// Which claim answers an ask, as a TA reads the aligned part (docs/grading.md, "Which claim is graded"): the
// author's final *expanded* claim for the target. A chain-rule restatement (`dL/db = dL/dh dh/db`) followed
// by its expansion is an intermediate, and an informal tensor chain never wins over an expanded line. When
// every claim for the target still holds derivatives, each of them is replaced by the author's own expanded
// claim for it nearby (`X^T dL/dh` with `dL/dh = a - y` two lines down), and that is graded. A per-entry
// claim `dL/dw_i = ...` answers `ask dL/dw` when no claim of the whole target exists. A claim that the target is 0
// after an expression for it (`\nabla_w L = 0`, setting the gradient to zero) is a condition, not the answer.
import type { Expr, Step } from '../syntax/ast';
import type { Claim } from '../resolve/scope';
import type { Lowering } from '../resolve/lower';
import { printExpr } from '../syntax/print';
import { findInExpr, rewriteExpr } from '../syntax/walk';
import { targetKey } from './targets';
import { derivativeKey } from './alignment';
import { findDerivative } from './score';
import { sumsOverSamples } from './sampleSums';

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
  const choice = chooseClaim(target, input);
  return choice && withSampleSums(choice, target, input);
}

function chooseClaim(target: Expr, input: SelectionInput): AnswerChoice | undefined {
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
  const written = candidates.filter((i) => isExpanded(finalExpr(claims[i])) && !informal(i));
  // `\nabla_w L = 0` after `\nabla_w L = X^T (Xw - y)`: the gradient set to zero (a condition, the normal
  // equations), not a second answer.
  const expanded = written.filter((i) => !(isSetToZero(claims[i]) && written.some((j) => j < i && !isSetToZero(claims[j]))));
  if (expanded.length) return { index: expanded[expanded.length - 1], ...(perEntry && { perEntry }) };
  const last = candidates[candidates.length - 1];
  for (const i of [...candidates].reverse()) {
    const sub = substituted(i, input);
    if (sub) return { index: i, ...sub, ...(perEntry && { perEntry }) };
  }
  return { index: last, ...(perEntry && { perEntry }) };
}

/** The answer with a bare `\sum` of a matrix read as the sum over its samples where the ask's shape says so (sampleSums.ts). */
function withSampleSums(choice: AnswerChoice, target: Expr, { claims, lowering }: SelectionInput): AnswerChoice {
  if (target.kind !== 'deriv' || target.wrt.length !== 1) return choice;
  const claim = choice.substituted ?? claims[choice.index];
  const last = claim.steps[claim.steps.length - 1];
  let variable;
  try {
    variable = lowering.lower(target.wrt[0]).shape;
  } catch {
    return choice;
  }
  const read = sumsOverSamples(last.expr, variable, lowering);
  if (!read) return choice;
  const step: Step = { expr: read.expr, text: printExpr(read.expr), span: last.span };
  return { ...choice, substituted: { ...claim, steps: [...claim.steps, step], readings: [...(claim.readings ?? []), ...read.readings] } };
}

function finalExpr(claim: Claim): Expr {
  return claim.steps[claim.steps.length - 1].expr;
}

/** A claim that its target is 0, and says nothing else. */
function isSetToZero(claim: Claim): boolean {
  const [only] = claim.steps;
  return claim.steps.length === 1 && only.expr.kind === 'number' && only.expr.value === 0;
}

function isExpanded(e: Expr): boolean {
  return findDerivative(e) === undefined;
}

/**
 * The claim with every derivative of its final step replaced by the author's nearest claim for it, expanded
 * in turn the same way where it still holds derivatives (`dL/dW_h = dL/dZ_h X^T`, `dL/dZ_h = dL/dA_h ⊙ ...`,
 * `dL/dA_h = W_o^T dL/dZ_o`, `dL/dZ_o = A_o - Y`), never through a claim twice; `\frac{\partial}{\partial Z}
 * ReLU(Z)` in what is put in is ReLU'(Z): the same thing, written for an elementwise product.
 */
function substituted(index: number, input: SelectionInput): { substituted: Claim; from: number[] } | undefined {
  const claim = input.claims[index];
  const last = claim.steps[claim.steps.length - 1];
  const from: number[] = [];
  const expr = expandFrom(last.expr, claim.span.line, new Set([index]), from, input);
  if (!expr || from.length === 0) return undefined;
  const step: Step = { expr, text: printExpr(expr), span: last.span };
  return { substituted: { ...claim, steps: [...claim.steps, step], readings: [...(claim.readings ?? []), ...from.flatMap((i) => input.claims[i].readings ?? [])] }, from };
}

/** How many of the author's claims are put into each other at most: more than any derivation chains. */
const MAX_EXPANSION_DEPTH = 8;

/**
 * `e` with its derivatives replaced by the author's claims nearest `line` (recorded in `from`), or
 * undefined when one has none. A claim that is tensor shorthand only through a local derivative (`dL/dA_h ⊙
 * \frac{\partial}{\partial Z_h} ReLU(Z_h)`) may be put in: read so, it is checked like any other.
 */
function expandFrom(e: Expr, line: number, used: Set<number>, from: number[], input: SelectionInput): Expr | undefined {
  const { claims, lowering, informal } = input;
  let complete = true;
  const expr = rewriteExpr(e, (x) => {
    if (x.kind !== 'deriv' || !complete) return undefined;
    const prime = localAsPrime(x);
    if (prime) return prime;
    const key = targetKey(x, lowering);
    const usable = (i: number) => !informal(i) || findInExpr(finalExpr(claims[i]), (y) => localAsPrime(y) !== undefined) !== undefined;
    const own = claims
      .map((_, i) => i)
      .filter((i) => !used.has(i) && key !== undefined && targetKey(claims[i].target.expr, lowering) === key && usable(i))
      .sort((a, b) => Number(isExpanded(finalExpr(claims[b]))) - Number(isExpanded(finalExpr(claims[a]))) || Math.abs(claims[a].span.line - line) - Math.abs(claims[b].span.line - line) || b - a)[0];
    const value = own === undefined || used.size > MAX_EXPANSION_DEPTH ? undefined : expandFrom(finalExpr(claims[own]), claims[own].span.line, new Set([...used, own]), from, input);
    if (value === undefined) {
      complete = false;
      return x;
    }
    from.push(own!);
    return value;
  });
  return complete ? expr : undefined;
}

/** `\frac{\partial}{\partial Z} ReLU(Z)` as `relu'(Z)`: a one-argument function differentiated at its variable. */
function localAsPrime(e: Expr): Expr | undefined {
  if (e.kind !== 'deriv' || e.wrt.length !== 1 || e.wrt[0].kind !== 'name' || e.of.kind !== 'call') return undefined;
  const { of } = e;
  const [arg] = of.args;
  if (of.args.length !== 1 || of.prime !== 0 || arg.kind !== 'name' || arg.name !== e.wrt[0].name) return undefined;
  return { ...of, prime: 1, span: e.span };
}
