import { describe, expect, it } from 'vitest';
import { newBuilder } from '../../src/ir/build';
import type { Matrix } from '../../src/ir/types';
import { builtinDerivative, primeDerivative, gradient, isElementwiseIn, jacobian, vjp } from '../../src/diff';
import { printCr } from '../../src/ir/print';
import { fromRows, relativeDifference, toRows } from '../../src/numeric/matrix';
import { mulberry32, randomMatrix } from '../../src/numeric/random';
import { basisJacobian, finiteDifferenceJacobian } from '../helpers/jacobian';

describe('jacobian', () => {
  it('builds the SPEC example H(x, y) = F(G(x, y)) entry by entry', () => {
    const b = newBuilder();
    const x = b.variable('x', [1, 1]);
    const y = b.variable('y', [1, 1]);
    const F = (p: typeof x, q: typeof x, r: typeof x) => b.vcat([b.mul(b.mul(3, p), q), b.sub(q, r)]);
    const G = b.vcat([b.sub(x, b.mul(5, y)), b.mul(x, y), b.sub(x, y)]);
    // A vector argument spreads over scalar parameters through entries, which fold on literals.
    const H = F(b.entry(G, 0, 0), b.entry(G, 1, 0), b.entry(G, 2, 0));
    expect(printCr(H)).toBe('[3 (x - 5 y) x y; x y + y - x]');
    const J = jacobian(b.graph, H, [x, y]);
    expect([J.rows, J.cols]).toEqual([2, 2]);
    expect(printCr(J.node!)).toBe('[6 x y - 15 y^2, 3 x (x - 10 y); y - 1, x + 1]');
    const at = { values: new Map([['x', fromRows([[2]])], ['y', fromRows([[-1]])]]), sizes: new Map() };
    expect(toRows(J.evaluate(at))).toEqual([[-27, 72], [-2, 3]]);
  });

  it('orders columns over the entries of each variable in turn (numerator layout)', () => {
    const b = newBuilder();
    const u = b.variable('u', [2, 1]);
    const t = b.variable('t', [1, 1]);
    const f = b.literal([[b.mul(b.entry(u, 0, 0), t)], [b.entry(u, 1, 0)], [b.pow(t, 2)]]);
    const J = jacobian(b.graph, f, [u, t]);
    expect([J.rows, J.cols]).toEqual([3, 3]);
    expect(printCr(J.node!)).toBe('[t, 0, entry(u, 1, 1); 0, 1, 0; 0, 0, 2 t]');
  });

  it('recognises elementwise maps and returns the diagonal shaped like x', () => {
    const b = newBuilder();
    const h = b.variable('h', ['N', 1]);
    const a = b.apply('sigma', h);
    expect(isElementwiseIn(a, h)).toBe(true);
    expect(isElementwiseIn(b.softmax(h), h)).toBe(false);
    expect(isElementwiseIn(b.add(h, b.sum(h)), h)).toBe(false);
    const J = jacobian(b.graph, a, [h]);
    expect(printCr(J.diagonal!)).toBe('sigma(h) .* (1 - sigma(h))');
    expect(printCr(J.node!)).toBe('diag(sigma(h) .* (1 - sigma(h)))');
  });

  it('writes Jacobians of symbolic size as matrices read off the pullback', () => {
    const b = newBuilder();
    const W = b.variable('W', ['M', 'N']);
    const x = b.variable('x', ['N', 1]);
    const f = b.apply('tanh', b.matmul(W, x));
    const J = jacobian(b.graph, f, [x]);
    expect([J.rows, J.cols]).toEqual(['M', 'N']);
    // The pullback is W^T (u .* (1 - tanh(W x)^2)): the term W^T diag(1 - tanh(W x)^2) u, so
    // J = (W^T diag(...))^T = diag(1 - tanh(W x)^2) W.
    expect(printCr(J.node!)).toBe('diag(1 - tanh(W x)^2) W');
    const r = mulberry32(3);
    const values = new Map<string, Matrix>([
      ['W', randomMatrix(r, 3, 4)],
      ['x', randomMatrix(r, 4, 1)],
    ]);
    const at = { values, sizes: new Map([['M', 3], ['N', 4]]) };
    expect(relativeDifference(J.evaluate(at), basisJacobian(b, f, x, at))).toBeLessThan(1e-12);
  });

  it('reads terms with u transposed, rows as well as columns (softmax of a row: diag(s) - s^T s)', () => {
    const b = newBuilder();
    const z = b.variable('z', [1, 'K']);
    const s = b.softmax(z);
    const J = jacobian(b.graph, s, [z]);
    // ds_i/dz_j = s_i (delta_ij - s_j): diag(s) - s^T s for a row s (s^T s is K x K).
    expect(printCr(J.node!, new Map([[s.id, 's']]))).toBe('diag(s) - s^T s');
    const at = { values: new Map([['z', randomMatrix(mulberry32(4), 1, 5)]]), sizes: new Map([['K', 5]]) };
    expect(relativeDifference(J.evaluate(at), basisJacobian(b, s, z, at))).toBeLessThan(1e-12);
  });

  it('puts the blocks of several variables side by side, and is zero for a variable f does not use', () => {
    const b = newBuilder();
    const A = b.variable('A', ['M', 'N']);
    const x = b.variable('x', ['N', 1]);
    const c = b.variable('c', ['M', 1]);
    const t = b.variable('t', ['K', 1]);
    // d(A x + c) = A dx + dc: [A, I]; t does not occur, so its block is zeros(M, K).
    expect(printCr(jacobian(b.graph, b.add(b.matmul(A, x), c), [x, c, t]).node!)).toBe('[A, eye(M), zeros(M, K)]');
  });

  it('prefers the matrix to a literal of entry(...) at concrete sizes, but keeps a literal that reads back', () => {
    const b = newBuilder();
    const A = b.variable('A', [2, 3]);
    const x = b.variable('x', [3, 1]);
    const c = b.variable('c', [2, 1]);
    const g = b.add(b.matmul(A, x), c);
    // The literal would be [entry(A^T [1; 0], 1, 1), ...]: not .cr.
    expect(printCr(jacobian(b.graph, g, [x]).node!)).toBe('A');
    // Elementwise in c with the literal [1, 0; 0, 1], which reads back: kept.
    const Jc = jacobian(b.graph, g, [c]);
    expect(printCr(Jc.node!)).toBe('[1, 0; 0, 1]');
    expect(printCr(Jc.diagonal!)).toBe('ones(2, 1)');
    // exp(x) entry by entry would be [exp(entry(x, 1, 1)), 0, 0; ...]: diag of the diagonal instead.
    expect(printCr(jacobian(b.graph, b.apply('exp', x), [x]).node!)).toBe('diag(exp(x))');
  });

  it('writes pullbacks through diag(x), where u is masked by eye(N)', () => {
    const b = newBuilder();
    const W = b.variable('W', ['N', 'N']);
    const x = b.variable('x', ['N', 1]);
    // (diag(x) W) x = x .* (W x): d = dx .* (W x) + x .* (W dx), so J = diag(x) W + diag(W x).
    const f = b.matmul(b.matmul(b.diag(x), W), x);
    const J = jacobian(b.graph, f, [x]);
    expect(printCr(J.node!)).toBe('diag(x) W + diag(W x)');
    const r = mulberry32(5);
    const at = { values: new Map([['W', randomMatrix(r, 4, 4)], ['x', randomMatrix(r, 4, 1)]]), sizes: new Map([['N', 4]]) };
    expect(relativeDifference(J.evaluate(at), basisJacobian(b, f, x, at))).toBeLessThan(1e-12);
  });

  it('falls back to the numeric Jacobian for what it cannot write (the Hessian of a function with no formula)', () => {
    const b = newBuilder();
    const w = b.variable('w', ['P', 1]);
    // The gradient of C(w) is a derivative op, and its pullback another, with the cotangent as an argument.
    const g = gradient(b.graph, b.make('abstract_scalar', [w], { name: 'C' }), w);
    const J = jacobian(b.graph, g, [w]);
    expect(J.node).toBeUndefined();
    const at = { values: new Map([['w', randomMatrix(mulberry32(6), 3, 1)]]), sizes: new Map([['P', 3]]) };
    expect(relativeDifference(J.evaluate(at), finiteDifferenceJacobian(g, at, 'w'))).toBeLessThan(1e-6);
  });

  it('vjp takes a cotangent shaped like the function', () => {
    const b = newBuilder();
    const W = b.variable('W', ['M', 'N']);
    const x = b.variable('x', ['N', 1]);
    const g = b.variable('g', ['M', 1]);
    expect(printCr(vjp(b.graph, b.matmul(W, x), g, x))).toBe('W^T g');
    expect(printCr(vjp(b.graph, b.matmul(W, x), g, W))).toBe('g x^T');
    expect(() => vjp(b.graph, b.matmul(W, x), x, x)).toThrow(/cotangent must be shaped like the function/);
  });
});

