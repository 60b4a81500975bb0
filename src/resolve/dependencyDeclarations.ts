// `u = u(x, y)`, as calculus texts write before a chain rule: the name is declared a function of these variables,
// whatever its formula. It is no definition in terms of itself (a cycle) but an unknown function of them, as
// `u(x, y) : scalar` declares in `.cr`; a step through u then holds for every such u or is left unjudged.
import type { Expr } from '../syntax/ast';

export type NameExpr = Extract<Expr, { kind: 'name' }>;

/** The variables `name = name(a, b, ...)` declares the name a function of: distinct plain names, the name not among them. */
export function declaredDependencies(lhs: Expr, rhs: Expr): NameExpr[] | undefined {
  if (lhs.kind !== 'name' || rhs.kind !== 'call' || rhs.callee !== lhs.name || rhs.prime > 0 || rhs.args.length === 0) return undefined;
  const args = rhs.args.filter((a): a is NameExpr => a.kind === 'name' && a.name !== lhs.name);
  const distinct = new Set(args.map((a) => a.name)).size === rhs.args.length;
  return args.length === rhs.args.length && distinct ? args : undefined;
}

/** The name of the unknown function standing for the declared name (no author can write `#`). */
export function dependencyFunctionName(name: string): string {
  return `${name}#depends`;
}
