// Numeric worked examples: a network's forward pass with given numbers in one section, its backward pass in the
// next, the derivative of a built-in written with the built-in and evaluated, and values restated for quantities
// a formula defines. Every expectation is worked out by hand in the comment beside it and was checked with numpy
// (throw-away scripts, never at run time).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const check = (lines: string[]) => checkSource(lines.join('\n') + '\n', 'doc.md');
const verdicts = (lines: string[]) => check(lines).report.claims.map((c) => [c.target, c.verdict]);

// One logistic unit: p = θ₁ r + θ₀, q = σ(p), J = -log q, at r = 1.5, θ₁ = -0.4, θ₀ = 0.2.
// numpy: p = -0.4, q = σ(-0.4) = 0.401312, J = 0.913015, ∂J/∂p = q - 1 = -0.598688, σ'(p) = q (1 - q) = 0.240261,
// ∂J/∂θ₁ = (q - 1) r = -0.898031, ∂J/∂θ₀ = q - 1.
const forward = [
  '## Forward',
  '',
  '$$p = \\theta_1 r + \\theta_0, \\quad q = \\sigma(p), \\quad J = -\\log(q)$$',
  '',
  'With $r = 1.5$, $\\theta_1 = -0.4$, $\\theta_0 = 0.2$:',
  '',
  '$$p = -0.4 \\cdot 1.5 + 0.2 = -0.4$$',
  '',
  '$$q = \\sigma(-0.4) \\approx 0.40$$',
  '',
];

describe('a forward pass with given numbers sets up the backward pass under the next heading', () => {
  it('carries the inputs with the formulas, so the backward numbers are checked at the example point', () => {
    const doc = [
      ...forward,
      '## Backward',
      '',
      // -0.60 is q - 1 = -0.5987 to its two decimals: correct.
      '$$\\frac{\\partial J}{\\partial p} = q - 1 \\approx -0.60$$',
      '',
      // -0.60 × 1.5 = -0.90 against -0.8980: within the rounding of the -0.60 it is computed from (1%): correct.
      '$$\\frac{\\partial J}{\\partial \\theta_1} = (q - 1) r \\approx -0.60 \\times 1.5 = -0.90$$',
      '',
      // -0.5 against -0.5987: off by 0.099, far beyond the 0.05 one decimal allows: incorrect.
      '$$\\frac{\\partial J}{\\partial \\theta_0} = q - 1 \\approx -0.5$$',
    ];
    // Before: the stated values of p and q came without the inputs r, θ₀, θ₁ (a point of values only), and every
    // backward line was unjudged ("J does not depend on p").
    expect(verdicts(doc)).toEqual([
      ['p', 'correct'],
      ['q', 'correct'],
      ['dJ/dp', 'correct'],
      ['dJ/dtheta1', 'correct'],
      ['dJ/dtheta0', 'incorrect'],
    ]);
  });

  it('reads a value restated in the next section ("Using q = 0.40") as a claim about q, not a new q', () => {
    const doc = [...forward, '## Backward', '', 'Using $q = 0.40$:', '', '$$\\frac{\\partial J}{\\partial p} = q - 1 \\approx -0.60$$'];
    // q = 0.40 is σ(-0.4) = 0.4013 to two decimals: correct; and J still depends on p through q = σ(p).
    expect(verdicts(doc)).toEqual([
      ['p', 'correct'],
      ['q', 'correct'],
      ['q', 'correct'],
      ['dJ/dp', 'correct'],
    ]);
  });

  it('reads a vector of numbers given for a quantity as its stated value, in a later section too', () => {
    // u = A v, s = tanh(u), E = ½ sᵀs. numpy: u = [0, 0.85], s = [0, 0.691069], ∂E/∂s = s,
    // ∂E/∂u = s ⊙ (1 - s ⊙ s) = [0, 0.361031].
    const doc = [
      '## Forward',
      '',
      '$$u = A v, \\quad s = \\tanh(u), \\quad E = \\frac{1}{2} s^T s$$',
      '',
      '$A = \\begin{bmatrix} 0.5 & -1 \\\\ 2 & 0.25 \\end{bmatrix}$, $v = \\begin{bmatrix} 0.4 \\\\ 0.2 \\end{bmatrix}$',
      '',
      '$$u = \\begin{bmatrix} 0.0 \\\\ 0.85 \\end{bmatrix}, \\quad s = \\tanh(u) \\approx \\begin{bmatrix} 0.0 \\\\ 0.6911 \\end{bmatrix}$$',
      '',
      '## Exercise',
      '',
      'Using $s = \\begin{bmatrix} 0.0 \\\\ 0.6911 \\end{bmatrix}$:',
      '',
      '$$\\frac{\\partial E}{\\partial s} = s$$',
      '',
      '## Backward',
      '',
      '$$\\frac{\\partial E}{\\partial u} = s \\odot (1 - s \\odot s) \\approx \\begin{bmatrix} 0 \\\\ 0.3610 \\end{bmatrix}$$',
    ];
    // Before: the Exercise's s = [0, 0.6911] replaced s = tanh(u), so E did not depend on u (unjudged).
    expect(verdicts(doc)).toEqual([
      ['u', 'correct'],
      ['s', 'correct'],
      ['s', 'correct'],
      ['dE/ds', 'correct'],
      ['dE/du', 'correct'],
    ]);
    // A wrong restated value is a wrong claim: 0.8 is off tanh(0.85) = 0.6911 by 0.109, beyond the 0.05 one
    // decimal allows: incorrect.
    const wrong = doc.map((l) => (l.startsWith('Using') ? 'Using $s = \\begin{bmatrix} 0.0 \\\\ 0.8 \\end{bmatrix}$:' : l));
    expect(verdicts(wrong)[2]).toEqual(['s', 'incorrect']);
  });

  it("lets another question's formula yield to this question's own value for the name (a target y = 1)", () => {
    // Problem 1's y = (5 - a)^2 is another quantity; Problem 2 gives y = 1 and L = (y - s)^2: ∂L/∂s = -2(y - s),
    // at s = 0.3: -1.4. Were y read as Problem 1's formula, y would depend on x and the line would not be judged.
    const doc = [
      '## Problem 1',
      '',
      '$$a = \\sigma(x), \\quad y = (5 - a)^2$$',
      '',
      '$$\\frac{dy}{dx} = -2(5 - a) a (1 - a)$$',
      '',
      '## Problem 2',
      '',
      '$$L = (y - s)^2$$',
      '',
      'Take $y = 1$ and $s = 0.3$.',
      '',
      '$$\\frac{\\partial L}{\\partial s} = -2(y - s) = -1.4$$',
    ];
    expect(verdicts(doc)).toEqual([
      ['dy/dx', 'correct'],
      ['dL/ds', 'correct'],
    ]);
  });
});

