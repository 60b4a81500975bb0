// `\partial J/\partial \theta_j = ...`, then in the prose after it "in case $j = 0$, we have $x_0^{(i)} = 1$": an
// index letter given a whole number, with nothing after it that writes the letter and used nowhere as a
// quantity of a formula (only as an index: θ_j, x_j^{(i)}), is a remark on the lines before it (one case of
// them), not a value for them: "where $n = 3$" after `n x^{n-1}` still gives n its value. Kept as
// the student's helper definition, j would be a number throughout the part and θ_j a scalar of its own, so the
// answer written with it could not be checked.
import type { Statement } from '../syntax/ast';
import { INDEX_LETTERS } from '../syntax/names';
import { findInExpr } from '../syntax/walk';

/** The statements without those trailing index values, and the ones dropped. */
export function withoutTrailingIndexValues(statements: readonly Statement[], problemNames: ReadonlySet<string>): { kept: Statement[]; dropped: Statement[] } {
  const dropped = statements.filter((st, k) => {
    const letter = indexValueOf(st, problemNames);
    return letter !== undefined && !statements.slice(k + 1).some((later) => writesLetter(later, letter)) && !statements.some((other) => other !== st && usesAsName(other, letter));
  });
  return { kept: statements.filter((st) => !dropped.includes(st)), dropped };
}

/** `j = 0`: the index letter a statement gives a whole number, when the problem has no such name. */
function indexValueOf(st: Statement, problemNames: ReadonlySet<string>): string | undefined {
  if (st.kind !== 'equation' || st.rhs.length !== 1 || st.lhs.expr.kind !== 'name') return undefined;
  const { name } = st.lhs.expr;
  const value = st.rhs[0].expr;
  return INDEX_LETTERS.includes(name) && !problemNames.has(name) && value.kind === 'number' && Number.isInteger(value.value) ? name : undefined;
}

/** `n x^{n-1}` before "where $n = 3$": the letter as a quantity of a formula, which a value after it may well give. */
function usesAsName(st: Statement, letter: string): boolean {
  return st.kind === 'equation' && [st.lhs, ...st.rhs].some((step) => findInExpr(step.expr, (x) => x.kind === 'name' && x.name === letter) !== undefined);
}

/** Whether any name or call of the statement is the letter or writes it (`\theta_j`, `\sum_{j}`, `x^{(j)}`). */
function writesLetter(st: Statement, letter: string): boolean {
  if (st.kind !== 'equation') return false;
  // The letter alone, not inside a command (`\int`) or a longer word.
  const alone = new RegExp(`(^|[^A-Za-z])${letter}([^A-Za-z]|$)`);
  const writes = (text: string) => alone.test(text.replace(/\\[A-Za-z]+/g, ' '));
  return [st.lhs, ...st.rhs].some((step) => findInExpr(step.expr, (x) => (x.kind === 'name' && (x.name === letter || writes(x.text))) || (x.kind === 'call' && writes(x.calleeText))) !== undefined);
}
