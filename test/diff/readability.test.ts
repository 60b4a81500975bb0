// Readable gradients: the two-layer sigmoid network of the brief, printed with the names a person
// defined. Expected strings were checked by hand:
//   dL/da2 = -y / a2 + (1 - y) / (1 - a2);  dL/dh2 = dL/da2 a2 (1 - a2) = a2 - y;
//   dL/da1 = dL/dh2 W2^T;  dL/dh1 = dL/da1 .* a1 .* (1 - a1);  dL/dW1 = X^T dL/dh1;  dL/dW2 = a1^T dL/dh2.
import { describe, expect, it } from 'vitest';
import { newBuilder } from '../../src/ir/build';
import { adjoints, gradient } from '../../src/diff';
import { printCr, printLatex } from '../../src/ir/print';

function network() {
  const b = newBuilder();
  const X = b.variable('X', [1, 'M']);
  const W1 = b.variable('W1', ['M', 'N']);
  const b1 = b.variable('b1', [1, 'N']);
  const W2 = b.variable('W2', ['N', 1]);
  const b2 = b.variable('b2', [1, 1]);
  const y = b.variable('y', [1, 1]);
  const h1 = b.add(b.mul(X, W1), b1);
  const a1 = b.apply('sigma', h1);
  const h2 = b.add(b.mul(a1, W2), b2);
  const a2 = b.apply('sigma', h2);
  const L = b.sub(b.neg(b.mul(y, b.apply('log', a2))), b.mul(b.sub(1, y), b.apply('log', b.sub(1, a2))));
  const names = new Map([
    [h1.id, 'h1'],
    [a1.id, 'a1'],
    [h2.id, 'h2'],
    [a2.id, 'a2'],
    [L.id, 'L'],
  ]);
  return { b, g: b.graph, X, W1, b1, W2, b2, y, h1, a1, h2, a2, L, names };
}

describe('readable gradients of the two-layer sigmoid network', () => {
  const n = network();
  const show = (wrt: typeof n.W1) => printCr(gradient(n.g, n.L, wrt), n.names);

  it('prints the loss with its names', () => {
    expect(printCr(n.L, n.names)).toBe('-y log(a2) - (1 - y) log(1 - a2)');
  });

  it('dL/dW1 = X^T ((a2 - y) W2^T .* a1 .* (1 - a1))', () => {
    expect(show(n.W1)).toBe('X^T ((a2 - y) W2^T .* a1 .* (1 - a1))');
  });

  it('dL/dW2 = a1^T (a2 - y)', () => {
    expect(show(n.W2)).toBe('a1^T (a2 - y)');
  });

  it('dL/db1 = (a2 - y) W2^T .* a1 .* (1 - a1)', () => {
    expect(show(n.b1)).toBe('(a2 - y) W2^T .* a1 .* (1 - a1)');
  });

  it('dL/db2 = a2 - y (the sigmoid cross-entropy cancellation)', () => {
    expect(show(n.b2)).toBe('a2 - y');
  });

  it('gradients with respect to intermediate nodes', () => {
    expect(show(n.h2)).toBe('a2 - y');
    expect(show(n.a1)).toBe('(a2 - y) W2^T');
    expect(show(n.h1)).toBe('(a2 - y) W2^T .* a1 .* (1 - a1)');
    expect(show(n.a2)).toBe('(1 - y) / (1 - a2) - y / a2');
  });

  it('parenthesises a product used as the left factor of a matrix product', () => {
    expect(show(n.X)).toBe('((a2 - y) W2^T .* a1 .* (1 - a1)) W1^T');
    expect(show(n.y)).toBe('log(1 - a2) - log(a2)');
  });

  it('one sweep gives every adjoint, the same as one gradient at a time', () => {
    const all = adjoints(n.g, n.L);
    for (const w of [n.W1, n.W2, n.b1, n.b2, n.X, n.y]) expect(all.get(w.id)).toBe(gradient(n.g, n.L, w));
  });

  it('prints LaTeX with the same names', () => {
    expect(printLatex(gradient(n.g, n.L, n.W1), n.names)).toBe(
      'X^\\top \\left(\\left(a_{2} - y\\right) W_{2}^\\top \\odot a_{1} \\odot \\left(1 - a_{1}\\right)\\right)',
    );
    expect(printLatex(n.L, n.names)).toBe('-y \\log\\left(a_{2}\\right) - \\left(1 - y\\right) \\log\\left(1 - a_{2}\\right)');
  });

  it('expands names away without a names map', () => {
    expect(printCr(gradient(n.g, n.L, n.W2))).toBe('sigma(X W1 + b1)^T (sigma(sigma(X W1 + b1) W2 + b2) - y)');
  });
});

describe('readable gradients of a batched network', () => {
  it('reduces broadcast biases with ones(1, B) and keeps 1/B outside', () => {
    const b = newBuilder();
    const X = b.variable('X', ['B', 'M']);
    const W = b.variable('W', ['M', 'C']);
    const c = b.variable('c', [1, 'C']);
    const Y = b.variable('Y', ['B', 'C']);
    const H = b.add(b.mul(X, W), c);
    const L = b.div(b.sub(b.sum(b.logsumexp(H)), b.sum(b.hadamard(Y, H))), b.dimsize('B'));
    const names = new Map([[H.id, 'H']]);
    expect(printCr(gradient(b.graph, L, W), names)).toBe('X^T (softmax(H) - Y) / B');
    expect(printCr(gradient(b.graph, L, c), names)).toBe('ones(1, B) (softmax(H) - Y) / B');
  });
});
