// `h_\theta(x^{(i)})` for a problem's `h = sigma(X theta)`: a defined name of the problem with one of the
// parameters it is computed from for a subscript is that name (the hypothesis h_θ of Andrew Ng's notes, f_w,
// \hat{y}_\theta), written with what it depends on. Read as a new name it would be unknown, and the answers
// that call it could not be checked.
import type { Scope } from '../resolve/scope';
import { walkNames } from '../resolve/names';
import { normalizeName } from '../syntax/names';

/** `\mathbf{w}`, `\boldsymbol{\theta}`, `\boldsymbol\theta`: the letters without their font. */
const FONT = /\\(?:mathbf|boldsymbol|bm|vec|mathrm)\s*(?:\{([^{}]*)\}|(\\?[A-Za-z]+))/g;

/** The problem's defined name that `text` writes with a parameter of it as a subscript, if it does. */
export function nameWithParameter(text: string, problem: Scope): string | undefined {
  const m = /^\\?([A-Za-z]+)_\{?\s*(\\?[A-Za-z]+)\s*\}?$/.exec(text.replace(FONT, '$1$2'));
  if (!m) return undefined;
  const base = normalizeName(m[1]);
  const parameter = normalizeName(m[2].replace(/^\\/, ''));
  return problem.definitions.has(base) && problem.declarations.has(parameter) && reaches(base, parameter, problem) ? base : undefined;
}

/** Whether the definition of `name` uses `parameter`, directly or through the problem's other definitions. */
function reaches(name: string, parameter: string, problem: Scope): boolean {
  const seen = new Set<string>();
  const pending = [name];
  while (pending.length) {
    const def = problem.definitions.get(pending.pop()!);
    if (!def) continue;
    let found = false;
    walkNames(def.expr, (n) => {
      if (n === parameter) found = true;
      else if (!seen.has(n)) pending.push(n), seen.add(n);
    });
    if (found) return true;
  }
  return false;
}
