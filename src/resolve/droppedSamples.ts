// A sample's superscript dropped where the function of it is worked out (documents only). CS229's notes define
// `h_\theta(x^{(i)}) = \frac{1}{1 + e^{-\theta_0 - \theta_1 x^{(i)}}}` and then differentiate it written with a
// plain x: `\frac{\partial h_\theta}{\partial \theta_0} = \frac{e^{-\theta_0 - \theta_1 x}}{(1 + e^{-\theta_0 - \theta_1 x})^2}`.
// The x is the function's parameter, the sample x^{(i)} (the bare h_\theta is its value there): where the
// question gives x no meaning of its own and one function's parameter is x^{(i)}, the claims' x is read as
// that sample. (Not an alias: a known x would make x^{(i)} an entry of x rather than sample i of X.)
import { warning } from '../diagnostics';
import type { Expr } from '../syntax/ast';
import { findInExpr, rewriteExpr } from '../syntax/walk';
import { sampledNameOf } from './indexNotation';
import { hasMeaning, type Scope } from './scope';

/**
 * Reads, in `scope`'s claims about a function defined at a sample (that write it, bare or called), each name
 * written bare that only the sampled parameter writes (`x` of `x^{(i)}`) as that sample.
 */
export function readDroppedSamples(scope: Scope): void {
  const samples = new Map<string, { parameter: Expr; functions: Set<string> }>();
  const clash = new Set<string>();
  for (const fn of scope.functions.values()) {
    for (const h of fn.header) {
      const sampled = h.kind === 'name' ? sampledNameOf(h.text) : undefined;
      if (!sampled || h.kind !== 'name' || !/^\p{L}$/u.test(sampled.written)) continue;
      const known = samples.get(sampled.written);
      // Two functions of different samples (x^{(i)}, x^{(j)}) leave x unread.
      if (known && known.parameter.kind === 'name' && known.parameter.name !== h.name) clash.add(sampled.written);
      samples.set(sampled.written, { parameter: known?.parameter ?? h, functions: (known?.functions ?? new Set()).add(fn.name) });
    }
  }
  for (const [base, { parameter, functions }] of samples) {
    if (clash.has(base) || hasMeaning(scope, base) || scope.labelLetters.has(base)) continue;
    const asSample = (e: Expr): Expr | undefined => (e.kind === 'name' && e.name === base ? { ...parameter, span: e.span } : undefined);
    let read = false;
    scope.claims = scope.claims.map((c) => {
      const steps = [c.target, ...c.steps];
      if (!steps.some((st) => writes(st.expr, base)) || !steps.some((st) => [...functions].some((f) => writes(st.expr, f)))) return c;
      read = true;
      return { ...c, target: { ...c.target, expr: rewriteExpr(c.target.expr, asSample) }, steps: c.steps.map((st) => ({ ...st, expr: rewriteExpr(st.expr, asSample) })) };
    });
    if (read) scope.diagnostics.push(warning('reading', `read ${base} as the sample ${parameter.kind === 'name' ? parameter.text : base} the function of it is defined at`, parameter.span, `write ${base}^{(i)} to be sure`));
  }
}

/** Whether `e` writes `name`, as a name or as a call's function. */
function writes(e: Expr, name: string): boolean {
  return findInExpr(e, (x) => (x.kind === 'name' && x.name === name) || (x.kind === 'call' && x.callee === name)) !== undefined;
}
