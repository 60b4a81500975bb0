// A one-argument built-in written without its argument in a step: `\sigma'(x) = \sigma - \sigma^2`,
// `\frac{d\sigma(x)}{dx} = \sigma(1 - \sigma)`. The author means its value at the line's variable; chainrule
// reads that only inside a derivative (`\frac{d\sigma}{dz}`, src/calculus/meaning.ts) and elsewhere took σ as a
// number of its own, so a step wrong as it reads it may be right as the author means it (it was ✗).
import type { Expr } from '../syntax/ast';
import { childrenOf, findInExpr, namesIn } from '../syntax/walk';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';
import type { ClaimCheck } from './claim';

/**
 * The doubt on a step that writes a one-argument built-in bare, outside any derivative, where it has no meaning of
 * its own, in a claim that calls it (`\sigma'(x)`, `\sigma(z)`) and never differentiates by it: a σ that is a
 * standard deviation (`\frac{dg}{d\sigma} = -\frac{1}{\sigma}`) is a variable.
 */
export function bareBuiltinValues({ claim, lowering }: ClaimCheck, step: Expr): { message: string; hint: string } | undefined {
  const whole = [claim.target.expr, ...claim.steps.map((s) => s.expr)];
  const called = new Set<string>();
  const variables = new Set<string>();
  for (const e of whole) {
    findInExpr(e, (x) => {
      if (x.kind === 'call') called.add(x.callee);
      if (x.kind === 'deriv') x.wrt.forEach((w) => namesIn(w, variables));
      return false;
    });
  }
  const bare = new Set<string>();
  const visit = (e: Expr): void => {
    if (e.kind === 'deriv') return;
    const fn = e.kind === 'name' ? BUILTIN_FUNCTIONS.get(e.name) : undefined;
    if (e.kind === 'name' && fn?.arity === 1 && fn.kind !== 'constructor' && called.has(e.name) && !variables.has(e.name) && lowering.isUndeclared(e.name)) bare.add(e.text);
    childrenOf(e).forEach(visit);
  };
  visit(step);
  if (bare.size === 0) return undefined;
  const [first] = [...bare].sort();
  return {
    message: `${first} is written without its argument, so it stands for its value at a variable this line does not name; chainrule read it as a number of its own and cannot tell whether this line is wrong`,
    hint: `write its argument, e.g. ${first}(x)`,
  };
}