describe('the derivative of a built-in written with the built-in', () => {
  // u = 0.3 v + 0.1 at v = 2: u = 0.7, tanh(0.7) = 0.604368, tanh'(u) = 1 - tanh(u)^2 = 0.634740;
  // 1 - 0.6044^2 = 0.634700.
  const unit = ['## Unit', '', '$$u = 0.3 v + 0.1, \\quad h = \\tanh(u)$$', '', 'Take $v = 2$.', ''];

  it("reads \\tanh'(u) = 1 - \\tanh(u)^2 = ... as a claim about tanh's derivative, evaluated at the example", () => {
    const doc = [
      ...unit,
      // 0.6347 is the exact 0.634740 to four decimals: correct.
      "$$\\tanh'(u) = 1 - \\tanh(u)^2 = 1 - 0.6044^2 = 0.6347$$",
      '',
      // 0.5 against 0.6347: incorrect. Before: `\tanh'` was unreadable (a prime after an operator command).
      "$$\\tanh'(u) = 1 - \\tanh(u)^2 = 0.5$$",
    ];
    expect(verdicts(doc)).toEqual([
      ["tanh'(u)", 'correct'],
      ["tanh'(u)", 'incorrect'],
    ]);
  });

  it("reads \\sigma'(z) = \\sigma(z)(1 - \\sigma(z)) as a claim, not a function written in terms of itself", () => {
    // z = 0.45: σ(z) = 0.610639, σ'(z) = 0.237759; 0.6106 × 0.3894 = 0.237768, written 0.2378: correct.
    // σ(z)(1 + σ(z)) = 0.983520 is not 0.237759: incorrect.
    const doc = [
      '## Gate',
      '',
      'Take $z = 0.45$.',
      '',
      "$$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z)) = 0.6106 \\times 0.3894 = 0.2378$$",
      '',
      "$$\\sigma'(z) = \\sigma(z)(1 + \\sigma(z))$$",
    ];
    const claims = check(doc).report.claims;
    expect(claims.map((c) => c.verdict)).toEqual(['correct', 'incorrect']);
    expect(check(doc).diagnostics.some((d) => d.message.includes('written in terms of itself'))).toBe(false);
  });
});

describe('an empty group after ∂', () => {
  it('reads \\frac{\\partial{}}{\\partial{q}}(..) as d/dq of the bracket', () => {
    // d/dq (q^2 + 3 q) = 2 q + 3: correct; 2 q drops the 3: incorrect (at q = 1: 5 against 2).
    const doc = ['$$f = q^2 + 3 q$$', '', '$$\\frac{\\partial{}}{\\partial{q}}(q^2 + 3 q) = 2 q + 3$$', '', '$$\\frac{\\partial{}}{\\partial{q}}(q^2 + 3 q) = 2 q$$'];
    expect(check(doc).report.claims.map((c) => c.verdict)).toEqual(['correct', 'incorrect']);
  });
});
