// The smooth functions that stand in for abstract functions (`f1, f2 : function`, `C(w) : scalar`) when a
// claim is checked: one fixed function per name, drawn once from a stream keyed by the name alone, so
// every run and every sample point sees the same f1 (docs/index-notation.md). A claim about an abstract
// function is right when it holds for this instance at the sample points; a rule that only a particular
// formula satisfies is caught because the instance has no special structure (no symmetry between
// arguments, no vanishing derivatives).
//
// Both kinds are phi = tanh(u) + q v^2, u and v affine in the arguments, so derivatives of any order
// have a closed form: the n-th derivative of tanh is a polynomial in tanh (P' (1 - t^2)).
import type { Matrix } from '../ir/types';
import { hashSeed, mulberry32 } from './random';
import { allocate, zeros } from './matrix';
import { InForce } from '../limits/index';

const STREAM = 0x0ab57;

/** A number in [lo, hi) fixed by `key`. */
function uniform(key: string, lo: number, hi: number): number {
  return lo + (hi - lo) * mulberry32(hashSeed(STREAM, key))();
}

/** A coefficient of magnitude in [0.3, 1) with a sign, fixed by `key` (never near 0: no flat directions). */
function coefficient(key: string): number {
  const r = mulberry32(hashSeed(STREAM, key));
  const magnitude = 0.3 + 0.7 * r();
  return r() < 0.5 ? -magnitude : magnitude;
}

const tanhPolynomials: number[][] = [[0, 1]]; // P_0(t) = t, coefficients by power

/** d^n/du^n tanh(u), from P_{n+1}(t) = P_n'(t) (1 - t^2). */
function tanhDerivative(n: number, u: number): number {
  while (tanhPolynomials.length <= n) {
    const p = tanhPolynomials[tanhPolynomials.length - 1];
    const dp = p.slice(1).map((c, k) => c * (k + 1));
    const next = new Array(dp.length + 2).fill(0);
    dp.forEach((c, k) => {
      next[k] += c;
      next[k + 2] -= c;
    });
    tanhPolynomials.push(next);
  }
  const t = Math.tanh(u);
  return tanhPolynomials[n].reduceRight((acc, c) => acc * t + c, 0);
}

/** The quadratic part's n-th derivative factor: v^2, 2 v, 2, then 0. */
function quadraticDerivative(n: number, v: number): number {
  return n === 0 ? v * v : n === 1 ? 2 * v : n === 2 ? 2 : 0;
}

// ---- entrywise functions: phi(x_1, ..., x_n) applied to matching entries

interface Entrywise {
  c0: number;
  q: number;
  c(k: number): number;
  d(k: number): number;
}

const entrywiseCache = new Map<string, Entrywise>();

function entrywise(name: string): Entrywise {
  let f = entrywiseCache.get(name);
  if (!f) {
    const cs: number[] = [];
    const ds: number[] = [];
    const at = (list: number[], k: number, tag: string) => (list[k] ??= coefficient(`${name}/${tag}${k}`));
    f = { c0: uniform(`${name}/c0`, -0.5, 0.5), q: uniform(`${name}/q`, 0.1, 0.3), c: (k) => at(cs, k, 'c'), d: (k) => at(ds, k, 'd') };
    entrywiseCache.set(name, f);
  }
  return f;
}

/** The entry of a broadcast operand that meets output entry (i, j). */
function broadcastEntry(a: Matrix, i: number, j: number): number {
  return a.data[(a.rows === 1 ? 0 : i) * a.cols + (a.cols === 1 ? 0 : j)];
}

/**
 * The entrywise instance of `name`, or its partial derivative along the argument slots `path` (one slot per
 * order: [1] is d/dx_2, [0, 1] is d^2/dx_1 dx_2), at every entry of the broadcast arguments.
 */
