// `d_x F(x, y) \cdot h`, `D_x F(x, y)[h]`, `Df(x)(h)`, `df(x)[h]`, `D\mathbf f(\mathbf x)`: the derivative of a
// function at a point applied to a direction, as analysis and optimisation texts write the differential (the
// Fréchet derivative). Read as `jacobian(F(x, y), [x]) h`: the Jacobian of F by x times h (of a number F, the
// 1 x n row, so the product is a number). Unread, `Df(x)(h)` was the product D·f(x)·h and `d_x F(..) \cdot h` was
// set aside. Read only as an equation's left side, the line's subject, and only where the document gives the
// letter no value of its own (`D = \text{diag}(d)` makes `D f(x)` a product); a lowercase d needs its direction
// (`df(x)` alone is a differential form, `df = f'(x) dx`). The variable is the subscript, one of the call's
// arguments, or the call's one argument; a direction that is a tuple, `(\tilde x, \tilde y)`, is not read.
import type { Expr, Statement } from '../syntax/ast';
import type { Tok } from './tokens';

/** `d`, `D`, `d_x`, `D_{\theta}`: the letter, and the subscript as written. */
const DIFFERENTIAL = /^([dD])\s*(?:_\s*(\{.*\}|\\?[A-Za-z]+))?$/s;

/**
 * A row that opens with a differential of a call of names applied to at most one direction and goes on with `=`:
 * `d_x F(x, y) \cdot h =`, `Df(x)[h] =`. Such a row is read (readAppliedDifferentials); any other that opens with
 * `d_x F(` is set aside (asides.ts).
 */
export function isReadableDifferential(tokens: readonly Tok[]): boolean {
  const m = tokens[0]?.type === 'name' ? DIFFERENTIAL.exec(tokens[0].text.trim()) : null;
  if (!m || (tokens[1]?.type !== 'fname' && tokens[1]?.type !== 'name') || tokens[2]?.type !== 'lparen') return false;
  let k = 3;
  const args: string[] = [];
  while (tokens[k]?.type === 'name' && (tokens[k + 1]?.type === 'comma' || tokens[k + 1]?.type === 'rparen')) {
    args.push(tokens[k].value);
    k += tokens[k + 1].type === 'comma' ? 2 : 1;
  }
  if (tokens[k - 1]?.type !== 'name' || tokens[k]?.type !== 'rparen') return false;
  // The variable, as readAppliedDifferentials finds it: the argument the subscript names, or the only one.
  if (m[2] === undefined ? args.length !== 1 : !args.some((a) => m[1] + a === tokens[0].value)) return false;
  k++;
  if (tokens[k]?.type === 'cdot') k++;
  const bracketed = (tokens[k]?.type === 'lbrack' && tokens[k + 2]?.type === 'rbrack') || (tokens[k]?.type === 'lparen' && tokens[k + 2]?.type === 'rparen');
  if (bracketed && tokens[k + 1]?.type === 'name') k += 3;
  else if (tokens[k]?.type === 'name') k++;
  return tokens[k]?.type === 'eq';
}

/** The statements with each applied differential on an equation's left side read as a Jacobian times its direction. */
export function readAppliedDifferentials(statements: Statement[]): Statement[] {
  const valued = namesWithValues(statements);
  return statements.map((st) => {
    if (st.kind !== 'equation') return st;
    const read = appliedDifferential(st.lhs.expr, valued);
    return read ? { ...st, lhs: { ...st.lhs, expr: read } } : st;
  });
}

/** The names some statement defines or declares: a letter with a value of its own is no differential (nor `\Delta` an operator, vectorOperators.ts). */
export function namesWithValues(statements: readonly Statement[]): Set<string> {
  const names = new Set<string>();
  for (const st of statements) {
    if (st.kind === 'equation' && st.lhs.expr.kind === 'name') names.add(st.lhs.expr.name);
    if (st.kind === 'decl') st.names.forEach((n) => names.add(n.name));
  }
  return names;
}

function appliedDifferential(e: Expr, valued: ReadonlySet<string>): Expr | undefined {
  const factors = leftFactors(e);
  const [d, applied, direction] = factors;
  if (factors.length > 3 || d?.kind !== 'name' || valued.has(d.name) || applied?.kind !== 'call' || applied.prime !== 0) return undefined;
  if (!applied.args.every((a) => a.kind === 'name')) return undefined;
  const m = DIFFERENTIAL.exec(d.text.trim());
  if (!m || (m[1] === 'd' && !direction)) return undefined;
  const wrt = variableOf(m[1], m[2], d, applied.args);
  if (!wrt) return undefined;
  const jacobian: Expr = { kind: 'deriv', form: 'jacobian', of: applied, wrt: [wrt], span: { ...d.span, endLine: applied.span.endLine, endColumn: applied.span.endColumn } };
  return direction ? { kind: 'binary', op: 'mul', style: 'juxt', left: jacobian, right: direction, span: e.span } : jacobian;
}

/** The variable: the call's argument the subscript names (`d_x` is the name dx), else the call's only argument. */
function variableOf(letter: string, subscript: string | undefined, differential: Extract<Expr, { kind: 'name' }>, args: readonly Expr[]): Expr | undefined {
  if (subscript === undefined) return args.length === 1 ? args[0] : undefined;
  return args.find((a) => a.kind === 'name' && letter + a.name === differential.name);
}

/** The factors of a product as written left to right: `D f(x) h` → [D, f(x), h]; anything else is one factor. */
function leftFactors(e: Expr): Expr[] {
  if (e.kind !== 'binary' || e.op !== 'mul') return [e];
  return [...leftFactors(e.left), e.right];
}

