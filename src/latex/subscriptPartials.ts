// Partial derivatives written as subscripts, as calculus textbooks do: with `f(x, y) = x^2 y^3 - 4y`, `f_x = 2xy^3`
// is ∂f/∂x, `f_{xy}` is (f_x)_y = ∂/∂y(∂f/∂x), and `f_x(1, 2) = 4` is ∂f/∂x at (1, 2); with `u = x^4 y + y^2 z^3`,
// `u_{xy} = 4x^3` is ∂²u/∂y∂x. Read as a claim it was `f_x`, a new name defined by the line, so nothing was checked.
// It is read so only when every subscript letter is a variable of f (a parameter of the function, or a name its
// formula uses that nothing before defines), none of them is given a shape, and nothing before f's definition
// defines the subscripted name: `W_1`, `x_i`, `a_j` stay names.
import type { AtBinding, Expr, Question, Statement } from '../syntax/ast';
import { findInExpr, rewriteExpr } from '../syntax/walk';
import { functionDefined } from './jacobians';

type NameExpr = Extract<Expr, { kind: 'name' }>;

/** A quantity a partial derivative can be taken of: a function with its parameters, or a formula with its free names. */
interface Differentiable {
  of: (span: NameExpr['span']) => Expr;
  variables: ReadonlyMap<string, NameExpr>;
  /** The parameters in order, for a point written after the subscripts; none for a formula. */
  parameters?: readonly NameExpr[];
  question: number | undefined;
}

/** Subscripts of this many letters at most (f_{xyz}); more is a name. */
const MAX_ORDER = 3;
/** `f_x`, `f_{xy}`, `\phi_{t}`: the written base and the letters of its subscript. */
const SUBSCRIPTED = /^(\\?[A-Za-z]+)_(?:\{([a-z]{1,3})\}|([a-z]))$/;

/** The statements with each subscript partial derivative read as that derivative (at its point, if one is written). */
export function readSubscriptPartials(statements: readonly Statement[], questionOf: readonly (number | undefined)[], questions: readonly Question[]): Statement[] {
  const shaped = new Set(statements.flatMap((st) => (st.kind === 'decl' ? st.names.map((n) => n.name) : [])));
  const definedIn = new Map<string, number | undefined>();
  const inForce = new Map<string, Differentiable>();
  return statements.map((st, k) => {
    if (st.kind !== 'equation') return st;
    const question = questionOf[k];
    const defined = (name: string) => definedIn.has(name) && sees(definedIn.get(name), question, questions);
    const derivative = (e: Expr): Expr | undefined => {
      if (e.kind !== 'name' || defined(e.name)) return undefined;
      const read = subscriptOf(e.text, e.name);
      const f = read && inForce.get(read.base);
      if (!read || !f || !sees(f.question, question, questions)) return undefined;
      const wrt = read.letters.map((v) => f.variables.get(v));
      if (wrt.some((v) => v === undefined || shaped.has(v.name))) return undefined;
      return wrt.reduce<Expr>((inner, v) => ({ kind: 'deriv', form: 'frac', of: inner, wrt: [{ ...v!, span: e.span }], span: e.span }), f.of(e.span));
    };
    const point = pointOf(st.lhs.expr, inForce, derivative);
    const lhs = point ? point.derivative : rewriteExpr(st.lhs.expr, derivative);
    const out: Statement = {
      ...st,
      lhs: { ...st.lhs, expr: lhs },
      rhs: st.rhs.map((step) => ({ ...step, expr: rewriteExpr(step.expr, derivative) })),
      ...(point ? { point: [...(st.point ?? []), ...point.bindings] } : {}),
    };
    remember(out, question, defined, inForce);
    if (out.kind === 'equation' && out.lhs.expr.kind === 'name') definedIn.set(out.lhs.expr.name, question);
    return out;
  });
}

/** The base's name and the subscript's letters of a name written `f_{xy}` (`name` is the normalised `fxy`). */
function subscriptOf(text: string, name: string): { base: string; letters: string[] } | undefined {
  const m = SUBSCRIPTED.exec(text.replace(/\s+/g, ''));
  const letters = m && (m[2] ?? m[3]);
  if (!letters || letters.length > MAX_ORDER || !name.endsWith(letters)) return undefined;
  return { base: name.slice(0, name.length - letters.length), letters: [...letters] };
}

/** `f_x(1, 2)` on the left of a claim: the derivative with its numbers bound to f's parameters in order. */
function pointOf(lhs: Expr, inForce: ReadonlyMap<string, Differentiable>, derivative: (e: Expr) => Expr | undefined): { derivative: Expr; bindings: AtBinding[] } | undefined {
  if (lhs.kind !== 'call' || lhs.prime !== 0) return undefined;
  const name: NameExpr = { kind: 'name', name: lhs.callee, text: lhs.calleeText, span: lhs.span };
  const d = derivative(name);
  const parameters = d && inForce.get(subscriptOf(lhs.calleeText, lhs.callee)!.base)?.parameters;
  if (!d || !parameters || parameters.length !== lhs.args.length) return undefined;
  const values = lhs.args.map((a) => (a.kind === 'number' ? a.value : a.kind === 'neg' && a.arg.kind === 'number' ? -a.arg.value : undefined));
  if (values.every((v, i) => v === undefined && lhs.args[i].kind === 'name' && (lhs.args[i] as NameExpr).name === parameters[i].name)) return { derivative: d, bindings: [] };
  if (values.some((v) => v === undefined)) return undefined;
  const bindings = parameters.map((p, i): AtBinding => ({ name: p.name, text: p.text, value: values[i]!, rounded: false, span: lhs.args[i].span }));
  return { derivative: d, bindings };
}

/** Records the function or formula `st` defines, which a subscript can differentiate. */
function remember(st: Statement, question: number | undefined, defined: (name: string) => boolean, inForce: Map<string, Differentiable>): void {
  if (st.kind !== 'equation' || st.rhs.length === 0) return;
  const lhs = st.lhs.expr;
  const fn = functionDefined(st);
  if (fn && lhs.kind === 'call') {
    const parameters = fn.header as NameExpr[];
    const of = (span: NameExpr['span']): Expr => ({ ...lhs, args: parameters.map((p) => ({ ...p, span })), span });
    inForce.set(fn.callee, { of, variables: new Map(parameters.map((p) => [p.name, p])), parameters, question });
  } else if (lhs.kind === 'name' && !defined(lhs.name)) {
    const variables = new Map<string, NameExpr>();
    findInExpr(st.rhs[0].expr, (e) => (e.kind === 'name' && !defined(e.name) && variables.set(e.name, e), false));
    inForce.set(lhs.name, { of: (span) => ({ ...lhs, span }), variables, question });
  }
}

/** Whether a use in question `use` sees a definition made in question `def`: the same question or one it is part of. */
function sees(def: number | undefined, use: number | undefined, questions: readonly Question[]): boolean {
  for (let q = use; ; q = questions[q].parent) {
    if (q === def) return true;
    if (q === undefined) return false;
  }
}
