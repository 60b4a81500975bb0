// Backprop's bar notation (Grosse's CSC321/CSC413 notes): `\bar{v}`, `\overline{v}` is the error signal
// ∂L/∂v of the loss L. Read as names, `\bar{z} = \bar{h} \odot \sigma'(z)` would be a definition of a new
// name zbar (no claim), and `\bar{x}` elsewhere is a mean or a conjugate. So the reading is made only in a
// document that shows it: a line that writes a bar as another bar times a derivative of that bar's own
// quantity, `\bar{A} = \bar{B} \frac{\partial B}{\partial A}` (or a sum of such terms), or that defines a bar
// as that derivative, `\bar{v} = \frac{\partial L}{\partial v}` (notation, set aside). Then every bar of the
// document is the derivative of its one loss: the name such definitions say, else the name whose bar is seeded
// to 1 (`\bar{J} = 1`), else the one name it differentiates whose bar no line defines. With no single loss
// the bars stay names.
import { warning, type Diagnostic } from '../diagnostics';
import type { Expr, Statement } from '../syntax/ast';
import { findInExpr, rewriteExpr } from '../syntax/walk';

type NameExpr = Extract<Expr, { kind: 'name' }>;
type Equation = Extract<Statement, { kind: 'equation' }>;

const BAR_TEXT = /^\\(?:bar|overline)\s*\{/;

export interface BarReading {
  statements: Statement[];
  /** Statements that only named the derivative (`\bar{v} = \frac{\partial L}{\partial v}`): notation, not claims. */
  dropped: Set<number>;
  diagnostics: Diagnostic[];
}

/** The statements with every bar read as the derivative of the loss, when the document uses bars so (file header). */
export function readBarSignals(statements: Statement[]): BarReading {
  const equations = statements.filter((s): s is Equation => s.kind === 'equation');
  const shown = equations.find((st) => namedLoss(st) !== undefined || isBarChainStep(st));
  const loss = shown && lossOf(equations);
  if (!shown || !loss) return { statements, dropped: new Set(), diagnostics: [] };
  const row = rowSignal(equations, loss, declaredScalars(statements));
  if (row) {
    const why = `${row.text} is written before the derivative of its quantity, so this document's bars are rows (numerator layout), where chainrule gives ∂${loss.text}/∂v the shape of v: its bars are left as names`;
    return { statements, dropped: new Set(), diagnostics: [warning('reading', why, row.span, 'declare the quantities scalars, or write the bars as columns (W^T \\bar{z})')] };
  }
  const note = warning(
    'reading',
    `${shown.lhs.text} = ${shown.rhs[0].text} reads bars as error signals: every \\bar{v} of this document is read as ∂${loss.text}/∂v`,
    shown.lhs.span,
  );
  const dropped = new Set<number>();
  const out = statements.map((st, i) => {
    if (st.kind !== 'equation') return st;
    if (namedLoss(st) && st.rhs.length === 1) dropped.add(i);
    return readBars(st, loss);
  });
  return { statements: out, dropped, diagnostics: [note] };
}

/**
 * A bar of a quantity other than the loss written before a derivative of that quantity, `\bar{y}
 * \frac{\partial y}{\partial g}`, is a row times a Jacobian: unless the quantity is a declared scalar, chainrule's
 * ∂L/∂y (a column) would make the author's right lines shape errors. The first such bar, if any.
 */
function rowSignal(equations: readonly Equation[], loss: NameExpr, scalars: ReadonlySet<string>): NameExpr | undefined {
  for (const st of equations) {
    for (const term of st.rhs.flatMap((s) => sumTerms(s.expr))) {
      if (term.kind !== 'binary' || term.op !== 'mul' || term.right.kind !== 'deriv') continue;
      const b = barredName(term.left);
      if (b && b.name !== loss.name && !scalars.has(b.name)) return term.left as NameExpr;
    }
  }
  return undefined;
}

function declaredScalars(statements: readonly Statement[]): Set<string> {
  return new Set(statements.flatMap((st) => (st.kind === 'decl' && st.shape.rows === 1 && st.shape.cols === 1 ? st.names.map((n) => n.name) : [])));
}

/** `\bar{v} = \frac{\partial L}{\partial v}`: the line says what a bar means, and names the loss L. */
function namedLoss(st: Equation): NameExpr | undefined {
  const v = barredName(st.lhs.expr);
  const d = st.rhs[0]?.expr;
  if (!v || d?.kind !== 'deriv' || d.of.kind !== 'name' || d.wrt.length !== 1 || !sameName(d.wrt[0], v.name)) return undefined;
  return d.of;
}

/** The quantity a bar is written over, if `e` is a bar: `\overline{h_1}` → h1 (the accent adds `bar` to the name). */
function barredName(e: Expr): NameExpr | undefined {
  if (e.kind !== 'name' || !BAR_TEXT.test(e.text)) return undefined;
  const at = e.name.lastIndexOf('bar');
  if (at <= 0) return undefined;
  return { kind: 'name', name: e.name.slice(0, at) + e.name.slice(at + 3), text: unbarredText(e.text), span: e.span };
}

/** `\overline{h}_{1}` → `h_{1}`: the text inside the accent's braces, with what follows them. */
function unbarredText(text: string): string {
  const open = text.indexOf('{');
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i) + text.slice(i + 1);
  }
  return text;
}

