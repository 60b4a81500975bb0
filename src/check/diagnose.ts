// Near-miss diagnosis of a wrong step, cheapest tests first (DESIGN.md "Diagnosis"): sign, transpose,
// constant factor, an error carried from the author's earlier line, a term or factor of the truth left
// out. Each test compares values at the claim's sample points; the first that explains the step wins.
import type { Matrix, Node } from '../ir/types';
import { shapesEqual } from '../ir/types';
import type { Builder } from '../ir/build';
import { printCr } from '../ir/print';
import { vjp } from '../diff/index';
import { joinParts, linkCandidates, structuralCandidates } from './candidates';
import { dependsOn } from '../ir/inspect';
import type { Diagnosis } from './report';
import { agree, agreeWithin, ratio } from './compare';
import { map, transpose } from '../numeric/matrix';
import type { ClaimEvaluator } from './evaluator';
import { passLimits } from '../limits/index';

export interface Finding {
  diagnosis: Diagnosis;
  message: string;
}

/** An earlier claim of the author about the same function: what they wrote for d(of)/d(wrt). */
export interface EarlierAnswer {
  of: Node;
  wrt: Node;
  answer: Node;
  line: number;
  targetText: string;
  correct: boolean;
}

export interface DiagnoseInput {
  b: Builder;
  evaluator: ClaimEvaluator;
  names: ReadonlyMap<number, string>;
  targetText: string;
  /** The truth form the step is compared with (same shape as the step), and its values. */
  truth: Node | undefined;
  truthValues: Matrix[];
  step: Node;
  stepValues: Matrix[];
  /** For derivative claims: what is differentiated and by what; for carried errors. */
  of?: Node;
  wrt?: Node;
  earlier: readonly EarlierAnswer[];
  /**
   * A numeric answer's absolute tolerance (its written precision, src/check/numeric.ts): what follows from an
   * earlier rounded number is compared as loosely as the truth is.
   */
  tolerance?: number;
}

export function diagnoseValues(input: DiagnoseInput): Finding | undefined {
  const { stepValues: s, truthValues: t, targetText } = input;
  const all = (pred: (k: number) => boolean) => s.every((_, k) => pred(k));
  if (all((k) => agree(s[k], map(t[k], (x) => -x)))) {
    return { diagnosis: 'sign', message: `the sign is flipped: this is −(${targetText})` };
  }
  if (s[0].rows === s[0].cols && s[0].rows > 1 && all((k) => agree(transpose(s[k]), t[k]))) {
    return { diagnosis: 'transpose', message: `this is the transpose of ${targetText}` };
  }
  return scaleFinding(input) ?? carriedError(input) ?? missingFactor(input) ?? structuralMiss(input);
}

/**
 * step = c · truth, with c a number or a number times a dimension size (a forgotten 1/B of a mean).
 * At a single point any two numbers have a ratio, so there only small whole or unit fractions count.
 */
function scaleFinding(input: DiagnoseInput): Finding | undefined {
  const { stepValues: s, truthValues: t, targetText, evaluator } = input;
  const c0 = ratio(s[0], t[0]);
  if (c0 === undefined || !Number.isFinite(c0) || Math.abs(c0) < 1e-9) return undefined;
  const single = s.length === 1;
  const sizes = evaluator.points.map((p) => p.sizes);
  const dims = [...(sizes[0]?.keys() ?? [])];
  const factors: Array<{ label: string; at: (k: number) => number }> = [
    { label: '', at: () => 1 },
    ...(single ? [] : dims.flatMap((d) => [
      { label: d, at: (k: number) => sizes[k].get(d)! },
      { label: `1/${d}`, at: (k: number) => 1 / sizes[k].get(d)! },
    ])),
  ];
  for (const f of factors) {
    const q = c0 / f.at(0);
    if (f.label === '' && Math.abs(q - 1) < 1e-6) continue;
    if (single && !isSimpleFactor(q)) continue;
    if (s.every((v, k) => agree(v, map(t[k], (x) => q * f.at(k) * x)))) {
      const factor = f.label === '' ? formatFactor(q) : Math.abs(q - 1) < 1e-9 ? f.label : `${formatFactor(q)} ${f.label}`;
      return { diagnosis: 'scale', message: `off by a constant factor: this is ${factor} × ${targetText}${f.label === '' ? factorAdvice(q) : ''}` };
    }
  }
  return undefined;
}

function formatFactor(c: number): string {
  for (const q of [1, 2, 3, 4, 6, 8]) {
    const p = c * q;
    if (Math.abs(p - Math.round(p)) < 1e-9) return q === 1 ? String(Math.round(p)) : `${Math.round(p)}/${q}`;
  }
  return c.toPrecision(4);
}

