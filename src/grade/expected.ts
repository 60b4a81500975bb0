// The answer an ask expects, worked out once per assignment: as .cr text and as LaTeX (for KaTeX), in the
// problem's own names. A numeric ask (one under an `at` line) expects the value at the point.
import type { Step } from '../syntax/ast';
import type { Matrix } from '../ir/types';
import { printCr, printLatex } from '../ir/print';
import type { Scope } from '../resolve/scope';
import type { Lowering } from '../resolve/lower';
import { truthOf } from '../check/truth';
import type { TruthFunction } from '../check/evaluator';
import type { MeaningFunction } from '../calculus/meaning';

export interface ExpectedAnswer {
  text: string | null;
  latex: string | null;
}

/**
 * Throws what lowering throws (LowerError, InformalReference) for a target that has no value. `meaningOf`
 * is the worker's shared cache, so working out the expected answers also fills it before any submission.
 */
export function expectedAnswer(target: Step, scope: Scope, lowering: Lowering, meaningOf?: MeaningFunction): ExpectedAnswer {
  const truth = truthOf({ target, steps: [], span: target.span, point: scope.point }, lowering, meaningOf);
  const form = truth.forms[0];
  if (!form) return { text: null, latex: null }; // a Jacobian known only numerically
  const value = scope.point ? valueAtPoint(truth.value, scope.point.exact) : undefined;
  const text = printCr(form, lowering.names);
  const latex = printLatex(form, lowering.names);
  if (value === undefined) return { text, latex };
  const shown = Number(value.toPrecision(4)).toString();
  return { text: shown, latex: `${latex} = ${shown}` };
}

/** The scalar value at an `at` point, or undefined when some name has no value there. */
function valueAtPoint(value: TruthFunction, exact: ReadonlyMap<string, number>): number | undefined {
  const values = new Map<string, Matrix>();
  for (const [name, v] of exact) values.set(name, { rows: 1, cols: 1, data: Float64Array.of(v) });
  try {
    const m = value({ values, sizes: new Map() }, new Map());
    return m.rows === 1 && m.cols === 1 && Number.isFinite(m.data[0]) ? m.data[0] : undefined;
  } catch {
    return undefined;
  }
}
