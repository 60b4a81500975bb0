// Documents of several questions or sections that reuse letters with new meanings (docs/latex.md, What carries
// over): each section's lines are judged by its own meanings, and a section's right line is never marked wrong
// (nor an error blamed on its author) because another section's meaning leaked in. Every document holds a
// deliberately wrong line per section, so that a reading that judged nothing would fail. Expected verdicts are
// worked out by hand in the comments (and checked with sympy).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const check = (lines: string[]) => checkSource(lines.join('\n') + '\n', 'doc.md');
const verdicts = (lines: string[]) => check(lines).report.claims.map((c) => [c.line, c.verdict]);
const errors = (lines: string[]) => check(lines).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);

describe('a letter a sibling question defined as a number, indexed here', () => {
  // Problem 1's z = w x + b is a scalar; Problem 2 writes the softmax of its own logits z_i. Read with Problem 1's z,
  // `z_i` "indexes a scalar", an error blamed on a right definition. Problem 2: dL/dz_i = p_i - y_i (y one-hot:
  // -y_i + p_i sum_k y_k); p_i + y_i is wrong. Problem 1: dL/dw = 2 z x; 2 z is missing the factor x.
  const doc = [
    '**Problem 1.** Let $z = w x + b$ and $L = z^2$.', '',
    '(a) $\\frac{\\partial L}{\\partial w} = 2 z x$', '',
    '(b) $\\frac{\\partial L}{\\partial w} = 2 z$', '',
    '**Problem 2.** Softmax over $K$ classes: $p_i = \\frac{e^{z_i}}{\\sum_{j=1}^K e^{z_j}}$ and $L = -\\sum_{i=1}^K y_i \\log p_i$.', '',
    '(a) $\\frac{\\partial L}{\\partial z_i} = p_i - y_i$', '',
    '(b) $\\frac{\\partial L}{\\partial z_i} = p_i + y_i$',
  ];
  it('reads the question\'s own array, not the sibling\'s scalar', () => {
    expect(errors(doc)).toEqual([]);
    expect(verdicts(doc)).toEqual([[3, 'correct'], [5, 'incorrect'], [9, 'correct'], [11, 'incorrect']]);
  });
});

describe('a part that sets up a number where the part before wrote entries', () => {
  // (a) is the softmax with labels y_i and logits s_i; (b) the binary case, with scalars s, a, y. Read with (a)'s
  // arrays, (b)'s `-y \log a` multiplied two K-vectors: an error on a right line. d ell/ds = a - y (sympy: diff of
  // -y log(sigma(s)) - (1 - y) log(1 - sigma(s)) is sigma(s) - y); y - a has the sign flipped.
  const doc = [
    '**Problem 1.**', '',
    '(a) Softmax: $p_i = \\frac{e^{s_i}}{\\sum_{k=1}^K e^{s_k}}$, $L = -\\sum_{i=1}^K y_i \\log p_i$.', '',
    '$$\\frac{\\partial L}{\\partial s_i} = p_i - y_i$$', '',
    '$$\\frac{\\partial L}{\\partial s_i} = y_i - p_i$$', '',
    '(b) Binary case: $a = \\sigma(s)$, $\\ell = -y \\log a - (1 - y) \\log(1 - a)$.', '',
    '$$\\frac{\\partial \\ell}{\\partial s} = a - y$$', '',
    '$$\\frac{\\partial \\ell}{\\partial s} = y - a$$',
  ];
  it('keeps the arrays the part\'s own formulas fit, and (a) its own', () => {
    expect(errors(doc)).toEqual([]);
    expect(verdicts(doc)).toEqual([[5, 'correct'], [7, 'incorrect'], [11, 'correct'], [13, 'incorrect']]);
  });
});

describe('a set-up section\'s input and a later section\'s own function of that letter', () => {
  // The warm-up differentiates nothing and states x = 3, so it sets up the sections after it. But the power rule
  // section's f(x) = x^4 takes x as its argument: f'(x) = 4x^3 is the derivative everywhere, and f'(x) = 108 is
  // right only at x = 3 (4 · 27), so it is no ✓ (nor a ✗: a reader may mean the point). h(x) = x e^x: h'(x) =
  // e^x + x e^x, and x e^x drops the term e^x.
  const doc = [
    '# Notes on derivatives', '## A numerical warm-up', 'Take $x = 3$ and $g(x) = x^2 + 1$, so $g(3) = 10$.',
    '## Power rule', 'Let $f(x) = x^4$.', '$$f\'(x) = 4x^3$$', '$$f\'(x) = 108$$',
    '## Product rule', 'Let $h(x) = x e^x$.', '$$h\'(x) = e^x + x e^x$$', '$$h\'(x) = x e^x$$',
  ];
  it('is no point of that function\'s derivative', () => {
    expect(verdicts(doc)).toEqual([[3, 'correct'], [6, 'correct'], [7, 'unjudged'], [10, 'correct'], [11, 'incorrect']]);
  });
});

describe('a sibling\'s declared shapes that the question\'s own formula does not fit', () => {
  // Question 1 declares z, y K-vectors (softmax): grad_z L = p - y, and y - p flips the sign. Question 2's logistic
  // output with numbers z, y: read with question 1's shapes, `-y \log a` multiplied two K-vectors, an error blamed
  // on a right line. d ell/dz = a - y (sympy); a(1 - a) is dsigma/dz, not d ell/dz, so it is wrong whatever y is.
  const doc = [
    '## Question 1', '',
    'Let $z \\in \\mathbb{R}^K$, $y \\in \\mathbb{R}^K$ one-hot, $p = \\mathrm{softmax}(z)$ and $L = -y^T \\log p$.', '',
    '$$\\nabla_z L = p - y$$', '', '$$\\nabla_z L = y - p$$', '',
    '## Question 2', '',
    'A single logistic output: $a = \\sigma(z)$ and $\\ell = -y \\log a - (1 - y)\\log(1 - a)$, with $z$ and $y$ numbers.', '',
    '$$\\frac{d\\ell}{dz} = a - y$$', '', '$$\\frac{d\\ell}{dz} = a(1 - a)$$',
  ];
  it('reads the question with its own shapes: no error, and no ✓ or ✗ resting on the sibling\'s', () => {
    expect(errors(doc)).toEqual([]);
    // y's shape is left to the prose there ("numbers"): the right line holds with y a number, but a ✓ is withheld
    // (it may not hold for the arrays the document declares elsewhere); the wrong one fails either way.
    expect(verdicts(doc)).toEqual([[5, 'correct'], [7, 'incorrect'], [13, 'unjudged'], [15, 'incorrect']]);
  });
});
