// Lagrange's prime. The grammar reads a prime as a transpose, MATLAB style (`(X'X)^{-1} X'y`), which is what it
// means on a matrix. Two places where it is the derivative instead:
// * in a chain about the derivative f'(x) of a function of one variable, a prime after a bracket:
//   `\sigma'(x) = \left(\frac{1}{1+e^{-x}}\right)' = ...` is d/dx of the bracket; so is it after a bracket of
//   quantities all defined by formulas in the same one variable: with `u = 2x + 1`, `v = x^2`, the product
//   rule's `(uv)' = u'v + uv'` is d(uv)/dx;
// * on a quantity the document defines by a formula in one variable: with `y = x^2`, `y' = 2x` is dy/dx
//   (read as a transpose it claimed x^2 = 2x, a ✗ on a right line), and on a function of one variable written
//   bare: after `f(u) = \frac{e^u}{1 + e^u}`, `f' = f(1 - f)` is df/du (it was ✗ as f^T). A quantity of several
//   variables, or one given a shape, keeps the transpose.
import type { Expr, Statement } from '../syntax/ast';
import { findInExpr, rewriteExpr } from '../syntax/walk';

type NameExpr = Extract<Expr, { kind: 'name' }>;

/** The statements with each prime that is Lagrange's derivative read as that derivative. */
export function readLagrangePrimes(statements: readonly Statement[]): Statement[] {
  const quantities = oneVariableQuantities(statements);
  const functions = new Map<string, NameExpr>();
  return statements.map((st) => {
    if (st.kind !== 'equation') return st;
    // A function defined above whose bare name is every name primed here (not a rule table's `(fg)' = f'g + fg'`).
    const variableOf = primedNamesOnly(st, functions) ? new Map([...quantities, ...functions]) : quantities;
    const parameter = st.rhs.length > 0 ? soleParameter(st.lhs.expr) : undefined;
    const lhs = st.lhs.expr;
    if (lhs.kind === 'call' || lhs.kind === 'name') functions.delete(lhs.kind === 'call' ? lhs.callee : lhs.name);
    if (parameter) functions.set(parameter.callee, parameter.variable);
    const variable = primedVariable(st.lhs.expr);
    const derivative = (e: Expr): Expr | undefined => {
      if (e.kind !== 'transpose' || !e.prime) return undefined;
      const x = e.arg.kind === 'name' ? variableOf.get(e.arg.name) : variable ?? sharedVariable(e.arg, variableOf);
      return x ? { kind: 'deriv', form: 'frac', of: e.arg, wrt: [{ ...x, span: e.span }], span: e.span } : undefined;
    };
    const read = <T extends { expr: Expr }>(step: T): T => ({ ...step, expr: rewriteExpr(step.expr, derivative) });
    return { ...st, lhs: read(st.lhs), rhs: st.rhs.map(read) };
  });
}

/**
 * x of `(uv)'`, when every name in the bracket is x or a quantity defined in x alone, and some name is such a
 * quantity; undefined otherwise (`(X'X)'` keeps its transpose).
 */
function sharedVariable(e: Expr, variableOf: ReadonlyMap<string, NameExpr>): NameExpr | undefined {
  const names: NameExpr[] = [];
  findInExpr(e, (n) => (n.kind === 'name' && names.push(n), false));
  const quantity = names.find((n) => variableOf.has(n.name));
  const x = quantity && variableOf.get(quantity.name)!;
  return x && names.every((n) => n.name === x.name || variableOf.get(n.name)?.name === x.name) ? x : undefined;
}

/** x of `f'(x)`. */
function primedVariable(e: Expr): NameExpr | undefined {
  return e.kind === 'call' && e.prime > 0 && e.args.length === 1 && e.args[0].kind === 'name' ? e.args[0] : undefined;
}

/** Whether every prime of `st` follows a bare name of `functions` (and there is one). */
function primedNamesOnly(st: Extract<Statement, { kind: 'equation' }>, functions: ReadonlyMap<string, NameExpr>): boolean {
  let primes = 0;
  let others = 0;
  for (const step of [st.lhs, ...st.rhs]) {
    findInExpr(step.expr, (e) => {
      if (e.kind === 'transpose' && e.prime) e.arg.kind === 'name' && functions.has(e.arg.name) ? primes++ : others++;
      return false;
    });
  }
  return primes > 0 && others === 0;
}

/** f and u of a function of one variable defined `f(u) = ...`: written bare and primed, `f' = f(1 - f)`, f' is df/du. */
function soleParameter(e: Expr): { callee: string; variable: NameExpr } | undefined {
  return e.kind === 'call' && e.prime === 0 && e.args.length === 1 && e.args[0].kind === 'name' ? { callee: e.callee, variable: e.args[0] } : undefined;
}

/**
 * Quantities defined by a formula in exactly one name no earlier statement defines, and given no shape: name →
 * that variable. Only earlier definitions count: a worked example further on that sets `x = 2` leaves x the
 * variable of `v = x^2 - 3` above it.
 */
function oneVariableQuantities(statements: readonly Statement[]): Map<string, NameExpr> {
  const shaped = new Set(statements.flatMap((st) => (st.kind === 'decl' ? st.names.map((n) => n.name) : [])));
  const defined = new Set<string>();
  const out = new Map<string, NameExpr>();
  for (const st of statements) {
    if (st.kind !== 'equation' || st.lhs.expr.kind !== 'name' || st.rhs.length === 0 || defined.has(st.lhs.expr.name)) continue;
    const name = st.lhs.expr.name;
    defined.add(name);
    if (shaped.has(name)) continue;
    const free = new Map<string, NameExpr>();
    findInExpr(st.rhs[0].expr, (e) => (e.kind === 'name' && !defined.has(e.name) && free.set(e.name, e), false));
    if (free.size === 1 && ![...free.keys()].some((v) => shaped.has(v))) out.set(name, [...free.values()][0]);
  }
  return out;
}
