// Where claims are checked: concrete sizes for symbolic dimensions and random values by domain (SPEC 1.6).
import type { Domain } from '../syntax/ast';
import type { Matrix, Shape } from '../ir/types';
import { resolveDim } from '../ir/dims';
import { Random, standardNormal } from '../numeric/random';
import { allocate } from '../numeric/matrix';

const SIZE_POOL = [2, 3, 5, 7, 4, 6, 8, 9, 10, 11];

/**
 * Distinct concrete sizes for the dimension names, one assignment per draw. Distinct sizes make a missing
 * transpose a shape error or a wrong value instead of hiding it behind M = N (DESIGN.md).
 */
export function sizeDraws(dims: readonly string[], draws: number): Array<Map<string, number>> {
  const sorted = [...dims].sort();
  const result: Array<Map<string, number>> = [];
  for (let d = 0; d < draws; d++) {
    const sizes = new Map<string, number>();
    sorted.forEach((name, i) => sizes.set(name, SIZE_POOL[(i + d * 2) % SIZE_POOL.length] + (i >= SIZE_POOL.length ? SIZE_POOL.length + i : 0)));
    result.push(sizes);
  }
  return result;
}

/** A random matrix of the shape with entries drawn per the domain, scaled by `scale` where scaling keeps the domain. */
export function sampleMatrix(shape: Shape, sizes: ReadonlyMap<string, number>, domain: Domain | undefined, scale: number, random: Random): Matrix {
  const rows = resolveDim(shape[0], sizes);
  const cols = resolveDim(shape[1], sizes);
  const data = allocate(rows * cols);
  switch (domain) {
    case undefined:
      for (let k = 0; k < data.length; k++) data[k] = scale * standardNormal(random);
      break;
    case 'positive':
      for (let k = 0; k < data.length; k++) data[k] = scale * Math.abs(standardNormal(random)) + 0.1;
      break;
    case 'nonnegative':
      for (let k = 0; k < data.length; k++) data[k] = scale * Math.abs(standardNormal(random));
      break;
    case 'binary':
      for (let k = 0; k < data.length; k++) data[k] = random() < 0.5 ? 0 : 1;
      break;
    case 'probability':
      for (let k = 0; k < data.length; k++) data[k] = 0.05 + 0.9 * random();
      break;
    case 'onehot':
      forEachRowLike(rows, cols, (idx) => {
        data[idx[Math.floor(random() * idx.length)]] = 1;
      });
      break;
    case 'symmetric':
      for (let k = 0; k < data.length; k++) data[k] = scale * standardNormal(random);
      if (rows === cols) for (let i = 0; i < rows; i++) for (let j = 0; j < i; j++) data[j * cols + i] = data[i * cols + j];
      break;
    case 'simplex':
      forEachRowLike(rows, cols, (idx) => fillSimplex(data, idx, random));
      break;
    case 'simplex-columns':
      for (let c = 0; c < cols; c++) fillSimplex(data, Array.from({ length: rows }, (_, r) => r * cols + c), random);
      break;
  }
  return { rows, cols, data };
}

/** Positive entries at the flat indices `idx`, summing to 1. */
function fillSimplex(data: Float64Array, idx: readonly number[], random: Random): void {
  const w = idx.map(() => 0.05 + random());
  const total = w.reduce((a, b) => a + b, 0);
  idx.forEach((k, i) => (data[k] = w[i] / total));
}

/** Calls `each` with the flat indices of every row (samples are rows); a column vector is one "row". */
function forEachRowLike(rows: number, cols: number, each: (indices: number[]) => void): void {
  if (cols === 1 && rows > 1) {
    each(Array.from({ length: rows }, (_, r) => r));
    return;
  }
  for (let r = 0; r < rows; r++) each(Array.from({ length: cols }, (_, c) => r * cols + c));
}

/** The relative error a number computed by hand from rounded intermediates may carry. */
export const HAND_ROUNDING = 0.01;

/**
 * The tolerance a written decimal answer implies (SPEC 1.7): half a unit of its last written digit
 * (0.18 → ± 0.005), never tighter than 1% relative. Integers are taken as exact (to 1% relative),
 * since "0" or "2" is not a rounded reading.
 */
export function decimalTolerance(text: string, value: number): number {
  const match = /^[-+]?\d*\.(\d+)$/.exec(text.trim());
  const relative = HAND_ROUNDING * Math.abs(value);
  if (!match) return Math.max(relative, 1e-9);
  return Math.max(0.5 * 10 ** -match[1].length, relative);
}