function factorAdvice(c: number): string {
  const inv = 1 / c;
  return Math.abs(inv - Math.round(inv)) < 1e-9 ? ` (a factor ${formatFactor(inv)} is missing)` : ` (remove the factor ${formatFactor(c)})`;
}

function isSimpleFactor(c: number): boolean {
  return [1, 2, 3, 4].some((q) => {
    const p = c * q;
    return Math.abs(p - Math.round(p)) < 1e-9 && Math.abs(p) <= 10;
  });
}

/** The step is what the truth would be if the author's own earlier (wrong) answer were right. */
function carriedError(input: DiagnoseInput): Finding | undefined {
  const { of, wrt, b } = input;
  if (!of || !wrt) return undefined;
  for (const e of input.earlier) {
    if (e.correct || e.of.id !== of.id || e.wrt.id === wrt.id || !dependsOn(e.wrt, wrt)) continue;
    let carried: Node;
    try {
      carried = vjp(b.graph, e.wrt, e.answer, wrt);
    } catch (err) {
      passLimits(err);
      continue;
    }
    if (!shapesEqual(carried.shape, input.step.shape)) continue;
    if (followsFrom(input, carried)) {
      return {
        diagnosis: 'carried-error',
        message: `this step follows correctly from your ${e.targetText} on line ${e.line}, which was wrong: fix that line and this one follows`,
      };
    }
  }
  return undefined;
}

/** Whether the step's values are those of `carried`: exactly, or within a numeric answer's tolerance. */
function followsFrom({ evaluator, stepValues, tolerance }: DiagnoseInput, carried: Node): boolean {
  if (tolerance === undefined) return evaluator.agrees(carried, stepValues);
  const values = evaluator.values(carried);
  return values !== undefined && values.length > 0 && values.every((v, k) => agreeWithin(v, stepValues[k], tolerance));
}

/**
 * truth = step .* (a local derivative): the author left out one link of the chain, such as da/dh for
 * a = sigma(h), or the inner derivative 2 x of sin(x^2).
 */
function missingFactor(input: DiagnoseInput): Finding | undefined {
  const { of, wrt, b, evaluator, stepValues: s, truthValues: t } = input;
  if (!of || !wrt) return undefined;
  if (t.every((v) => v.data.every((x) => x === 0))) return undefined;
  const quotients = s.map((v, k) => ({ rows: v.rows, cols: v.cols, data: t[k].data.map((x, i) => x / v.data[i]) }));
  for (const { v, local } of linkCandidates(of, wrt, b)) {
    // (A quotient of all ones would mean the step is right, which it is not: no need to exclude it.)
    if (evaluator.agrees(local, quotients)) return { diagnosis: 'missing-factor', message: `a factor of the chain rule is missing: ${linkName(input, v, local, quotients)}` };
  }
  return undefined;
}

/**
 * How to name the missing link: by the node's own input when that is a defined name and gives the same
 * factor (da1/dh1 for a1 = sigma(h1), rather than da1/db1 through h1 = X W1 + b1).
 */
function linkName(input: DiagnoseInput, v: Node, local: Node, quotients: Matrix[]): string {
  const { b, names, evaluator, wrt } = input;
  const show = (n: Node) => names.get(n.id) ?? printCr(n, names);
  const u = v.args.length === 1 ? v.args[0] : undefined;
  if (u && u.id !== wrt!.id && names.has(u.id) && shapesEqual(u.shape, v.shape)) {
    try {
      const own = vjp(b.graph, v, b.onesOf(v.shape), u);
      if (evaluator.agrees(own, quotients)) return `d${show(v)}/d${show(u)} = ${printCr(own, names)}`;
    } catch (err) {
      passLimits(err);
      // fall back to the derivative with respect to the claim's variable
    }
  }
  return `d${show(v)}/d${show(wrt!)} = ${printCr(local, names)}`;
}

/** The step equals the truth with one term or factor left out, or two neighbouring ones (candidates.ts). */
function structuralMiss(input: DiagnoseInput): Finding | undefined {
  const { truth, b, evaluator, names } = input;
  if (!truth) return undefined;
  for (const { op, without, removed } of structuralCandidates(truth, b)) {
    if (!shapesEqual(without.shape, input.step.shape) || !evaluator.agrees(without, input.stepValues)) continue;
    const printed = printCr(joinParts(b, op, removed), names);
    return op === 'add' ? { diagnosis: 'missing-term', message: `a term is missing: + ${printed}` } : { diagnosis: 'missing-factor', message: `a factor is missing: .* ${printed}` };
  }
  return undefined;
}
