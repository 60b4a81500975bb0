// Property: printed .cr text parses back to the same expression. A random expression is printed,
// parsed by the .cr parser, lowered by the resolver (declarations give the variables their shapes),
// and printed again: the text is identical and the value is the same.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newBuilder } from '../../src/ir/build';
import type { Node } from '../../src/ir/types';
import { printCr } from '../../src/ir/print';
import { topologicalOrder } from '../../src/ir/inspect';
import { evaluate } from '../../src/numeric/evaluate';
import { relativeDifference } from '../../src/numeric/matrix';
import { parseExpression } from '../../src/syntax/parse';
import { analyzeSource } from '../../src/analysis/source';
import { gradient } from '../../src/diff';
import { RecipeGenerator, buildWith, declarations, randomEnv } from '../helpers/random-expr';

function reparse(text: string, decls: string): Node {
  const analysis = analyzeSource(decls, 'roundtrip.cr');
  return analysis.problems[0].lowering.lower(parseExpression(text));
}

/** entry/embed of symbolic-size matrices have no .cr spelling (see docs/ir.md). */
const NOT_IN_CR = /\b(entry|embed)\(/;

describe('printCr round trip through the .cr parser', () => {
  it('random expressions and their gradients print, parse and print to the same text', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const b = newBuilder();
        const gen = new RecipeGenerator(seed);
        const shape = gen.shape();
        const e = buildWith(b, gen.expr(shape, 3));
        const leaves = topologicalOrder([e]).filter((n) => n.op === 'var');
        // The gradients exercise the printer on what chainrule itself produces.
        const L = b.sum(b.hadamard(b.variable('Rw', shape), e));
        const exprs = [e, ...leaves.slice(0, 2).map((v) => gradient(b.graph, L, v))];
        const decls = declarations([L]);
        for (const x of exprs) {
          const text = printCr(x);
          if (NOT_IN_CR.test(text)) continue;
          const back = reparse(text, decls);
          expect(printCr(back), `seed ${seed}: ${text}`).toBe(text);
          const env = randomEnv([x, back], seed);
          const v1 = evaluate(x, env);
          const v2 = evaluate(back, env);
          const finite = [...v1.data].every(Number.isFinite);
          if (finite) expect(relativeDifference(v1, v2)).toBeLessThan(1e-12);
          checked++;
        }
      }),
      { numRuns: Number(process.env.CHAINRULE_PROPERTY_RUNS ?? 300), seed: Number(process.env.CHAINRULE_PROPERTY_SEED ?? 7) },
    );
    expect(checked).toBeGreaterThan(300);
  });

  it('the two-layer network gradient reads back', () => {
    const b = newBuilder();
    const X = b.variable('X', [1, 'M']);
    const W1 = b.variable('W1', ['M', 'N']);
    const W2 = b.variable('W2', ['N', 1]);
    const y = b.variable('y', [1, 1]);
    const a1 = b.apply('sigma', b.mul(X, W1));
    const a2 = b.apply('sigma', b.mul(a1, W2));
    const L = b.sub(b.neg(b.mul(y, b.apply('log', a2))), b.mul(b.sub(1, y), b.apply('log', b.sub(1, a2))));
    const g = gradient(b.graph, L, W1);
    const text = printCr(g);
    expect(text).toBe('X^T ((sigma(sigma(X W1) W2) - y) W2^T .* sigma(X W1) .* (1 - sigma(X W1)))');
    expect(printCr(reparse(text, 'X : 1 x M\nW1 : M x N\nW2 : N x 1\ny : scalar\n'))).toBe(text);
  });
});

describe('elementwise power .^', () => {
  const decls = 'A : N x N\nW : M x N\nx : N x 1\nk, T : scalar\n';
  const { lowering } = analyzeSource(decls, 'power.cr').problems[0];
  const lower = (text: string) => lowering.lower(parseExpression(text));

  it('is the power ^ is, except that A.^(-1) of a square matrix is never its inverse', () => {
    expect(lower('x.^2')).toBe(lower('x^2'));
    expect(lower('W.^(-1)')).toBe(lower('W^(-1)')); // not square: ^(-1) is elementwise too
    expect(lower('A^(-1)')).toBe(lower('inv(A)'));
    expect(lower('A.^(-1)')).toBe(lower('1 ./ A'));
    expect(lower('A.^-1')).toBe(lower('1 ./ A'));
    expect(lower('A.^(-2)')).toBe(lower('1 ./ (A .* A)'));
  });

  it('prints with ^ where that reads back the same, as it always does', () => {
    // pow(A, -1) is built as 1 / A, so no power by -1 of a square matrix is ever printed.
    expect(printCr(lower('A.^(-1)'))).toBe('1 / A');
    expect(printCr(lower('A.^k'))).toBe('A^k');
    expect(lower(printCr(lower('A.^k')))).toBe(lower('A.^k'));
  });

  it('reads A.^T as a power by a name T, never a transpose', () => {
    const node = lower('A.^T');
    expect(node.op).toBe('pow');
    expect(printCr(node)).toBe('A^(T)');
  });
});
