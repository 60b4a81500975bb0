// The repair search lowers candidate edits through Lowering.editLowerer, which lowers the subexpressions
// the edits share once. It must give each edit the node a plain lowering gives it, also where a function
// body gives one expression different meanings for different arguments.
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../src/analysis/source';
import { makeCalculus } from '../../src/calculus/index';
import { candidateEdits } from '../../src/check/edits';
import { parseExpression } from '../../src/syntax/parse';
import { printCr } from '../../src/ir/print';
import type { Lowering } from '../../src/resolve/lower';
import type { Expr } from '../../src/syntax/ast';

const SOURCE = `X : 1 x M
W : M x N
b : 1 x N
y : 1 x N
h = X W + b
a = sigma(h)
f(t) = t^2 + 3 t
`;

const STEPS = ['X^T (a - y)', '(a - y) X', 'X^T ((a - y) .* a .* (1 - a))', 'f(a) - f(y) + a W^T', '-(y - a) W^T X^T', 'f(a .* h) .* f(h)'];

const lowering = (): Lowering => analyzeSource(SOURCE, 'a.cr', (b, g) => makeCalculus(b, g)).problems[0].lowering;

/** The lowered node as text and shape, or undefined when the expression does not lower. */
function lowered(lower: (e: Expr) => { shape: readonly unknown[] } | undefined, e: Expr): string | undefined {
  let node;
  try {
    node = lower(e);
  } catch {
    return undefined;
  }
  return node && `${printCr(node as never, new Map())} : ${node.shape.join(' x ')}`;
}

describe('edit lowering', () => {
  it.each(STEPS)('%s: every candidate edit lowers to the node a plain lowering gives', (step) => {
    const expr = parseExpression(step);
    const edits = candidateEdits(expr, (span) => step.slice(span.column - 1, span.endColumn - 1));
    expect(edits.length).toBeGreaterThan(3);
    const memoised = lowering().editLowerer();
    const plain = lowering();
    const results = edits.map((edit) => {
      const viaMemo = lowered(memoised, edit.expr);
      expect(viaMemo).toEqual(lowered((e) => plain.lower(e), edit.expr));
      return viaMemo;
    });
    expect(results.some((r) => r !== undefined)).toBe(true);
  });
});
