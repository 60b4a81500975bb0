// `y_i = \sigma_i(z)` and then `\frac{\partial \sigma_i(z)}{\partial z_j} = ...`: the author differentiates the
// expression they have just equated to the problem's y_i, so the derivative is of y_i and answers `ask dy/dz`
// (docs/grading.md, "Notation"). Read so only where the equation names the problem's quantity (or an entry of
// it) on its left and its right is a call, written the same way where it is differentiated; a reading on the line.
import type { Expr, Reading, Statement } from '../syntax/ast';
import { isSameExpr, rewriteExpr } from '../syntax/walk';
import { printExpr } from '../syntax/print';
import { arrayNameOf } from '../resolve/indexNotation';

interface Equated {
  name: Extract<Expr, { kind: 'name' }>;
  call: Expr;
  line: number;
}

export function readEquatedDerivatives(statements: readonly Statement[], known: ReadonlySet<string>): Statement[] {
  const equated = equatedCalls(statements, known);
  if (equated.length === 0) return [...statements];
  return statements.map((st) => {
    if (st.kind !== 'equation' || st.lhs.expr.kind !== 'deriv') return st;
    const target = st.lhs.expr;
    const same = equated.filter((q) => isSameExpr(q.call, target.of));
    // Two names equated to the same call: which one is differentiated is not for chainrule to choose.
    if (same.length !== 1 || new Set(same.map((q) => q.name.name)).size !== 1) return st;
    const [{ name, call, line }] = same;
    const reading: Reading = { span: target.of.span, written: printExpr(call), readAs: name.text, why: `${printExpr(call)} read as ${name.text}: the author's ${name.text} = ${printExpr(call)} (line ${line})` };
    const lhs = { ...st.lhs, expr: rewriteExpr(target, (x) => (x === target.of ? { ...name, span: x.span } : undefined)) };
    return { ...st, lhs, readings: [...(st.readings ?? []), reading] };
  });
}

/** `y_i = \sigma_i(z)`: the problem's quantity (or its entry) on the left, a call on the right, and nothing more. */
function equatedCalls(statements: readonly Statement[], known: ReadonlySet<string>): Equated[] {
  const out: Equated[] = [];
  for (const st of statements) {
    if (st.kind !== 'equation' || st.rhs.length !== 1) continue;
    const { expr: left } = st.lhs;
    const right = st.rhs[0].expr;
    if (left.kind === 'name' && known.has(arrayNameOf(left.name, left.text)) && right.kind === 'call') out.push({ name: left, call: right, line: st.span.line });
  }
  return out;
}
