import { describe, expect, it } from 'vitest';
import type { Statement } from '../../src/syntax/ast';
import { parseFile } from '../../src/syntax/parse';
import { one, sexp, sp, stmts } from './helpers';

function decl(source: string) {
  const s = one(source);
  if (s.kind !== 'decl') throw new Error(`not a declaration: ${s.kind}`);
  return { names: s.names.map((n) => n.name), rows: s.shape.rows, cols: s.shape.cols, domain: s.domain?.name };
}

function eq(source: string) {
  const s = one(source);
  if (s.kind !== 'equation') throw new Error(`not an equation: ${s.kind}`);
  return s;
}

describe('declarations', () => {
  it.each([
    ['X : 1 x M', ['X'], 1, 'M'],
    ['W1 : M x N', ['W1'], 'M', 'N'],
    ['W_1 : M × N', ['W1'], 'M', 'N'],
    ['W : M * N', ['W'], 'M', 'N'],
    ['W : M \\times N', ['W'], 'M', 'N'],
    ['b1, h1, a1 : 1 x N', ['b1', 'h1', 'a1'], 1, 'N'],
    ['y : scalar', ['y'], 1, 1],
    ['y : R', ['y'], 1, 1],
    ['y : ℝ', ['y'], 1, 1],
    ['x : n x 1', ['x'], 'n', 1],
    ['x : x x x', ['x'], 'x', 'x'],
    ['x : R^n', ['x'], 'n', 1],
    ['x : R^{n}', ['x'], 'n', 1],
    ['x : ℝ^3', ['x'], 3, 1],
    ['X in R^(1 x M)', ['X'], 1, 'M'],
    ['X ∈ ℝ^{1×M}', ['X'], 1, 'M'],
    ['W ∈ R^{M \\times N}', ['W'], 'M', 'N'],
    ['W \\in \\mathbb{R}^{M \\times N}', ['W'], 'M', 'N'],
    ['x in R^n', ['x'], 'n', 1],
    ['x in R^(n)', ['x'], 'n', 1],
    ['y in R', ['y'], 1, 1],
    ['Y : B x C', ['Y'], 'B', 'C'],
    ['H : N_1 x N_{2}', ['H'], 'N1', 'N2'],
  ])('%s', (source, names, rows, cols) => {
    expect(decl(source)).toEqual({ names, rows, cols, domain: undefined });
  });

  it.each(['positive', 'nonnegative', 'binary', 'onehot', 'probability', 'simplex'])('domain %s', (domain) => {
    expect(decl(`y : scalar ${domain}`).domain).toBe(domain);
    expect(decl(`Y : B x C ${domain}`).domain).toBe(domain);
    expect(decl(`Y in R^(B x C) ${domain}`).domain).toBe(domain);
  });

  it('gives spans to names, shape and domain', () => {
    const s = one('b1, h1 : 1 x N positive');
    if (s.kind !== 'decl') throw new Error();
    expect(s.names.map((n) => sp(n.span))).toEqual(['1:1-1:3', '1:5-1:7']);
    expect(sp(s.shape.span)).toBe('1:10-1:15');
    expect(sp(s.domain!.span)).toBe('1:16-1:24');
    expect(sp(s.span)).toBe('1:1-1:24');
  });

  it.each(['X : 0 x M', 'X : 1.5 x M', 'X : 1 x', 'X : M', 'X, : 1 x M', 'X : 1 x M foo'])('rejects %s', (source) => {
    const r = parseFile(source, 't.cr');
    expect(r.statements).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['parse-error']);
  });

  it('hints at spaces around x', () => {
    for (const source of ['X : 1xM', 'X : MxN', 'X in R^(1xM)']) {
      expect(parseFile(source, 't.cr').diagnostics[0].hint).toMatch(/spaces around x/);
    }
  });
});

