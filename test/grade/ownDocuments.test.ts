// Documents written for these tests, graded against assignments in other notation: each expected verdict is
// worked out by hand in the comment beside it and checked numerically (numpy, central differences).
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { gradeText, ROOT } from './helpers';

// Softmax over the columns of Zo (samples in columns), cross-entropy summed over the samples.
const SOFTMAX_COLUMNS = `problem 1 "Softmax output"
Zo : 3 x 4
T : 4 x 3 onehot
Y = T^T
Ao = (softmax(Zo^T))^T
L = -trace(Y^T log(Ao))
ask dL/dZo 2 points
`;

// Samples as the rows of X, the cross-entropy summed over them: the assignment of fixtures/assign for x35yao's
// document, graded here against a document of our own.
const ROWS_AS_SAMPLES = fs.readFileSync(path.join(ROOT, 'fixtures/assign/x35yao_logistic_regression_math.assignment.cr'), 'utf8');

// Two problems; the document below answers the first under a heading that names neither.
const REGRESSION_AND_SOFTMAX = `problem 1 "Linear regression, one feature"
x : m x 1
y : m x 1
theta0 : scalar
theta1 : scalar
J = sum((theta0 + theta1 x - y) .* (theta0 + theta1 x - y)) / (2 m)
ask dJ/dtheta0 3 points
ask dJ/dtheta1 3 points

problem 2 "Softmax"
o : 1 x K
t : 1 x K onehot
q = softmax(o)
E = -sum(t .* log(q))
ask dE/do 2 points
`;

const NG_NOTATION = [
  '## Gradient descent',
  'The hypothesis is $h_\\theta(x) = \\theta_0 + \\theta_1 x$ and the cost',
  '$$ J(\\theta) = \\frac{1}{2m} \\sum_{i=1}^{m} \\left( h_\\theta(x^{(i)}) - y^{(i)} \\right)^2 $$',
  '$$ \\frac{\\partial J}{\\partial \\theta_0} = \\frac{1}{m} \\sum_{i=1}^{m} \\left( h_\\theta(x^{(i)}) - y^{(i)} \\right) $$',
  '$$ \\frac{\\partial J}{\\partial \\theta_1} = \\frac{1}{m} \\sum_{i=1}^{m} \\left( h_\\theta(x^{(i)}) - y^{(i)} \\right) x^{(i)} $$',
  '',
].join('\n');

