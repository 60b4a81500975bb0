// Worked examples typed as plain text and LaTeX the way self-study notes write them: accented letters typed in
// Unicode (`ŷ`), a network given as a chain of arrows, lead-ins (`**Given:**`), glosses (`(label)`), `≈` rows, the
// product rule with Lagrange's primes, a built-in's own formula restated, and a formula whose part another line
// names. Each document is written for the test, in notation other than the corpus's; every verdict is worked out
// by hand and checked with sympy (the values or differences quoted beside each).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { plainMathsOf } from '../../src/latex/plainMaths';

const md = (...lines: string[]) => lines.join('\n') + '\n';

/** Each claim's line and verdict. */
function verdicts(source: string): string[] {
  return checkSource(source, 'doc.md').report.claims.map((c) => `${c.line} ${c.verdict}`);
}

/** Each step's line and verdict, claim by claim. */
function steps(source: string): string[][] {
  return checkSource(source, 'doc.md').report.claims.map((c) => c.steps.map((s) => `${s.line} ${s.verdict}`));
}

describe('a letter with a Unicode accent is the TeX accent over it', () => {
  it('reads ŷ precomposed and typed as y + U+0302 alike, as \\hat{y}', () => {
    // ŷ = σ(wx + b): ∂ŷ/∂w = ŷ(1 - ŷ)x (sympy: difference 0); ∂ŷ/∂b is ŷ(1 - ŷ), so ŷ(1 - ŷ)x is wrong (difference
    // -(x - 1)/(4 cosh²(..)), not 0). The second claim writes ŷ with the combining circumflex.
    const doc = md('# Logistic unit', '', 'ŷ = σ(wx + b)', '', '∂ŷ/∂w = ŷ(1 - ŷ)x', '', '∂y\u0302/∂b = y\u0302(1 - y\u0302)x');
    expect(verdicts(doc)).toEqual(['5 correct', '7 incorrect']);
  });
});

describe('a worked example typed as plain text', () => {
  it('reads a network given as arrows, a bold lead-in, a gloss in brackets and rows going on with ≈', () => {
    // u → v = 3u → s = tanh(v) → E = (s - t)², at u = 0.2, t = 0.5 ("(label)" glosses t). numpy/sympy: s = 0.53705,
    // ∂E/∂s = 2(s - t) = 0.07410, ∂s/∂v = 1 - s² = 0.71158, ∂E/∂u = 3 · 0.07410 · 0.71158 = 0.15818: every row agrees
    // to its written precision. ∂E/∂v = 2(s - t) leaves out ∂s/∂v (sympy: the difference 2(t - tanh v) tanh²v is not 0).
    const doc = md(
      '## Exercise 3',
      '',
      '**Model:** u → v = 3u → s = tanh(v) → E = (s - t)²',
      '',
      '**Values:** u = 0.2, t = 0.5 (label)',
      '',
      'v = 3u = 0.6',
      's = tanh(0.6) ≈ 0.537',
      '',
      '∂E/∂s = 2(s - t) = 2(0.537 - 0.5)',
      '      ≈ 0.074',
      '',
      '∂s/∂v = 1 - s²',
      '      ≈ 0.712',
      '',
      '∂E/∂u = 2(s - t)(1 - s²)(3)',
      '      ≈ 0.158',
      '',
      '∂E/∂v = 2(s - t)',
    );
    const claims = steps(doc);
    expect(claims.slice(2)).toEqual([
      ['10 correct', '10 correct', '11 correct'],
      ['13 correct', '14 correct'],
      ['16 correct', '17 correct'],
      ['19 incorrect'],
    ]);
  });

  it('leaves a line of prose with a colon and an equals sign unread', () => {
    const doc = md('# Note', '', 'f(x) = x²', '', 'Note: the answer is = 2x');
    expect(verdicts(doc)).toEqual([]);
  });

  it('reads a short word as a product of letters on the right (z = wx), never as the name a line defines (lr = 0.01)', () => {
    expect(plainMathsOf('z = wx')?.text).toBe('z = wx');
    expect(plainMathsOf('lr = 0.01')).toBeUndefined();
    expect(plainMathsOf('so the answer is = 2x')).toBeUndefined();
  });
});