describe("derivatives of one-argument functions (f'(x))", () => {
  const b = newBuilder();
  const h = b.variable('h', ['N', 1]);
  const cases: Array<[string, string]> = [
    ['sigma', 'sigma(h) .* (1 - sigma(h))'],
    ['relu', 'h > 0'],
    ['tanh', '1 - tanh(h)^2'],
    ['exp', 'exp(h)'],
    ['log', '1 / h'],
    ['sqrt', '1 / (2 sqrt(h))'],
    ['abs', '(h > 0) - (h < 0)'],
    ['sin', 'cos(h)'],
    ['cos', '-sin(h)'],
    ['tan', '1 + tan(h)^2'],
    ['softplus', 'sigma(h)'],
    ['cosh', 'sinh(h)'],
    ['sinh', 'cosh(h)'],
    // 2/√π = 1.1283791670955126 (the constant is folded).
    ['erf', '1.1283791670955126 exp(-h^2)'],
  ];
  for (const [fn, expected] of cases) {
    it(`${fn}'(h) = ${expected}`, () => expect(printCr(builtinDerivative(b.graph, fn, h))).toBe(expected));
  }

  it('differentiates a user function of one variable entry by entry', () => {
    const d = primeDerivative(b.graph, (u) => b.hadamard(u, b.apply('sigma', u)), h)!;
    expect(printCr(d)).toBe('sigma(h) + h .* sigma(h) .* (1 - sigma(h))');
    const z = b.variable('z', [1, 1]);
    expect(printCr(primeDerivative(b.graph, (u) => b.pow(u, 3), b.mul(2, z))!)).toBe('12 z^2');
    // softmax is no map entry by entry: its f'(h) would be a Jacobian, not an array shaped like h.
    expect(primeDerivative(b.graph, (u) => b.softmax(u), h)).toBeUndefined();
  });
});
