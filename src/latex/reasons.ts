// Reason clauses: `= \frac{d}{dw}[w x + b] \quad \because z = w x + b`. What follows `\because` says why the
// step holds; it is not a member of the chain. When it gives a name's formula, it is how the author defines
// that name (often the only place the document does), as a TA reads it.
import type { Statement } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';
import type { Tok } from './tokens';

const REASON = /^(\\because|∵)$/;

/** A row's tokens up to its reason clause, and the clause; a row that opens with `\because` is a statement of its own. */
export function splitReason(tokens: Tok[]): { tokens: Tok[]; reason?: Tok[] } {
  const at = tokens.findIndex((t) => t.type === 'wide' && REASON.test(t.text.trim()));
  if (at <= 0 || !tokens.slice(0, at).some((t) => t.type === 'eq')) return { tokens };
  const reason = tokens.slice(at + 1);
  return { tokens: tokens.slice(0, at), ...(reason.length > 0 ? { reason } : {}) };
}

/**
 * The definition a reason clause gives: one statement `name = formula` (one `=`, a formula in names, not a
 * value), marked as a reason, so resolution takes it as a definition only where the question has none
 * (resolve/scope.ts). A law such as `\ln(N/M) = \ln N - \ln M` or `\frac{da}{db} = ...` defines no name.
 */
export function reasonDefinition(statements: readonly Statement[]): Statement | undefined {
  if (statements.length !== 1) return undefined;
  const [st] = statements;
  if (st.kind !== 'equation' || st.rhs.length !== 1 || st.lhs.expr.kind !== 'name') return undefined;
  return findInExpr(st.rhs[0].expr, (e) => e.kind === 'name') ? { ...st, reason: true } : undefined;
}
