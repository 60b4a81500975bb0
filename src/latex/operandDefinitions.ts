// A name defined by the derivative written of it: `\frac{\partial L}{\partial \hat{Y}} = \frac{\partial}{\partial
// \hat{Y}} (Y - \hat{Y})^2`, where no line of the maths says `L = ...`. The author differentiates L by writing out
// what L is, so a TA reads L as (Y − Ŷ)² in that question (and in the questions that build on it), as a reason
// clause (`\because L = ...`) would say it. Read literally, L was defined nowhere and every line about it an error.
// The formula may leave out terms that do not depend on the variable (a regulariser, when differentiating by the
// prediction), so a step elsewhere that fails through it is unjudged (src/check/operandReadings.ts); the claim it
// is read from is checked as written, since there the author's own first step is the truth.
import { warning, type Diagnostic } from '../diagnostics';
import type { Expr, Statement, Step } from '../syntax/ast';
import { findInExpr, isSameExpr } from '../syntax/walk';

type Equation = Extract<Statement, { kind: 'equation' }>;
type NameExpr = Extract<Expr, { kind: 'name' }>;

/**
 * The statements with, before the first claim of each question that writes the derivative of an undefined name
 * as the same derivative of a formula, that name's definition by the formula (`reason`: only where the question
 * has none); `origin` maps each statement to the one it comes from.
 */
export function readOperandDefinitions(statements: readonly Statement[], questionOf: readonly (number | undefined)[]): { statements: Statement[]; origin: number[]; diagnostics: Diagnostic[] } {
  const defined = namesDefinedOrDeclared(statements);
  const operands = statements.map((st) => (st.kind === 'equation' ? operandOf(st) : undefined));
  if (operands.every((o) => o === undefined)) return { statements: [...statements], origin: statements.map((_, i) => i), diagnostics: [] };
  const reaches = reachability(statements, operands);
  const out: Statement[] = [];
  const origin: number[] = [];
  const diagnostics: Diagnostic[] = [];
  const read = new Set<string>();
  statements.forEach((st, i) => {
    const found = operands[i];
    const key = found && `${questionOf[i] ?? ''} ${found.name.name}`;
    // A formula that does not reach a name the question differentiates the name by (`\partial a^1 / \partial z^1`
    // beside `\frac{\partial a^1}{\partial w^1} = \frac{\partial (a^0 w^1)}{\partial w^1}`) is not all of it.
    const own = statements.filter((_, k) => questionOf[k] === questionOf[i]);
    const whole = found && [...variablesOf(own, found.name.name)].every((v) => reaches(found.formula.expr, v));
    if (found && key && whole && !defined.has(found.name.name) && !read.has(key)) {
      read.add(key);
      const definition: Equation = {
        kind: 'equation', lhs: { expr: found.name, text: found.name.text, span: found.name.span }, rhs: [found.formula],
        span: found.formula.span, reason: true, operandOf: { target: (st as Equation).lhs.span, written: found.name.text },
      };
      out.push(definition);
      origin.push(i);
      const of = found.name.text;
      diagnostics.push(warning('reading', `read ${of} as ${found.formula.text.trim()}: this line writes the derivative of ${of} as that of the formula, and no line of the maths defines ${of} otherwise`, found.formula.span, `define ${of} in the maths (e.g. \`${of} = ...\`)`));
    }
    out.push(st);
    origin.push(i);
  });
  return { statements: out, origin, diagnostics };
}

/**
 * `\frac{\partial F}{\partial v} = \frac{\partial}{\partial v} E ...`: F, a plain name, and E, the formula the first
 * member differentiates by the same variables (a formula that mentions them and not F, not a lone name: `= \frac{\partial
 * F}{\partial u} \frac{\partial u}{\partial v}` is the chain rule, no formula).
 */
