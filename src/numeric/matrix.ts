// Dense float64 kernels on row-major typed arrays. mathjs is used only for inv and det, where a
// careful LU implementation pays for the conversion, and for erf.
import type { Matrix } from '../ir/types';
import { chargeEntries } from '../limits/index';
import { loadMathjs } from './loadMathjs';

/** Every matrix's data comes from here: typed arrays lie outside V8's heap cap, so each is charged to the run's budget. */
export function allocate(entries: number): Float64Array {
  chargeEntries(entries);
  return new Float64Array(entries);
}

export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: allocate(rows * cols) };
}

export function filled(rows: number, cols: number, value: number): Matrix {
  const m = zeros(rows, cols);
  m.data.fill(value);
  return m;
}

export function scalar(value: number): Matrix {
  const data = allocate(1);
  data[0] = value;
  return { rows: 1, cols: 1, data };
}

export function identity(n: number): Matrix {
  const m = zeros(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0].length;
  const m = zeros(r, c);
  rows.forEach((row, i) => {
    if (row.length !== c) throw new Error('fromRows: ragged rows');
    row.forEach((v, j) => (m.data[i * c + j] = v));
  });
  return m;
}

export function copy(a: Matrix): Matrix {
  const out = zeros(a.rows, a.cols);
  out.data.set(a.data);
  return out;
}

export function toRows(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
}

export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j];
}

export function map(a: Matrix, f: (x: number) => number): Matrix {
  const out = zeros(a.rows, a.cols);
  for (let k = 0; k < a.data.length; k++) out.data[k] = f(a.data[k]);
  return out;
}

/**
 * Elementwise binary op with broadcasting. Shapes have been validated by the op's shape rule, so the
 * general "size 1 repeats" rule here only ever sees the strict cases of SPEC 1.3.
 */
export function zip(a: Matrix, b: Matrix, f: (x: number, y: number) => number): Matrix {
  const rows = Math.max(a.rows, b.rows);
  const cols = Math.max(a.cols, b.cols);
  if ((a.rows !== rows && a.rows !== 1) || (b.rows !== rows && b.rows !== 1) || (a.cols !== cols && a.cols !== 1) || (b.cols !== cols && b.cols !== 1)) {
    throw new Error(`zip: ${a.rows}x${a.cols} and ${b.rows}x${b.cols} do not broadcast`);
  }
  const out = zeros(rows, cols);
  const ars = a.rows === 1 ? 0 : a.cols;
  const acs = a.cols === 1 ? 0 : 1;
  const brs = b.rows === 1 ? 0 : b.cols;
  const bcs = b.cols === 1 ? 0 : 1;
  const ad = a.data;
  const bd = b.data;
  const od = out.data;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) od[i * cols + j] = f(ad[i * ars + j * acs], bd[i * brs + j * bcs]);
  }
  return out;
}

export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new Error(`matmul: ${a.rows}x${a.cols} by ${b.rows}x${b.cols}`);
  const out = zeros(a.rows, b.cols);
  const n = a.cols;
  const m = b.cols;
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a.data[i * n + k];
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out.data[i * m + j] += aik * b.data[k * m + j];
    }
  }
  return out;
}

export function transpose(a: Matrix): Matrix {
  const out = zeros(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j];
  return out;
}

export function sumAll(a: Matrix): number {
  let s = 0;
  for (let k = 0; k < a.data.length; k++) s += a.data[k];
  return s;
}

/** B x N → 1 x N: the sum of the rows. */
export function sumRows(a: Matrix): Matrix {
  const out = zeros(1, a.cols);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.data[j] += a.data[i * a.cols + j];
  return out;
}

/** N x B → N x 1: the sum of the columns. */
export function sumCols(a: Matrix): Matrix {
  const out = zeros(a.rows, 1);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.data[i] += a.data[i * a.cols + j];
  return out;
}

export function inverse(a: Matrix): Matrix {
  if (a.rows === 1) return scalar(1 / a.data[0]);
  return fromRows(loadMathjs().inv(toRows(a)));
}

export function determinant(a: Matrix): number {
  if (a.rows === 1) return a.data[0];
  return loadMathjs().det(toRows(a));
}

/** The error function, 2/√π ∫₀ˣ exp(-t²) dt (mathjs: within an ulp or two of float64). */
export function erf(x: number): number {
  return loadMathjs().erf(x);
}

/** Copies `block` into `target` at (row, col). */
export function place(target: Matrix, block: Matrix, row: number, col: number): void {
  for (let i = 0; i < block.rows; i++) {
    target.data.set(block.data.subarray(i * block.cols, (i + 1) * block.cols), (row + i) * target.cols + col);
  }
}

export function maxAbs(a: Matrix): number {
  let m = 0;
  for (let k = 0; k < a.data.length; k++) m = Math.max(m, Math.abs(a.data[k]));
  return m;
}

/** max |a - b| / max(1, max |a|, max |b|); Infinity when shapes differ or a value is not finite. */
export function relativeDifference(a: Matrix, b: Matrix): number {
  if (a.rows !== b.rows || a.cols !== b.cols) return Infinity;
  let diff = 0;
  for (let k = 0; k < a.data.length; k++) {
    const d = Math.abs(a.data[k] - b.data[k]);
    if (!Number.isFinite(d)) return Infinity;
    diff = Math.max(diff, d);
  }
  return diff / Math.max(1, maxAbs(a), maxAbs(b));
}
