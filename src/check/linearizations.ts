// `z = 1 - 2(x - 1) - 4(y - 2)` after `z = 6 - x^2 - y^2` and "the tangent plane at (1, 2, 1)": a formula of degree
// one in the variables, written for a quantity its question defines by a formula of higher degree, is its tangent
// plane or linear approximation (≈ near a point, often written with `=`), not the quantity itself. chainrule does not
// check linearizations, so such a line that does not equal the definition is unjudged, never ✗.
import type { Expr } from '../syntax/ast';
import type { Scope } from '../resolve/scope';

/** The doubt of a step that may be its target's linearization (see above). */
export function linearizationOf(scope: Scope, target: Expr, step: Expr): { message: string; hint: string } | undefined {
  if (target.kind !== 'name') return undefined;
  const definition = scope.definitions.get(target.name);
  if (!definition || degree(step) !== 1 || degree(definition.expr) < 2) return undefined;
  return {
    message: `this line writes ${target.text} as a formula of degree one in its variables, where the question defines it by a formula of higher degree: it reads as a tangent plane or a linear approximation, which chainrule does not check`,
    hint: `name the plane or the approximation (e.g. \`L(x, y) = ...\`) to keep it apart from ${target.text}`,
  };
}

/** The degree of `e` in its names (each name a variable), when `e` is a polynomial of degree at most one; 2 otherwise. */
function degree(e: Expr): 0 | 1 | 2 {
  const cap = (d: number): 0 | 1 | 2 => (d >= 2 ? 2 : (d as 0 | 1));
  switch (e.kind) {
    case 'number':
      return 0;
    case 'name':
      return 1;
    case 'neg':
      return degree(e.arg);
    case 'call':
      return e.args.every((a) => degree(a) === 0) ? 0 : 2;
    case 'power':
      return degree(e.base) === 0 && degree(e.exponent) === 0 ? 0 : 2;
    case 'binary': {
      const [l, r] = [degree(e.left), degree(e.right)];
      if (e.op === 'add' || e.op === 'sub') return cap(Math.max(l, r));
      if (e.op === 'mul') return cap(l + r);
      if (e.op === 'div') return r === 0 ? l : 2;
      return 2;
    }
    default:
      return 2;
  }
}
