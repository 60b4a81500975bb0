// A derivative rule written in Lagrange's notation on functions named without their argument, as rule tables do:
// `(fg)' = f'g + fg'`, `(f/g)' = (f'g - fg')/g^2`, `(f^n)' = n f^{n-1} f'`. The grammar reads each prime as a
// transpose (lagrangePrimes.ts keeps it where nothing says "function"), and for scalars the product rule then
// claimed fg = 2fg, a ✗ on a right line. A line states such a rule when a bracket is primed and the names in it
// that the line primes are also written unprimed outside every primed bracket (f'g + fg' holds f both ways);
// `(AB)' = B'A'` never writes A unprimed, so it keeps the transpose. Then the primed names are unknown functions
// of one variable that no author can write, each prime is its derivative, and the other names are constants.
// A table's line on a formula, `(x^n)' = nx^{n-1}`, `(\ln x)' = 1/x`, `[f(g(x))]' = f'(g(x)) g'(x)`: its left side is
// one primed bracket and the line has no other transpose, so the prime is d/dx, by the bracket's one name (or by x
// among several, the table's variable). `(Ax)' = x'A'` primes names on the right: a transpose identity, left alone.
import type { Expr, Statement } from '../syntax/ast';
import { childrenOf, findInExpr, namesIn, rewriteExpr } from '../syntax/walk';
import { READING_MARK } from '../syntax/print';

type NameExpr = Extract<Expr, { kind: 'name' }>;
type PrimedBracket = Extract<Expr, { kind: 'transpose' }>;

/** The rules' variable: printed as x (the reading mark), named so that no document's x is taken for it. */
const VARIABLE = `x${READING_MARK}ruleTable`;

/** The statements with each derivative rule's primes read as derivatives of functions of one variable. */
export function readRuleTablePrimes(statements: readonly Statement[]): Statement[] {
  const defined = new Set(statements.flatMap((st) => (st.kind === 'decl' ? st.names.map((n) => n.name) : st.kind === 'equation' && st.lhs.expr.kind === 'name' ? [st.lhs.expr.name] : [])));
  return statements.map((st) => {
    if (st.kind !== 'equation') return st;
    const members = [st.lhs, ...st.rhs].map((s) => s.expr);
    const x = tableVariable(st.lhs.expr, members, defined);
    if (x && st.lhs.expr.kind === 'transpose') return { ...st, lhs: { ...st.lhs, expr: { kind: 'deriv', form: 'frac', of: st.lhs.expr.arg, wrt: [x], span: st.lhs.expr.span } } };
    const functions = ruleFunctions(members);
    if (!functions || [...functions].some((f) => defined.has(f))) return st;
    const read = <T extends { expr: Expr }>(step: T): T => ({ ...step, expr: asDerivatives(step.expr, functions) });
    return { ...st, lhs: read(st.lhs), rhs: st.rhs.map(read) };
  });
}

/** The names a line's rule differentiates, when the line states one (see above); undefined otherwise. */
function ruleFunctions(members: readonly Expr[]): Set<string> | undefined {
  const brackets: PrimedBracket[] = [];
  for (const m of members) findInExpr(m, (e) => (e.kind === 'transpose' && isPrimedBracket(e) && brackets.push(e), false));
  if (brackets.length === 0 || brackets.some((b) => findInExpr(b.arg, (e) => e.kind === 'transpose') !== undefined)) return undefined;
  const primed = new Set<string>();
  const unprimedOutside = new Set<string>();
  const visit = (e: Expr): void => {
    if (isPrimedBracket(e)) return;
    if (e.kind === 'transpose' && e.prime && e.arg.kind === 'name') primed.add(e.arg.name);
    else if (e.kind === 'name') unprimedOutside.add(e.name);
    else childrenOf(e).forEach(visit);
  };
  members.forEach(visit);
  const inBrackets = new Set<string>();
  for (const b of brackets) namesIn(b.arg, inBrackets);
  const functions = new Set([...inBrackets].filter((n) => primed.has(n)));
  const isRule = functions.size > 0 && [...functions].every((f) => unprimedOutside.has(f)) && [...primed].every((n) => functions.has(n));
  return isRule ? functions : undefined;
}

/** x of `(x^n)' = n x^{n-1}` (see above), where no name in the bracket is defined or declared; undefined otherwise. */
function tableVariable(lhs: Expr, members: readonly Expr[], defined: ReadonlySet<string>): NameExpr | undefined {
  if (lhs.kind !== 'transpose' || !isPrimedBracket(lhs)) return undefined;
  let transposes = 0;
  for (const m of members) findInExpr(m, (e) => (e.kind === 'transpose' && transposes++, false));
  const names: NameExpr[] = [];
  findInExpr(lhs.arg, (e) => (e.kind === 'name' && !CONSTANTS.has(e.name) && names.push(e), false));
  if (transposes !== 1 || names.length === 0 || names.some((n) => defined.has(n.name))) return undefined;
  const only = names.every((n) => n.name === names[0].name) ? names[0] : undefined;
  return only ?? names.find((n) => n.name === 'x');
}

/** Names the lowering reads as numbers (e, π), never a table's variable. */
const CONSTANTS = new Set(['e', 'pi']);

function isPrimedBracket(e: Expr): boolean {
  return e.kind === 'transpose' && e.prime === true && e.arg.kind !== 'name';
}

/** `e` with each rule function f called at the variable, f' its derivative's call, and `(..)'` d/dx of the bracket. */
function asDerivatives(e: Expr, functions: ReadonlySet<string>): Expr {
  const at = (span: NameExpr['span']): NameExpr => ({ kind: 'name', name: VARIABLE, text: 'x', span });
  const call = (n: NameExpr, prime: number): Expr => ({ kind: 'call', callee: n.name, calleeText: n.text, prime, args: [at(n.span)], span: n.span });
  const rewrite = (x: Expr): Expr | undefined => {
    if (x.kind === 'name' && functions.has(x.name)) return call(x, 0);
    if (x.kind !== 'transpose' || !x.prime) return undefined;
    if (x.arg.kind === 'name' && functions.has(x.arg.name)) return call(x.arg, 1);
    return x.arg.kind === 'name' ? undefined : { kind: 'deriv', form: 'frac', of: rewriteExpr(x.arg, rewrite), wrt: [at(x.span)], span: x.span };
  };
  return rewriteExpr(e, rewrite);
}
