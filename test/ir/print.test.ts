import { describe, expect, it } from 'vitest';
import { newBuilder } from '../../src/ir/build';
import { printCr, printLatex } from '../../src/ir/print';

function vars() {
  const b = newBuilder();
  return {
    b,
    a: b.variable('a', [1, 1]),
    c: b.variable('c', [1, 1]),
    x: b.variable('x', ['N', 1]),
    r: b.variable('r', [1, 'N']),
    A: b.variable('A', ['N', 'N']),
    W: b.variable('W', ['M', 'N']),
    X: b.variable('X', ['B', 'M']),
  };
}

describe('printCr', () => {
  it('uses minimal parentheses', () => {
    const { b, a, c, x, A } = vars();
    expect(printCr(b.add(a, b.mul(a, c)))).toBe('a + a c');
    expect(printCr(b.mul(b.add(a, c), x))).toBe('x (a + c)');
    expect(printCr(b.sub(a, b.sub(c, a)))).toBe('2 a - c');
  });

  it('prints products: juxtaposition, .*, / and scalings', () => {
    const { b, a, c, x, A, W } = vars();
    expect(printCr(b.matmul(A, x))).toBe('A x');
    expect(printCr(b.matmul(A, b.matmul(A, x)))).toBe('A (A x)');
    expect(printCr(b.hadamard(x, b.apply('exp', x)))).toBe('x .* exp(x)');
    expect(printCr(b.div(x, b.apply('exp', x)))).toBe('x / exp(x)');
    expect(printCr(b.mul(a, b.matmul(A, x)))).toBe('a A x');
    expect(printCr(b.mul(2, W))).toBe('2 W');
    expect(printCr(b.mul(b.sub(a, c), b.transpose(x)))).toBe('(a - c) x^T');
    expect(printCr(b.mul(b.sub(a, c), x))).toBe('x (a - c)');
    expect(printCr(b.mul(a, x))).toBe('a x');
    expect(printCr(b.matmul(b.hadamard(A, b.transpose(A)), x))).toBe('(A .* A^T) x');
    expect(printCr(b.neg(b.mul(a, b.apply('log', c))))).toBe('-a log(c)');
  });

  it('prints powers, transposes and functions', () => {
    const { b, a, x, W } = vars();
    expect(printCr(b.pow(b.add(a, 1), 2))).toBe('(a + 1)^2');
    expect(printCr(b.pow(a, b.add(a, 1)))).toBe('a^(a + 1)');
    expect(printCr(b.pow(a, a))).toBe('a^a');
    expect(printCr(b.pow(a, 0.5))).toBe('a^0.5');
    expect(printCr(b.pow(a, -0.5))).toBe('a^(-0.5)');
    expect(printCr(b.pow(a, b.dimsize('T')))).toBe('a^(T)');
    expect(printCr(b.pow(a, -2))).toBe('1 / a^2');
    expect(printCr(b.transpose(b.matmul(W, x)))).toBe('(W x)^T');
    expect(printCr(b.transpose(b.apply('sigma', x)))).toBe('sigma(x)^T');
    expect(printCr(b.apply('softplus', x))).toBe('softplus(x)');
    expect(printCr(b.max(x, 0))).toBe('max(x, 0)');
    expect(printCr(b.inv(b.variable('S', ['N', 'N'])))).toBe('inv(S)');
  });

  it('prints constants by shape, dims, comparisons and literals', () => {
    const { b, a, x } = vars();
    expect(printCr(b.ones('M', 'N'))).toBe('ones(M, N)');
    expect(printCr(b.zeros(2, 3))).toBe('zeros(2, 3)');
    expect(printCr(b.fill(2, 'M', 'N'))).toBe('2 ones(M, N)');
    expect(printCr(b.eye('N'))).toBe('eye(N)');
    expect(printCr(b.constant(Math.PI))).toBe('pi');
    expect(printCr(b.constant(-1.5))).toBe('-1.5');
    expect(printCr(b.div(b.sum(x), b.dimsize('N')))).toBe('sum(x) / N');
    expect(printCr(b.hadamard(b.compare('gt', x, 0), x))).toBe('(x > 0) .* x');
    expect(printCr(b.compare('le', b.compare('lt', a, 1), a))).toBe('(a < 1) <= a');
    expect(printCr(b.literal([[a, 1], [2, b.mul(a, a)]]))).toBe('[a, 1; 2, a^2]');
    expect(printCr(b.literal([[a], [2]]))).toBe('[a; 2]');
  });

  it('prints sums with subtraction', () => {
    const { b, a, c } = vars();
    expect(printCr(b.sub(a, b.mul(2, c)))).toBe('a - 2 c');
    expect(printCr(b.sub(a, b.div(c, a)))).toBe('a - c / a');
    expect(printCr(b.add(a, -3))).toBe('a - 3');
    expect(printCr(b.sub(a, b.mul(b.add(a, c), b.apply('log', c))))).toBe('a - (a + c) log(c)');
    expect(printCr(b.neg(b.mul(b.sub(a, c), b.apply('log', c))))).toBe('-((a - c) log(c))');
  });

  it('reuses defined names, but never for the root', () => {
    const { b, x, W } = vars();
    const h = b.matmul(W, x);
    const s = b.apply('sigma', h);
    const names = new Map([
      [h.id, 'h'],
      [s.id, 's'],
    ]);
    expect(printCr(b.hadamard(s, b.sub(1, s)), names)).toBe('s .* (1 - s)');
    expect(printCr(s, names)).toBe('sigma(h)');
  });
});

describe('printLatex', () => {
  it('prints standard notation', () => {
    const { b, a, x, W } = vars();
    expect(printLatex(b.div(a, b.add(a, 1)))).toBe('\\frac{a}{a + 1}');
    expect(printLatex(b.transpose(W))).toBe('W^\\top');
    expect(printLatex(b.hadamard(x, b.apply('sigma', x)))).toBe('x \\odot \\sigma\\left(x\\right)');
    expect(printLatex(b.pow(b.norm(x), 2))).toBe('\\left\\lVert x\\right\\rVert^{2}');
    expect(printLatex(b.variable('W1', ['M', 'N']))).toBe('W_{1}');
    expect(printLatex(b.variable('lambda', [1, 1]))).toBe('\\lambda');
    expect(printLatex(b.compare('gt', x, 0))).toBe('\\mathbb{1}\\left[x > 0\\right]');
    expect(printLatex(b.literal([[a, 1], [2, a]]))).toBe('\\begin{bmatrix} a & 1 \\\\ 2 & a \\end{bmatrix}');
    expect(printLatex(b.trace(b.inv(b.variable('S', ['N', 'N']))))).toBe('\\operatorname{tr}\\left(S^{-1}\\right)');
  });
});
