// `\nabla f` with no variable, of a function the document defines (`f(x, y, z) = xyz + e^x`): the gradient by
// the function's parameters, as `\nabla f(x, y, z)` says. Which names are functions, and with which
// parameters, only the whole document tells: the definition of f nearest before the line (else the first
// after it) gives them. A `\nabla L` of anything else names no variable and is not read, with the reason.
import { warning, type Diagnostic } from '../diagnostics';
import type { Expr, Statement, Step } from '../syntax/ast';
import { findInExpr, rewriteExpr } from '../syntax/walk';
import { functionDefined, gradientByParameters } from './jacobians';

type Deriv = Extract<Expr, { kind: 'deriv' }>;

/** Why a gradient with no variable is not read (here, and by rows.ts where no name follows `\nabla`). */
export const GRADIENT_WITHOUT_VARIABLE = 'cannot read this maths: write the gradient with its variable, as in \\nabla_{W} L, or of a function of named arguments, as in \\nabla f(x, y)';

/** The statements with each bare gradient read (see above); `origin[i]`: the statement that statement i was. */
export function readBareGradients(statements: readonly Statement[]): { statements: Statement[]; origin: number[]; diagnostics: Diagnostic[] } {
  const out: Statement[] = [];
  const origin: number[] = [];
  const diagnostics: Diagnostic[] = [];
  statements.forEach((st, i) => {
    if (st.kind !== 'equation' || !isBare(st)) {
      out.push(st);
      origin.push(i);
      return;
    }
    let unread: Deriv | undefined;
    const read = (s: Step): Step => ({
      ...s,
      expr: rewriteExpr(s.expr, (e) => {
        if (e.kind !== 'deriv' || e.wrt.length > 0) return undefined;
        const header = e.of.kind === 'name' ? parametersOf(statements, i, e.of.name) : undefined;
        if (e.of.kind === 'name' && header) return gradientByParameters(e, { callee: e.of.name, calleeText: e.of.text, span: e.of.span }, header);
        unread ??= e;
        return undefined;
      }),
    });
    const rewritten: Statement = { ...st, lhs: read(st.lhs), rhs: st.rhs.map(read) };
    if (unread) {
      diagnostics.push(warning('parse-error', GRADIENT_WITHOUT_VARIABLE, unread.span));
      return;
    }
    out.push(rewritten);
    origin.push(i);
  });
  return { statements: out, origin, diagnostics };
}

function isBare(st: Extract<Statement, { kind: 'equation' }>): boolean {
  return [st.lhs, ...st.rhs].some((s) => hasBareGradient(s.expr));
}

/** The expression holds a `\nabla f` whose variables are not known yet. */
export function hasBareGradient(e: Expr): boolean {
  return findInExpr(e, (x) => x.kind === 'deriv' && x.wrt.length === 0) !== undefined;
}

/** The parameters of the definition `name(a, b) = ...` nearest before statement `at`, else the first after it. */
function parametersOf(statements: readonly Statement[], at: number, name: string): Expr[] | undefined {
  const header = (st: Statement): Expr[] | undefined => {
    const defined = functionDefined(st);
    return defined?.callee === name && defined.header.length > 0 ? defined.header : undefined;
  };
  for (let k = at - 1; k >= 0; k--) {
    const found = header(statements[k]);
    if (found) return found;
  }
  for (let k = at + 1; k < statements.length; k++) {
    const found = header(statements[k]);
    if (found) return found;
  }
  return undefined;
}
