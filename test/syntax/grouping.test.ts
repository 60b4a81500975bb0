import { describe, expect, it } from 'vitest';
import type { Statement } from '../../src/syntax/ast';
import { parseFile } from '../../src/syntax/parse';
import { one, sexp, sp, stmts } from './helpers';

type Equation = Extract<Statement, { kind: 'equation' }>;
const asEq = (s: Statement): Equation => {
  if (s.kind !== 'equation') throw new Error(`not an equation: ${s.kind}`);
  return s;
};

describe('labels', () => {
  it.each([
    ['[1b] dL/dW = x', '1b'],
    ['[2] dL/dW = x', '2'],
    ['[b] dL/dW = x', 'b'],
    ['[1.2] dL/dW = x', '1.2'],
    ['1b) dL/dW = x', '1b'],
    ['(b) dL/dW = x', 'b'],
    ['(1a) dL/dW = x', '1a'],
    ['a) dL/dW = x', 'a'],
    ['  [3c]   dL/dW = x', '3c'],
  ])('%s', (source, label) => {
    const s = asEq(one(source));
    expect(s.label).toBe(label);
    expect(s.lhs.text).toBe('dL/dW');
  });

  it('starts the statement span after the label', () => {
    const s = asEq(one('[1b] dL/dW = x'));
    expect(sp(s.span)).toBe('1:6-1:15');
    expect(sp(s.lhs.span)).toBe('1:6-1:11');
  });

  it.each([
    ['[x; y] = z', '[x; y]'],
    ['[x, y] = z', '[x, y]'],
    ['[a] = x', '[a]'],
    ['[1] = x', '[1]'],
    ['(b) = 2', 'b'],
    ['(b) * c = 2', '(mul:star b c)'],
    ['[a]^T b = 2', '(mul:juxt (T [a]) b)'],
    ['(a) - b = 2', '(sub a b)'],
  ])('%s has no label', (source, lhs) => {
    const s = asEq(one(source));
    expect(s.label).toBeUndefined();
    expect(sexp(s.lhs.expr)).toBe(lhs);
  });

  it('a label alone on its line names the next claim', () => {
    const s = asEq(one('(c)\ndL/dW = x'));
    expect(s.label).toBe('c');
    expect(s.span.line).toBe(2);
  });
});

