// `(a, b)` is a vector function's value in `F(x, y) = (x^2 y, 5x + \sin y)`, the textbook way to define one,
// and a gradient's in `\nabla f(x, y) = (2xy, x^2)`: the column of its values. Elsewhere a tuple is as often a point (`x = (4, 4)`, which would define x for every later question), an
// interval (`\in (0, 1)`) or an argument list, so a row with a tuple anywhere else is not read. The functions of a
// Jacobian by a list of variables, `\partial (x, y) / \partial (r, \theta)`, are a column too. One more place
// is plain: a tuple of names set equal to a tuple of as many values, `(x_1, y_1) = (1, 2)` (a data point), gives
// each name its value, as `x_1 = 1, y_1 = 2` would.
import { warning, type Diagnostic } from '../diagnostics';
import type { Expr } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';
import type { RawRow } from './build';

/** The row with `(a, b) = (1, 2)` read as `a = 1` and `b = 2` (file header); any other row as it is. */
export function spreadTuples(row: RawRow): RawRow {
  if (row.kind !== 'statements' || row.statements.length !== 1) return row;
  const [st] = row.statements;
  if (st.kind !== 'equation' || st.rhs.length !== 1) return row;
  const [names, values] = [st.lhs.expr, st.rhs[0].expr];
  if (!isTuple(names) || !isTuple(values) || names.rows.length !== values.rows.length) return row;
  const lhs = names.rows.flat();
  const rhs = values.rows.flat();
  if (lhs.length !== rhs.length || !lhs.every((n) => n.kind === 'name') || rhs.some((v) => lhs.some((n) => mentions(v, n)))) return row;
  return {
    kind: 'statements',
    statements: lhs.map((name, k) => ({ kind: 'equation', lhs: { expr: name, text: '', span: name.span }, rhs: [{ expr: rhs[k], text: '', span: rhs[k].span }], span: name.span })),
  };
}

function isTuple(e: Expr): e is Extract<Expr, { kind: 'matrix' }> {
  return e.kind === 'matrix' && e.tuple === true;
}

function mentions(e: Expr, name: Expr): boolean {
  return name.kind === 'name' && findInExpr(e, (x) => x.kind === 'name' && x.name === name.name) !== undefined;
}

/** The diagnostic for the first tuple of a row that is not a function's whole value; undefined when there is none. */
export function misplacedTuple(row: RawRow): Diagnostic | undefined {
  const tuple = firstMisplaced(row);
  return tuple && warning('parse-error', 'cannot read this maths: a tuple `(a, b)` is read only as the value of a vector function, as in `F(x, y) = (x y, x + y)`', tuple.span, 'write a point as `x_1 = 4, x_2 = 4`, or the vector with \\begin{bmatrix}');
}

function firstMisplaced(row: RawRow): Expr | undefined {
  if (row.kind === 'bare') return tupleIn(row.expr);
  if (row.kind === 'continuation') return firstOf(row.rhs.map((s) => s.expr));
  for (const st of row.statements) {
    if (st.kind !== 'equation') continue;
    const definesFunction = (st.lhs.expr.kind === 'call' || definesField(st.lhs.expr, st.rhs.map((s) => s.expr))) && st.rhs.length === 1;
    const valuesAreVectors = definesFunction || st.lhs.expr.kind === 'deriv';
    const values = st.rhs.map((s) => s.expr).flatMap((e) => (valuesAreVectors ? insideTuple(e) : [e]));
    const found = firstOf([st.lhs.expr, ...values]);
    if (found) return found;
  }
  return undefined;
}

/**
 * `\vec F = (-y, xy, z)`, `\mathbf F = \langle P, Q, R \rangle`: a field named by a capital or an arrow or bold
 * letter, whose components are expressions in other names (a point `x = (4, 4)` or `P = (x_0, y_0)` is not).
 */
function definesField(name: Expr, values: readonly Expr[]): boolean {
  if (name.kind !== 'name' || values.length !== 1 || !isTuple(values[0])) return false;
  const vectorName = /^[A-Z]/.test(name.name) || /\\(?:vec|mathbf|boldsymbol|bm|overrightarrow|underline)/.test(name.text);
  const components = values[0].rows.flat();
  return vectorName && components.some((c) => c.kind !== 'name' && mentionsAName(c)) && !components.some((c) => mentions(c, name));
}

function mentionsAName(e: Expr): boolean {
  return findInExpr(e, (x) => x.kind === 'name') !== undefined;
}

/** A value that may be a tuple: the tuple itself is in place, its components are searched. */
function insideTuple(e: Expr): Expr[] {
  return e.kind === 'matrix' && e.tuple ? e.rows.flat() : [e];
}

function firstOf(exprs: Expr[]): Expr | undefined {
  for (const e of exprs) {
    const found = tupleIn(e);
    if (found) return found;
  }
  return undefined;
}

function tupleIn(e: Expr): Expr | undefined {
  // `\frac{\partial (x, y)}{\partial (r, \theta)}`: the functions of a Jacobian by several variables, listed.
  const listedFunctions = new Set<Expr>();
  findInExpr(e, (x) => {
    if (x.kind === 'deriv' && x.form === 'jacobian' && isTuple(x.of)) listedFunctions.add(x.of);
    return false;
  });
  return findInExpr(e, (x) => isTuple(x) && !listedFunctions.has(x));
}
