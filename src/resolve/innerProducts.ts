// `\langle a, b \rangle`, read by the LaTeX front end as a call of dot written with an angle bracket: the inner
// product of two arrays of one shape (Euclidean for vectors, Frobenius for matrices). Of two numbers, calculus
// texts mean the vector of those components (∇f = ⟨2x, 2y⟩, u = ⟨3/5, 4/5⟩), and analysis texts a product of
// vectors whose sizes the text never states (so chainrule takes them for numbers): the components are read where
// the entries hold no name but the parameters of the question's functions (x and y of f(x, y)), which are numbers
// by the function's header; otherwise the reading is refused. Of arrays of different shapes (a row and a column)
// the layout is the author's, not guessed either.
import type { Expr } from '../syntax/ast';
import { error, type Diagnostic } from '../diagnostics';
import { formatShape, isScalarShape, shapesEqual, type Node } from '../ir/types';
import { namesIn } from '../syntax/walk';
import { variablesUnder } from '../ir/inspect';
import { evaluate } from '../numeric/evaluate';
import type { Scope } from './scope';

/** Whether the call is an inner product written with angle brackets. */
export function isAngleBracketCall(e: Extract<Expr, { kind: 'call' }>): boolean {
  return e.callee === 'dot' && e.calleeText.startsWith('\\langle');
}

/** Why `\langle a, b \rangle` is not read, unless a and b are arrays of one shape. */
export function innerProductRefusal(e: Extract<Expr, { kind: 'call' }>, args: readonly Node[]): Diagnostic | undefined {
  const [a, b] = args;
  if (!isScalarShape(a.shape) && shapesEqual(a.shape, b.shape)) return undefined;
  const why = isScalarShape(a.shape) && isScalarShape(b.shape)
    ? 'it holds two numbers, which calculus texts write for the vector of those components'
    : `its sides are ${formatShape(a.shape)} and ${formatShape(b.shape)}, not one shape`;
  return error('parse-error', `cannot read \\langle .., .. \\rangle as an inner product: ${why}`, e.span, 'write a vector as \\begin{bmatrix} .. \\end{bmatrix}, or declare both sides as vectors of one shape');
}

/** `\langle 3/5, 4/5 \rangle`, `\langle 2x, 8y \rangle` after `f(x, y) = ...`: the column of the two components. */
export function componentsOf(e: Extract<Expr, { kind: 'call' }>, args: readonly Node[], scope: Scope): Extract<Expr, { kind: 'matrix' }> | undefined {
  if (!args.every((a) => isScalarShape(a.shape))) return undefined;
  const parameters = new Set([...scope.functions.values()].flatMap((f) => f.params));
  const names = namesIn({ kind: 'matrix', rows: e.args.map((a) => [a]), span: e.span });
  for (const name of names) if (!parameters.has(name) && name !== 'e' && name !== 'pi') return undefined;
  return { kind: 'matrix', rows: e.args.map((a) => [a]), tuple: true, span: e.span };
}

/** `D_\mathbf{u} f`, read by the LaTeX front end as dot(∇f, u) called `D` (latex/directionalDerivatives.ts). */
export function isDirectionalCall(e: Extract<Expr, { kind: 'call' }>): boolean {
  return e.callee === 'dot' && e.calleeText === 'D';
}

/**
 * Why D_u f is not read as ∇f · u: that formula holds for a unit vector u, and for another one texts differ (the
 * rate in u's direction divides by |u|, the derivative along u does not); so u must be a unit vector the document
 * gives in numbers, as `\mathbf{u} = \langle 3/5, 4/5 \rangle` does.
 */
export function directionRefusal(e: Extract<Expr, { kind: 'call' }>, direction: Node): Diagnostic | undefined {
  const numeric = direction.shape.every((d) => typeof d === 'number') && variablesUnder(direction).length === 0;
  const length = numeric ? Math.hypot(...evaluate(direction, { values: new Map(), sizes: new Map() }).data) : undefined;
  if (length !== undefined && Math.abs(length - 1) < 1e-9) return undefined;
  const why = length === undefined ? 'the document gives no numbers for its direction' : `its direction has length ${Number(length.toPrecision(6))}, not 1`;
  return error('reading', `${e.calleeText} is read as the gradient times a unit vector; ${why}, and texts differ on what the derivative means then`, e.span, 'give the direction as a unit vector in numbers, e.g. \\mathbf{u} = \\langle 3/5, 4/5 \\rangle');
}
