import { describe, expect, it } from 'vitest';
import { newBuilder } from '../../src/ir/build';
import type { EvalEnv, Matrix } from '../../src/ir/types';
import { evaluate } from '../../src/numeric/evaluate';
import { fromRows, toRows } from '../../src/numeric/matrix';
import { mulberry32, streamFor, randomMatrix } from '../../src/numeric/random';

function env(values: Record<string, number[][]>, sizes: Record<string, number> = {}): EvalEnv {
  return { values: new Map(Object.entries(values).map(([k, v]) => [k, fromRows(v)] as [string, Matrix])), sizes: new Map(Object.entries(sizes)) };
}

const close = (m: Matrix, expected: number[][]) => {
  const got = toRows(m);
  expect(got.length).toBe(expected.length);
  got.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 12)));
};

describe('evaluate', () => {
  const b = newBuilder();
  const X = b.variable('X', ['B', 'C']);
  const r = b.variable('r', [1, 'C']);
  const c = b.variable('c', ['B', 1]);
  const at = env({ X: [[1, 2, 3], [0, 0, 0]], r: [[10, 20, 30]], c: [[1], [2]] }, { B: 2, C: 3 });

  it('broadcasts strictly: rows over rows, columns over columns, scalars over everything', () => {
    close(evaluate(b.add(X, r), at), [[11, 22, 33], [10, 20, 30]]);
    close(evaluate(b.hadamard(X, c), at), [[1, 2, 3], [0, 0, 0]]);
    close(evaluate(b.add(X, 1), at), [[2, 3, 4], [1, 1, 1]]);
  });

  it('evaluates softmax and logsumexp per row of a matrix and over a vector', () => {
    const s = toRows(evaluate(b.softmax(X), at));
    s[1].forEach((v) => expect(v).toBeCloseTo(1 / 3, 15));
    expect(s[0].reduce((p, q) => p + q)).toBeCloseTo(1, 14);
    close(evaluate(b.logsumexp(X), at), [[Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3))], [Math.log(3)]]);
    expect(b.logsumexp(X).shape).toEqual(['B', 1]);
    expect(b.logsumexp(r).shape).toEqual([1, 1]);
    close(evaluate(b.logsumexp(b.mul(1000, r)), at), [[30000 + Math.log(1 + Math.exp(-10000) + Math.exp(-20000))]]);
  });

  it('evaluates reductions, sums along axes, blocks and entries', () => {
    close(evaluate(b.sum(X), at), [[6]]);
    close(evaluate(b.mean(X), at), [[1]]);
    close(evaluate(b.sumrows(X), at), [[1, 2, 3]]);
    close(evaluate(b.sumcols(X), at), [[6], [0]]);
    close(evaluate(b.norm(r), at), [[Math.sqrt(1400)]]);
    close(evaluate(b.hcat([c, X]), at), [[1, 1, 2, 3], [2, 0, 0, 0]]);
    close(evaluate(b.vcat([r, X]), at), [[10, 20, 30], [1, 2, 3], [0, 0, 0]]);
    close(evaluate(b.entry(b.variable('Y', [2, 3]), 1, 2), env({ Y: [[1, 2, 3], [4, 5, 6]] })), [[6]]);
    close(evaluate(b.embed(b.variable('s', [1, 1]), 0, 0, 'B', 'C'), env({ s: [[7]] }, { B: 2, C: 3 })), [[7, 0, 0], [0, 0, 0]]);
    // A symbolic size may be 1, so only index 0 is known to exist.
    expect(() => b.embed(b.variable('s', [1, 1]), 0, 1, 'B', 'C')).toThrow(/outside B x C/);
    close(evaluate(b.diag(c), at), [[1, 0], [0, 2]]);
    close(evaluate(b.dimsize('C'), at), [[3]]);
  });

  it('evaluates inverse, determinant and trace', () => {
    const S = b.variable('S', ['N', 'N']);
    const p = env({ S: [[2, 1], [1, 3]] }, { N: 2 });
    close(evaluate(b.inv(S), p), [[0.6, -0.2], [-0.2, 0.4]]);
    close(evaluate(b.det(S), p), [[5]]);
    close(evaluate(b.trace(S), p), [[5]]);
  });

  it('evaluates logdet as log |det|, for either sign of the determinant', () => {
    const S = b.variable('S', ['N', 'N']);
    const logdet = b.apply('logdet', S);
    // det [2 1; 1 3] = 5; det [1 2; 3 4] = -2, so log |det| = log 2.
    close(evaluate(logdet, env({ S: [[2, 1], [1, 3]] }, { N: 2 })), [[Math.log(5)]]);
    close(evaluate(logdet, env({ S: [[1, 2], [3, 4]] }, { N: 2 })), [[Math.log(2)]]);
  });

  it('evaluates cosh, sinh and erf', () => {
    const x = b.variable('x', [1, 'C']);
    // Values from Python's math module: cosh(0.5), sinh(-1.5), erf(0.5), erf(-2).
    const at4 = env({ x: [[0.5, -1.5, 0.5, -2]] }, { C: 4 });
    expect(evaluate(b.apply('cosh', x), at4).data[0]).toBeCloseTo(1.1276259652063807, 15);
    expect(evaluate(b.apply('sinh', x), at4).data[1]).toBeCloseTo(-2.1292794550948173, 15);
    expect(evaluate(b.apply('erf', x), at4).data[2]).toBeCloseTo(0.5204998778130465, 15);
    expect(evaluate(b.apply('erf', x), at4).data[3]).toBeCloseTo(-0.9953222650189527, 15);
  });

  it('evaluates a deep DAG without recursion and shares work through the memo', () => {
    const x = b.variable('x', [1, 1]);
    let e = x;
    for (let k = 0; k < 20000; k++) e = b.apply('sin', b.add(e, 0.001));
    const memo = new Map<number, Matrix>();
    const v = evaluate(e, env({ x: [[0.5]] }), memo);
    expect(Number.isFinite(v.data[0])).toBe(true);
    expect(memo.size).toBeGreaterThan(20000);
  });

  it('reports missing values and wrong sizes', () => {
    expect(() => evaluate(b.variable('q', [1, 1]), env({}))).toThrow(/no value given for q/);
    expect(() => evaluate(r, env({ r: [[1, 2]] }, { C: 3 }))).toThrow(/is 1 x 2, expected 1 x 3/);
  });
});

describe('seeded randomness', () => {
  it('is deterministic per seed and independent per key', () => {
    const a = mulberry32(42);
    const a2 = mulberry32(42);
    expect([a(), a(), a()]).toEqual([a2(), a2(), a2()]);
    expect(streamFor(1, 'x')()).toBe(streamFor(1, 'x')());
    expect(streamFor(1, 'x')()).not.toBe(streamFor(1, 'y')());
    const m = randomMatrix(mulberry32(7), 200, 50);
    const mean = m.data.reduce((p, q) => p + q) / m.data.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
  });
});