describe("the product rule written with Lagrange's primes", () => {
  it("reads (pq)' as d(pq)/dx where p and q are both functions of x", () => {
    // p = x³, q = 1 + x²: (pq)' = 5x⁴ + 3x² = p'q + pq' (sympy: difference 0); p'q' = 6x³ is wrong. Read as a
    // transpose, the first line claimed pq = 2pq, a ✗ on the product rule.
    const doc = md('### Q1', '', "Product rule: (pq)' = p'q + pq'", '', "Let p = x³,  p' = 3x²", "Let q = 1 + x²,  q' = 2x", '', "(pq)' = p'q'");
    expect(verdicts(doc)).toEqual(['3 correct', '5 correct', '6 correct', '8 incorrect']);
  });
});

describe("a built-in's own formula stated in the document", () => {
  const doc = (formula: string) =>
    md('# Unit', '', `$$\\sigma(t) = ${formula}$$`, '', '$$p = \\sigma(k r)$$', '', '$$\\frac{\\partial p}{\\partial r} = p(1 - p)$$');

  it('is the built-in: a wrong line using it is wrong', () => {
    // p = σ(kr): ∂p/∂r = k p(1 - p) (sympy: difference 0), so p(1 - p) is wrong (difference (k - 1)/(4 cosh²(kr/2))).
    expect(verdicts(doc('\\frac{1}{1 + e^{-t}}'))).toEqual(['3 correct', '7 incorrect']);
  });

  it('of another function leaves the line unjudged: σ may mean the author\'s function', () => {
    // 1/(1 + e^{t}) is σ(-t), not σ(t): the author's σ is not the built-in, and a line through it is not shown wrong.
    expect(verdicts(doc('\\frac{1}{1 + e^{t}}'))).toEqual(['3 unjudged', '7 unjudged']);
  });
});

