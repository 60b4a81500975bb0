// A formula borrowed from another question yields where the question differentiates the name only by quantities
// the formula does not reach (src/analysis/borrowedFormulas.ts): lecture notes reuse L for every model, and
// `\frac{\partial L}{\partial W_1}` in a section on a hidden layer is not about the linear unit's L.
// Worked by hand and with sympy: section 1, L = ½(ŷ - y)², ŷ = w x + b, so ∂L/∂w = (ŷ - y) x and ∂L/∂b = ŷ - y
// (the line with x is wrong, sympy: difference (ŷ - y)(x - 1) ≠ 0). Section 2, h = W_1 x_1 + c and L any function of
// h: ∂L/∂W_1 = L'(h) x_1 = ∂L/∂h ∂h/∂W_1, ∂L/∂c = L'(h), ∂L/∂x_1 = L'(h) W_1, so 2 ∂L/∂h W_1 is wrong for every L
// (sympy: difference -L'(h) W_1 ≠ 0). Section 3 differentiates L by w, which the borrowed formula reaches: it stays
// borrowed, so its right line is correct and its wrong one ((ŷ - y) w) unjudged, as for any borrowed formula.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const verdicts = (lines: string[]) => checkSource(lines.join('\n') + '\n', 'lecture.md').report.claims.map((c) => [c.line, c.verdict]);

const linearUnit = [
  '## 1. A linear unit',
  '$$\\hat{y} = w x + b$$',
  '$$L = \\frac{1}{2}(\\hat{y} - y)^2$$',
  '$$\\frac{\\partial L}{\\partial w} = (\\hat{y} - y) x$$',
  '$$\\frac{\\partial L}{\\partial b} = (\\hat{y} - y) x$$',
];

describe('borrowed formulas', () => {
  it('yield to a question that differentiates the name by what the formula does not reach', () => {
    const hidden = [
      '## 2. A hidden layer',
      'The loss is whatever the output layer uses.',
      '$$h = W_1 x_1 + c$$',
      '$$\\frac{\\partial L}{\\partial W_1} = \\frac{\\partial L}{\\partial h} \\frac{\\partial h}{\\partial W_1}$$',
      '$$\\frac{\\partial L}{\\partial c} = \\frac{\\partial L}{\\partial h}$$',
      '$$\\frac{\\partial L}{\\partial x_1} = 2 \\frac{\\partial L}{\\partial h} W_1$$',
    ];
    expect(verdicts([...linearUnit, ...hidden])).toEqual([[4, 'correct'], [5, 'incorrect'], [9, 'correct'], [10, 'correct'], [11, 'incorrect']]);
    const notes = checkSource([...linearUnit, ...hidden].join('\n') + '\n', 'lecture.md').report.diagnostics.map((d) => d.message);
    expect(notes.some((m) => m.startsWith('the formula for L borrowed from an earlier question does not reach'))).toBe(true);
  });

  it('stay where the question differentiates the name by what the formula reaches', () => {
    const again = ['## 3. The linear unit again', '$$\\frac{\\partial L}{\\partial w} = (\\hat{y} - y) x$$', '$$\\frac{\\partial L}{\\partial w} = (\\hat{y} - y) w$$'];
    expect(verdicts([...linearUnit, ...again])).toEqual([[4, 'correct'], [5, 'incorrect'], [7, 'correct'], [8, 'unjudged']]);
  });
});

describe("another section's index notation", () => {
  // Section 1 writes y_i under a sum over K, so its y is a K-vector; section 2 writes its own scalar y in
  // ℓ = -y log ŷ - (1 - y) log(1 - ŷ) with ŷ = σ(wᵀx + b), and never section 1's L. By hand (and sympy with
  // w, x in R^3): ∂ℓ/∂w = (ŷ - y) x, ∂ℓ/∂b = ŷ - y; (y - ŷ) x is the negative (difference 2(ŷ - y)x ≠ 0).
  // Read with section 1's y (a K-vector), ℓ was an array and every line "informal" (the wrong one too).
  const doc = [
    '## Softmax',
    'Let $p_i = \\frac{e^{z_i}}{\\sum_{k=1}^K e^{z_k}}$ and $L = -\\sum_{i=1}^K y_i \\log p_i$.',
    '$$\\frac{\\partial L}{\\partial z_j} = p_j - y_j$$',
    '## Logistic regression',
    '$\\hat{y} = \\sigma(\\mathbf{w}^\\top \\mathbf{x} + b)$, $\\ell = -y\\log\\hat{y} - (1-y)\\log(1-\\hat{y})$.',
    '$$\\frac{\\partial \\ell}{\\partial \\mathbf{w}} = (\\hat{y} - y)\\mathbf{x}$$',
    '$$\\frac{\\partial \\ell}{\\partial b} = \\hat{y} - y$$',
    '$$\\frac{\\partial \\ell}{\\partial \\mathbf{w}} = (y - \\hat{y})\\mathbf{x}$$',
    '## Softmax again',
    '$$\\frac{\\partial L}{\\partial \\mathbf{z}} = \\mathbf{p} - \\mathbf{y}$$',
  ];

  it("makes a name an array only for a section that uses that section's formulas", () => {
    // Section 3 uses section 1's L, so y is section 1's K-vector there: ∇_z L = p - y (one-hot labels) is right.
    expect(verdicts(doc)).toEqual([[3, 'correct'], [6, 'correct'], [7, 'correct'], [8, 'incorrect'], [10, 'correct']]);
  });
});
