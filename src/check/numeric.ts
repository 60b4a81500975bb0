// Numeric questions (SPEC 1.7): an answer at an `at` point, with the tolerance its written precision
// implies, right if it matches the exact value or the value from the stated rounded intermediates.
import type { Expr, Step } from '../syntax/ast';
import type { Matrix, Node } from '../ir/types';
import type { StepJson } from './report';
import type { ClaimCheck } from './claim';
import { diagnose } from './claim';
import { agree, agreeWithin, isFinite } from './compare';
import { decimalTolerance, HAND_ROUNDING } from './sampling';
import { map } from '../numeric/matrix';
import { variablesUnder } from '../ir/inspect';
import { findInExpr } from '../syntax/walk';
import { passLimits } from '../limits/index';

type Verdict = Pick<StepJson, 'verdict' | 'diagnosis' | 'message'>;

/** A written number, possibly negative: its text and value. */
function writtenNumber(e: Expr): { text: string; value: number } | undefined {
  if (e.kind === 'number') return { text: e.text, value: e.value };
  if (e.kind === 'neg' && e.arg.kind === 'number') return { text: e.arg.text, value: -e.arg.value };
  return undefined;
}

function show(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

export function checkNumericStep(check: ClaimCheck, step: Step, node: Node): Verdict {
  const { claim, evaluator, targetText } = check;
  const stepValues = evaluator.values(node);
  if (!stepValues) return { verdict: 'error', diagnosis: null, message: 'this step could not be evaluated at the given point' };
  const exact = evaluator.truth[0];
  // At a fixed point 0 is an answer like any other (a relu that is off), but no number matches an overflow.
  if (!isFinite(exact)) return { verdict: 'error', diagnosis: null, message: `${targetText} is not finite at this point (beyond floating-point range, or outside its domain), so this step cannot be checked` };
  const rounded = roundedTruth(check);
  const written = writtenNumber(step.expr);
  const value = stepValues[0];
  const atPoint = (name: string) => claim.point?.exact.has(name) === true || claim.point?.rounded.has(name) === true;
  const tolerance = written ? decimalTolerance(written.text, written.value) : arithmeticTolerance(step.expr, node, stepValues[0], atPoint);
  const matches = (t: Matrix) => (tolerance !== undefined ? agreeWithin(value, t, tolerance) : agree(value, t, 1e-9));
  const stated = [...(claim.point?.rounded.keys() ?? [])].map((n) => `${n} ~ ${claim.point!.rounded.get(n)}`).join(', ');
  if (matches(exact)) return { verdict: 'correct', diagnosis: null, message: `correct: the exact value is ${show(exact.data[0])}` };
  if (rounded && matches(rounded)) {
    return { verdict: 'correct', diagnosis: null, message: `correct using the stated rounded values (${stated}): ${show(rounded.data[0])}; the exact value is ${show(exact.data[0])}` };
  }
  const negated = (t: Matrix): Matrix => map(t, (x) => -x);
  if (exact.data.some((x) => x !== 0) && (matches(negated(exact)) || (rounded && matches(negated(rounded))))) {
    return { verdict: 'incorrect', diagnosis: 'sign', message: `the sign is flipped: ${targetText} is ${show(exact.data[0])}${rounded ? ` (${show(rounded.data[0])} with the stated rounded values)` : ''}` };
  }
  if (written && value.data.length === 1) {
    const near = (t: Matrix) => Math.abs(value.data[0] - t.data[0]) <= Math.max(10 * tolerance!, 0.05 * Math.abs(t.data[0]));
    const reference = near(exact) ? exact : rounded && near(rounded) ? rounded : undefined;
    if (reference) {
      return { verdict: 'incorrect', diagnosis: 'rounding', message: `${written.text} is too far from ${show(reference.data[0])} for the precision it is written with: round less early, or give more digits` };
    }
  }
  const finding = diagnose(check, { expr: step.expr, node, values: stepValues }, check.truth.forms[0], evaluator.truth, tolerance);
  const suffix = finding.diagnosis === 'unknown' ? `; the value is ${show(exact.data[0])}` : '';
  return { verdict: 'incorrect', diagnosis: finding.diagnosis, message: finding.message + suffix };
}

/**
 * For arithmetic on written decimals (`0.4694 × 0.5306`, `[0.2288; 0.2445]`, `0.2 \cdot w_0` with w_0 given at
 * the point): the error their rounding can carry into the result (the relative half-units of the last written
 * digits, added up, times the largest entry), and at least the 1% a single written number gets
 * (decimalTolerance): the decimals are themselves rounded results of rounded inputs, so the error a hand
 * computation carries is more than their own rounding.
 * Undefined for anything else.
 */
function arithmeticTolerance(e: Expr, node: Node, value: Matrix, atPoint: (name: string) => boolean): number | undefined {
  if (!variablesUnder(node).every((v) => v.attrs.name !== undefined && atPoint(v.attrs.name))) return undefined;
  let relative = 0;
  findInExpr(e, (x) => {
    const digits = x.kind === 'number' ? /\.(\d+)$/.exec(x.text)?.[1] : undefined;
    if (digits && x.kind === 'number' && x.value !== 0) relative += (0.5 * 10 ** -digits.length) / Math.abs(x.value);
    return false;
  });
  const largest = Math.max(...value.data.map(Math.abs));
  return relative > 0 ? Math.max(relative * largest, HAND_ROUNDING * largest, 1e-9) : undefined;
}

/**
 * The truth evaluated with the stated rounded values of defined quantities (`at s1 ~ 0.9`). Where the
 * truth's expression does not pass through them (it simplified s1 (1 - s1) into exponentials), the earliest
 * correct step of the claim that does is used: `2 · 0.9 · (1 - 0.9)` is `r1 s1 (1 - s1)` with the stated values.
 */
function roundedTruth({ claim, truth, evaluator, lowering, correctSteps }: ClaimCheck): Matrix | undefined {
  const stated = claim.point?.rounded;
  if (!stated || stated.size === 0 || truth.forms.length === 0) return undefined;
  const overrides = new Map<number, Matrix>();
  for (const [name, v] of stated) {
    if (!lowering.scope.definitions.has(name)) continue;
    try {
      overrides.set(lowering.definitionNode(name).id, { rows: 1, cols: 1, data: Float64Array.of(v) });
    } catch (err) {
      passLimits(err);
      // a stated value for a name that does not lower is ignored
    }
  }
  const exact = evaluator.truth[0];
  const usual = evaluator.valuesWith(truth.forms[0], overrides)?.[0];
  const differs = (v: Matrix | undefined): v is Matrix => v !== undefined && !agree(v, exact, 1e-12);
  if (differs(usual)) return usual;
  // The steps are evaluated only when the truth does not pass through the stated values, one at a time.
  for (const step of correctSteps) {
    const v = evaluator.valuesWith(step, overrides)?.[0];
    if (differs(v)) return v;
  }
  return usual;
}

/** Whether an expression writes a decimal number (`0.6028`): a computation by hand, with rounded values. */
export function hasDecimals(e: Expr): boolean {
  return findInExpr(e, (x) => x.kind === 'number' && x.text.includes('.')) !== undefined;
}
