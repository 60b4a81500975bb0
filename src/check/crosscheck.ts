// Cross-checks chainrule's own symbolic gradient against central finite differences at one point.
// A disagreement is a bug in chainrule, reported loudly, never a verdict on the author (DESIGN.md).
import type { EvalEnv, Matrix, Node } from '../ir/types';
import { evaluate } from '../numeric/evaluate';
import { copy, zeros } from '../numeric/matrix';
import { Diagnostic, error } from '../diagnostics';
import type { Span } from '../syntax/ast';
import { isScalarShape } from '../ir/types';
import { withInputValues, type DerivativeMeaning } from '../calculus/meaning';
import { passLimits } from '../limits/index';

const MAX_ENTRIES = 48;

/** d(of)/d(wrt) by central differences with one Richardson step; `wrt` may be any node (its value is moved). */
function finiteDifferences(of: Node, wrt: Node, env: EvalEnv): Matrix {
  const x = evaluate(wrt, env);
  const out = zeros(x.rows, x.cols);
  const at = (k: number, delta: number): number => {
    const moved = copy(x);
    moved.data[k] += delta;
    return evaluate(of, env, new Map([[wrt.id, moved]])).data[0];
  };
  const count = Math.min(x.data.length, MAX_ENTRIES);
  for (let k = 0; k < count; k++) {
    const h = 1e-3 * Math.max(1, Math.abs(x.data[k]));
    const d1 = (at(k, h) - at(k, -h)) / (2 * h);
    const d2 = (at(k, h / 2) - at(k, -h / 2)) / h;
    out.data[k] = (4 * d2 - d1) / 3;
  }
  for (let k = count; k < x.data.length; k++) out.data[k] = NaN; // not checked
  return out;
}

/**
 * An internal-error diagnostic when the symbolic gradient of scalar `of` with respect to `wrt` disagrees
 * with finite differences at `env`; undefined when they agree (or the point is unusable).
 */
export function crossCheckGradient(of: Node, wrt: Node, gradient: Node, env: EvalEnv, span: Span, targetText: string): Diagnostic | undefined {
  let symbolic: Matrix;
  let numeric: Matrix;
  try {
    symbolic = evaluate(gradient, env);
    numeric = finiteDifferences(of, wrt, env);
  } catch (err) {
    passLimits(err);
    return undefined;
  }
  let scale = 0;
  for (const v of symbolic.data) scale = Math.max(scale, Math.abs(v));
  for (let k = 0; k < numeric.data.length; k++) {
    const fd = numeric.data[k];
    if (Number.isNaN(fd) || !Number.isFinite(symbolic.data[k])) continue;
    if (!Number.isFinite(fd)) return undefined; // the point sits on a singularity: no evidence either way
    if (Math.abs(fd - symbolic.data[k]) > 1e-5 * (1 + scale)) {
      return error(
        'internal-error',
        `chainrule's own derivative of ${targetText} disagrees with finite differences (entry ${k + 1}: ${symbolic.data[k]} vs ${fd}); verdicts on this claim may be wrong`,
        span,
        'this is a bug in chainrule, not in the derivation: please report it with this file',
      );
    }
  }
  return undefined;
}

/**
 * The cross-check of a gradient meaning's usual form at `env`. A derivative with respect to a defined name
 * is checked on what it was taken of, perturbing that name's input alone (its value is the name's own).
 */
export function crossCheckMeaning(m: DerivativeMeaning, env: EvalEnv, span: Span, targetText: string): Diagnostic | undefined {
  if (m.kind !== 'gradient' || m.wrt.length !== 1 || !m.forms.length || !isScalarShape(m.of.shape)) return undefined;
  if (!m.inputs) return crossCheckGradient(m.of, m.wrt[0], m.forms[0], env, span, targetText);
  let at: EvalEnv;
  try {
    at = withInputValues(m.inputs, env);
  } catch (err) {
    passLimits(err);
    return undefined;
  }
  return crossCheckGradient(m.inputs.of, m.inputs.wrt[0], m.forms[0], at, span, targetText);
}
