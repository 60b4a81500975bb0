// Abstract functions (docs/index-notation.md): their instances are fixed and smooth, their derivative ops
// agree with finite differences to second order, and derivative references to them mean the partials.
import { describe, expect, it } from 'vitest';
import { newBuilder } from '../../src/ir/build';
import type { EvalEnv, Matrix, Node } from '../../src/ir/types';
import { gradient } from '../../src/diff/index';
import { evaluate } from '../../src/numeric/evaluate';
import { finiteDifferenceGradient } from '../../src/numeric/finite-diff';
import { randomMatrix, streamFor } from '../../src/numeric/random';
import { printCr } from '../../src/ir/print';
import { checkSource } from '../../src/app/check';

const sizes = new Map([['B', 4], ['N', 3]]);

function env(shapes: Record<string, [number, number]>, seed: number): EvalEnv {
  const values = new Map<string, Matrix>();
  for (const [name, [r, c]] of Object.entries(shapes)) values.set(name, randomMatrix(streamFor(seed, name), r, c));
  return { values, sizes };
}

function expectClose(a: Matrix, b: Matrix, tolerance = 1e-6): void {
  expect([a.rows, a.cols]).toEqual([b.rows, b.cols]);
  a.data.forEach((v, k) => expect(Math.abs(v - b.data[k])).toBeLessThan(tolerance * (1 + Math.abs(b.data[k]))));
}

describe('abstract function ops', () => {
  const b = newBuilder();
  const w1 = b.variable('w1', [1, 1]);
  const w2 = b.variable('w2', [1, 1]);
  const x = b.variable('x', ['B', 1]);
  const y = b.variable('y', ['B', 1]);
  const w = b.variable('w', ['N', 1]);
  const f1 = b.make('abstract', [w1, x], { name: 'f1', path: '' });
  const f2 = b.make('abstract', [w2, f1], { name: 'f2', path: '' });
  const E = b.hadamard(0.5, b.sum(b.pow(b.sub(y, f2), 2)));
  const C = b.make('abstract_scalar', [w], { name: 'C' });
  const J = b.add(C, b.hadamard(w1, b.make('abstract_scalar', [w, x], { name: 'R' })));
  const point = (seed: number) => env({ w1: [1, 1], w2: [1, 1], x: [4, 1], y: [4, 1], w: [3, 1] }, seed);

  it('are entrywise with broadcasting, and scalar of whole arrays', () => {
    expect(f1.shape).toEqual(['B', 1]);
    expect(C.shape).toEqual([1, 1]);
    expect(() => b.make('abstract', [x, w], { name: 'f1', path: '' })).toThrow(/cannot/);
  });

  it('are fixed functions: the same values from a new graph', () => {
    const other = newBuilder();
    const g = other.make('abstract', [other.variable('w1', [1, 1]), other.variable('x', ['B', 1])], { name: 'f1', path: '' });
    expect(Array.from(evaluate(g, point(3)).data)).toEqual(Array.from(evaluate(f1, point(3)).data));
  });

  it('differentiate like finite differences, to second order', () => {
    for (const seed of [1, 2, 3]) {
      const at = point(seed);
      for (const [of, wrt] of [[E, 'w1'], [E, 'w2'], [J, 'w'], [J, 'x'], [J, 'w1']] as Array<[Node, string]>) {
        const variable = [w1, w2, x, w].find((v) => v.attrs.name === wrt) ?? b.variable(wrt, wrt === 'x' ? ['B', 1] : [1, 1]);
        const g = gradient(b.graph, of, variable);
        expectClose(evaluate(g, at), finiteDifferenceGradient(of, at, wrt), 1e-6);
        // Second order: the gradient of a directional derivative.
        const direction = b.variable('u', variable.shape);
        const directional = b.sum(b.hadamard(direction, g));
        const withDirection = { values: new Map(at.values).set('u', randomMatrix(streamFor(seed, 'u'), ...(wrt === 'w' ? [3, 1] : wrt === 'x' ? [4, 1] : [1, 1]) as [number, number])), sizes };
        for (const second of [w1, w, x]) {
          const h = gradient(b.graph, directional, second);
          expectClose(evaluate(h, withDirection), finiteDifferenceGradient(directional, withDirection, second.attrs.name!), 1e-5);
        }
      }
    }
  });

  it('print partials as derivative references', () => {
    expect(printCr(gradient(b.graph, E, w1))).toBe('sum((f2(w2, f1(w1, x)) - y) .* df2/df1 .* df1/dw1)');
    expect(printCr(gradient(b.graph, C, w))).toBe('dC/dw');
  });
});

describe('declarations and references', () => {
  const GRAPH = 'f1, f2 : function\nx, y : scalar\nw1, w2 : scalar\nE = (y - f2(w2, f1(w1, x)))^2\n';

  it('reads ∂f2/∂f1 as the partial in the slot of f1, at the call in the claim', () => {
    const { report } = checkSource(GRAPH + 'dE/dw1 = -2 (y - f2(w2, f1(w1, x))) df2/df1 df1/dw1\ndE/df1 = -2 (y - f2(w2, f1(w1, x))) df2/df1\n', 'a.cr');
    expect(report.claims.map((c) => c.verdict)).toEqual(['correct', 'correct']);
  });

  it("reads f'(x) of an entrywise function of one argument", () => {
    const { report } = checkSource("g : function\nx : 1 x N\nL = sum(g(x))\ndL/dx = g'(x)\n", 'a.cr');
    expect(report.claims[0].verdict).toBe('correct');
  });

  it('says when the call is ambiguous or missing', () => {
    const twice = checkSource('f : function\na, b : scalar\nE = f(a) + f(b)\ndE/da = df/da\nq = df/dz\n', 'a.cr');
    expect(twice.report.claims[0].steps[0].verdict).toBe('correct'); // f(a) is the one call with a in a slot
    expect(twice.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/f is called 2 times/));
  });

  it('reports scalar functions declared with array values, and wrong arities', () => {
    expect(checkSource('F(x) : 1 x N\n', 'a.cr').diagnostics.map((d) => d.code)).toEqual(['shape-mismatch']);
    const arity = checkSource('C(w) : scalar\nw : N x 1\nq = C(w, w)\n', 'a.cr').diagnostics.map((d) => `${d.code}: ${d.message}`);
    expect(arity).toEqual(['arity: C takes 1 argument, not 2']);
    const shape = checkSource('f : function\nx : 1 x N\nz : N x 1\nq = f(x, z)\n', 'a.cr').diagnostics.map((d) => d.message);
    expect(shape[0]).toMatch(/applies entry by entry, so its arguments must broadcast together/);
  });
});
