// Textbook identities (Matrix Cookbook, ML course results), each checked numerically: the symbolic
// gradient must equal the stated closed form at several random points and sizes, and agree with
// finite differences.
import { describe, expect, it } from 'vitest';
import { newBuilder, type Builder } from '../../src/ir/build';
import type { Dim, EvalEnv, Matrix, Node } from '../../src/ir/types';
import { gradient } from '../../src/diff';
import { evaluate } from '../../src/numeric/evaluate';
import { finiteDifferenceGradient } from '../../src/numeric/finite-diff';
import { relativeDifference } from '../../src/numeric/matrix';
import { mulberry32, randomMatrix, randomOneHotMatrix, randomPositiveMatrix, randomSpdMatrix, type Random } from '../../src/numeric/random';
import { resolveDim } from '../../src/ir/dims';
import { printCr } from '../../src/ir/print';

type Domain = 'normal' | 'positive' | 'spd' | 'onehot' | 'binary' | 'simplex';
type VarSpec = [Dim, Dim] | [Dim, Dim, Domain];
type Vars = Record<string, Node>;

interface Identity {
  name: string;
  vars: Record<string, VarSpec>;
  of(b: Builder, v: Vars): Node;
  wrt: string;
  expected(b: Builder, v: Vars): Node;
}

const T = (b: Builder, x: Node) => b.transpose(x);

// Shared forward definitions.
function logistic(b: Builder, v: Vars) {
  const s = b.apply('sigma', b.add(b.mul(T(b, v.x), v.w), v.b));
  return { s, L: b.sub(b.neg(b.mul(v.y, b.apply('log', s))), b.mul(b.sub(1, v.y), b.apply('log', b.sub(1, s)))) };
}
function twoLayer(b: Builder, v: Vars) {
  const h1 = b.add(b.mul(v.X, v.W1), v.b1);
  const a1 = b.apply('sigma', h1);
  const h2 = b.add(b.mul(a1, v.W2), v.b2);
  const a2 = b.apply('sigma', h2);
  const L = b.sub(b.neg(b.mul(v.y, b.apply('log', a2))), b.mul(b.sub(1, v.y), b.apply('log', b.sub(1, a2))));
  return { h1, a1, a2, L };
}
const TWO_LAYER_VARS: Record<string, VarSpec> = { X: [1, 'M'], W1: ['M', 'N'], b1: [1, 'N'], W2: ['N', 1], b2: [1, 1], y: [1, 1, 'binary'] };

