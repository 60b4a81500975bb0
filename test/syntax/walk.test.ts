// Walking expressions (src/syntax/walk.ts). isSameExpr compares two expressions node by node. It must answer exactly what
// comparing their JSON with spans and source text left out answers (the definition it replaced, which a
// grader's choices rest on): the same reading written elsewhere or otherwise is the same, anything that
// changes the JSON (a name, an operator, key order) is not.
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/syntax/ast';
import { parseExpression, parseFile } from '../../src/syntax/parse';
import { childrenOf, findInExpr, isSameExpr } from '../../src/syntax/walk';

const asJson = (e: unknown) => JSON.stringify(e, (key, value) => (key === 'span' || key === 'text' || key === 'calleeText' ? undefined : value));

describe('isSameExpr', () => {
  it('takes the same reading written with other spacing and spelling as the same', () => {
    // A student's dL/dW written two ways: the spans and the source text differ, the reading does not.
    expect(isSameExpr(parseExpression('X^T (a - y)'), parseExpression('X^T   ( a-y )'))).toBe(true);
    expect(isSameExpr(parseExpression('dL/dW1'), parseExpression('dL / dW1'))).toBe(true);
  });

  it('tells apart readings that differ anywhere in the tree', () => {
    expect(isSameExpr(parseExpression('X^T (a - y)'), parseExpression('X^T (y - a)'))).toBe(false); // the sign slip
    expect(isSameExpr(parseExpression('dL/dW1'), parseExpression('dL/dW2'))).toBe(false);
    expect(isSameExpr(parseExpression('sigma(h)'), parseExpression('sigma(h, h)'))).toBe(false);
  });

  it('follows JSON on key order, left-out values and numbers JSON cannot write', () => {
    const a = parseExpression('x + 1');
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as Expr;
    expect(isSameExpr(a, reordered)).toBe(asJson(a) === asJson(reordered)); // false: JSON writes keys in order
    expect(isSameExpr(a, { ...a, extra: undefined } as Expr)).toBe(true); // JSON leaves undefined out
    const n = (value: unknown) => ({ kind: 'number', value }) as unknown as Expr;
    expect(isSameExpr(n(Infinity), n(NaN))).toBe(true); // both written null
    expect(isSameExpr(n(Infinity), n(null))).toBe(true);
    expect(isSameExpr(n(0), n(-0))).toBe(true);
    expect(isSameExpr(n(1), n('1'))).toBe(false);
  });

  it('answers as the JSON comparison does on every pair of subexpressions of a fixture', () => {
    const source = fs.readFileSync(path.join(__dirname, '../../fixtures/grade/assignment.cr'), 'utf8');
    const exprs: Expr[] = [];
    for (const st of parseFile(source, 'assignment.cr').statements) {
      const roots = st.kind === 'equation' ? [st.lhs.expr, ...st.rhs.map((r) => r.expr)] : [];
      for (const root of roots) findInExpr(root, (e) => (exprs.push(e), false));
    }
    expect(exprs.length).toBeGreaterThan(100);
    let same = 0;
    for (const a of exprs) {
      for (const b of exprs) {
        const expected = asJson(a) === asJson(b);
        if (isSameExpr(a, b) !== expected) throw new Error(`differs from JSON on ${asJson(a)} / ${asJson(b)}`);
        if (expected && a !== b) same++;
      }
    }
    expect(same).toBeGreaterThan(0); // some pairs are the same reading at different places
  });
});

describe('findInExpr and childrenOf', () => {
  const label = (e: Expr) => (e.kind === 'name' ? e.name : e.kind === 'binary' ? e.op : e.kind);

  it('visits the root, then the subexpressions from the last one back, depth first', () => {
    // f(a, b) + [c, d; e, g]: the sum, then its right side (the matrix, its entries from the last), then
    // the call and its arguments from the last. By hand, popping a stack the children are pushed on in order.
    const seen: string[] = [];
    findInExpr(parseExpression('f(a, b) + [c, d; e, g]'), (e) => (seen.push(label(e)), false));
    expect(seen).toEqual(['add', 'matrix', 'g', 'e', 'd', 'c', 'call', 'b', 'a']);
  });

  it('stops at the first node the visitor accepts', () => {
    const found = findInExpr(parseExpression('dL/dW + sigma(h)'), (e) => e.kind === 'call');
    expect(found && label(found)).toBe('call');
    expect(findInExpr(parseExpression('x + y'), (e) => e.kind === 'deriv')).toBeUndefined();
  });

  it('lists the direct subexpressions in the order they are written', () => {
    expect(childrenOf(parseExpression('[c, d; e, g]')).map(label)).toEqual(['c', 'd', 'e', 'g']);
    expect(childrenOf(parseExpression('dL/dW')).map(label)).toEqual(['L', 'W']);
    expect(childrenOf(parseExpression('x'))).toEqual([]);
  });
});
