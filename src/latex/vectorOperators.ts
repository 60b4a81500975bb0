// The operators of vector calculus: the divergence `\nabla \cdot F`, `\operatorname{div} F`, `\textrm{div} F`,
// `{\mathop{\rm div}\nolimits} F`; the curl `\nabla \times F`, `\operatorname{curl} F`; the Laplacian `\nabla^2 f`,
// `\Delta f`. Each is read as the sum (or the column) of partial derivatives it stands for, of a field the
// document defines by its components, `F(x, y, z) = (xy, yz, zx)`, `\vec F = \langle P, Q, R \rangle`,
// `\mathbf F = x\mathbf i + y^2\mathbf j`: the variables are F's header, else x, y (and z) when the components
// are written in no other names. The curl of a plane field is the number ∂Q/∂x - ∂P/∂y, or its vector
// (0, 0, ∂Q/∂x - ∂P/∂y) where the line writes vectors. `\nabla^2 f` is as often the Hessian, and `\Delta f` a
// change in f: each is the Laplacian only of a defined function, on a line written in its variables alone;
// `\nabla^2 f` set equal to a square matrix is f's Hessian.
// A line with an operator that cannot be read so is not read, with the reason; unread, `\nabla \cdot F` was
// unreadable and `\Delta f` the product Δ·f (a right Laplacian ✗).
import { warning, type Diagnostic, type Span } from '../diagnostics';
import type { Expr, Statement, Step } from '../syntax/ast';
import { findInExpr, namesIn, rewriteExpr } from '../syntax/walk';
import { namesWithValues } from './appliedDifferentials';
import { functionDefined } from './jacobians';
import { spanOf, type Tok } from './tokens';

type Operator = 'div' | 'curl' | 'laplacian';
const OPERATORS: ReadonlySet<string> = new Set<Operator>(['div', 'curl', 'laplacian']);

/** The unit vectors i, j, k however typed (`\mathbf i`, `\vec j`, `\hat k`, `\hat{\imath}`), by component. */
const UNIT_VECTORS: ReadonlyMap<string, number> = new Map([['i', 0], ['j', 1], ['k', 2], ['ihat', 0], ['jhat', 1], ['khat', 2]]);
/** The coordinates a field without a header is read in, in order. */
const COORDINATES = ['x', 'y', 'z'];

/**
 * The row's tokens with `\nabla \cdot`, `\nabla \times` and a bare `\nabla^2` before a name not called (`\nabla^2 f(x, y)`
 * is the Hessian, build.ts) made the operator words `div`, `curl`, `laplacian` (read as calls), and
 * `{\mathop{\rm div}\nolimits}`'s braces dropped.
 */
export function markVectorOperators(tokens: readonly Tok[]): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    const operand = (k: number) => tokens[k]?.type === 'name' || tokens[k]?.type === 'fname';
    if (t.type === 'grad' && (next?.type === 'cdot' || next?.type === 'times') && operand(i + 2)) {
      out.push(word(next.type === 'cdot' ? 'div' : 'curl', tokens.slice(i, i + 2)));
      i++;
    } else if (t.type === 'grad' && next?.type === 'caret' && tokens[i + 2]?.type === 'num' && tokens[i + 2].value === '2' && tokens[i + 3]?.type === 'name' && tokens[i + 4]?.type !== 'lparen') {
      out.push(word('laplacian', tokens.slice(i, i + 3)));
      i += 2;
    } else if (t.type === 'lbrace' && next?.type === 'func' && OPERATORS.has(next.value) && tokens[i + 2]?.type === 'rbrace') {
      out.push(next);
      i += 2;
    } else out.push(t);
  }
  return out;
}

function word(operator: Operator, written: readonly Tok[]): Tok {
  return { ...written[0], type: 'func', value: operator, text: written.map((t) => t.text).join(' '), end: written[written.length - 1].end, span: spanOf(written) };
}

/** The statements with each operator read (see above); `origin[i]`: the statement that statement i was. */
export function readVectorOperators(statements: readonly Statement[]): { statements: Statement[]; origin: number[]; diagnostics: Diagnostic[] } {
  const out: Statement[] = [];
  const origin: number[] = [];
  const diagnostics: Diagnostic[] = [];
  const valued = namesWithValues(statements);
  statements.forEach((st, i) => {
    const read = st.kind === 'equation' && hasOperator(st, valued) ? readStatement(st, statements, i, valued) : st;
    if (typeof read === 'string') {
      const hint = read.endsWith(LAPLACIAN_DOUBT) ? undefined : 'define the field by its components in named variables, as in F(x, y, z) = (x y, y z, z x), or the function, as in f(x, y) = x^2 y';
      diagnostics.push(warning('parse-error', `cannot read this maths: ${read}`, st.span, hint));
      return;
    }
    out.push(read);
    origin.push(i);
  });
  return { statements: out, origin, diagnostics };
}

