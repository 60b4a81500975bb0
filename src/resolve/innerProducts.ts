// `\langle a, b \rangle`, read by the LaTeX front end as a call of dot written with an angle bracket: the inner
// product of two arrays of one shape (Euclidean for vectors, Frobenius for matrices). Of two numbers, calculus
// texts mean the vector of those components (∇f = ⟨2x, 2y⟩), and analysis texts a product; of arrays of
// different shapes (a row and a column) the layout is the author's. Neither is guessed: the reading is refused.
import type { Expr } from '../syntax/ast';
import { error, type Diagnostic } from '../diagnostics';
import { formatShape, isScalarShape, shapesEqual, type Node } from '../ir/types';

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
