// `J_F`, `J_F(x, y)`, `J_{F \circ G}(x, y)`: the Jacobian of functions the document defines
// (`F(x, y) = \begin{bmatrix} .. \end{bmatrix}`), read as `jacobian(F(x, y), [x, y])` and
// `jacobian(F(G(x, y)), [x, y])` as in .cr. Which names are functions is known only once the whole
// document is read, so this is a pass over its statements; a `J_X` whose X is no function stays a name.
// `J_F(G(u, v))`, the Jacobian at a point, is a call of the Jacobian as a function of F's arguments.
import type { Expr, Span, Statement, Step } from '../syntax/ast';
import { rewriteExpr } from '../syntax/walk';
import { normalizeName } from '../syntax/names';

/** The functions the statements define (`F(x, y) = ...`), with their parameters. */
export function definedFunctions(statements: readonly Statement[]): Map<string, string[]> {
  const functions = new Map<string, string[]>();
  for (const st of statements) {
    const defined = functionDefined(st);
    if (defined) functions.set(defined.callee, defined.parameters);
  }
  return functions;
}

/** The function `f(x, y) = ...` defines, with its parameters (and as written); undefined for any other statement. */
export function functionDefined(st: Statement): { callee: string; parameters: string[]; header: Expr[] } | undefined {
  const lhs = st.kind === 'equation' ? st.lhs.expr : undefined;
  if (lhs?.kind !== 'call' || lhs.prime !== 0 || !lhs.args.every((a) => a.kind === 'name')) return undefined;
  return { callee: lhs.callee, parameters: lhs.args.map((a) => (a as Extract<Expr, { kind: 'name' }>).name), header: lhs.args };
}

/** `\nabla f` read as the gradient of f at its parameters `header` by them, as `\nabla f(x, y)` is. */
export function gradientByParameters(e: Extract<Expr, { kind: 'deriv' }>, f: { callee: string; calleeText?: string; span: Span }, header: readonly Expr[]): Expr {
  const at = header.map((p) => ({ ...p, span: e.span }));
  return { ...e, of: call(f.callee, at, f.span, f.calleeText), wrt: at };
}

/**
 * The statements with every `J_F` of a defined function read as its Jacobian; `origin[i]`: the statement that
 * statement i comes from (a Jacobian's function comes from the function's definition).
 */
export function readJacobians(statements: Statement[], functions: ReadonlyMap<string, string[]>): { statements: Statement[]; origin: number[] } {
  const unchanged = { statements, origin: statements.map((_, i) => i) };
  if (functions.size === 0) return unchanged;
  const atPoints = new Map<string, Expr>();
  const read = (s: Step): Step => ({ ...s, expr: rewriteExpr(s.expr, (e) => jacobianOf(e, functions, atPoints)) });
  const out = statements.map((st) => (st.kind === 'equation' ? { ...st, lhs: read(st.lhs), rhs: st.rhs.map(read) } : st));
  const expanded = out.map((st, i) => [st, ...jacobianFunctionsAt(st, atPoints)].map((s) => ({ s, i })));
  return { statements: expanded.flat().map((x) => x.s), origin: expanded.flat().map((x) => x.i) };
}

/**
 * `J_F(G(u, v))`, `J_F(1, 2)`: the Jacobian of F at a point, a function of F's arguments called there. The
 * function (`J_F(x, y) = jacobian(F(x, y), [x, y])`) is defined where F is, so it is seen where F is.
 */
function jacobianFunctionsAt(st: Statement, atPoints: ReadonlyMap<string, Expr>): Statement[] {
  const lhs = st.kind === 'equation' ? st.lhs : undefined;
  if (!lhs || lhs.expr.kind !== 'call') return [];
  const callee = lhs.expr.callee;
  // Only a definition with the arguments the Jacobian takes: another question's `f(x, y, z)` is another f.
  // A Hessian's function is inside the gradient it differentiates.
  const called = (j: Expr): Expr | undefined => (j.kind !== 'deriv' ? undefined : j.of.kind === 'deriv' ? j.of.of : j.of);
  const defines = (j: Expr) => {
    const f = called(j);
    return f?.kind === 'call' && f.callee === callee && f.args.length === (lhs.expr as Extract<Expr, { kind: 'call' }>).args.length;
  };
  return [...atPoints].filter(([, jacobian]) => defines(jacobian)).map(([name, jacobian]): Statement => {
    const params = (jacobian as Extract<Expr, { kind: 'deriv' }>).wrt;
    const header: Step = { expr: { kind: 'call', callee: name, calleeText: name, prime: 0, args: params, span: lhs.span }, text: lhs.text, span: lhs.span };
    return { kind: 'equation', lhs: header, rhs: [{ expr: jacobian, text: lhs.text, span: lhs.span }], span: st.span };
  });
}