type Equation = Extract<Statement, { kind: 'equation' }>;

function hasOperator(st: Equation, valued: ReadonlySet<string>): boolean {
  return [st.lhs, ...st.rhs].some((s) => findInExpr(s.expr, (e) => operatorOf(e, valued) !== undefined) !== undefined);
}

/** `div(F)`, `curl(F)`, `laplacian(f)` of one operand, or `\Delta f` (Δ given no value), with its operand. */
function operatorOf(e: Expr, valued: ReadonlySet<string>): { operator: Operator; operand: Expr; delta?: true } | undefined {
  if (e.kind === 'call' && OPERATORS.has(e.callee) && e.args.length === 1 && e.prime === 0) return { operator: e.callee as Operator, operand: e.args[0] };
  if (e.kind === 'binary' && e.op === 'mul' && e.style === 'juxt' && e.left.kind === 'name' && e.left.name === 'Delta' && !valued.has('Delta')) return { operator: 'laplacian', operand: e.right, delta: true };
  return undefined;
}

/** The equation with its operators read, or why it cannot be. */
function readStatement(st: Equation, statements: readonly Statement[], at: number, valued: ReadonlySet<string>): Statement | string {
  const steps = [st.lhs, ...st.rhs];
  const vectors = steps.some((s) => isVectorValue(s.expr));
  const squareMatrix = steps.some((s) => isSquareMatrix(s.expr));
  let why: string | undefined;
  let field: Field | undefined;
  let hessian = false;
  const read = (s: Step): Step => ({
    ...s,
    expr: rewriteExpr(s.expr, (e) => {
      const found = operatorOf(e, valued);
      if (!found || why) return undefined;
      const name = operandName(found.operand);
      field = name === undefined ? undefined : fieldAt(statements, at, name, found.operator);
      // `\Delta x` of a name no definition makes a function is a change in it, left as written.
      if (!field && found.delta) return undefined;
      if (!field) {
        why = `the ${NAMES[found.operator]} of ${name ?? 'this operand'}, which the document does not define ${found.operator === 'laplacian' ? 'as a function of named variables' : 'as a field by its components in named variables'}`;
        return undefined;
      }
      // `\nabla^2 f = \begin{bmatrix} .. \end{bmatrix}` of f(x, y): the Hessian, as `\nabla^2 f(x, y)` is read.
      if (found.operator === 'laplacian' && !found.delta && squareMatrix && field.components[0].kind === 'call') {
        hessian = true;
        return hessianOf(field.components[0], e.span);
      }
      const value = operatorValue(found.operator, field, e.span, vectors);
      if (typeof value === 'string') why = value;
      return typeof value === 'string' ? undefined : value;
    }),
  });
  const [lhs, ...rhs] = steps.map(read);
  if (why) return why;
  if (field?.operator === 'laplacian' && !hessian && !inVariablesAlone([lhs, ...rhs], field)) return `${NAMES.laplacian}: ${LAPLACIAN_DOUBT}`;
  if (field?.operator !== 'curl') return { ...st, lhs, rhs };
  // A curl's value written with i, j, k, or as 0 (the zero vector), is the column of its components.
  const size = field.variables.length === 3 || vectors ? 3 : 1;
  const asColumn = (s: Step): Step => ({ ...s, expr: size === 3 ? columnOf(s.expr, size) ?? s.expr : s.expr });
  return { ...st, lhs: asColumn(lhs), rhs: rhs.map(asColumn) };
}

const NAMES: Record<Operator, string> = { div: 'divergence', curl: 'curl', laplacian: 'Laplacian' };
const LAPLACIAN_DOUBT = 'the line writes names other than the function\'s variables, so it may mean the Hessian (\\nabla^2) or a change in the function (\\Delta), not the Laplacian';

function operandName(e: Expr): string | undefined {
  if (e.kind === 'name') return e.name;
  if (e.kind === 'call' && e.args.every((a) => a.kind === 'name')) return e.callee;
  return undefined;
}