/** `\bar{A} = \bar{B} \frac{\partial B}{\partial A} (+ ...)`: each term a bar times the derivative of its quantity by A. */
function isBarChainStep(st: Equation): boolean {
  const a = barredName(st.lhs.expr);
  const first = st.rhs[0]?.expr;
  if (!a || !first) return false;
  const terms = sumTerms(first);
  return terms.every((t) => isChainTerm(t, a.name));
}

function sumTerms(e: Expr): Expr[] {
  if (e.kind === 'binary' && e.op === 'add') return [...sumTerms(e.left), ...sumTerms(e.right)];
  if (e.kind === 'call' && e.callee === 'sum' && e.args.length === 1) return sumTerms(e.args[0]);
  return [e];
}

function isChainTerm(t: Expr, variable: string): boolean {
  if (t.kind !== 'binary' || t.op !== 'mul') return false;
  const b = barredName(t.left);
  const d = t.right;
  return !!b && d.kind === 'deriv' && d.wrt.length === 1 && sameName(d.of, b.name) && sameName(d.wrt[0], variable);
}

function sameName(e: Expr, name: string): boolean {
  return e.kind === 'name' && e.name === name;
}

/** The loss: the one name the document says (`\\bar{v} = \\frac{\\partial L}{\\partial v}`), else the one name whose bar is seeded to 1, else the one differentiated name whose bar no line defines. */
function lossOf(equations: readonly Equation[]): NameExpr | undefined {
  const named = unique(equations.flatMap((st) => namedLoss(st) ?? []));
  if (named.length > 0) return named.length === 1 ? named[0] : undefined;
  const defined = equations.flatMap((st) => {
    const v = barredName(st.lhs.expr);
    return v ? [{ v, seed: st.rhs.length === 1 && st.rhs[0].expr.kind === 'number' && st.rhs[0].expr.value === 1 }] : [];
  });
  const seeds = unique(defined.filter((d) => d.seed).map((d) => d.v));
  if (seeds.length > 0) return seeds.length === 1 ? seeds[0] : undefined;
  const barred = new Set(defined.map((d) => d.v.name));
  const differentiated: NameExpr[] = [];
  for (const st of equations) {
    for (const root of [st.lhs.expr, ...st.rhs.map((s) => s.expr)]) {
      findInExpr(root, (e) => {
        if (e.kind === 'deriv' && e.of.kind === 'name' && !barred.has(e.of.name)) differentiated.push(e.of);
        return false;
      });
    }
  }
  const losses = unique(differentiated);
  return losses.length === 1 ? losses[0] : undefined;
}

function unique(names: NameExpr[]): NameExpr[] {
  return names.filter((n, i) => names.findIndex((m) => m.name === n.name) === i);
}

/** Every bar of the equation read as ∂loss/∂v; `\bar{v} = ...` so becomes a claim on that derivative. */
function readBars(st: Equation, loss: NameExpr): Statement {
  const read = (e: Expr) =>
    rewriteExpr(e, (x) => {
      const v = barredName(x);
      return v && { kind: 'deriv', form: 'frac', of: { ...loss, span: x.span }, wrt: [v], span: x.span };
    });
  // `\bar{v} = \frac{\partial L}{\partial v} = ...`: the step that restates the target says nothing.
  const rhs = namedLoss(st) ? st.rhs.slice(1) : st.rhs;
  return { ...st, lhs: { ...st.lhs, expr: read(st.lhs.expr) }, rhs: rhs.map((s) => ({ ...s, expr: read(s.expr) })) };
}