/** The functions a Jacobian's subscript composes, outermost first: `J_F` → [F], `J_{F \circ G}` → [F, G]. */
function composed(text: string): string[] | undefined {
  // `J_{\mathbf{F}}`: a font on the function's name is dropped, as on the name itself.
  const m = /^J_(?:\{([^{}]*)\}|([A-Za-z]))$/.exec(text.replace(/\\[a-zA-Z]+\{([A-Za-z])\}/g, '$1'));
  if (!m) return undefined;
  return (m[1] ?? m[2]).split(/\\circ|∘/).map((part) => part.trim().replace(/^\\/, ''));
}

/** The function of a Hessian written `H_f`, `H_{f}`, `\mathbf{H}_f`. */
function hessianFunction(text: string): string | undefined {
  const m = /^H_(?:\{\\?([A-Za-z]+)\}|([A-Za-z]))$/.exec(text.replace(/\\[a-zA-Z]+\{([A-Za-z])\}/g, '$1'));
  return m ? m[1] ?? m[2] : undefined;
}

function jacobianOf(e: Expr, functions: ReadonlyMap<string, string[]>, atPoints: Map<string, Expr>): Expr | undefined {
  if (e.kind === 'deriv' && e.form === 'grad') return gradientAt(e, functions, atPoints);
  const written = e.kind === 'name' ? e.text : e.kind === 'call' && e.prime === 0 ? e.calleeText : undefined;
  const hessian = written === undefined ? undefined : hessianFunction(written);
  const parts = hessian !== undefined ? [hessian] : written === undefined ? undefined : composed(written);
  if (!parts || !parts.every((f) => functions.has(f))) return undefined;
  const params = parameterNames(functions.get(parts[parts.length - 1])!, e.span);
  const args = e.kind === 'call' ? e.args : params;
  // The Hessian H_f is the Jacobian of the gradient, as `\nabla^2 f` is read (higherOrder.ts).
  const of = (at: Expr[]): Expr => (hessian === undefined ? composedCall(parts, at, e.span) : { kind: 'deriv', form: 'grad', of: call(hessian, at, e.span), wrt: at, span: e.span });
  const jacobianAt = (at: Expr[]) => ({ kind: 'deriv' as const, form: 'jacobian' as const, of: of(at), wrt: at, span: e.span });
  if (args.every((a) => a.kind === 'name')) return jacobianAt(args);
  // At a point: a call of the Jacobian as a function of the innermost function's arguments (jacobianFunctionsAt).
  // A name .cr reads (printed claims parse back): `J_F`, `J_FG` for J_{F∘G}, `H_f`.
  const text = `${hessian === undefined ? 'J' : 'H'}_${parts.join('')}`;
  atPoints.set(normalizeName(text), jacobianAt(params));
  return call(normalizeName(text), args, e.span, text);
}

/** `\nabla f(1, 2)`: the gradient of f at a point, a call of the gradient as a function of f's arguments. */
function gradientAt(e: Extract<Expr, { kind: 'deriv' }>, functions: ReadonlyMap<string, string[]>, atPoints: Map<string, Expr>): Expr | undefined {
  const params = e.of.kind === 'call' ? functions.get(e.of.callee) : undefined;
  if (e.of.kind !== 'call' || !params || e.of.args.every((a) => a.kind === 'name')) return undefined;
  const names = parameterNames(params, e.span);
  const text = `nabla_${e.of.callee}`;
  atPoints.set(normalizeName(text), gradientByParameters(e, { callee: e.of.callee, span: e.span }, names));
  return call(normalizeName(text), e.of.args, e.span, text);
}

/** `F(G(x, y))`: the functions `parts` (outermost first) applied in turn to `args`. */
export function composedCall(parts: readonly string[], args: Expr[], span: Span): Expr {
  return parts.reduceRight<Expr[]>((inner, f) => [call(f, inner, span)], args)[0];
}

/** A function's parameters as the names they are, at `span`. */
export function parameterNames(params: readonly string[], span: Span): Expr[] {
  return params.map((p): Expr => ({ kind: 'name', name: p, text: p, span }));
}

function call(callee: string, args: Expr[], span: Span, calleeText = callee): Expr {
  return { kind: 'call', callee, calleeText, prime: 0, args, span };
}