export function evaluateEntrywise(name: string, path: readonly number[], args: readonly Matrix[], rows: number, cols: number): Matrix {
  const f = entrywise(name);
  const out = zeros(rows, cols);
  const slope = path.reduce((acc, k) => acc * f.c(k), 1);
  const curvature = path.reduce((acc, k) => acc * f.d(k), 1);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let u = f.c0;
      let v = 0;
      args.forEach((a, k) => {
        const x = broadcastEntry(a, i, j);
        u += f.c(k) * x;
        v += f.d(k) * x;
      });
      out.data[i * cols + j] = tanhDerivative(path.length, u) * slope + f.q * quadraticDerivative(path.length, v) * curvature;
    }
  }
  return out;
}

// ---- scalar functions of whole arrays: u = c0 + sum_k <a_k, x_k>, v = sum_k <d_k, x_k>

/**
 * Another instance of some scalar functions, in force while a check asks whether a line holds for every such
 * function (a loss the maths never defines, src/check/everyLoss.ts): `key` draws other coefficients, `scale`
 * multiplies the function (0 makes it constant, 2 doubles it).
 */
export interface ScalarVariant {
  names: ReadonlySet<string>;
  key: string;
  scale: number;
}

const variantInForce = new InForce<ScalarVariant>();

/** Runs `evaluate` with `v`'s instances of its functions. */
export function withScalarVariant<T>(v: ScalarVariant, evaluate: () => T): T {
  return variantInForce.during(v, evaluate);
}

/** The name whose coefficients the instance of `name` draws from, and the factor on it. */
function instanceOf(name: string): { key: string; scale: number } {
  const variant = variantInForce.current;
  return variant?.names.has(name) ? { key: variant.key ? `${name}~${variant.key}` : name, scale: variant.scale } : { key: name, scale: 1 };
}

/** The coefficient array of slot k (`a` or `d`), shaped like its argument, scaled by 1/sqrt(entries) to keep u moderate. */
function slotCoefficients(name: string, tag: 'a' | 'd', k: number, like: Matrix): Float64Array {
  const n = like.data.length;
  const out = allocate(n);
  for (let e = 0; e < n; e++) out[e] = coefficient(`${name}/${tag}${k}/${e}`) / Math.sqrt(n);
  return out;
}

function inner(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let e = 0; e < a.length; e++) s += a[e] * b[e];
  return s;
}

function scalarParts(name: string, args: readonly Matrix[]): { u: number; v: number; q: number } {
  let u = uniform(`${name}/c0`, -0.5, 0.5);
  let v = 0;
  args.forEach((x, k) => {
    u += inner(slotCoefficients(name, 'a', k, x), x.data);
    v += inner(slotCoefficients(name, 'd', k, x), x.data);
  });
  return { u, v, q: uniform(`${name}/q`, 0.1, 0.3) };
}

export function evaluateScalarFunction(fn: string, args: readonly Matrix[]): Matrix {
  const { key, scale } = instanceOf(fn);
  const { u, v, q } = scalarParts(key, args);
  return { rows: 1, cols: 1, data: Float64Array.of(scale * (Math.tanh(u) + q * v * v)) };
}

/**
 * The derivative of order m + 1 of the scalar instance, contracted with the directions `directions[j]` along
 * slots `slots[j]`, as an array shaped like argument `output`: m = 0 is the gradient with respect to that
 * argument, m = 1 a Hessian-vector product, and so on.
 */
export function evaluateScalarDerivative(fn: string, slots: readonly number[], output: number, directions: readonly Matrix[], args: readonly Matrix[]): Matrix {
  const { key: name, scale } = instanceOf(fn);
  const { u, v, q } = scalarParts(name, args);
  const m = slots.length;
  let slope = scale * tanhDerivative(m + 1, u);
  let curvature = scale * 2 * q * (m === 0 ? v : m === 1 ? 1 : 0);
  slots.forEach((k, j) => {
    slope *= inner(slotCoefficients(name, 'a', k, args[k]), directions[j].data);
    curvature *= inner(slotCoefficients(name, 'd', k, args[k]), directions[j].data);
  });
  const x = args[output];
  const a = slotCoefficients(name, 'a', output, x);
  const d = slotCoefficients(name, 'd', output, x);
  const out = zeros(x.rows, x.cols);
  for (let e = 0; e < out.data.length; e++) out.data[e] = slope * a[e] + curvature * d[e];
  return out;
}