describe('equations', () => {
  it('parses lhs and a chain of steps with their text', () => {
    const s = eq('dL/dW2 = a1^T dL/dh2 = a1^T (a2 - y)');
    expect(sexp(s.lhs.expr)).toBe('(d/frac L W2)');
    expect(s.lhs.text).toBe('dL/dW2');
    expect(s.rhs.map((r) => r.text)).toEqual(['a1^T dL/dh2', 'a1^T (a2 - y)']);
    expect(s.rhs.map((r) => sexp(r.expr))).toEqual(['(mul:juxt (T a1) (d/frac L h2))', '(mul:juxt (T a1) (sub a2 y))']);
    expect(s.shapeClaim).toBeUndefined();
    expect(s.label).toBeUndefined();
  });

  it.each([
    ['dL/dW2 = a1^T (a2 - y)   in R^(N x 1)', 'N', 1],
    ['dL/dW2 = a1^T (a2 - y) ∈ ℝ^{N×1}', 'N', 1],
    ['dL/dW2 = a1^T (a2 - y) : N x 1', 'N', 1],
    ['dL/dW2 = a1^T (a2 - y) : scalar', 1, 1],
    ['dL/dx = x in R^n', 'n', 1],
  ])('shape claim: %s', (source, rows, cols) => {
    const s = eq(source);
    expect(s.shapeClaim).toMatchObject({ rows, cols });
    expect(s.rhs).toHaveLength(1);
  });

  it('accepts ≈ like =', () => {
    const s = eq('dy/dc ≈ 0.09');
    expect(sexp(s.rhs[0].expr)).toBe('0.09');
  });

  it.each([
    ['h1 = X W1 + b1', 'h1', '(add (mul:juxt X W1) b1)'],
    ['a1 = sigma(h1)', 'a1', 'sigma(h1)'],
    ['L  = -y log(a2) - (1 - y) log(1 - a2)', 'L', '(sub (mul:juxt (- y) log(a2)) (mul:juxt (sub 1 y) log((sub 1 a2))))'],
    ['F(x, y, z) = [3 x y; y - z]', 'F(x, y, z)', '[(mul:juxt (mul:juxt 3 x) y); (sub y z)]'],
    ['G(x, y)    = [x - 5 y; x y; x - y]', 'G(x, y)', '[(sub x (mul:juxt 5 y)); (mul:juxt x y); (sub x y)]'],
    ['H(x, y)    = F(G(x, y))', 'H(x, y)', 'F(G(x, y))'],
    ['dL/dh2 = a2 - y', '(d/frac L h2)', '(sub a2 y)'],
    ['jacobian(H(x, y), [x, y]) = [6 x y - 15 y^2, 3 x^2 - 30 x y; y - 1, x + 1]', '(d/jacobian H(x, y) x y)',
      '[(sub (mul:juxt (mul:juxt 6 x) y) (mul:juxt 15 (^ y 2))), (sub (mul:juxt 3 (^ x 2)) (mul:juxt (mul:juxt 30 x) y)); (sub y 1), (add x 1)]'],
    ['L = sum(r .* r) / B', 'L', '(div sum((hadamard r r)) B)'],
    ['dy/da = 0.18', '(d/frac y a)', '0.18'],
    ['x1 + x2 = 3', '(add x1 x2)', '3'],
    ['at = 3', 'at', '3'],
    ['ask = 3', 'ask', '3'],
    ['problem = 2', 'problem', '2'],
    ['alias = 2', 'alias', '2'],
    ['[a] = x', '[a]', 'x'],
    ['(b) = 2', 'b', '2'],
  ])('%s', (source, lhs, rhs) => {
    const s = eq(source);
    expect(sexp(s.lhs.expr)).toBe(lhs);
    expect(s.rhs.map((r) => sexp(r.expr))).toEqual([rhs]);
  });
});