const IDENTITIES: Identity[] = [
  { name: 'd(a^T x)/dx = a', vars: { a: ['N', 1], x: ['N', 1] }, of: (b, v) => b.mul(T(b, v.a), v.x), wrt: 'x', expected: (_b, v) => v.a },
  { name: 'd(x^T a)/dx = a', vars: { a: ['N', 1], x: ['N', 1] }, of: (b, v) => b.mul(T(b, v.x), v.a), wrt: 'x', expected: (_b, v) => v.a },
  { name: 'd(x^T x)/dx = 2 x', vars: { x: ['N', 1] }, of: (b, v) => b.mul(T(b, v.x), v.x), wrt: 'x', expected: (b, v) => b.mul(2, v.x) },
  { name: 'd(x^T A x)/dx = (A + A^T) x', vars: { A: ['N', 'N'], x: ['N', 1] }, of: (b, v) => b.mul(b.mul(T(b, v.x), v.A), v.x), wrt: 'x', expected: (b, v) => b.mul(b.add(v.A, T(b, v.A)), v.x) },
  { name: 'd(x^T S x)/dx = 2 S x (S symmetric)', vars: { S: ['N', 'N', 'spd'], x: ['N', 1] }, of: (b, v) => b.mul(b.mul(T(b, v.x), v.S), v.x), wrt: 'x', expected: (b, v) => b.mul(2, b.mul(v.S, v.x)) },
  { name: 'd(x^T A x)/dA = x x^T', vars: { A: ['N', 'N'], x: ['N', 1] }, of: (b, v) => b.mul(b.mul(T(b, v.x), v.A), v.x), wrt: 'A', expected: (b, v) => b.mul(v.x, T(b, v.x)) },
  { name: 'd(a^T X b)/dX = a b^T', vars: { a: ['M', 1], X: ['M', 'N'], b: ['N', 1] }, of: (b, v) => b.mul(b.mul(T(b, v.a), v.X), v.b), wrt: 'X', expected: (b, v) => b.mul(v.a, T(b, v.b)) },
  { name: 'd(a^T X^T b)/dX = b a^T', vars: { a: ['N', 1], X: ['M', 'N'], b: ['M', 1] }, of: (b, v) => b.mul(b.mul(T(b, v.a), T(b, v.X)), v.b), wrt: 'X', expected: (b, v) => b.mul(v.b, T(b, v.a)) },
  { name: 'd(b^T X^T X c)/dX = X (b c^T + c b^T)', vars: { X: ['M', 'N'], b: ['N', 1], c: ['N', 1] }, of: (b, v) => b.mul(b.mul(b.mul(T(b, v.b), T(b, v.X)), v.X), v.c), wrt: 'X', expected: (b, v) => b.mul(v.X, b.add(b.mul(v.b, T(b, v.c)), b.mul(v.c, T(b, v.b)))) },
  { name: 'd tr(X)/dX = I', vars: { X: ['N', 'N'] }, of: (b, v) => b.trace(v.X), wrt: 'X', expected: (b) => b.eye('N') },
  { name: 'd tr(A X)/dX = A^T', vars: { A: ['N', 'M'], X: ['M', 'N'] }, of: (b, v) => b.trace(b.mul(v.A, v.X)), wrt: 'X', expected: (b, v) => T(b, v.A) },
  { name: 'd tr(X A)/dX = A^T', vars: { A: ['N', 'M'], X: ['M', 'N'] }, of: (b, v) => b.trace(b.mul(v.X, v.A)), wrt: 'X', expected: (b, v) => T(b, v.A) },
  { name: 'd tr(X^T A)/dX = A', vars: { A: ['M', 'N'], X: ['M', 'N'] }, of: (b, v) => b.trace(b.mul(T(b, v.X), v.A)), wrt: 'X', expected: (_b, v) => v.A },
  { name: 'd tr(X^T A X)/dX = (A + A^T) X', vars: { A: ['M', 'M'], X: ['M', 'N'] }, of: (b, v) => b.trace(b.mul(b.mul(T(b, v.X), v.A), v.X)), wrt: 'X', expected: (b, v) => b.mul(b.add(v.A, T(b, v.A)), v.X) },
  { name: 'd tr(X X^T)/dX = 2 X', vars: { X: ['M', 'N'] }, of: (b, v) => b.trace(b.mul(v.X, T(b, v.X))), wrt: 'X', expected: (b, v) => b.mul(2, v.X) },
  { name: 'd tr(A X B)/dX = A^T B^T', vars: { A: ['K', 'M'], X: ['M', 'N'], B: ['N', 'K'] }, of: (b, v) => b.trace(b.mul(b.mul(v.A, v.X), v.B)), wrt: 'X', expected: (b, v) => b.mul(T(b, v.A), T(b, v.B)) },
  { name: 'd ||x||/dx = x / ||x||', vars: { x: ['N', 1] }, of: (b, v) => b.norm(v.x), wrt: 'x', expected: (b, v) => b.div(v.x, b.norm(v.x)) },
  { name: 'd ||x||^2/dx = 2 x', vars: { x: ['N', 1] }, of: (b, v) => b.pow(b.norm(v.x), 2), wrt: 'x', expected: (b, v) => b.mul(2, v.x) },
  { name: 'd ||X||_F^2/dX = 2 X', vars: { X: ['M', 'N'] }, of: (b, v) => b.pow(b.norm(v.X), 2), wrt: 'X', expected: (b, v) => b.mul(2, v.X) },
  { name: 'd ||A x - b||/dx = A^T (A x - b) / ||A x - b||', vars: { A: ['M', 'N'], x: ['N', 1], b: ['M', 1] }, of: (b, v) => b.norm(b.sub(b.mul(v.A, v.x), v.b)), wrt: 'x', expected: (b, v) => { const r = b.sub(b.mul(v.A, v.x), v.b); return b.div(b.mul(T(b, v.A), r), b.norm(r)); } },
  { name: 'd log det X/dX = X^-T', vars: { X: ['N', 'N', 'spd'] }, of: (b, v) => b.apply('log', b.det(v.X)), wrt: 'X', expected: (b, v) => T(b, b.inv(v.X)) },
  { name: 'd det X/dX = det(X) X^-T', vars: { X: ['N', 'N', 'spd'] }, of: (b, v) => b.det(v.X), wrt: 'X', expected: (b, v) => b.mul(b.det(v.X), T(b, b.inv(v.X))) },
  { name: 'd tr(X^-1 A)/dX = -(X^-1 A X^-1)^T', vars: { X: ['N', 'N', 'spd'], A: ['N', 'N'] }, of: (b, v) => b.trace(b.mul(b.inv(v.X), v.A)), wrt: 'X', expected: (b, v) => b.neg(T(b, b.mul(b.mul(b.inv(v.X), v.A), b.inv(v.X)))) },
  { name: 'd(a^T X^-1 b)/dX = -X^-T a b^T X^-T', vars: { X: ['N', 'N', 'spd'], a: ['N', 1], b: ['N', 1] }, of: (b, v) => b.mul(b.mul(T(b, v.a), b.inv(v.X)), v.b), wrt: 'X', expected: (b, v) => { const Xt = T(b, b.inv(v.X)); return b.neg(b.mul(b.mul(b.mul(Xt, v.a), T(b, v.b)), Xt)); } },
  { name: 'd sum(X)/dX = ones', vars: { X: ['M', 'N'] }, of: (b, v) => b.sum(v.X), wrt: 'X', expected: (b) => b.ones('M', 'N') },
  { name: 'd mean(X)/dX = ones / (M N)', vars: { X: ['M', 'N'] }, of: (b, v) => b.mean(v.X), wrt: 'X', expected: (b) => b.div(b.ones('M', 'N'), b.mul(b.dimsize('M'), b.dimsize('N'))) },
  { name: 'd dot(a, x)/dx = a', vars: { a: ['N', 1], x: ['N', 1] }, of: (b, v) => b.dot(v.a, v.x), wrt: 'x', expected: (_b, v) => v.a },
  { name: 'd (a^T x)^2/dx = 2 (a^T x) a', vars: { a: ['N', 1], x: ['N', 1] }, of: (b, v) => b.pow(b.mul(T(b, v.a), v.x), 2), wrt: 'x', expected: (b, v) => b.mul(b.mul(2, b.mul(T(b, v.a), v.x)), v.a) },
  { name: 'd sum(exp(x))/dx = exp(x)', vars: { x: ['N', 1] }, of: (b, v) => b.sum(b.apply('exp', v.x)), wrt: 'x', expected: (b, v) => b.apply('exp', v.x) },
  { name: 'd sum(log(x))/dx = 1 / x', vars: { x: ['N', 1, 'positive'] }, of: (b, v) => b.sum(b.apply('log', v.x)), wrt: 'x', expected: (b, v) => b.div(1, v.x) },
  { name: 'd sum(sqrt(x))/dx = 1 / (2 sqrt(x))', vars: { x: ['N', 1, 'positive'] }, of: (b, v) => b.sum(b.apply('sqrt', v.x)), wrt: 'x', expected: (b, v) => b.div(1, b.mul(2, b.apply('sqrt', v.x))) },
  { name: 'd sum(x .* x .* x)/dx = 3 x^2', vars: { x: [1, 'N'] }, of: (b, v) => b.sum(b.hadamard(b.hadamard(v.x, v.x), v.x)), wrt: 'x', expected: (b, v) => b.mul(3, b.pow(v.x, 2)) },
  { name: 'd sum(softplus(x))/dx = sigma(x)', vars: { x: ['N', 1] }, of: (b, v) => b.sum(b.apply('softplus', v.x)), wrt: 'x', expected: (b, v) => b.apply('sigma', v.x) },
  { name: 'd sum(relu(x))/dx = (x > 0)', vars: { x: ['N', 1] }, of: (b, v) => b.sum(b.apply('relu', v.x)), wrt: 'x', expected: (b, v) => b.compare('gt', v.x, 0) },
  { name: 'd sum(tanh(x W))/dW = x^T (1 - tanh(x W)^2)', vars: { x: [1, 'M'], W: ['M', 'N'] }, of: (b, v) => b.sum(b.apply('tanh', b.mul(v.x, v.W))), wrt: 'W', expected: (b, v) => b.mul(T(b, v.x), b.sub(1, b.pow(b.apply('tanh', b.mul(v.x, v.W)), 2))) },
  { name: 'd logsumexp(x)/dx = softmax(x)', vars: { x: ['N', 1] }, of: (b, v) => b.logsumexp(v.x), wrt: 'x', expected: (b, v) => b.softmax(v.x) },
  { name: 'd x^x/dx = x^x (log x + 1)', vars: { x: [1, 1, 'positive'] }, of: (b, v) => b.pow(v.x, v.x), wrt: 'x', expected: (b, v) => b.mul(b.pow(v.x, v.x), b.add(b.apply('log', v.x), 1)) },
  { name: 'd tr(diag(x) A)/dx = diagonal of A', vars: { x: ['N', 1], A: ['N', 'N'] }, of: (b, v) => b.trace(b.mul(b.diag(v.x), v.A)), wrt: 'x', expected: (b, v) => b.mul(b.hadamard(v.A, b.eye('N')), b.ones('N', 1)) },
  { name: 'logistic regression: dL/dw = (s - y) x', vars: { x: ['N', 1], w: ['N', 1], b: [1, 1], y: [1, 1, 'binary'] }, of: (b, v) => logistic(b, v).L, wrt: 'w', expected: (b, v) => b.mul(b.sub(logistic(b, v).s, v.y), v.x) },
  { name: 'logistic regression: dL/db = s - y', vars: { x: ['N', 1], w: ['N', 1], b: [1, 1], y: [1, 1, 'binary'] }, of: (b, v) => logistic(b, v).L, wrt: 'b', expected: (b, v) => b.sub(logistic(b, v).s, v.y) },
  {
    name: 'batched logistic regression: dL/dw = X^T (s - y) / B',
    vars: { X: ['B', 'N'], w: ['N', 1], y: ['B', 1, 'binary'] },
    of: (b, v) => {
      const s = b.apply('sigma', b.mul(v.X, v.w));
      return b.div(b.neg(b.sum(b.add(b.hadamard(v.y, b.apply('log', s)), b.hadamard(b.sub(1, v.y), b.apply('log', b.sub(1, s)))))), b.dimsize('B'));
    },
    wrt: 'w',
    expected: (b, v) => b.div(b.mul(T(b, v.X), b.sub(b.apply('sigma', b.mul(v.X, v.w)), v.y)), b.dimsize('B')),
  },
  { name: 'softmax cross-entropy: dL/dh = softmax(h) - y (one-hot y)', vars: { h: [1, 'C'], y: [1, 'C', 'onehot'] }, of: (b, v) => b.neg(b.sum(b.hadamard(v.y, b.apply('log', b.softmax(v.h))))), wrt: 'h', expected: (b, v) => b.sub(b.softmax(v.h), v.y) },
  { name: 'softmax cross-entropy via logsumexp: dL/dh = softmax(h) - y', vars: { h: ['C', 1], y: ['C', 1, 'simplex'] }, of: (b, v) => b.sub(b.logsumexp(v.h), b.dot(v.y, v.h)), wrt: 'h', expected: (b, v) => b.sub(b.softmax(v.h), v.y) },
  { name: 'softmax regression: dL/dW = x^T (softmax(x W) - y)', vars: { x: [1, 'N'], W: ['N', 'C'], y: [1, 'C', 'onehot'] }, of: (b, v) => b.neg(b.sum(b.hadamard(v.y, b.apply('log', b.softmax(b.mul(v.x, v.W)))))), wrt: 'W', expected: (b, v) => b.mul(T(b, v.x), b.sub(b.softmax(b.mul(v.x, v.W)), v.y)) },
  {
    name: 'batched softmax cross-entropy: dL/dW = X^T (softmax(X W) - Y) / B',
    vars: { X: ['B', 'N'], W: ['N', 'C'], Y: ['B', 'C', 'onehot'] },
    of: (b, v) => b.div(b.neg(b.sum(b.hadamard(v.Y, b.apply('log', b.softmax(b.mul(v.X, v.W)))))), b.dimsize('B')),
    wrt: 'W',
    expected: (b, v) => b.div(b.mul(T(b, v.X), b.sub(b.softmax(b.mul(v.X, v.W)), v.Y)), b.dimsize('B')),
  },
  { name: 'batched logsumexp: d sum(logsumexp(H))/dH = softmax(H)', vars: { H: ['B', 'C'] }, of: (b, v) => b.sum(b.logsumexp(v.H)), wrt: 'H', expected: (b, v) => b.softmax(v.H) },
  { name: 'two-layer sigmoid network: dL/dW1', vars: TWO_LAYER_VARS, of: (b, v) => twoLayer(b, v).L, wrt: 'W1', expected: (b, v) => { const { a1, a2 } = twoLayer(b, v); return b.mul(T(b, v.X), b.hadamard(b.hadamard(b.mul(b.sub(a2, v.y), T(b, v.W2)), a1), b.sub(1, a1))); } },
  { name: 'two-layer sigmoid network: dL/dW2 = a1^T (a2 - y)', vars: TWO_LAYER_VARS, of: (b, v) => twoLayer(b, v).L, wrt: 'W2', expected: (b, v) => { const { a1, a2 } = twoLayer(b, v); return b.mul(T(b, v.a1 ?? a1), b.sub(a2, v.y)); } },
  { name: 'two-layer sigmoid network: dL/db2 = a2 - y', vars: TWO_LAYER_VARS, of: (b, v) => twoLayer(b, v).L, wrt: 'b2', expected: (b, v) => b.sub(twoLayer(b, v).a2, v.y) },
  { name: 'MSE: d sum((X w - y)^2)/B /dw = 2 X^T (X w - y) / B', vars: { X: ['B', 'N'], w: ['N', 1], y: ['B', 1] }, of: (b, v) => b.div(b.sum(b.pow(b.sub(b.mul(v.X, v.w), v.y), 2)), b.dimsize('B')), wrt: 'w', expected: (b, v) => b.div(b.mul(2, b.mul(T(b, v.X), b.sub(b.mul(v.X, v.w), v.y))), b.dimsize('B')) },
  { name: 'ridge: d(||X w - y||^2 + lambda ||w||^2)/dw = 2 X^T (X w - y) + 2 lambda w', vars: { X: ['B', 'N'], w: ['N', 1], y: ['B', 1], lambda: [1, 1, 'positive'] }, of: (b, v) => b.add(b.pow(b.norm(b.sub(b.mul(v.X, v.w), v.y)), 2), b.mul(v.lambda, b.pow(b.norm(v.w), 2))), wrt: 'w', expected: (b, v) => b.add(b.mul(2, b.mul(T(b, v.X), b.sub(b.mul(v.X, v.w), v.y))), b.mul(b.mul(2, v.lambda), v.w)) },
  { name: 'L2 regularisation: d (lambda / 2) sum(W .* W)/dW = lambda W', vars: { W: ['M', 'N'], lambda: [1, 1, 'positive'] }, of: (b, v) => b.mul(b.div(v.lambda, 2), b.sum(b.hadamard(v.W, v.W))), wrt: 'W', expected: (b, v) => b.mul(v.lambda, v.W) },
  { name: 'relu layer: d sum(relu(x W1) W2)/dW1 = x^T (W2^T .* (x W1 > 0))', vars: { x: [1, 'M'], W1: ['M', 'N'], W2: ['N', 1] }, of: (b, v) => b.sum(b.mul(b.apply('relu', b.mul(v.x, v.W1)), v.W2)), wrt: 'W1', expected: (b, v) => b.mul(T(b, v.x), b.hadamard(T(b, v.W2), b.compare('gt', b.mul(v.x, v.W1), 0))) },
  { name: 'relu network with squared error: dL/dw2 = 2 (a w2 - y) a^T', vars: { x: [1, 'M'], W1: ['M', 'N'], w2: ['N', 1], y: [1, 1] }, of: (b, v) => b.pow(b.sub(b.mul(b.apply('relu', b.mul(v.x, v.W1)), v.w2), v.y), 2), wrt: 'w2', expected: (b, v) => { const a = b.apply('relu', b.mul(v.x, v.W1)); return b.mul(b.mul(2, b.sub(b.mul(a, v.w2), v.y)), T(b, a)); } },
  { name: 'bias broadcast over a batch: d sum(sigma(X W + b))/db = ones(1, B) (s .* (1 - s))', vars: { X: ['B', 'M'], W: ['M', 'N'], b: [1, 'N'] }, of: (b, v) => b.sum(b.apply('sigma', b.add(b.mul(v.X, v.W), v.b))), wrt: 'b', expected: (b, v) => { const s = b.apply('sigma', b.add(b.mul(v.X, v.W), v.b)); return b.mul(b.ones(1, 'B'), b.hadamard(s, b.sub(1, s))); } },
  { name: 'hinge loss: d max(0, 1 - y w^T x)/dw = -y x (1 - y w^T x > 0)', vars: { w: ['N', 1], x: ['N', 1], y: [1, 1] }, of: (b, v) => b.max(0, b.sub(1, b.mul(v.y, b.mul(T(b, v.w), v.x)))), wrt: 'w', expected: (b, v) => b.mul(b.neg(b.mul(v.y, b.compare('gt', b.sub(1, b.mul(v.y, b.mul(T(b, v.w), v.x))), 0))), v.x) },
  { name: 'd sum(max(x, y))/dx = (x >= y)', vars: { x: ['N', 1], y: ['N', 1] }, of: (b, v) => b.sum(b.max(v.x, v.y)), wrt: 'x', expected: (b, v) => b.compare('ge', v.x, v.y) },
  { name: 'd sum(abs(x))/dx = sign(x)', vars: { x: ['N', 1] }, of: (b, v) => b.sum(b.apply('abs', v.x)), wrt: 'x', expected: (b, v) => b.sub(b.compare('gt', v.x, 0), b.compare('lt', v.x, 0)) },
  { name: 'd sum(sin(x) .* cos(x))/dx = cos(x)^2 - sin(x)^2', vars: { x: [1, 'N'] }, of: (b, v) => b.sum(b.hadamard(b.apply('sin', v.x), b.apply('cos', v.x))), wrt: 'x', expected: (b, v) => b.sub(b.pow(b.apply('cos', v.x), 2), b.pow(b.apply('sin', v.x), 2)) },
  { name: 'd sum(X ./ Y)/dY = -X ./ Y^2', vars: { X: ['M', 'N'], Y: ['M', 'N', 'positive'] }, of: (b, v) => b.sum(b.div(v.X, v.Y)), wrt: 'Y', expected: (b, v) => b.neg(b.div(v.X, b.pow(v.Y, 2))) },
  { name: 'intermediate node: dL/dh1 of the two-layer network', vars: TWO_LAYER_VARS, of: (b, v) => twoLayer(b, v).L, wrt: 'h1', expected: (b, v) => { const { a1, a2 } = twoLayer(b, v); return b.hadamard(b.hadamard(b.mul(b.sub(a2, v.y), T(b, v.W2)), a1), b.sub(1, a1)); } },
];