describe('a part of a formula that the question names', () => {
  it('reads h = tanh(Wx + c) as tanh(u) where u = Wx + c, so ∂h/∂u is the derivative through u', () => {
    // h = tanh(u): ∂h/∂u = 1 - h² (sympy: difference 0), 1 - h is wrong (difference h - h²); ∂h/∂c = 1 - h² as before.
    // Read literally, h is not written with u, and ∂h/∂u would be 0.
    const doc = md(
      '# Layer',
      '',
      '$$h = \\tanh(W x + c)$$',
      '',
      '$$u = W x + c$$',
      '',
      '$$\\frac{\\partial h}{\\partial u} = 1 - h^2$$',
      '',
      '$$\\frac{\\partial h}{\\partial u} = 1 - h$$',
      '',
      '$$\\frac{\\partial h}{\\partial c} = 1 - h^2$$',
    );
    const result = checkSource(doc, 'doc.md');
    expect(result.report.claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(['7 correct', '9 incorrect', '11 correct']);
    expect(result.diagnostics.filter((d) => d.code === 'reading').map((d) => `${d.span.line} ${d.message}`)).toEqual([
      '3 read this part of the formula as u, which line 5 defines as it',
    ]);
  });
});

describe('a least-squares exercise typed as plain text', () => {
  it('reads data points given as tuples, a loss named in capitals, brackets for grouping and a closing check mark', () => {
    // SSE(m, c) = ½[(m p₁ + c - q₁)² + (m p₂ + c - q₂)²] with (p₁, q₁) = (2, 1), (p₂, q₂) = (-1, 3), at m = 1, c = 0:
    // r₁ = 1, r₂ = -4; sympy: ∂SSE/∂m = 6 = r₁p₁ + r₂p₂, ∂SSE/∂c = -3 = r₁ + r₂; (r₁ + r₂)/2 = -1.5 is half of it.
    const doc = md(
      '## Q3: fitting a line',
      '',
      'SSE(m, c) = (1/2)[(m·p₁ + c - q₁)² + (m·p₂ + c - q₂)²]',
      '',
      '(p₁, q₁) = (2, 1)',
      '(p₂, q₂) = (-1, 3)',
      '',
      'Parameters: m = 1, c = 0',
      '',
      'r₁ = m·p₁ + c - q₁ = 1',
      'r₂ = m·p₂ + c - q₂ = -4',
      '',
      '∂SSE/∂m = [r₁·p₁ + r₂·p₂] = [2 + 4] = 6 ✓',
      '',
      '∂SSE/∂c = [r₁ + r₂] = -3',
      '',
      '∂SSE/∂c = [r₁ + r₂]/2 = -1.5',
    );
    expect(steps(doc).slice(2)).toEqual([['13 correct', '13 correct', '13 correct'], ['15 correct', '15 correct'], ['17 incorrect', '17 incorrect']]);
  });
});

describe('a derivative at a point of a function written bare', () => {
  it('takes the point in the order of the parameters of the function defined last before it', () => {
    // g(u, v) = u²v: ∂g/∂u at (1, 2) is 2uv = 4 (sympy). Question 2 defines another g of three parameters; the
    // bar in question 1 is still g(u, v)'s (it was "cannot tell whose", the line unread).
    const doc = md('## 1', '', 'g(u, v) = u²v', '', '**∂g/∂u|(1,2)** = 2(1)(2) = 4', '', '## 2', '', 'g(u, v, w) = uvw', '', '∂g/∂w = uv');
    expect(verdicts(doc)).toEqual(['5 correct', '11 correct']);
  });
});

describe('division entry by entry written with \\oslash or ⊘', () => {
  it('is the elementwise division, as ./ in .cr', () => {
    // L = -yᵀ log p: ∂L/∂p = -y ⊘ p entry by entry (∂/∂p_k of -Σ y_i log p_i is -y_k/p_k); -y ⊘ (p ⊙ p) has p_k² below.
    const doc = md(
      '# Cross-entropy',
      '',
      '$$y \\in \\mathbb{R}^{n}, \\quad p \\in \\mathbb{R}^{n}$$',
      '',
      '$$L = -y^T \\log(p)$$',
      '',
      '$$\\frac{\\partial L}{\\partial p} = -y \\oslash p$$',
      '',
      '$$\\frac{\\partial L}{\\partial p} = -y ⊘ (p \\odot p)$$',
    );
    expect(verdicts(doc)).toEqual(['7 correct', '9 incorrect']);
  });
});

describe('a point stated in a plain-text line, **At s = 0.5:**', () => {
  it('is the point the numeric lines after it are checked at', () => {
    // g = u² + 3u with u = 2s: dg/ds = 8s + 6 (sympy), 10 at s = 0.5; 8(0.5) = 4 leaves out the 6. Without the point
    // the numeric lines were unjudged (no value of s stated).
    const doc = md('### Exercise 2', '', 'g = u² + 3u,  u = 2s', '', 'dg/ds = (2u + 3)(2) = 8s + 6', '', '**At s = 0.5:**', '', 'dg/ds = 8(0.5) + 6 = 10', '', 'dg/ds = 8(0.5) = 4');
    expect(verdicts(doc)).toEqual(['5 correct', '9 correct', '11 incorrect']);
  });
});

describe('a row typed in square brackets with its entries set apart by spaces', () => {
  it('reads [a  b] as the row [a, b], so entries in the wrong order are wrong', () => {
    // g = x²y: ∂g/∂x = 2xy, ∂g/∂y = x² (sympy). D = [2xy  x²] is the row of partials; [x²  2xy] swaps them. Read as
    // side by side, both were one product, 2xy · x², and the swapped row a ✓.
    const doc = md('## Row', '', 'g(x, y) = x²y', '', '∂g/∂x = 2xy', '', 'D = [∂g/∂x  ∂g/∂y]', '', 'D = [2xy  x²]', '', 'D = [x²  2xy]');
    expect(verdicts(doc)).toEqual(['5 correct', '9 correct', '11 incorrect']);
  });
});
