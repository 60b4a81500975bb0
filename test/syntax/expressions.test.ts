import { describe, expect, it } from 'vitest';
import { parseExpression, ParseError } from '../../src/syntax/parse';
import { px } from './helpers';

describe('precedence', () => {
  it.each([
    // products: juxtaposition, *, ·, @, \cdot, .*, ⊙, odot, ∘, /, ./ are one left-associative level
    ['X W1 + b1', '(add (mul:juxt X W1) b1)'],
    ['a b c', '(mul:juxt (mul:juxt a b) c)'],
    ['a / b c', '(mul:juxt (div a b) c)'],
    ['a b / c', '(div (mul:juxt a b) c)'],
    ['a * b .* c', '(hadamard (mul:star a b) c)'],
    ['a .* b * c', '(mul:star (hadamard a b) c)'],
    ['a · b', '(mul:cdot a b)'],
    ['a ⋅ b', '(mul:cdot a b)'],
    ['a \\cdot b', '(mul:cdot a b)'],
    ['a @ b', '(mul:at a b)'],
    ['a ⊙ b', '(hadamard a b)'],
    ['a odot b', '(hadamard a b)'],
    ['a \\odot b', '(hadamard a b)'],
    ['a ∘ b', '(hadamard a b)'],
    ['a ./ b', '(div a b)'],
    // unary minus is tighter than products, looser than powers
    ['-y/a', '(div (- y) a)'],
    ['-y log(a)', '(mul:juxt (- y) log(a))'],
    ['-a^2', '(- (^ a 2))'],
    ['- -a', '(- (- a))'],
    ['−a', '(- a)'],
    // juxtaposition never takes a unary minus on its right
    ['a -b', '(sub a b)'],
    ['a - b', '(sub a b)'],
    ['a * -b', '(mul:star a (- b))'],
    ['a / -b', '(div a (- b))'],
    ['a (-b)', '(mul:juxt a (- b))'],
    ['a - -b', '(sub a (- b))'],
    // sums, comparisons
    ['a + b - c', '(sub (add a b) c)'],
    ['a - b + c', '(add (sub a b) c)'],
    ['h1 > 0', '(gt h1 0)'],
    ['a + b >= c d', '(ge (add a b) (mul:juxt c d))'],
    ['a <= b', '(le a b)'],
    ['a ≤ b', '(le a b)'],
    ['a ≥ b', '(ge a b)'],
    ['a < b', '(lt a b)'],
    ['(h1 > 0) .* g', '(hadamard (gt h1 0) g)'],
    // powers: right-associative; exponents
    ['a^b^c', '(^ a (^ b c))'],
    ['a^2 b', '(mul:juxt (^ a 2) b)'],
    ['x^2 sin(x)', '(mul:juxt (^ x 2) sin(x))'],
    ['a^(n+1)', '(^ a (add n 1))'],
    ['a^{n+1}', '(^ a (add n 1))'],
    ['A^(-1)', '(^ A (- 1))'],
    ['a^-1', '(^ a (- 1))'],
    ['a^-1 b', '(mul:juxt (^ a (- 1)) b)'],
    ['a^-b^c', '(^ a (- (^ b c)))'],
    ['a**2', '(^ a 2)'],
    // `.^` binds like `^` (right-associative, tighter than unary minus); `.^T` is a power by a name T.
    ['(X w - y).^2', '(.^ (sub (mul:juxt X w) y) 2)'],
    ['A.^(-1)', '(.^ A (- 1))'],
    ['-a.^2 b', '(mul:juxt (- (.^ a 2)) b)'],
    ['a.^b^c', '(.^ a (^ b c))'],
    ['a^b.^c', '(^ a (.^ b c))'],
    ['a.^-1', '(.^ a (- 1))'],
    ['2.^x', '(.^ 2 x)'],
    ['A.^T', '(.^ A T)'],
    ['A.^2^T', '(T (.^ A 2))'],
    // A transpose after a power's exponent transposes the power: X^(-1)^T is (X^(-1))^T, x^(i)^T a column.
    ['2^x^T', '(T (^ 2 x))'],
    ['X^(-1)^T', '(T (^ X (- 1)))'],
    // postfix: transpose, prime, call
    ['A^T', '(T A)'],
    ['A^⊤', '(T A)'],
    ['A^{T}', '(T A)'],
    ['A^\\top', '(T A)'],
    ['A^{\\top}', '(T A)'],
    ["A'", '(T A)'],
    ["A''", '(T (T A))'],
    ['A^T B', '(mul:juxt (T A) B)'],
    ['A^{T}x', '(mul:juxt (T A) x)'],
    ['A^Tx', '(^ A Tx)'],
    ['(X W)^T', '(T (mul:juxt X W))'],
    ['a1^T dL/dh2', '(mul:juxt (T a1) (d/frac L h2))'],
    ['A^T^T', '(T (T A))'],
    ['A^2^T', '(T (^ A 2))'],
    ["sigma'(h)", "sigma'(h)"],
    ["f''(x)", "f''(x)"],
    ["f′(x)", "f'(x)"],
    ["sigma'(h) A'", "(mul:juxt sigma'(h) (T A))"],
    // calls versus juxtaposition
    ['sigma(h)', 'sigma(h)'],
    ['F(x, y)', 'F(x, y)'],
    ['f()', 'f()'],
    ['a(1-a)', 'a((sub 1 a))'],
    ['a (1-a)', '(mul:juxt a (sub 1 a))'],
    ['σ(h)', 'σ(h)'],
    ['F(G(x, y))', 'F(G(x, y))'],
    ['sum(r .* r) / B', '(div sum((hadamard r r)) B)'],
    ['W_1(x)', 'W1(x)'],
    // names are read whole; numbers
    ['xy', 'xy'],
    ['2x', '(mul:juxt 2 x)'],
    ['2 x y', '(mul:juxt (mul:juxt 2 x) y)'],
    ['0.5 a', '(mul:juxt 0.5 a)'],
    ['.5', '.5'],
    ['1e-3', '1e-3'],
    ['2e', '(mul:juxt 2 e)'],
    ['2.*x', '(hadamard 2 x)'],
    ['2 · 0.9 · 0.1', '(mul:cdot (mul:cdot 2 0.9) 0.1)'],
  ])('%s', (text, expected) => {
    expect(px(text)).toBe(expected);
  });

  it('keeps number values', () => {
    const e = parseExpression('1e-3');
    expect(e).toMatchObject({ kind: 'number', value: 0.001, text: '1e-3' });
    expect(parseExpression('.5')).toMatchObject({ kind: 'number', value: 0.5 });
  });
});