interface Field {
  operator: Operator;
  /** The components (a function of the Laplacian: itself, one). */
  components: Expr[];
  variables: Expr[];
}

/** The definition of `name` nearest before statement `at` (else the first after it) read as the operator needs it. */
function fieldAt(statements: readonly Statement[], at: number, name: string, operator: Operator): Field | undefined {
  const order = [...statements.keys()].filter((k) => k < at).reverse().concat([...statements.keys()].filter((k) => k > at));
  for (const k of order) {
    const st = statements[k];
    if (st.kind !== 'equation') continue;
    const lhs = st.lhs.expr;
    const header = functionDefined(st);
    if (header?.callee === name) return operator === 'laplacian' ? { operator, components: [lhs], variables: header.header } : fieldOf(operator, st.rhs, header.header);
    if (lhs.kind === 'name' && lhs.name === name) return operator === 'laplacian' ? scalarOf(lhs, st.rhs) : fieldOf(operator, st.rhs, undefined);
  }
  return undefined;
}

/** A field from the last of its definition's values written by components; its variables, the header or x, y, z. */
function fieldOf(operator: Operator, values: readonly Step[], header: Expr[] | undefined): Field | undefined {
  for (const value of [...values].reverse()) {
    const components = componentsOf(value.expr);
    if (!components || components.length < 2 || components.length > 3) continue;
    const variables = header ?? coordinatesOf(components, components.length);
    if (!variables || variables.length !== components.length) return undefined;
    return { operator, components, variables };
  }
  return undefined;
}

/** `f = x^2 y`: a function named without a header, in coordinates x, y, z. */
function scalarOf(name: Expr, values: readonly Step[]): Field | undefined {
  if (values.length !== 1 || isVectorValue(values[0].expr)) return undefined;
  const variables = coordinatesOf([values[0].expr], COORDINATES.length);
  return variables && { operator: 'laplacian', components: [name], variables: variables.filter((v) => v.kind === 'name' && namesIn(values[0].expr).has(v.name)) };
}

/** The first `count` coordinates, when the expressions write no other name. */
function coordinatesOf(exprs: readonly Expr[], count: number): Expr[] | undefined {
  const allowed = COORDINATES.slice(0, count);
  const names = new Set<string>();
  exprs.forEach((e) => namesIn(e, names));
  if (![...names].every((n) => allowed.includes(n))) return undefined;
  const span = exprs[0].span;
  return allowed.map((v): Expr => ({ kind: 'name', name: v, text: v, span }));
}

/** The components of a tuple, a column or a row, or a sum of multiples of i, j, k. */
function componentsOf(e: Expr): Expr[] | undefined {
  if (e.kind === 'matrix') {
    if (e.rows.length === 1) return e.rows[0];
    return e.rows.every((r) => r.length === 1) ? e.rows.map((r) => r[0]) : undefined;
  }
  return unitComponents(e);
}

/** `a\mathbf i + b\mathbf j - c\mathbf k` as [a, b, -c] (a missing unit's component is 0). */
function unitComponents(e: Expr): Expr[] | undefined {
  const terms = signedTerms(e);
  const components: (Expr | undefined)[] = [];
  for (const term of terms) {
    const split = unitTerm(term);
    if (!split || components[split.unit] || findInExpr(split.coefficient, isUnit)) return undefined;
    components[split.unit] = split.coefficient;
  }
  if (components.length === 0) return undefined;
  return [...components].map((c) => c ?? { kind: 'number', value: 0, text: '0', span: e.span });
}

function signedTerms(e: Expr): Expr[] {
  if (e.kind === 'binary' && e.op === 'add') return [...signedTerms(e.left), ...signedTerms(e.right)];
  if (e.kind === 'binary' && e.op === 'sub') return [...signedTerms(e.left), ...signedTerms(e.right).map((t): Expr => ({ kind: 'neg', arg: t, span: t.span }))];
  return [e];
}