describe('continuation lines', () => {
  it('a line starting with = continues the previous chain', () => {
    const s = asEq(
      one(['dL/da  = -y/a + (1 - y)/(1 - a)', '       = (a - y) / (a (1 - a))', '       # a comment line', '', '       = x'].join('\n')),
    );
    expect(s.rhs.map((r) => r.text)).toEqual(['-y/a + (1 - y)/(1 - a)', '(a - y) / (a (1 - a))', 'x']);
    expect(s.rhs.map((r) => sp(r.span))).toEqual(['1:10-1:32', '2:10-2:31', '5:10-5:11']);
    expect(sp(s.span)).toBe('1:1-5:11');
  });

  it('a continued chain may take the shape claim', () => {
    const s = asEq(one('dL/dW = a\n  = b in R^(M x N)'));
    expect(s.shapeClaim).toMatchObject({ rows: 'M', cols: 'N', span: { line: 2 } });
    expect(s.rhs).toHaveLength(2);
  });

  it('keeps the label of the continued claim', () => {
    const s = asEq(one('[2a] dL/dW = a\n = b\n ≈ c'));
    expect(s.label).toBe('2a');
    expect(s.rhs.map((r) => r.text)).toEqual(['a', 'b', 'c']);
  });

  it('= with no previous equation is an error', () => {
    for (const source of ['= a + b', 'X : 1 x M\n= a', 'at x = 1\n  = 2']) {
      const r = parseFile(source, 't.cr');
      expect(r.diagnostics.map((d) => d.code)).toEqual(['parse-error']);
      expect(r.diagnostics[0].message).toMatch(/continues the previous equation/);
    }
  });

  it('= after a failed statement adds no second error', () => {
    const r = parseFile('a = (b c ]\n  = d', 't.cr');
    expect(r.diagnostics).toHaveLength(1);
  });

  it.each(['+', '-', '*', '/', '.*', './', '⊙', '·', '@', '\\cdot', '^', '>', '<=', 'odot', '∘'])(
    'a line ending with %s continues',
    (op) => {
      const s = asEq(one(`L = a ${op}\n    b`));
      expect(s.rhs[0].span).toMatchObject({ line: 1, endLine: 2, endColumn: 6 });
    },
  );

  it('a trailing = continues into the right side', () => {
    const s = asEq(one('dL/dW =\n  a1^T dL/dh'));
    expect(s.rhs.map((r) => [r.text, sp(r.span)])).toEqual([['a1^T dL/dh', '2:3-2:13']]);
  });

  it('a line ending inside brackets continues', () => {
    const s = asEq(one('L = sigma(X W1 +\n   b1) + f(a,\n b)'));
    expect(sexp(s.rhs[0].expr)).toBe('(add sigma((add (mul:juxt X W1) b1)) f(a, b))');
    expect(s.rhs[0].text).toBe('sigma(X W1 + b1) + f(a, b)');
    expect(sp(s.span)).toBe('1:1-3:4');
  });

  it('a multi-line matrix takes line breaks as row separators', () => {
    const s = asEq(one('M = [1, 2   # first row\n     3, 4]'));
    expect(sexp(s.rhs[0].expr)).toBe('[1, 2; 3, 4]');
    expect(s.rhs[0].text).toBe('[1, 2; 3, 4]');
    expect(sexp(asEq(one('M = [1, 2;\n     3, 4]')).rhs[0].expr)).toBe('[1, 2; 3, 4]');
    expect(sexp(asEq(one('M = [\n 1, 2\n 3, 4\n]')).rhs[0].expr)).toBe('[1, 2; 3, 4]');
    expect(sexp(asEq(one('M = [a, b +\n c]')).rhs[0].expr)).toBe('[a, (add b c)]');
  });

  it('comments do not end a continued line early', () => {
    const s = asEq(one('L = a +   # first part\n    b'));
    expect(s.rhs[0].text).toBe('a + b');
  });

  it('a blank line ends a statement even inside brackets', () => {
    const r = parseFile('h1 = sigma(X W1\n\nL = 2', 't.cr');
    expect(r.statements.map((s) => asEq(s).lhs.text)).toEqual(['L']);
    expect(r.diagnostics).toMatchObject([{ code: 'parse-error', span: { line: 1, column: 6 } }]);
    expect(r.diagnostics[0].message).toMatch(/never closed/);
  });

  it('an unclosed bracket does not swallow the next statements', () => {
    const r = parseFile('h1 = sigma(X W1 + b1\na1 = sigma(h1)\nL = 2', 't.cr');
    expect(r.statements.map((s) => asEq(s).lhs.text)).toEqual(['a1', 'L']);
    expect(r.diagnostics).toMatchObject([{ code: 'parse-error', span: { line: 1, column: 6, endColumn: 12 } }]);
  });

  it('a statement does not continue after a complete line', () => {
    expect(stmts('a = b\nc = d\n-x = y').length).toBe(3);
  });
});

describe('spans', () => {
  it('every node has an exact span', () => {
    const s = asEq(one('  L = a1^T (a2 - y) + sigma(h)'));
    expect(sp(s.span)).toBe('1:3-1:31');
    expect(sp(s.lhs.span)).toBe('1:3-1:4');
    const e = s.rhs[0].expr;
    if (e.kind !== 'binary' || e.left.kind !== 'binary') throw new Error();
    expect(sp(e.span)).toBe('1:7-1:31');
    expect(sp(e.left.span)).toBe('1:7-1:20');
    expect(sp(e.left.left.span)).toBe('1:7-1:11'); // a1^T
    expect(sp(e.left.right.span)).toBe('1:12-1:20'); // (a2 - y), parentheses included
    expect(sp(e.right.span)).toBe('1:23-1:31'); // sigma(h)
  });

  it('spans on later lines of a multi-line statement', () => {
    const s = asEq(one('L = f(a,\n      b + c)\n  = x'));
    const call = s.rhs[0].expr;
    if (call.kind !== 'call') throw new Error();
    expect(sp(call.span)).toBe('1:5-2:13');
    expect(sp(call.args[1].span)).toBe('2:7-2:12');
    expect(sp(s.rhs[1].span)).toBe('3:5-3:6');
  });

  it('spans of unary minus, powers, transposes, matrices, derivatives', () => {
    const s = asEq(one('y = -x^2 + [a, b]\' + d/dx (x) + d(L)/d(W)'));
    const e = s.rhs[0].expr;
    if (e.kind !== 'binary' || e.left.kind !== 'binary' || e.left.left.kind !== 'binary') throw new Error();
    expect(sp(e.left.left.left.span)).toBe('1:5-1:9'); // -x^2
    expect(sp(e.left.left.right.span)).toBe('1:12-1:19'); // [a, b]'
    expect(sp(e.left.right.span)).toBe('1:22-1:30'); // d/dx (x)
    expect(sp(e.right.span)).toBe('1:33-1:42'); // d(L)/d(W)
  });

  it('counts columns in UTF-16 units, Greek letters being one', () => {
    const s = asEq(one('σ = λ ∂L/∂W'));
    expect(sp(s.rhs[0].span)).toBe('1:5-1:12');
  });
});
