// The names a question declares that a new name may be a slip of (`X` beside a declared `x`). A shape
// borrowed from an earlier question counts only where this question writes the name: question 4's
// `w^T \mathbf{x}` is no slip of question 3's X when question 4 never writes X.
import { walkNames } from '../resolve/names';
import type { Scope } from '../resolve/scope';

export function declaredHere(scope: Scope): string[] {
  const used = new Set<string>();
  for (const c of scope.claims) for (const s of [c.target, ...c.steps]) walkNames(s.expr, (n) => used.add(n));
  for (const [name, d] of scope.definitions) if (!scope.borrowed.has(name)) walkNames(d.expr, (n) => used.add(n));
  return [...scope.declarations.values()].filter((d) => !d.implied && (!scope.borrowed.has(d.name) || used.has(d.name))).map((d) => d.name);
}