describe('derivatives', () => {
  it.each([
    ['dL/dW1', '(d/frac L W1)'],
    ['∂L/∂W_1', '(d/frac L W1)'],
    ['dL / dW', '(d/frac L W)'],
    ['dy/dd', '(d/frac y d)'],
    ['dL/dh_{2}', '(d/frac L h2)'],
    ['d(L)/d(W1)', '(d/frac L W1)'],
    ['∂(L)/∂(W1)', '(d/frac L W1)'],
    ['d(L) / d(W1)', '(d/frac L W1)'],
    ['d(a b)/d(x)', '(d/frac (mul:juxt a b) x)'],
    ['d/dx (x^2 sin(x))', '(d/operator (mul:juxt (^ x 2) sin(x)) x)'],
    ['∂/∂x_1 f', '(d/operator f x1)'],
    ['d/dx x^2', '(d/operator (^ x 2) x)'],
    ['d/dx x y', '(mul:juxt (d/operator x x) y)'],
    ['a d/dx b', '(mul:juxt a (d/operator b x))'],
    ['jacobian(H(x, y), [x, y])', '(d/jacobian H(x, y) x y)'],
    ['jacobian(f, [x; y])', '(d/jacobian f x y)'],
    ['grad(f(x, y), [x,y])', '(d/grad f(x, y) x y)'],
    ['grad(L, W)', '(d/grad L W)'],
    ['grad(L)', 'grad(L)'],
    ['d(x + 1)', 'd((add x 1))'],
    ['d (x + 1)', '(mul:juxt d (add x 1))'],
    ['dL/dW2^T', '(T (d/frac L W2))'],
    ['dL/dz = 1', 'error'],
  ])('%s', (text, expected) => {
    if (expected === 'error') expect(() => px(text)).toThrow(ParseError);
    else expect(px(text)).toBe(expected);
  });

  it('gives the names inside dL/dW their own spans', () => {
    const e = parseExpression('2 ∂L/∂W_1');
    if (e.kind !== 'binary' || e.right.kind !== 'deriv') throw new Error('shape');
    expect(e.right.of).toMatchObject({ name: 'L', text: 'L', span: { line: 1, column: 4, endColumn: 5 } });
    expect(e.right.wrt[0]).toMatchObject({ name: 'W1', text: 'W_1', span: { line: 1, column: 7, endColumn: 10 } });
    const op = parseExpression('d / dx_{1} y');
    if (op.kind !== 'deriv') throw new Error('shape');
    expect(op.wrt[0]).toMatchObject({ name: 'x1', text: 'x_{1}', span: { column: 6, endColumn: 11 } });
  });
});