const SIZES = new Map([
  ['M', 3],
  ['N', 4],
  ['K', 2],
  ['B', 5],
  ['C', 6],
]);

function sample(r: Random, rows: number, cols: number, domain: Domain): Matrix {
  switch (domain) {
    case 'positive':
      return randomPositiveMatrix(r, rows, cols, 0.3);
    case 'spd':
      return randomSpdMatrix(r, rows);
    case 'onehot':
      return randomOneHotMatrix(r, rows, cols);
    case 'binary': {
      const m = randomMatrix(r, rows, cols);
      return { ...m, data: m.data.map(() => (r() < 0.5 ? 0 : 1)) };
    }
    case 'simplex': {
      const m = randomPositiveMatrix(r, rows, cols);
      const total = m.data.reduce((a, x) => a + x, 0);
      return { ...m, data: m.data.map((x) => x / total) };
    }
    default:
      return randomMatrix(r, rows, cols);
  }
}

describe('textbook identities', () => {
  it('has at least 40 identities', () => expect(IDENTITIES.length).toBeGreaterThanOrEqual(40));

  for (const id of IDENTITIES) {
    it(id.name, () => {
      const b = newBuilder();
      const v: Vars = {};
      for (const [name, [rows, cols]] of Object.entries(id.vars)) v[name] = b.variable(name, [rows, cols]);
      const of = id.of(b, v);
      // An intermediate wrt (h1) is found as a node of the forward graph.
      const wrt = v[id.wrt] ?? (id.wrt === 'h1' ? twoLayer(b, v).h1 : undefined);
      const grad = gradient(b.graph, of, wrt!);
      if (process.env.CHAINRULE_PRINT_IDENTITIES) console.log(`${id.name}\n    ${printCr(grad)}`);
      const expected = id.expected(b, v);
      expect(grad.shape).toEqual(wrt!.shape);
      for (let point = 0; point < 4; point++) {
        const r = mulberry32(1000 + point);
        const values = new Map<string, Matrix>();
        for (const [name, [rows, cols, domain]] of Object.entries(id.vars)) values.set(name, sample(r, resolveDim(rows, SIZES), resolveDim(cols, SIZES), domain ?? 'normal'));
        const env: EvalEnv = { values, sizes: SIZES };
        const g = evaluate(grad, env);
        expect(relativeDifference(g, evaluate(expected, env))).toBeLessThan(1e-9);
        if (v[id.wrt]) expect(relativeDifference(g, finiteDifferenceGradient(of, env, id.wrt, 1e-4))).toBeLessThan(1e-6);
      }
    });
  }
});
