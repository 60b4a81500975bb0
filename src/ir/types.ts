// The IR: a hash-consed expression DAG in which every node carries its shape.
// Every value is a 2-D matrix: a scalar is 1 x 1, a row vector 1 x N, a column vector N x 1.

/** A dimension: a concrete positive integer, or a symbolic dimension name (`M`, `N`). */
export type Dim = number | string;
export type Shape = readonly [Dim, Dim];

export const SCALAR: Shape = [1, 1];

export function isScalarShape(s: Shape): boolean {
  return s[0] === 1 && s[1] === 1;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** `scalar`, `M x N`, `1 x N`, `3 x 2` (SPEC section 3). */
export function formatShape(s: Shape): string {
  return isScalarShape(s) ? 'scalar' : `${s[0]} x ${s[1]}`;
}

/**
 * Per-op attributes. Only the fields an op uses are set; they are part of the hash-consing key.
 *  - var:      name (a declared or undeclared leaf variable)
 *  - const:    value (a scalar constant); shape comes from `rows`/`cols` for filled constants (ones, zeros)
 *  - dimsize:  name (a dimension name used as a number)
 *  - eye:      rows
 *  - entry:    i, j (0-based entry of a matrix, a scalar)
 *  - embed:    i, j, rows, cols (a scalar placed at (i, j) in a zero matrix)
 *  - unary elementwise functions carry their name in `op` itself (exp, log, sigma, ...)
 *  - abstract, abstract_scalar, abstract_dir: name (the function), path (which derivative; ops/abstract.ts)
 */
export interface Attrs {
  name?: string;
  value?: number;
  i?: number;
  j?: number;
  rows?: Dim;
  cols?: Dim;
  path?: string;
}

export interface Node {
  /** Unique per graph; equal ids mean structurally equal expressions (hash-consing). */
  readonly id: number;
  readonly op: string;
  readonly args: readonly Node[];
  readonly attrs: Readonly<Attrs>;
  readonly shape: Shape;
}

/** A dense float64 matrix, row-major. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/**
 * Why an op cannot take operands of these shapes. `operands` lists the shapes in argument order;
 * the resolver turns this into a diagnostic naming the operands by their source text.
 */
export class ShapeError extends Error {
  constructor(
    readonly op: string,
    readonly operands: readonly Shape[],
    message: string,
  ) {
    // Thrown and caught in the normal course of lowering (a wrong-shaped answer, a candidate edit that
    // does not fit): a stack trace would cost more than the rest of the error and is never shown.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

/** Values of leaves and sizes of dimensions at one sample point. */
export interface EvalEnv {
  values: ReadonlyMap<string, Matrix>;
  sizes: ReadonlyMap<string, number>;
}
