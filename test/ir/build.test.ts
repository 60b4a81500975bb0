import { describe, expect, it } from 'vitest';
import { newBuilder } from '../../src/ir/build';
import { ShapeError } from '../../src/ir/types';
import { printCr } from '../../src/ir/print';

function setup() {
  const b = newBuilder();
  return {
    b,
    x: b.variable('x', ['N', 1]),
    y: b.variable('y', ['N', 1]),
    s: b.variable('s', [1, 1]),
    t: b.variable('t', [1, 1]),
    A: b.variable('A', ['M', 'N']),
    B: b.variable('B', ['N', 'K']),
    r: b.variable('r', [1, 'N']),
    Z: b.variable('Z', ['M', 'N']),
  };
}

describe('Builder: simplification while building', () => {
  it('folds constants', () => {
    const { b } = setup();
    expect(b.add(2, 3)).toBe(b.constant(5));
    expect(b.hadamard(2, b.constant(4))).toBe(b.constant(8));
    expect(b.div(1, 4)).toBe(b.constant(0.25));
    expect(b.pow(2, 10)).toBe(b.constant(1024));
    expect(b.apply('exp', 0)).toBe(b.constant(1));
    expect(b.add(b.ones('M', 'N'), b.ones('M', 'N'))).toBe(b.fill(2, 'M', 'N'));
    expect(b.sum(b.ones('M', 'N'))).toBe(b.hadamard(b.dimsize('M'), b.dimsize('N')));
  });

  it('applies 0 and 1 identities, keeping shapes', () => {
    const { b, x, s, Z } = setup();
    expect(b.add(x, 0)).toBe(x);
    expect(b.hadamard(1, x)).toBe(x);
    expect(b.hadamard(x, 0)).toBe(b.zeros('N', 1));
    expect(b.pow(x, 1)).toBe(x);
    expect(b.pow(x, 0)).toBe(b.ones('N', 1));
    expect(b.div(x, 1)).toBe(x);
    expect(b.matmul(b.eye('M'), Z)).toBe(Z);
    // s + zeros(M, N) is s broadcast, not s.
    expect(b.add(s, b.zeros('M', 'N')).shape).toEqual(['M', 'N']);
    expect(printCr(b.add(s, b.zeros('M', 'N')))).toBe('s ones(M, N)');
  });

  it('removes double transposes and transposes of scalars and symmetric matrices', () => {
    const { b, A, s, x } = setup();
    expect(b.transpose(b.transpose(A))).toBe(A);
    expect(b.transpose(s)).toBe(s);
    expect(b.transpose(b.eye('N'))).toBe(b.eye('N'));
    expect(b.transpose(b.diag(x))).toBe(b.diag(x));
    expect(b.transpose(b.matmul(A, b.transpose(A)))).toBe(b.matmul(A, b.transpose(A)));
    expect(printCr(b.transpose(b.matmul(b.transpose(x), b.transpose(A))))).toBe('A x');
  });

  it('multiplies by diagonal matrices entry by entry and sums diag(v) back to v', () => {
    const { b, x, y, r } = setup();
    // diag(x) diag(y) has x_i y_i on its diagonal; the first vector is transposed to match the second.
    expect(b.matmul(b.diag(x), b.diag(y))).toBe(b.diag(b.hadamard(x, y)));
    expect(printCr(b.matmul(b.diag(x), b.diag(r)))).toBe('diag(x^T .* r)');
    // diag(x) y scales entry i of the column y by x_i; r diag(x) scales entry j of the row r by x_j.
    expect(b.matmul(b.diag(x), y)).toBe(b.hadamard(x, y));
    expect(printCr(b.matmul(r, b.diag(x)))).toBe('x^T .* r');
    // diag(x) ones(N, 1) = x (each row of diag(x) sums to x_i); ones(1, N) diag(x) = x^T, likewise by columns.
    expect(b.matmul(b.diag(x), b.ones('N', 1))).toBe(x);
    expect(b.matmul(b.ones(1, 'N'), b.diag(x))).toBe(b.transpose(x));
    expect(b.matmul(b.ones(1, 'N'), b.diag(r))).toBe(r);
    expect(printCr(b.matmul(b.diag(r), b.ones('N', 1)))).toBe('r^T');
    // sumrows/sumcols print as those products, so they read diag(v) the same way.
    expect(b.sumrows(b.diag(x))).toBe(b.transpose(x));
    expect(b.sumcols(b.diag(r))).toBe(b.transpose(r));
  });

  it('cancels negations and collects like terms', () => {
    const { b, x, y } = setup();
    expect(b.neg(b.neg(x))).toBe(x);
    expect(b.sub(x, x)).toBe(b.zeros('N', 1));
    expect(b.add(x, x)).toBe(b.hadamard(2, x));
    expect(b.add(b.mul(2, x), b.mul(3, x))).toBe(b.hadamard(5, x));
    expect(printCr(b.add(b.add(x, y), b.neg(x)))).toBe('y');
    expect(printCr(b.neg(b.sub(x, y)))).toBe('y - x');
    expect(printCr(b.add(b.add(x, 2), 3))).toBe('x + 5');
  });

  it('moves a minus out of even and odd functions, and cancels inverse pairs', () => {
    const { b, x } = setup();
    const minus = b.neg(x);
    // cosh, cos, abs are even; sinh, sin, tan, tanh, erf odd.
    for (const f of ['cosh', 'cos', 'abs']) expect(b.apply(f, minus), f).toBe(b.apply(f, x));
    for (const f of ['sinh', 'sin', 'tan', 'tanh', 'erf']) expect(b.apply(f, minus), f).toBe(b.neg(b.apply(f, x)));
    // sigma(-x) = 1 - sigma(x) is no parity: it stays as written.
    expect(printCr(b.apply('sigma', minus))).toBe('sigma(-x)');
    expect(b.apply('log', b.apply('exp', x))).toBe(x);
    expect(b.apply('relu', b.apply('relu', x))).toBe(b.apply('relu', x));
    expect(b.apply('erf', 0)).toBe(b.constant(0));
    expect(b.apply('cosh', 0)).toBe(b.constant(1));
  });

  it('writes log |det A| as logdet(A) and simplifies logdet by what it is of', () => {
    const { b, s } = setup();
    const S = b.variable('S', ['N', 'N']);
    const logdet = b.apply('logdet', S);
    expect(b.apply('log', b.apply('abs', b.det(S)))).toBe(logdet);
    // log det S alone is not log |det S| (it is undefined where det S < 0): it stays.
    expect(printCr(b.apply('log', b.det(S)))).toBe('log(det(S))');
    expect(b.apply('logdet', b.transpose(S))).toBe(logdet); // det S^T = det S
    expect(b.apply('logdet', b.inv(S))).toBe(b.neg(logdet)); // det S^-1 = 1 / det S
    expect(b.apply('logdet', b.eye('N'))).toBe(b.constant(0));
    // A 1 x 1 matrix is its own determinant.
    expect(b.apply('logdet', s)).toBe(b.apply('log', b.apply('abs', s)));
    expect(() => b.apply('logdet', b.variable('R', ['M', 'N']))).toThrow(ShapeError);
  });

  it('moves scalar factors and signs out of matrix products', () => {
    const { b, A, B, s, x } = setup();
    expect(b.matmul(b.mul(s, A), B)).toBe(b.hadamard(s, b.matmul(A, B)));
    expect(b.matmul(A, b.mul(2, B))).toBe(b.hadamard(2, b.matmul(A, B)));
    expect(b.matmul(b.neg(A), B)).toBe(b.neg(b.matmul(A, B)));
    expect(printCr(b.matmul(A, b.div(x, s)))).toBe('A x / s');
    expect(printCr(b.mul(b.mul(2, s), b.mul(3, x)))).toBe('6 s x');
  });

  it('treats products with a 1 x 1 factor as scaling, whichever way they are written', () => {
    const { b, s, r, x } = setup();
    expect(b.mul(s, r)).toBe(b.mul(r, s));
    expect(b.matmul(x, s)).toBe(b.hadamard(s, x));
    expect(b.matmul(s, r)).toBe(b.hadamard(s, r));
  });

  it('enforces strict broadcasting', () => {
    const { b, r, x, Z, s } = setup();
    expect(b.add(r, Z).shape).toEqual(['M', 'N']);
    expect(b.add(b.variable('c', ['M', 1]), Z).shape).toEqual(['M', 'N']);
    expect(b.hadamard(s, Z).shape).toEqual(['M', 'N']);
    expect(() => b.add(r, x)).toThrow(ShapeError);
    expect(() => b.hadamard(x, Z)).toThrow(/cannot multiply elementwise N x 1 and M x N/);
    expect(() => b.add(b.variable('p', [1, 'M']), Z)).toThrow(ShapeError);
  });

  it('never assumes symbolic dims equal each other or 1', () => {
    const { b, A } = setup();
    expect(() => b.matmul(A, A)).toThrow(ShapeError);
    expect(() => b.trace(A)).toThrow(/square/);
    expect(() => b.add(b.variable('u', ['M', 1]), b.variable('v', ['N', 1]))).toThrow(ShapeError);
  });

  it('folds entries, embeds and matrix literals', () => {
    const { b, s, t } = setup();
    const lit = b.literal([[s, t], [1, 2]]);
    expect(lit.shape).toEqual([2, 2]);
    expect(b.entry(lit, 0, 1)).toBe(t);
    expect(b.entry(b.transpose(lit), 0, 1)).toBe(b.constant(1));
    expect(printCr(b.embed(s, 1, 0, 3, 1))).toBe('[0; s; 0]');
    expect(printCr(b.add(b.literal([[s], [t]]), b.literal([[1], [2]])))).toBe('[s + 1; t + 2]');
    expect(printCr(b.matmul(b.literal([[1, 2]]), b.literal([[s], [t]])))).toBe('s + 2 t');
    expect(b.vcat([b.hcat([s]), b.hcat([t])])).toBe(b.literal([[s], [t]]));
    expect(() => b.vcat([b.literal([[s, t]]), b.literal([[s]])])).toThrow(ShapeError);
  });

  it('computes block sizes, symbolic ones included', () => {
    const { b, A, Z } = setup();
    expect(b.hcat([A, Z]).shape).toEqual(['M', 'N+N']);
    expect(b.vcat([A, b.variable('C', ['K', 'N'])]).shape).toEqual(['K+M', 'N']);
    expect(b.hcat([b.variable('p', [2, 1]), b.variable('q', [2, 3])]).shape).toEqual([2, 4]);
  });

  it('writes broadcasts and their adjoints with ones', () => {
    const { b, r, x } = setup();
    expect(printCr(b.broadcastTo(r, ['B', 'N']))).toBe('ones(B, 1) r');
    expect(printCr(b.broadcastTo(x, ['N', 'B']))).toBe('x ones(1, B)');
    const G = b.variable('G', ['B', 'N']);
    expect(printCr(b.unbroadcast(G, [1, 'N']))).toBe('ones(1, B) G');
    expect(printCr(b.unbroadcast(b.variable('H', ['N', 'B']), ['N', 1]))).toBe('H ones(B, 1)');
    expect(printCr(b.unbroadcast(G, [1, 1]))).toBe('sum(G)');
    // ones(1, B) G reads back as the row sum.
    expect(b.matmul(b.ones(1, 'B'), G)).toBe(b.sumrows(G));
    expect(printCr(b.sumrows(b.broadcastTo(r, ['B', 'N'])))).toBe('B r');
  });
});
