// Property: for random well-shaped expressions over random symbolic shapes, built from every primitive,
// the symbolic gradient agrees with central finite differences, the builder's rewrites keep values, and
// the simplifier keeps the gradient's value.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newBuilder } from '../../src/ir/build';
import { gradient } from '../../src/diff';
import { evaluate } from '../../src/numeric/evaluate';
import { finiteDifferenceGradient } from '../../src/numeric/finite-diff';
import { relativeDifference } from '../../src/numeric/matrix';
import { topologicalOrder } from '../../src/ir/inspect';
import { hasOp } from '../../src/ops/index';
import { RecipeGenerator, buildRaw, buildWith, kinkMargin, maxAbsValue, randomEnv } from '../helpers/random-expr';

const RUNS = Number(process.env.CHAINRULE_PROPERTY_RUNS ?? 400);
const SEED = Number(process.env.CHAINRULE_PROPERTY_SEED ?? 20240601);

describe('symbolic gradients of random expressions', () => {
  const seen = new Set<string>();
  let checked = 0;

  it('match finite differences (relative error < 1e-6)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const b = newBuilder();
        const gen = new RecipeGenerator(seed);
        const shape = gen.shape();
        const recipe = gen.expr(shape, 3 + (seed % 4));
        const raw = buildRaw(b, recipe);
        const built = buildWith(b, recipe);
        const weights = b.variable('Rw', shape);
        const Lraw = b.raw('sum', [b.raw('hadamard', [weights, raw])]);
        const L = b.sum(b.hadamard(weights, built));
        const env = randomEnv([Lraw, L], seed ^ 0x5eed);
        fc.pre(maxAbsValue(Lraw, env) < 1e4);
        fc.pre(kinkMargin(Lraw, env) > 0.05);
        topologicalOrder([raw]).forEach((n) => seen.add(n.op));

        // The builder's rewrites keep the value.
        expect(relativeDifference(evaluate(built, env), evaluate(raw, env))).toBeLessThan(1e-9);

        const leaves = topologicalOrder([raw]).filter((n) => n.op === 'var');
        // Finite differences are only a reference where they agree with themselves at two step sizes
        // (near a pole or in fast oscillation they do not).
        const numerics = leaves.map((v) => finiteDifferenceGradient(Lraw, env, v.attrs.name!, 1e-4));
        const coarse = leaves.map((v) => finiteDifferenceGradient(Lraw, env, v.attrs.name!, 3e-4));
        fc.pre(numerics.every((fd, k) => relativeDifference(fd, coarse[k]) < 1e-8));
        for (const [k, v] of leaves.entries()) {
          const symbolic = evaluate(gradient(b.graph, L, v), env);
          const numeric = numerics[k];
          const err = relativeDifference(symbolic, numeric);
          if (!(err < 1e-6)) throw new Error(`seed ${seed}: d/d${v.attrs.name} relative error ${err}`);
          // The raw VJP rules (no simplification) agree with the simplified gradient.
          const unsimplified = evaluate(gradient(b.graph, Lraw, v, { simplify: false }), env);
          expect(relativeDifference(unsimplified, symbolic)).toBeLessThan(1e-8);
          checked++;
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    if (process.env.CHAINRULE_PROPERTY_VERBOSE) console.log(`checked ${checked} gradients`);
    expect(checked).toBeGreaterThan(RUNS);
  });

  it('exercised every primitive', () => {
    // The primitives of the core calculus (ops added for other purposes, such as abstract functions, have
    // their own tests).
    const core = [
      'var', 'const', 'dimsize', 'eye', 'add', 'neg', 'matmul', 'hadamard', 'div', 'pow', 'transpose',
      'exp', 'log', 'sqrt', 'abs', 'sin', 'cos', 'tan', 'tanh', 'cosh', 'sinh', 'erf', 'sigma', 'relu', 'softplus',
      'max', 'min', 'gt', 'ge', 'lt', 'le', 'eq', 'ne', 'sum', 'mean', 'trace', 'norm', 'dot', 'softmax', 'logsumexp',
      'diag', 'inv', 'det', 'logdet', 'entry', 'embed', 'hcat', 'vcat', 'sumrows', 'sumcols',
    ];
    expect(core.filter((name) => hasOp(name))).toEqual(core);
    expect(core.filter((name) => !seen.has(name))).toEqual([]);
  });
});