describe('at, problem, ask, alias', () => {
  it('at with = and ~', () => {
    const s = one('at x1 = 1, x2 = -1, a = 1, s1 ~ 0.9, s2 ≈ .5, W_1 = 2e-3');
    if (s.kind !== 'at') throw new Error();
    expect(s.bindings.map((b) => [b.name, b.value, b.rounded])).toEqual([
      ['x1', 1, false],
      ['x2', -1, false],
      ['a', 1, false],
      ['s1', 0.9, true],
      ['s2', 0.5, true],
      ['W1', 0.002, false],
    ]);
    expect(s.bindings.map((b) => sp(b.span))).toEqual(['1:4-1:10', '1:12-1:19', '1:21-1:26', '1:28-1:36', '1:38-1:45', '1:47-1:57']);
    expect(s.bindings[5].text).toBe('W_1');
  });

  it('at continues after a trailing comma', () => {
    const s = one('at x = 1,\n   y = 2');
    if (s.kind !== 'at') throw new Error();
    expect(s.bindings.map((b) => b.name)).toEqual(['x', 'y']);
    expect(sp(s.span)).toBe('1:1-2:9');
  });

  it.each([
    ['problem 1a "Logistic regression"', '1a', 'Logistic regression'],
    ['problem 2', '2', undefined],
    ['problem 2b', '2b', undefined],
    ['problem logreg "A title"', 'logreg', 'A title'],
    ['problem q1', 'q1', undefined],
    ['problem 1e "e is a letter here"', '1e', 'e is a letter here'],
  ])('%s', (source, id, title) => {
    const s = one(source);
    expect(s).toMatchObject({ kind: 'problem', id });
    expect((s as Extract<Statement, { kind: 'problem' }>).title).toBe(title);
  });

  it.each([
    ['ask dL/dW   6 points', '(d/frac L W)', 6],
    ['ask dL/db 4 pts', '(d/frac L b)', 4],
    ['ask dL/db 1 point', '(d/frac L b)', 1],
    ['ask dL/db 2.5 points', '(d/frac L b)', 2.5],
    ['ask x^2 3 points', '(^ x 2)', 3],
    ['ask jacobian(H(x, y), [x, y]) 10 points', '(d/jacobian H(x, y) x y)', 10],
    ['ask d/dx (x^2) 5', '(d/operator (^ x 2) x)', 5],
  ])('%s', (source, target, points) => {
    const s = one(source);
    if (s.kind !== 'ask') throw new Error();
    expect(sexp(s.target.expr)).toBe(target);
    expect(s.points).toBe(points);
  });

  it('ask keeps the target text', () => {
    const s = one('ask dL/dW   6 points');
    if (s.kind !== 'ask') throw new Error();
    expect(s.target.text).toBe('dL/dW');
    expect(sp(s.target.span)).toBe('1:5-1:10');
  });

  it('alias', () => {
    const s = one('alias \\mathcal{L} = L');
    expect(s).toMatchObject({ kind: 'alias', from: '\\mathcal{L}' });
    if (s.kind !== 'alias') throw new Error();
    expect(sexp(s.to)).toBe('L');
    expect(one('alias W^{(1)} = W1')).toMatchObject({ kind: 'alias', from: 'W^{(1)}' });
  });

  it('keywords need their form', () => {
    expect(parseFile('ask dL/dW', 't.cr').diagnostics[0]).toMatchObject({ code: 'parse-error', hint: 'give the points: ask dL/dW 6 points' });
    expect(parseFile('problem 1a Logistic', 't.cr').diagnostics[0].hint).toMatch(/double quotes/);
    expect(parseFile('at x = a', 't.cr').diagnostics[0].hint).toMatch(/at gives each name a number/);
    expect(parseFile('alias X =', 't.cr').diagnostics[0].code).toBe('parse-error');
  });
});

describe('a whole file', () => {
  it('parses the SPEC examples', () => {
    const source = [
      'problem 1a "Logistic regression"',
      'X : 1 x M',
      'y : scalar binary',
      'lambda : scalar positive',
      'h1 = X W1 + b1',
      'L = -y log(a) - (1 - y) log(1 - a)',
      'ask dL/dW   6 points',
      'ask dL/db   4 points',
    ].join('\n');
    expect(stmts(source).map((s) => s.kind)).toEqual(['problem', 'decl', 'decl', 'decl', 'equation', 'equation', 'ask', 'ask']);
  });

  it('keeps the other statements when one fails', () => {
    const r = parseFile('a = 1\nb = = 2\nc = 3\nd : 1 x\ne = 4', 't.cr');
    expect(r.statements.map((s) => (s.kind === 'equation' ? s.lhs.text : s.kind))).toEqual(['a', 'c', 'e']);
    expect(r.diagnostics.map((d) => [d.code, d.span.line])).toEqual([
      ['parse-error', 2],
      ['parse-error', 4],
    ]);
  });

  it('handles CRLF, tabs, comments and empty input', () => {
    expect(stmts('')).toEqual([]);
    expect(stmts('# only a comment\n\n   \n')).toEqual([]);
    const s = stmts('a = 1\r\n\tb = 2 # two\r\n');
    expect(s.map((x) => (x.kind === 'equation' ? [x.lhs.text, x.rhs[0].text, sp(x.span)] : []))).toEqual([
      ['a', '1', '1:1-1:6'],
      ['b', '2', '2:2-2:7'],
    ]);
  });

  it('a # inside a problem title is not a comment', () => {
    expect(one('problem 3 "Question #3"')).toMatchObject({ title: 'Question #3' });
  });
});