function operandOf(st: Equation): { name: NameExpr; formula: Step } | undefined {
  const target = st.lhs.expr;
  const first = st.rhs[0]?.expr;
  if (st.reason || target.kind !== 'deriv' || target.form !== 'frac' || target.of.kind !== 'name' || first?.kind !== 'deriv') return undefined;
  const of = first.of;
  if (of.kind === 'name' || target.wrt.length !== first.wrt.length || !target.wrt.every((w, k) => variableName(w) !== undefined && isSameExpr(w, first.wrt[k]))) return undefined;
  const name = target.of;
  const written = (w: Expr) => findInExpr(of, (x) => isSameExpr(x, w)) !== undefined;
  if (mentions(of, name.name) || !target.wrt.every(written) || findInExpr(of, (e) => e.kind === 'deriv')) return undefined;
  return { name, formula: { expr: of, text: textOfOperand(st.rhs[0], of), span: of.span } };
}

/** A variable's name: a plain name, or one with a layer's number raised on it (`w_{11}^2`, read as a name later). */
function variableName(e: Expr): string | undefined {
  if (e.kind === 'name') return e.name;
  return e.kind === 'power' && e.base.kind === 'name' && e.exponent.kind === 'number' ? e.base.name : undefined;
}

/** The operand's own text, cut from the member's (the step text starts at the member's span). */
function textOfOperand(member: Step, of: Expr): string {
  const start = of.span.line === member.span.line ? of.span.column - member.span.column : -1;
  const length = of.span.endLine === of.span.line ? of.span.endColumn - of.span.column : -1;
  return start >= 0 && length > 0 ? member.text.slice(start, start + length) : member.text;
}

/** Whether a formula reaches a name, through the formulas the document writes (its definitions and operands). */
function reachability(statements: readonly Statement[], operands: ReadonlyArray<{ name: NameExpr; formula: Step } | undefined>): (formula: Expr, name: string) => boolean {
  const formulas = new Map<string, Expr[]>();
  const add = (name: string, e: Expr) => formulas.set(name, [...(formulas.get(name) ?? []), e]);
  statements.forEach((st, i) => {
    if (st.kind === 'equation' && st.lhs.expr.kind === 'name' && st.rhs.length > 0) add(st.lhs.expr.name, st.rhs[0].expr);
    const o = operands[i];
    if (o) add(o.name.name, o.formula.expr);
  });
  return (formula, name) => {
    const seen = new Set<string>();
    const queue = [formula];
    for (let e = queue.pop(); e !== undefined; e = queue.pop()) {
      if (mentions(e, name)) return true;
      findInExpr(e, (x) => {
        if (x.kind === 'name' && !seen.has(x.name)) {
          seen.add(x.name);
          queue.push(...(formulas.get(x.name) ?? []));
        }
        return false;
      });
    }
    return false;
  };
}

/** The names `of` is differentiated by in the statements. */
function variablesOf(statements: readonly Statement[], of: string): Set<string> {
  const out = new Set<string>();
  for (const st of statements) {
    if (st.kind !== 'equation') continue;
    for (const member of [st.lhs, ...st.rhs]) {
      findInExpr(member.expr, (e) => {
        if (e.kind === 'deriv' && e.of.kind === 'name' && e.of.name === of) e.wrt.map(variableName).forEach((w) => w !== undefined && out.add(w));
        return false;
      });
    }
  }
  return out;
}

function mentions(e: Expr, name: string): boolean {
  return findInExpr(e, (x) => (x.kind === 'name' && x.name === name) || (x.kind === 'call' && x.callee === name)) !== undefined;
}

/** The names some line defines (`F = ...`, `F(x) = ...`) or declares. */
function namesDefinedOrDeclared(statements: readonly Statement[]): Set<string> {
  const names = new Set<string>();
  for (const st of statements) {
    if (st.kind === 'decl') st.names.forEach((n) => names.add(n.name));
    if (st.kind === 'function-decl') st.heads.forEach((h) => names.add(h.name.name));
    if (st.kind !== 'equation') continue;
    const lhs = st.lhs.expr;
    if (lhs.kind === 'name') names.add(lhs.name);
    if (lhs.kind === 'call') names.add(lhs.callee);
  }
  return names;
}