describe('documents in the author\'s notation', () => {
  it('keeps the built-in softmax where the problem calls it, after the author restates it entry by entry', () => {
    // The author's `Softmax(z)_i = e^{z_i} / sum_j e^{z_j}` is the softmax of one vector; the problem's
    // softmax(Zo^T) is called on a matrix, where it is the built-in (per row of Zo^T, per column of Zo).
    // dL/dZo = Ao - Y column by column (∂/∂z of -y·log softmax(z) is softmax(z) - y); numpy by central
    // differences: max error 7e-10 for Ao - Y, 1.8 for Y - A.
    const doc = [
      'The softmax is',
      '$$ Softmax(\\mathbf{z})_i = \\frac{e^{z_i}}{\\sum_{j} e^{z_j}} $$',
      'so the gradient is',
      '$$ \\frac{\\partial \\mathcal{L}}{\\partial \\mathbf{Z}_o} = \\mathbf{A}_o - \\mathbf{Y} $$',
      '',
    ].join('\n');
    const right = gradeText(SOFTMAX_COLUMNS, doc, 'hw.md');
    expect(right.asks[0]).toMatchObject({ outcome: 'correct', score: 2 });
    const wrong = gradeText(SOFTMAX_COLUMNS, doc.replace('\\mathbf{A}_o - \\mathbf{Y}', '\\mathbf{Y} - \\mathbf{A}_o'), 'hw.md');
    expect(wrong.asks[0]).toMatchObject({ rule: 'sign', score: 1 });
  });

  it('reads the author\'s per-sample restatement of the problem\'s arrays (p_i = σ(z_i)) as entries, not new names', () => {
    // x_i is sample i of X (a row, as a column vector): dL/dw = Σ_i (p_i - y_i) x_i = X^T (p - y), dL/db = Σ_i (p_i - y_i).
    // numpy (N = 5, D = 3, central differences): max error 4e-10 and 1e-10.
    const doc = [
      'Model: $p_i = \\sigma(z_i), \\quad z_i = w^T x_i + b$.',
      '$$ \\frac{\\partial L}{\\partial w} = \\sum_{i=1}^N (p_i - y_i) x_i $$',
      '$$ \\frac{\\partial L}{\\partial b} = \\sum_{i=1}^N (p_i - y_i) $$',
      '',
    ].join('\n');
    const result = gradeText(ROWS_AS_SAMPLES, doc, 'hw.md');
    expect(result.asks.map((a) => [a.outcome, a.score])).toEqual([['correct', 4], ['correct', 2]]);
    // The sign flipped in dL/dw: the policy's sign row, half of 4.
    const flipped = gradeText(ROWS_AS_SAMPLES, doc.replace('(p_i - y_i) x_i', '(y_i - p_i) x_i'), 'hw.md');
    expect(flipped.asks.map((a) => [a.rule, a.score])).toEqual([['sign', 2], ['correct', 2]]);
  });

  it('aligns a part in sample-superscript notation (x^{(i)}, h_\\theta) to its problem by content, and grades it', () => {
    // x^{(i)}, y^{(i)} under Σ_i are samples of the problem's x, y; h_θ is the author's own function. With
    // h = θ0 + θ1 x: dJ/dθ0 = (1/m) Σ (h - y), dJ/dθ1 = (1/m) Σ (h - y) x (numpy, m = 6: errors 7e-11, 1e-10).
    const result = gradeText(REGRESSION_AND_SOFTMAX, NG_NOTATION, 'hw.md');
    expect(result.alignment.map((a) => [a.problem, a.by])).toEqual([['1', 'content']]);
    expect(result.asks.map((a) => [a.outcome, a.score, a.confidence])).toEqual([
      // Aligned by content alone, but correct, and no other part claims these derivatives: sure.
      ['correct', 3, 'sure'],
      ['correct', 3, 'sure'],
      ['missing', 0, 'needs-review'],
    ]);
    // Without the 1/m, dJ/dθ1 is m times the truth (numpy: ratio 6.0 at m = 6): the policy's scale row, half of 3.
    const unscaled = gradeText(REGRESSION_AND_SOFTMAX, NG_NOTATION.replace('\\frac{\\partial J}{\\partial \\theta_1} = \\frac{1}{m}', '\\frac{\\partial J}{\\partial \\theta_1} ='), 'hw.md');
    expect(unscaled.asks[1]).toMatchObject({ rule: 'scale', score: 1.5 });
  });

  it('flags a missing answer where the problem holds equations on a ratio of names it could not read (lost ∂ signs)', () => {
    // A web page's text lost its partial signs and exponents: `w/u` is ∂w/∂u, `p3q2` is p^3 q^2. By hand, with
    // p = u cos v, q = u sin v: ∂w/∂u = 5u^4 cos^3 v sin^2 v and ∂w/∂v = u^5 cos^2 v sin v (2cos^2 v - 3 sin^2 v), as
    // written, so a TA gives full marks. chainrule reads none of it as an answer: neither ask may be a sure "missing"
    // (both were): the read claim on the quotient w/u may answer dw/du, and the unread `w/v = ...` lines dw/dv.
    const assignment = 'problem 1 "Chain rule"\nu : scalar\nv : scalar\np = u cos(v)\nq = u sin(v)\nw = p^3 q^2\nask dw/du 3 points\nask dw/dv 3 points\n';
    const doc = [
      'Use the Chain Rule to find w/u and w/v. w = p3q2, p = u cos(v), q = u sin(v)',
      'Solution',
      'w/u = 3p2q2(cosv) + 2p3q (sinv) = 3(ucosv)2(usinv)2 (cosv)+ 2(ucosv)3(usinv)(sinv)',
      'w/u = 3u4 cos3v sin2v + 2u4 cos3v sin2v = 5u4 cos3v sin2v',
      'w/v = 3p2q2 (-u sinv) + 2p3q (u cosv) = 3(ucosv)2(usinv)2 (-u sinv)+ 2(ucosv)3(usinv)(u cosv)',
      'w/v = -3u5 cos2v sin3v + 2u5 cos4v sinv = u5 cos2v sinv (2cos2v - 3sin2v)',
      '',
    ].join('\n');
    const result = gradeText(assignment, doc, 'hw.md');
    expect(result.asks.map((a) => [a.outcome, a.confidence])).toEqual([
      ['missing', 'needs-review'],
      ['missing', 'needs-review'],
    ]);
    expect(result.asks[1].reasons.join(' ')).toMatch(/could not be read \(line 5, 6\)/);
  });
});
