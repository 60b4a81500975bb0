// An evaluation bar at a tuple, `\nabla f(x, y) \Big|_{(1, 2)}`, `\frac{\partial f}{\partial x}\Big|_{(1,2)}`: the
// values are those of the claim's variables in order, the arguments of its function (the call's, or the
// parameters of the function written bare). normalize.ts binds them to positional names; once the document's
// functions are known, this pass names them. A bar whose variables cannot be told is no point: the line is
// not read (checked at random points instead, its numbers would be wrong).
import { warning, type Diagnostic } from '../diagnostics';
import type { AtBinding, Expr, Statement } from '../syntax/ast';
import { functionDefined } from './jacobians';
import { spanOf, type Tok } from './tokens';

const POSITIONAL = '#';

/** The name normalize.ts gives the k-th value of a tuple point. */
function positionalName(k: number): string {
  return `${POSITIONAL}${k + 1}`;
}

/** `1, -2`: numbers separated by commas (the inside of a tuple point), each bound to the k-th variable; undefined for anything else. */
export function positionalValues(inside: readonly Tok[]): AtBinding[] | undefined {
  const out: AtBinding[] = [];
  for (let k = 0; k < inside.length; k++) {
    const minus = inside[k].type === 'minus' ? inside[k] : null;
    const value = inside[minus ? k + 1 : k];
    if (value?.type !== 'num') return undefined;
    const v = Number(value.value);
    out.push({ name: positionalName(out.length), text: value.text, value: minus ? -v : v, rounded: false, span: spanOf([minus ?? value, value]) });
    k += minus ? 2 : 1;
    if (k < inside.length && inside[k].type !== 'comma') return undefined;
  }
  return out;
}

/** The statements with each tuple point bound to its claim's variables; one whose variables are unknown is dropped. */
export function readTuplePoints(statements: Statement[], functions: ReadonlyMap<string, string[]>): { statements: Statement[]; origin: number[]; diagnostics: Diagnostic[] } {
  const out: Statement[] = [];
  const origin: number[] = [];
  const diagnostics: Diagnostic[] = [];
  // A function written bare is the one defined last before the claim (`f(x, y)` of question 5, though a later
  // question defines an f(x, y, z)); one defined only after it, the document's.
  const inForce = new Map(functions);
  statements.forEach((st, i) => {
    const defined = functionDefined(st);
    if (defined) inForce.set(defined.callee, defined.parameters);
    const point = st.kind === 'equation' ? st.point : undefined;
    if (st.kind !== 'equation' || !point?.some((b) => b.name.startsWith(POSITIONAL))) {
      out.push(st);
      origin.push(i);
      return;
    }
    const variables = variablesOf(st.lhs.expr, inForce);
    if (!variables || variables.length !== point.length) {
      diagnostics.push(warning('parse-error', 'cannot read this maths: the point of this evaluation bar gives values in order, but chainrule cannot tell whose', point[0].span, 'name the variables, as in \\Big|_{x=1, y=2}'));
      return;
    }
    const named = point.map((b, k): AtBinding => ({ ...b, name: variables[k].name, text: variables[k].text }));
    out.push({ ...st, point: named });
    origin.push(i);
  });
  return { statements: out, origin, diagnostics };
}

type Name = Extract<Expr, { kind: 'name' }>;

/** The variables of a claim's target, in order: a derivative's function's arguments (`\nabla f(x, y)`, `\partial f / \partial x` of f(x, y)). */
function variablesOf(e: Expr, functions: ReadonlyMap<string, string[]>): { name: string; text: string }[] | undefined {
  if (e.kind === 'deriv') return variablesOf(e.of, functions);
  if (e.kind === 'call' && e.args.every((a) => a.kind === 'name')) return (e.args as Name[]).map((a) => ({ name: a.name, text: a.text }));
  const params = e.kind === 'name' ? functions.get(e.name) : undefined;
  return params?.map((p) => ({ name: p, text: p }));
}
