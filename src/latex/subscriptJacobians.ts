// `\mathbf J_{\mathbf x}(\mathbf s)`, `J_{\theta}(u)`: a Jacobian written as an operator, its variable in the
// subscript and the quantity differentiated as its argument (ds/dx), read as `jacobian(s, [x])`. The other
// order, `J_F(x)` of a function the document defines, is the function's Jacobian at x (jacobians.ts), so a
// subscript naming a defined function is left to that reading. Unread, `J_x(s) = ...` defined a function J_x
// and its right side went unchecked. A subscript that is no one name (`J_{\mathbf x_{j \neq i}}`) stays unread.
// Where the argument does not depend on the subscript (`J_f(x)` of an f the maths never defines), the check
// says so and leaves the line unjudged: the reading is never the ground of a verdict it cannot support.
import type { Expr, Statement, Step } from '../syntax/ast';
import { rewriteExpr } from '../syntax/walk';
import { definedFunctions, parameterNames } from './jacobians';
import { latexTokens, parseLatexExpression } from './parse';

/** The statements with every `J_{v}(E)` of a variable v read as the Jacobian of E by v. */
export function readSubscriptJacobians(statements: Statement[]): Statement[] {
  const functions = definedFunctions(statements);
  const read = (s: Step): Step => ({ ...s, expr: rewriteExpr(s.expr, (e) => operatorJacobian(e, functions)) });
  return statements.map((st) => (st.kind === 'equation' ? { ...st, lhs: read(st.lhs), rhs: st.rhs.map(read) } : st));
}

/** `J` in any font, then its subscript: `\mathbf J_{\mathbf x}`, `\mathbf{J}_x`, `\boldsymbol{J}_{\theta}`. */
const OPERATOR = /^(?:\\(?:mathbf|boldsymbol|bm|mathrm|mathit)\s*\{?\s*J\s*\}?|J)\s*_\s*(\{.*\}|\\?[A-Za-z]+)$/s;

function operatorJacobian(e: Expr, functions: ReadonlyMap<string, string[]>): Expr | undefined {
  if (e.kind !== 'call' || e.prime !== 0 || e.args.length !== 1 || !e.calleeText) return undefined;
  const m = OPERATOR.exec(e.calleeText.trim());
  if (!m) return undefined;
  const written = m[1].startsWith('{') ? m[1].slice(1, -1) : m[1];
  const variable = parseLatexExpression(latexTokens(written, { file: '', line: e.span.line, column: e.span.column }));
  if (variable?.kind !== 'name' || functions.has(variable.name)) return undefined;
  const wrt: Expr = { ...variable, span: e.span };
  return { kind: 'deriv', form: 'jacobian', of: applied(e.args[0], functions), wrt: [wrt], span: e.span };
}

/** A function of the document's written bare, `J_x(f)` of `f(x) = ...`, is its value at its parameters. */
function applied(arg: Expr, functions: ReadonlyMap<string, string[]>): Expr {
  const params = arg.kind === 'name' ? functions.get(arg.name) : undefined;
  if (arg.kind !== 'name' || !params) return arg;
  return { kind: 'call', callee: arg.name, calleeText: arg.text, prime: 0, args: parameterNames(params, arg.span), span: arg.span };
}
