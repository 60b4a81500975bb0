// Maths typed as plain text the way self-study solutions write it: Unicode raised and lowered characters (`x²`,
// `x⁻¹`, `a₁`, `√x`), `d/dx(..)` for the derivative operator, a derivation continued on rows that start with `=`,
// a part's function stated in bold after its label, `Let u = .., u' = ..` listing two equations. Each document is
// written for the test, in notation other than the corpus's; every verdict is worked out by hand and checked with
// sympy (the differences quoted beside each).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

/** Each claim's line and verdict. */
function verdicts(source: string): string[] {
  return checkSource(source, 'doc.md').report.claims.map((c) => `${c.line} ${c.verdict}`);
}

const md = (...lines: string[]) => lines.join('\n') + '\n';

describe('Unicode superscripts, subscripts and √ are read as ^{..}, _{..} and the square root', () => {
  it('checks g(x) = x³ + √x + x⁻¹: the sign of the x⁻² term decides', () => {
    // g' = 3x² + 1/(2√x) - x⁻² (sympy: difference 0); with + x⁻² the difference is 2/x², so ✗.
    const doc = md(
      '# Powers',
      '$$g(x) = x³ + √x + x⁻¹$$',
      '$$g\'(x) = 3x² + 1/(2√x) - x⁻²$$',
      '$$g\'(x) = 3x² + 1/(2√x) + x⁻²$$',
    );
    expect(verdicts(doc)).toEqual(['3 correct', '4 incorrect']);
  });

  it('reads a lowered digit as the name\'s subscript: h(p) = a₁ p² gives 2 a₁ p', () => {
    const doc = md('# Sub', '$$h(p) = a₁ p²$$', '$$h\'(p) = 2 a₁ p$$', '$$h\'(p) = 2 a_1 p$$');
    expect(verdicts(doc)).toEqual(['3 correct', '4 correct']);
  });
});

describe('d/dx(..) typed for the derivative operator', () => {
  it('is the operator in plain text and in LaTeX, not a quotient (a right line was a ✗)', () => {
    // d/dt(t³) = 3t²; 2t is wrong. ∂/∂q (p q²) = 2pq.
    const doc = md('# Ops', '', 'd/dt(t^3) = 3t^2', '', 'd/dt(t^3) = 2t', '', '$$\\partial/\\partial q (p q^2) = 2pq$$');
    expect(verdicts(doc)).toEqual(['3 correct', '5 incorrect', '7 correct']);
  });
});

describe('a variable before a bracket raised to a power', () => {
  it('raises the bracket alone: 30t(3t² + 1)⁴ is right for (3t² + 1)⁵, 30(t(3t² + 1))⁴ is not', () => {
    // d/dt (3t²+1)⁵ = 30 t (3t²+1)⁴ (sympy: difference 0); 30 (t(3t²+1))⁴ = 30 t⁴ (3t²+1)⁴ differs.
    const doc = md('# Chain', '$$F(t) = (3t^2 + 1)^5$$', '$$F\'(t) = 30t(3t^2 + 1)^4$$', '$$F\'(t) = 30(t(3t^2 + 1))^4$$');
    expect(verdicts(doc)).toEqual(['3 correct', '4 incorrect']);
  });
});

describe('a plain-text derivation as self-study solutions type it', () => {
  it('reads the bold part label, rows that continue with `=`, and `Let` listing a quantity and its derivative', () => {
    // w(t) = (5t - 2)(t² + t): u' v + u v' = 5(t² + t) + (5t - 2)(2t + 1) = 15t² + 6t - 2 (sympy: equal); the last
    // row's 15t² + 6t + 2 is wrong. u' = 5 and v' = 2t + 1 are right.
    const doc = md(
      '## Part 3',
      '',
      '**b) w(t) = (5t - 2)(t² + t)**',
      '',
      "Let u = 5t - 2,  u' = 5",
      "Let v = t² + t,  v' = 2t + 1",
      '',
      "w'(t) = u'v + uv'",
      '      = 5(t² + t) + (5t - 2)(2t + 1)',
      '      = 15t² + 6t + 2',
    );
    const claims = checkSource(doc, 'doc.md').report.claims;
    expect(claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(['5 correct', '6 correct', '8 incorrect']);
    expect(claims[2].steps.map((s) => `${s.line} ${s.verdict}`)).toEqual(['8 correct', '9 correct', '10 incorrect']);
  });

  it('reads juxtaposed letters the line also uses alone as a product: ∂h/∂p = 2pq + 4q²', () => {
    // h = p²q + 4pq²: ∂h/∂p = 2pq + 4q², ∂h/∂q = p² + 8pq (sympy: differences 0); p² + 4pq is wrong.
    const doc = md('# Partials', '', 'h(p, q) = p²q + 4pq²', '', '∂h/∂p = 2pq + 4q²', '', '∂h/∂q = p² + 4pq');
    expect(verdicts(doc)).toEqual(['5 correct', '7 incorrect']);
  });

  it('leaves prose with an equals sign unread', () => {
    const doc = md('# Prose', '', 'f(x) = x²', '', 'so the answer is = 2x', '', 'Let me note = 2');
    expect(checkSource(doc, 'doc.md').report.claims).toEqual([]);
  });

  it('reads a bold left side at a point, `**∂h/∂p|(1,2)** = ..`, as the derivative there', () => {
    // h = p²q + 4pq²: ∂h/∂p = 2pq + 4q² = 4 + 16 = 20 at (1, 2); ∂h/∂q = p² + 8pq = 1 + 16 = 17, so 18 is wrong.
    const doc = md(
      '# At a point',
      '',
      'h(p, q) = p²q + 4pq²',
      '',
      '**∂h/∂p|(1,2)** = 2(1)(2) + 4(2)²',
      '                = 20',
      '',
      '**∂h/∂q|(1,2)** = (1)² + 8(1)(2)',
      '                = 18',
    );
    expect(verdicts(doc)).toEqual(['5 correct', '8 incorrect']);
  });

  it('reads second derivatives written with a slash, ∂²f/∂x∂y and d^2g/dt^2', () => {
    // f = x³y² + 2xy: f_xx = 6xy², f_xy = 6x²y + 2, f_yy = 2x³ (sympy: differences 0), so 2x³ + 1 is wrong.
    const doc = md(
      '# Second',
      '',
      'f(x, y) = x³y² + 2xy',
      '',
      '∂²f/∂x² = ∂/∂x(3x²y² + 2y)',
      '        = 6xy²',
      '',
      '∂²f/∂x∂y = 6x²y + 2',
      '',
      '∂²f/∂y² = 2x³ + 1',
      '',
      '$$g(t) = t^4$$',
      '',
      '$$d^2g/dt^2 = 12t^2$$',
    );
    expect(verdicts(doc)).toEqual(['5 correct', '8 correct', '10 incorrect', '14 correct']);
  });
});
