// A part of a formula that the question names elsewhere: `x → h = σ(w₁x + b₁) → ŷ = σ(w₂h + b₂)` and, in the forward
// pass, `z₂ = w₂h + b₂`. A person reads ŷ as σ(z₂), so ∂ŷ/∂z₂ is σ'(z₂). Read literally, ŷ is not written with z₂,
// and a defined name is an independent input only of what is written with it (docs/ir.md), so ∂ŷ/∂z₂ would be 0
// and every line of the backward pass through z₂ unjudged. So where a name's first definition in a question is a
// formula (`z₂ = w₂h + b₂`) written out whole inside the first definition of another name of that question (or of
// one it builds on), the other definition is read with the name in its place, with a `reading` note. Values do
// not change: the name stands for that very formula.
import { warning, type Diagnostic } from '../diagnostics';
import type { Expr, Question, Statement } from '../syntax/ast';
import { findInExpr, isSameExpr, rewriteExpr } from '../syntax/walk';
import { visibleFrom } from '../syntax/questions';

interface Definition {
  index: number;
  question: number | undefined;
  name: string;
  text: string;
  formula: Expr;
  line: number;
}

/** The statements with each formula's named parts read as their names (file header). */
export function readNamedParts(statements: Statement[], questionOf: readonly (number | undefined)[], questions: readonly Question[]): { statements: Statement[]; diagnostics: Diagnostic[] } {
  const definitions = firstDefinitions(statements, questionOf);
  const parts = definitions.filter((d) => isCompound(d.formula));
  if (parts.length === 0) return { statements, diagnostics: [] };
  const visible = new Map<number, Set<number>>();
  const sees = (from: number | undefined, q: number | undefined) => {
    if (q === undefined || q === from) return true;
    if (from === undefined) return false;
    if (!visible.has(from)) visible.set(from, visibleFrom(questions, from));
    return visible.get(from)!.has(q);
  };
  const diagnostics: Diagnostic[] = [];
  const out = [...statements];
  for (const d of definitions) {
    const named = parts.filter((p) => p.name !== d.name && sees(d.question, p.question) && !mentions(p.formula, d.name));
    if (named.length === 0) continue;
    const formula = rewriteExpr(d.formula, (e) => {
      if (e === d.formula || !isCompound(e)) return undefined; // the whole formula equal to another's: two names, no part named
      const part = named.find((p) => p.formula.kind === e.kind && isSameExpr(p.formula, e));
      if (!part) return undefined;
      diagnostics.push(warning('reading', `read this part of the formula as ${part.text}, which line ${part.line} defines as it`, e.span));
      return { kind: 'name', name: part.name, text: part.text, span: e.span };
    });
    if (formula === d.formula) continue;
    const st = statements[d.index] as Extract<Statement, { kind: 'equation' }>;
    out[d.index] = { ...st, rhs: [{ ...st.rhs[0], expr: formula }, ...st.rhs.slice(1)] };
  }
  return { statements: out, diagnostics };
}

/** Each name's first definition in its question: `name = formula`, its formula the first member after `=`. */
function firstDefinitions(statements: readonly Statement[], questionOf: readonly (number | undefined)[]): Definition[] {
  const seen = new Set<string>();
  const out: Definition[] = [];
  statements.forEach((st, index) => {
    if (st.kind !== 'equation' || st.lhs.expr.kind !== 'name' || st.rhs.length === 0) return;
    const question = questionOf[index];
    const key = `${question ?? ''} ${st.lhs.expr.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ index, question, name: st.lhs.expr.name, text: st.lhs.expr.text, formula: st.rhs[0].expr, line: st.span.line });
  });
  return out;
}

/** An operation on names (`w₂h + b₂`, `σ(z)`): a lone name or a number names no part worth reading. */
function isCompound(e: Expr): boolean {
  return e.kind !== 'name' && e.kind !== 'number' && findInExpr(e, (x) => x.kind === 'name') !== undefined;
}

function mentions(e: Expr, name: string): boolean {
  return findInExpr(e, (x) => x.kind === 'name' && x.name === name) !== undefined;
}
