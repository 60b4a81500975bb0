import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newBuilder } from '../../src/ir/build';
import { simplify, displayCoefficient } from '../../src/ir/simplify';
import { printCr } from '../../src/ir/print';
import { evaluate } from '../../src/numeric/evaluate';
import { relativeDifference } from '../../src/numeric/matrix';
import { RecipeGenerator, buildWith, randomEnv } from '../helpers/random-expr';

function scalars(...names: string[]) {
  const b = newBuilder();
  return { b, v: Object.fromEntries(names.map((n) => [n, b.variable(n, [1, 1])])) };
}

describe('simplify', () => {
  it('cancels before expanding: the sigmoid cross-entropy adjoint becomes a2 - y', () => {
    const { b, v } = scalars('a2', 'y');
    const { a2, y } = v;
    const adjA2 = b.add(b.neg(b.div(y, a2)), b.div(b.sub(1, y), b.sub(1, a2)));
    const e = b.hadamard(b.hadamard(adjA2, a2), b.sub(1, a2));
    expect(printCr(e)).toBe('(-y / a2 + (1 - y) / (1 - a2)) a2 (1 - a2)');
    expect(printCr(simplify(b, e))).toBe('a2 - y');
  });

  it('keeps a product of sums factored when expanding would not shorten it', () => {
    const b = newBuilder();
    const a2 = b.variable('a2', [1, 1]);
    const y = b.variable('y', [1, 1]);
    const W2 = b.variable('W2', ['N', 1]);
    const a1 = b.variable('a1', [1, 'N']);
    const e = b.hadamard(b.hadamard(b.mul(b.sub(a2, y), b.transpose(W2)), a1), b.sub(1, a1));
    expect(printCr(simplify(b, e))).toBe('(a2 - y) W2^T .* a1 .* (1 - a1)');
  });

  it('cancels atoms, including sums up to sign', () => {
    const { b, v } = scalars('a', 'b', 'c');
    const { a, c } = v;
    expect(printCr(simplify(b, b.div(b.hadamard(a, c), a)))).toBe('c');
    expect(printCr(simplify(b, b.div(b.sub(1, a), b.sub(a, 1))))).toBe('-1');
    expect(printCr(simplify(b, b.hadamard(b.div(c, b.add(a, c)), b.add(c, a))))).toBe('c');
    expect(printCr(simplify(b, b.div(b.pow(a, 3), b.pow(a, 5))))).toBe('1 / a^2');
  });

  it('collects like terms and constants across a sum', () => {
    const { b, v } = scalars('x', 'y');
    const { x, y } = v;
    const e = b.add(b.add(b.add(b.mul(2, b.mul(x, y)), 3), b.mul(y, x)), b.sub(b.neg(b.mul(3, b.mul(x, y))), 3));
    expect(printCr(simplify(b, e))).toBe('0');
    expect(printCr(simplify(b, b.add(b.mul(x, b.add(x, 1)), b.neg(b.pow(x, 2)))))).toBe('x');
  });

  it('factors common factors out when that shortens the result', () => {
    const { b, v } = scalars('x', 'a', 'b');
    const p = b.pow(v.x, v.x);
    expect(printCr(simplify(b, b.add(p, b.hadamard(p, b.apply('log', v.x)))))).toBe('x^x (log(x) + 1)');
    expect(printCr(simplify(b, b.add(b.div(v.a, v.x), b.div(v.b, v.x))))).toBe('(a + b) / x');
  });

  it('treats 0/1 masks as idempotent', () => {
    const b = newBuilder();
    const h = b.variable('h', ['N', 1]);
    const m = b.compare('gt', h, 0);
    expect(printCr(simplify(b, b.hadamard(b.hadamard(m, h), m)))).toBe('(h > 0) .* h');
  });

  it('writes coefficients readably', () => {
    expect(displayCoefficient(3)).toEqual({ p: 3, q: 1 });
    expect(displayCoefficient(0.5)).toEqual({ p: 1, q: 2 });
    expect(displayCoefficient(1 / 3)).toEqual({ p: 1, q: 3 });
    expect(displayCoefficient(0.3)).toEqual({ p: 0.3, q: 1 });
    const { b, v } = scalars('x');
    expect(printCr(simplify(b, b.div(b.mul(2, v.x), 6)))).toBe('x / 3');
  });

  it('keeps the unsimplified form when expansion would blow up', () => {
    const b = newBuilder();
    const xs = Array.from({ length: 12 }, (_, k) => b.variable(`x${k}`, [1, 1]));
    // (x0 + x1) (x2 + x3) ... has 2^6 terms expanded; a power of a big sum even more.
    let e = b.constant(1);
    for (let k = 0; k < 12; k += 2) e = b.hadamard(e, b.add(xs[k], xs[k + 1]));
    const big = b.pow(b.add(b.add(b.add(xs[0], xs[1]), xs[2]), xs[3]), 6);
    const t0 = performance.now();
    expect(printCr(simplify(b, e))).toBe(printCr(e));
    expect(printCr(simplify(b, big))).toBe('(x0 + x1 + x2 + x3)^6');
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('leaves frozen nodes (the forward graph) exactly as written', () => {
    const { b, v } = scalars('x');
    const e = b.add(b.neg(v.x), 1);
    expect(printCr(e)).toBe('-x + 1');
    expect(printCr(simplify(b, e))).toBe('1 - x');
    expect(simplify(b, e, { frozen: new Set([e.id]) })).toBe(e);
  });

  it('preserves values on random expressions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const b = newBuilder();
        const gen = new RecipeGenerator(seed);
        const e = buildWith(b, gen.expr(gen.shape(), 4));
        const s = simplify(b, e);
        expect(s.shape).toEqual(e.shape);
        const env = randomEnv([e], seed);
        const v1 = evaluate(e, env);
        fc.pre([...v1.data].every((x) => Number.isFinite(x) && Math.abs(x) < 1e6));
        expect(relativeDifference(evaluate(s, env), v1)).toBeLessThan(1e-9);
      }),
      { numRuns: 300, seed: 99 },
    );
  });
});
