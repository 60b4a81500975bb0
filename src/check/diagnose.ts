// Near-miss diagnosis of a wrong step, cheapest tests first (DESIGN.md "Diagnosis"): sign, transpose,
// constant factor, an error carried from the author's earlier line, a term or factor of the truth left
// out. Each test compares values at the claim's sample points; the first that explains the step wins.
import type { Matrix, Node } from '../ir/types';
import { shapesEqual } from '../ir/types';
import type { Builder } from '../ir/build';
import { topologicalOrder } from '../ir/inspect';
import { substitute } from '../ir/substitute';
import { printCr } from '../ir/print';
import { vjp } from '../diff/index';
import { dependsOn } from '../ir/inspect';
import type { Diagnosis } from './report';
import { agree, ratio, scaled, transposed } from './compare';
import type { ClaimEvaluator } from './evaluator';

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
}

const MAX_STRUCTURAL_CANDIDATES = 60;

export function diagnoseValues(input: DiagnoseInput): Finding | undefined {
  const { stepValues: s, truthValues: t, targetText } = input;
  const all = (pred: (k: number) => boolean) => s.every((_, k) => pred(k));
  if (all((k) => agree(s[k], scaled(t[k], -1)))) {
    return { diagnosis: 'sign', message: `the sign is flipped: this is −(${targetText})` };
  }
  if (s[0].rows === s[0].cols && s[0].rows > 1 && all((k) => agree(transposed(s[k]), t[k]))) {
    return { diagnosis: 'transpose', message: `this is the transpose of ${targetText}` };
  }
  const c = ratio(s[0], t[0]);
  if (c !== undefined && Number.isFinite(c) && Math.abs(c) > 1e-9 && Math.abs(c - 1) > 1e-6 && all((k) => agree(s[k], scaled(t[k], c)))) {
    return { diagnosis: 'scale', message: `off by a constant factor: this is ${formatFactor(c)} × ${targetText}${factorAdvice(c)}` };
  }
  return carriedError(input) ?? structuralMiss(input);
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

/** The step is what the truth would be if the author's own earlier (wrong) answer were right. */
function carriedError(input: DiagnoseInput): Finding | undefined {
  const { of, wrt, b, evaluator } = input;
  if (!of || !wrt) return undefined;
  for (const e of input.earlier) {
    if (e.correct || e.of.id !== of.id || e.wrt.id === wrt.id || !dependsOn(e.wrt, wrt)) continue;
    let carried: Node;
    try {
      carried = vjp(b.graph, e.wrt, e.answer, wrt);
    } catch {
      continue;
    }
    if (!shapesEqual(carried.shape, input.step.shape)) continue;
    const values = evaluator.values(carried);
    if (values && values.every((v, k) => agree(input.stepValues[k], v))) {
      return {
        diagnosis: 'carried-error',
        message: `this step follows correctly from your ${e.targetText} on line ${e.line}, which was wrong: fix that line and this one follows`,
      };
    }
  }
  return undefined;
}

/** The step equals the truth with one term or one factor left out. */
function structuralMiss(input: DiagnoseInput): Finding | undefined {
  const { truth, b, evaluator, names } = input;
  if (!truth) return undefined;
  let tried = 0;
  for (const n of topologicalOrder([truth]).reverse()) {
    if (n.op !== 'add' && n.op !== 'hadamard') continue;
    const parts = flatten(n, n.op);
    if (parts.length < 2) continue;
    for (let i = 0; i < parts.length; i++) {
      if (++tried > MAX_STRUCTURAL_CANDIDATES) return undefined;
      const rest = parts.filter((_, k) => k !== i);
      let without: Node;
      try {
        without = substitute(b, truth, new Map([[n.id, rest.reduce((x, y) => (n.op === 'add' ? b.add(x, y) : b.hadamard(x, y)))]]));
      } catch {
        continue;
      }
      if (!shapesEqual(without.shape, input.step.shape)) continue;
      const values = evaluator.values(without);
      if (values && values.every((v, k) => agree(input.stepValues[k], v))) {
        const printed = printCr(parts[i], names);
        return n.op === 'add'
          ? { diagnosis: 'missing-term', message: `a term is missing: ${printed}` }
          : { diagnosis: 'missing-factor', message: `a factor is missing: .* ${printed}` };
      }
    }
  }
  return undefined;
}

function flatten(n: Node, op: string): Node[] {
  return n.op === op ? n.args.flatMap((a) => flatten(a, op)) : [n];
}
