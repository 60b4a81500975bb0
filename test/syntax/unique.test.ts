// The grammar must be unambiguous (Earley is cubic on ambiguity): every statement has exactly one parse.
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countParses, parseCounts, parseFile } from '../../src/syntax/parse';

const STATEMENTS = [
  // declarations
  'X : 1 x M', 'W1 : M x N', 'b1, h1, a1 : 1 x N', 'y : scalar', 'y : R', 'y : ℝ', 'x : n x 1', 'x : x x x', 'x : R^n',
  'X in R^(1 x M)', 'X ∈ ℝ^{1×M}', 'W ∈ R^{M \\times N}', 'W : M * N', 'y : scalar binary', 'lambda : scalar positive',
  'Y : B x C onehot', 'P : B x C simplex', 'p : scalar probability', 'z : R^n nonnegative', 'R : R x R',
  // definitions and claims
  'h1 = X W1 + b1', 'a1 = sigma(h1)', 'L  = -y log(a2) - (1 - y) log(1 - a2)', 'F(x, y, z) = [3 x y; y - z]',
  'G(x, y)    = [x - 5 y; x y; x - y]', 'H(x, y)    = F(G(x, y))', 'dL/dh2 = a2 - y',
  'dL/dW2 = a1^T dL/dh2 = a1^T (a2 - y)   in R^(N x 1)', 'dL/da  = -y/a + (1 - y)/(1 - a)',
  'jacobian(H(x, y), [x, y]) = [6 x y - 15 y^2, 3 x^2 - 30 x y; y - 1, x + 1]', 'dy/da = 0.18', 'dy/dc ≈ 0.09',
  'L = sum(r .* r) / B', 'g = d/dx (x^2 sin(x))', 'g = d(L)/d(W1)', "g = sigma'(h) .* (1 - sigma(h))", "B = A'",
  'dL/dh1 = (dL/da1) ⊙ a1 ⊙ (1 - a1)', 'dL/dW1 = X^T ((a2 - y) W2^T .* a1 .* (1 - a1)) : M x N', 'r = (h1 > 0) .* g',
  'c = a · b @ C \\cdot d', 'e = a odot b ∘ c ./ d', 'k = a(1-a)', 'k = a (1-a)', 'k = a -b', 'k = a * -b', 'k = -a^-1 b^T^T',
  'k = a^b^c', 'k = A^(-1) B', 'k = A^{n+1}', 'L = sum((X w - y).^2)', 'k = -a.^-b^c .^ 2', 'k = A.^T', 'x1 + x2 = 3', 'x > y = 1', 'k = d/dx d/dy x y', 'dy/dd = 1',
  'q = [a, b; c, d] [x; y]', 'q = [[a, b]; [c, d]]', 'q = f() + g(x,)'.replace(',)', ')'), 'q = 2 x^2 3'.replace(' 3', ''),
  '[1b] dL/dW = x', '(c) dL/dW = x', '2a) dL/dW = x', 'grad(f(x, y), [x,y]) = [2 x, 2 y]',
  'M = [1, 2\n     3, 4]', 'L = a +\n  b', 'L = f(a,\n b)',
  // other statements
  'at x1 = 1, x2 = -1, a = 1, b = 1, c = 4, d = 1, e = 2, f = 2', 'at s1 ~ 0.9, s2 ~ 0.5', 'at x = 1, s ~ 0.5',
  'problem 1a "Logistic regression"', 'problem 2', 'problem logreg', 'ask dL/dW   6 points', 'ask dL/db 4 pts',
  'ask x^2 3 points', 'ask a b 2', 'alias \\mathcal{L} = L', 'alias W^{(1)} = W1',
];

describe('unique parses', () => {
  it.each(STATEMENTS)('%j has exactly one parse', (statement) => {
    expect(countParses(statement)).toBe(1);
  });

  it('every statement of every fixture has at most one parse', () => {
    const root = path.join(__dirname, '..', '..', 'fixtures');
    const files: string[] = [];
    const walk = (dir: string) => {
      if (!fs.existsSync(dir)) return;
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.cr')) files.push(full);
      }
    };
    walk(root);
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      const diagnostics = parseFile(source, file).diagnostics;
      for (const { line, count } of parseCounts(source)) {
        const where = `${path.relative(root, file)}:${line}`;
        expect(count, `${where} is ambiguous`).toBeLessThanOrEqual(1);
        if (count === 0) expect(diagnostics.length, `${where} fails without a diagnostic`).toBeGreaterThan(0);
      }
    }
  });

  // Random well-formed expressions, with random spacing, must have exactly one parse.
  const spacing = fc.constantFrom('', ' ', '  ');
  const atom = fc.constantFrom('x', 'y', 'W1', 'W_1', 'a2', 'σ', '2', '0.5', '1e-3', 'dL/dW', '∂L/∂W_1', 'dy/dd');
  const expr: fc.Arbitrary<string> = fc.letrec<{ e: string; p: string }>((tie) => ({
    // p: an operand that can follow juxtaposition or ^ (never starts with -)
    p: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atom,
      tie('e').map((e) => `(${e})`),
      fc.tuple(fc.constantFrom('sigma', 'log', 'f', 'F', 'jacobian', "sigma'"), fc.array(tie('e'), { minLength: 1, maxLength: 3 })).map(
        ([f, args]) => `${f}(${args.join(', ')})`,
      ),
      fc.array(fc.array(tie('e'), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 }).map((rows) => `[${rows.map((r) => r.join(', ')).join('; ')}]`),
      tie('p').map((p) => `${p}^T`),
      tie('p').map((p) => `${p}'`),
      fc.tuple(tie('p'), fc.constantFrom('2', 'x', '(n+1)', '-1', '(-1)')).map(([p, x]) => `${p}^${x}`),
      tie('p').map((p) => `d/dx ${p}`),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => `d(${a})/d(${b})`),
    ),
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('p'),
      tie('p').map((p) => `-${p}`),
      fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '.*', './', '⊙', '·', '@', '>', '<=', ' '), spacing, tie('p')).map(
        ([a, op, s, b]) => `${a}${op === ' ' ? ' ' : s + op + s}${b}`,
      ),
    ),
  })).e;

  it('random well-formed expressions have exactly one parse', () => {
    fc.assert(
      fc.property(expr, (e) => {
        const statement = `q = ${e}`;
        const [{ count }] = parseCounts(statement);
        if (count === 0) {
          // Comparisons are not associative, and two numbers side by side are an error: those may fail.
          const [d] = parseFile(statement, 'q.cr').diagnostics;
          expect(d.message).toMatch(/two numbers side by side|unexpected `(>|<=)`/);
        } else {
          expect(count).toBe(1);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
