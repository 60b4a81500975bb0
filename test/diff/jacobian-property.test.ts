// Property: for random vector functions of random readBack shapes, the Jacobian chainrule writes as an
// expression has the value of the numeric Jacobian (row i = the pullback of the i-th basis cotangent,
// through the VJP rules alone), and prints as .cr that parses back to the same text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newBuilder } from '../../src/ir/build';
import type { Shape } from '../../src/ir/types';
import { jacobian } from '../../src/diff';
import { printCr } from '../../src/ir/print';
import { topologicalOrder } from '../../src/ir/inspect';
import { isVectorShape } from '../../src/ir/dims';
import { evaluate } from '../../src/numeric/evaluate';
import { relativeDifference } from '../../src/numeric/matrix';
import { parseExpression } from '../../src/syntax/parse';
import { analyzeSource } from '../../src/analysis/source';
import { RecipeGenerator, buildWith, declarations, randomEnv } from '../helpers/random-expr';
import { basisJacobian } from '../helpers/jacobian';

const VECTOR_SHAPES: Shape[] = [['N', 1], [1, 'K'], ['M', 1], [3, 1], [1, 2]];

describe('Jacobians written as expressions', () => {
  it('equal the numeric Jacobian and print as .cr that parses back', () => {
    let written = 0;
    let readBack = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const b = newBuilder();
        const gen = new RecipeGenerator(seed);
        const shape = VECTOR_SHAPES[seed % VECTOR_SHAPES.length];
        const f = buildWith(b, gen.expr(shape, 3 + (seed % 3)));
        const xs = topologicalOrder([f]).filter((n) => n.op === 'var' && isVectorShape(n.shape));
        if (!isVectorShape(f.shape) || xs.length === 0) return;
        const x = xs[seed % xs.length];
        const env = randomEnv([f], seed ^ 0x7ac0);
        const J = jacobian(b.graph, f, [x]);
        total++;
        if (!J.node) return;
        written++;
        const reference = basisJacobian(b, f, x, env);
        fc.pre([...reference.data].every((v) => Number.isFinite(v) && Math.abs(v) < 1e6));
        expect(relativeDifference(evaluate(J.node, env), reference), `seed ${seed}: ${printCr(J.node)}`).toBeLessThan(1e-9);
        const text = printCr(J.node);
        // entry/embed of readBack-size matrices and block sizes such as K+N have no .cr spelling (docs/ir.md).
        if (/\b(entry|embed)\(|\w\+\w/.test(text)) return;
        readBack++;
        const back = analyzeSource(declarations([f]), 'jacobian.cr').problems[0].lowering.lower(parseExpression(text));
        expect(printCr(back), `seed ${seed}`).toBe(text);
      }),
      { numRuns: Number(process.env.CHAINRULE_PROPERTY_RUNS ?? 300), seed: Number(process.env.CHAINRULE_PROPERTY_SEED ?? 11) },
    );
    // Nearly every random vector function gets a written Jacobian (the rest spread a vector over entries
    // at readBack sizes), and nearly all of those read back as .cr (the rest hold entry(...) or a size K+N).
    expect(written).toBeGreaterThan(0.95 * total);
    expect(readBack).toBeGreaterThan(0.9 * written);
  });
});
