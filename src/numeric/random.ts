// Seeded randomness: every random draw in chainrule comes from here, so the same seed gives the same report.
import type { Matrix } from '../ir/types';
import { zeros } from './matrix';

/** A uniform [0, 1) generator. */
export type Random = () => number;

/** mulberry32: a small, fast 32-bit generator with good statistical quality for sampling. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of a string mixed with a seed (FNV-1a, then a murmur finaliser). */
export function hashSeed(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** An independent stream per (seed, key): adding a variable never changes the values drawn for others. */
export function streamFor(seed: number, key: string): Random {
  return mulberry32(hashSeed(seed, key));
}

export function standardNormal(random: Random): number {
  // Box-Muller; 1 - u keeps the logarithm finite.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A rows x cols matrix of standard normal entries times `scale`. */
export function randomMatrix(random: Random, rows: number, cols: number, scale = 1): Matrix {
  const m = zeros(rows, cols);
  for (let k = 0; k < m.data.length; k++) m.data[k] = scale * standardNormal(random);
  return m;
}

/** Entries |N(0,1)| + offset: safely inside the domain of log, sqrt and division. */
export function randomPositiveMatrix(random: Random, rows: number, cols: number, offset = 0.1): Matrix {
  const m = zeros(rows, cols);
  for (let k = 0; k < m.data.length; k++) m.data[k] = Math.abs(standardNormal(random)) + offset;
  return m;
}

/** A well-conditioned symmetric positive definite n x n matrix: A A^T / n + I. */
export function randomSpdMatrix(random: Random, n: number): Matrix {
  const a = randomMatrix(random, n, n);
  const m = zeros(n, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a.data[i * n + k] * a.data[j * n + k];
      m.data[i * n + j] = s / n + (i === j ? 1 : 0);
    }
  return m;
}

/** Rows that are one-hot (a column vector counts as one row). */
export function randomOneHotMatrix(random: Random, rows: number, cols: number): Matrix {
  const m = zeros(rows, cols);
  if (cols === 1 && rows > 1) m.data[Math.floor(random() * rows)] = 1;
  else for (let i = 0; i < rows; i++) m.data[i * cols + Math.floor(random() * cols)] = 1;
  return m;
}