describe('matrix literals', () => {
  it.each([
    ['[a, b; c, d]', '[a, b; c, d]'],
    ['[a; b; c]', '[a; b; c]'],
    ['[a, b, c]', '[a, b, c]'],
    ['[3 x y; y - z]', '[(mul:juxt (mul:juxt 3 x) y); (sub y z)]'],
    ['[x - 5 y; x y; x - y]', '[(sub x (mul:juxt 5 y)); (mul:juxt x y); (sub x y)]'],
    ['[1 -2]', '[(sub 1 2)]'],
    ['[1, -2]', '[1, (- 2)]'],
    ['[a, b]^T', '(T [a, b])'],
    ['[[a, b]; [c, d]]', '[[a, b]; [c, d]]'],
  ])('%s', (text, expected) => {
    expect(px(text)).toBe(expected);
  });

  it('rejects numbers side by side with a hint', () => {
    for (const [text, hint] of [
      ['[1 2]', 'separate matrix entries with commas: [1, 2]'],
      ['[a, 1 2]', 'separate matrix entries with commas: [1, 2]'],
      ['2 3', 'write * between numbers'],
      ['f(2 3)', 'write * between numbers'],
    ]) {
      try {
        parseExpression(text);
        throw new Error(`no error for ${text}`);
      } catch (e) {
        expect(e).toBeInstanceOf(ParseError);
        expect((e as ParseError).diagnostic).toMatchObject({ code: 'parse-error', hint });
      }
    }
  });

  it('rejects rows of different lengths', () => {
    expect(() => parseExpression('[1, 2; 3]')).toThrow(/different numbers of entries/);
  });
});

describe('parseExpression errors', () => {
  it.each(['', 'a +', '(a', 'a)', '[a; ]', 'f(a,)', 'a = b', 'x : 1 x M', 'a $ b', '∂x', 'a × b'])('%j throws a ParseError', (text) => {
    expect(() => parseExpression(text)).toThrow(ParseError);
  });

  it('carries a diagnostic with a span', () => {
    try {
      parseExpression('a + * b');
    } catch (e) {
      expect((e as ParseError).diagnostic).toMatchObject({
        severity: 'error',
        code: 'parse-error',
        span: { line: 1, column: 5, endLine: 1, endColumn: 6 },
      });
      return;
    }
    throw new Error('no error');
  });
});