/** `c\,\mathbf i`, `\mathbf i\, c`, `\mathbf i`, `-c\mathbf j`: the unit's component and its coefficient. */
function unitTerm(term: Expr): { unit: number; coefficient: Expr } | undefined {
  if (term.kind === 'neg') {
    const inner = unitTerm(term.arg);
    return inner && { unit: inner.unit, coefficient: { kind: 'neg', arg: inner.coefficient, span: term.span } };
  }
  if (isUnit(term)) return { unit: UNIT_VECTORS.get(term.name)!, coefficient: { kind: 'number', value: 1, text: '1', span: term.span } };
  if (term.kind !== 'binary' || term.op !== 'mul') return undefined;
  if (isUnit(term.right)) return { unit: UNIT_VECTORS.get(term.right.name)!, coefficient: term.left };
  if (isUnit(term.left)) return { unit: UNIT_VECTORS.get(term.left.name)!, coefficient: term.right };
  return undefined;
}

function isUnit(e: Expr): e is Extract<Expr, { kind: 'name' }> {
  return e.kind === 'name' && UNIT_VECTORS.has(e.name);
}

/** A value written as a vector: a tuple, a column or row of two or more, or a sum of multiples of i, j, k. */
function isVectorValue(e: Expr): boolean {
  if (e.kind === 'matrix') return e.rows.length > 1 || e.rows[0].length > 1;
  return findInExpr(e, isUnit) !== undefined && unitComponents(e) !== undefined;
}

/** The operator's value as partial derivatives of the field's components, or why it has none. */
function operatorValue(operator: Operator, field: Field, span: Span, vectors: boolean): Expr | string {
  const { components: c, variables: v } = field;
  const d = (k: number, by: number): Expr => ({ kind: 'deriv', form: 'operator', of: c[k], wrt: [v[by]], span });
  if (operator === 'laplacian') {
    const second = (by: number): Expr => ({ kind: 'deriv', form: 'operator', of: d(0, by), wrt: [v[by]], span });
    return v.length === 0 ? 'the Laplacian of a function of no variable' : sum(v.map((_, by) => second(by)), span);
  }
  if (c.length !== v.length) return `the ${NAMES[operator]} of a field of ${c.length} components in ${v.length} variables`;
  if (operator === 'div') return sum(c.map((_, k) => d(k, k)), span);
  const sub = (a: Expr, b: Expr): Expr => ({ kind: 'binary', op: 'sub', left: a, right: b, span });
  const zero: Expr = { kind: 'number', value: 0, text: '0', span };
  if (c.length === 2) {
    const scalar = sub(d(1, 0), d(0, 1));
    return vectors ? column([zero, zero, scalar], span) : scalar;
  }
  return column([sub(d(2, 1), d(1, 2)), sub(d(0, 2), d(2, 0)), sub(d(1, 0), d(0, 1))], span);
}

function isSquareMatrix(e: Expr): boolean {
  return e.kind === 'matrix' && !e.tuple && e.rows.length > 1 && e.rows.every((r) => r.length === e.rows.length);
}

/** The Hessian of the call f(x, y): the Jacobian of its gradient by its arguments. */
function hessianOf(call: Extract<Expr, { kind: 'call' }>, span: Span): Expr {
  const gradient: Expr = { kind: 'deriv', form: 'grad', of: call, wrt: call.args, span };
  return { kind: 'deriv', form: 'jacobian', of: gradient, wrt: call.args, span };
}

function sum(terms: Expr[], span: Span): Expr {
  return terms.reduce((a, b) => ({ kind: 'binary', op: 'add', left: a, right: b, span }));
}

function column(entries: Expr[], span: Span): Expr {
  return { kind: 'matrix', rows: entries.map((e) => [e]), span, tuple: true };
}

/** A curl's written value as a column of `size`: i, j, k components, a tuple or row padded to it, or 0. */
function columnOf(e: Expr, size: number): Expr | undefined {
  if (e.kind === 'number' && e.value === 0) return column(Array.from({ length: size }, () => e), e.span);
  if (e.kind === 'matrix') return undefined;
  const components = unitComponents(e);
  if (!components || components.length > size) return undefined;
  const zero: Expr = { kind: 'number', value: 0, text: '0', span: e.span };
  return column([...components, ...Array.from({ length: size - components.length }, () => zero)], e.span);
}

/** Every step of a Laplacian's line, the operator read, writes only the function, its variables and numbers (no `\Delta x`). */
function inVariablesAlone(steps: readonly Step[], field: Field): boolean {
  const allowed = new Set(field.variables.flatMap((v) => (v.kind === 'name' ? [v.name] : [])));
  const fn = operandName(field.components[0]);
  if (fn) allowed.add(fn);
  return steps.every((s) => !isVectorValue(s.expr) && [...namesIn(s.expr)].every((n) => allowed.has(n)));
}
