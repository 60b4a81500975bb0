// A sample's superscript dropped where the function of it is worked out (documents only). CS229's notes define
// `h_\theta(x^{(i)}) = \frac{1}{1 + e^{-\theta_0 - \theta_1 x^{(i)}}}` and then differentiate it written with a
// plain x: `\frac{\partial h_\theta}{\partial \theta_0} = \frac{e^{-\theta_0 - \theta_1 x}}{(1 + e^{-\theta_0 - \theta_1 x})^2}`.
// The x is the function's parameter, the sample x^{(i)} (the bare h_\theta is its value there): where the
// question gives x no meaning of its own and one function's parameter is x^{(i)}, the claims' x is read as
// that sample. (Not an alias: a known x would make x^{(i)} an entry of x rather than sample i of X.)
import { warning } from '../diagnostics';
import type { Expr } from '../syntax/ast';
import { rewriteExpr } from '../syntax/walk';
import { walkNames } from './names';
import { sampledNameOf } from './indexNotation';
import { hasMeaning, type Scope } from './scope';

/** Reads, in `scope`'s claims, each name written bare that only a function's sampled parameter writes (`x` of `x^{(i)}`) as it. */
export function readDroppedSamples(scope: Scope): void {
  const used = new Set<string>();
  for (const c of scope.claims) [c.target, ...c.steps].forEach((s) => walkNames(s.expr, (n) => used.add(n)));
  const samples = new Map<string, Expr[]>();
  for (const fn of scope.functions.values()) {
    for (const h of fn.header) {
      const sampled = h.kind === 'name' ? sampledNameOf(h.text) : undefined;
      if (sampled && /^\p{L}$/u.test(sampled.written)) samples.set(sampled.written, [...(samples.get(sampled.written) ?? []), h]);
    }
  }
  for (const [base, [parameter, ...others]] of samples) {
    // Two functions of different samples (x^{(i)}, x^{(j)}) leave x unread.
    const one = others.every((o) => o.kind === 'name' && parameter.kind === 'name' && o.name === parameter.name);
    if (!one || !used.has(base) || hasMeaning(scope, base) || scope.labelLetters.has(base)) continue;
    const asSample = (e: Expr): Expr | undefined => (e.kind === 'name' && e.name === base ? { ...parameter, span: e.span } : undefined);
    scope.claims = scope.claims.map((c) => ({ ...c, target: { ...c.target, expr: rewriteExpr(c.target.expr, asSample) }, steps: c.steps.map((st) => ({ ...st, expr: rewriteExpr(st.expr, asSample) })) }));
    scope.diagnostics.push(warning('reading', `read ${base} as the sample ${parameter.kind === 'name' ? parameter.text : base} the function of it is defined at`, parameter.span, `write ${base}^{(i)} to be sure`));
  }
}
