// Dimension arithmetic and the strict broadcasting rule (SPEC 1.3).
// Symbolic dims are distinct unknown positive sizes: two dims are equal only when they are the same
// number or the same name, and a name is never taken to be 1.
import type { Dim, Shape } from './types';
import { ShapeError, formatShape, isScalarShape } from './types';

export function isConcreteDim(d: Dim): d is number {
  return typeof d === 'number';
}

/**
 * The sum of dims, for block matrices. Symbolic sums are canonical strings such as `K+N+2`
 * (names sorted, the constant last); `resolveDim` evaluates them.
 */
export function addDims(dims: readonly Dim[]): Dim {
  let constant = 0;
  const names: string[] = [];
  for (const d of dims) {
    if (typeof d === 'number') constant += d;
    else
      for (const part of d.split('+')) {
        if (/^\d+$/.test(part)) constant += Number(part);
        else names.push(part);
      }
  }
  if (names.length === 0) return constant;
  names.sort();
  return constant > 0 ? `${names.join('+')}+${constant}` : names.join('+');
}

/** The concrete size of a dim at a sample point. */
export function resolveDim(d: Dim, sizes: ReadonlyMap<string, number>): number {
  if (typeof d === 'number') return d;
  // Most dims are one name: a name cannot start with a digit, so it is not a number either.
  const c = d.charCodeAt(0);
  if (c < 48 || c > 57) {
    const size = sizes.get(d);
    if (size !== undefined && !d.includes('+')) return size;
  }
  let total = 0;
  for (const part of d.split('+')) {
    if (/^\d+$/.test(part)) {
      total += Number(part);
      continue;
    }
    const size = sizes.get(part);
    if (size === undefined) throw new Error(`no size given for dimension ${part}`);
    total += size;
  }
  return total;
}

export function isRowShape(s: Shape): boolean {
  return s[0] === 1 && s[1] !== 1;
}

export function isColumnShape(s: Shape): boolean {
  return s[1] === 1 && s[0] !== 1;
}

/** A row or column vector (not a scalar). */
export function isVectorShape(s: Shape): boolean {
  return isRowShape(s) !== isColumnShape(s);
}

const VERB: Record<string, string> = {
  add: 'add',
  hadamard: 'multiply elementwise',
  div: 'divide',
  pow: 'raise',
  max: 'take max of',
  min: 'take min of',
  gt: 'compare',
  ge: 'compare',
  lt: 'compare',
  le: 'compare',
};

/**
 * The shape of an elementwise binary op under strict broadcasting: a scalar with anything; a 1 x N row
 * with a B x N matrix; an N x 1 column with an N x B matrix; equal shapes. A row with a column is an
 * error (numpy would silently make an outer sum).
 */
export function broadcastShapes(op: string, a: Shape, b: Shape): Shape {
  if (a[0] === b[0] && a[1] === b[1]) return a;
  if (isScalarShape(a)) return b;
  if (isScalarShape(b)) return a;
  if (a[0] === 1 && a[1] === b[1]) return b;
  if (b[0] === 1 && a[1] === b[1]) return a;
  if (a[1] === 1 && a[0] === b[0]) return b;
  if (b[1] === 1 && a[0] === b[0]) return a;
  const verb = VERB[op] ?? op;
  const sa = formatShape(a);
  const sb = formatShape(b);
  let why: string;
  if ((isRowShape(a) && isColumnShape(b)) || (isColumnShape(a) && isRowShape(b))) {
    why = `a row and a column do not broadcast (numpy would make an outer ${op === 'add' ? 'sum' : 'table'}); transpose one of them`;
  } else {
    why = 'the shapes differ and neither side broadcasts (scalar, a 1 x N row against B x N, an N x 1 column against N x B)';
  }
  throw new ShapeError(op, [a, b], `cannot ${verb} ${sa} and ${sb}: ${why}`);
}
