// Per-sample answers written with the model as a function of one sample (Andrew Ng's `h_\theta(x^{(i)})`, a
// linear-regression text's `f_{\mathbf{w}}(x^{(i)})`): the problem's defined h (or f) with a parameter it is computed
// from for a subscript is that name (grade/parameterSubscripts.ts), and a defined name called at sample i of
// the array it is computed from is its sample i (indexing/lower.ts), so `∂J/∂θ_j = ...` answers `ask dJ/dtheta`
// entry by entry. A wrong answer is graded wrong; a student's own h_θ stays theirs.
import { describe, expect, it } from 'vitest';
import { gradeText } from './helpers';

// Logistic regression over m samples (rows of X). By hand: dJ/dθ = X^T (h - y) / m, entry j = (1/m) Σ_i (h_i - y_i) X_ij.
// numpy at a random point (m = 5, n = 3): |finite differences - that| = 4.6e-11; with (y - h) the error is 0.53
// (minus the truth: the sign row, 50%).
const LOGISTIC = `problem 2 "Logistic regression, m samples of n features"
theta : n x 1
X : m x n
y : m x 1 binary
h = sigma(X theta)
J = -sum(y .* log(h) + (1 - y) .* log(1 - h)) / m
ask dJ/dtheta 2 points
`;

// Linear regression, the prediction f. By hand: dJ/dw = X^T (f - y) / m, entry j = (1/m) Σ_i (f_i - y_i) X_ij.
// numpy (m = 5, n = 3): |finite differences - that| = 4.9e-11; without the 1/m the error is 3.5 (m times the
// truth: the scale row, 50%).
const LINEAR = `problem 1 "Linear regression"
X : m x n
y : m x 1
w : n x 1
f = X w
J = sum((f - y) .* (f - y)) / (2 m)
ask dJ/dw 3 points
`;

const ngStyle = (body: string) => `#### Gradient for n features\n\n$$ \\frac{\\partial J}{\\partial \\theta_j} = ${body} $$\n`;
const row = (r: { asks: { id: string; rule: string | null; score: number; confidence: string }[] }) => r.asks.map((a) => [a.id, a.rule, a.score, a.confidence]);

describe('the model written as a function of one sample', () => {
  it("reads h_θ(x^{(i)}) as sample i of the problem's h: a right per-entry answer earns its points, for review", () => {
    const result = gradeText(LOGISTIC, ngStyle('\\frac{1}{m} \\sum_{i=1}^{m} ( h_{\\theta}(x^{(i)}) - y^{(i)} ) x_{j}^{(i)}'), 'ng.md');
    expect(row(result)).toEqual([['2 dJ/dtheta', 'correct', 2, 'needs-review']]);
    expect(result.asks[0].reasons).toContain('read h_{\\theta} as h');
  });

  it('grades a sign slip in it by its near miss, the mapping being no guess', () => {
    const result = gradeText(LOGISTIC, ngStyle('\\frac{1}{m} \\sum_{i=1}^{m} ( y^{(i)} - h_{\\theta}(x^{(i)}) ) x_{j}^{(i)}'), 'ng.md');
    expect(row(result)).toEqual([['2 dJ/dtheta', 'sign', 1, 'needs-review']]);
  });

  it('reads another letter and a bold parameter the same way, and a lost 1/m is the scale row', () => {
    const right = '**1.** Gradient of the cost:\n\n$$ \\frac{\\partial J}{\\partial w_j} = \\frac{1}{m} \\sum_{i=1}^{m} \\left( f_{\\mathbf{w}}(x^{(i)}) - y^{(i)} \\right) x_{j}^{(i)} $$\n';
    expect(row(gradeText(LINEAR, right, 'lin.md'))).toEqual([['1 dJ/dw', 'correct', 3, 'needs-review']]);
    const wrong = right.replace('\\frac{1}{m} \\sum', '\\sum');
    expect(row(gradeText(LINEAR, wrong, 'lin.md'))).toEqual([['1 dJ/dw', 'scale', 1.5, 'needs-review']]);
  });

  it('reads h_θ(X) of a vectorised answer as h, and a sign slip there earns half', () => {
    // X^T (h - y) / m is the gradient (above); X^T (y - h) / m is minus it.
    const vectorised = (body: string) => `## Vectorised\n\n$$ \\frac{\\partial J}{\\partial \\theta} = \\frac{1}{m} X^T \\left( ${body} \\right) $$\n`;
    expect(row(gradeText(LOGISTIC, vectorised('h_\\theta(X) - y'), 'vec.md'))).toEqual([['2 dJ/dtheta', 'correct', 2, 'needs-review']]);
    expect(row(gradeText(LOGISTIC, vectorised('y - h_\\theta(X)'), 'vec.md'))).toEqual([['2 dJ/dtheta', 'sign', 1, 'needs-review']]);
  });

  it('reads a bold sample \\mathbf{x}^{(i)} as sample i of X, inside the call and beside it; a lost 1/m is the scale row', () => {
    // (1/m) Σ_i (h_i - y_i) x^{(i)} with x^{(i)} row i of X written as a column is X^T (h - y) / m (above);
    // without the 1/m it is m times that.
    const bold = (scale: string) => `## Gradient\n\n$$ \\nabla_{\\boldsymbol\\theta} J = ${scale} \\sum_{i=1}^{m} \\left( h_{\\boldsymbol\\theta}(\\mathbf{x}^{(i)}) - y^{(i)} \\right) \\mathbf{x}^{(i)} $$\n`;
    expect(row(gradeText(LOGISTIC, bold('\\frac{1}{m}'), 'bold.md'))).toEqual([['2 dJ/dtheta', 'correct', 2, 'needs-review']]);
    expect(row(gradeText(LOGISTIC, bold(''), 'bold.md'))).toEqual([['2 dJ/dtheta', 'scale', 1, 'needs-review']]);
  });

  it('reads "in case $j = 0$" after the answer as a remark on it, not a value of j for it; before the answer j = 0 still holds', () => {
    // The answer is (1/m) Σ_i (h_i - y_i) X_ij (above); dropping x_j^{(i)} leaves (1/m) Σ_i (h_i - y_i) for every j,
    // which is no near miss of the gradient (numpy: it differs from it by more than a scale or a sign).
    const answer = (body: string) => ngStyle(body) + '\nAdditionally, in case $j=0$, we have $x_0^{(i)} = 1$ for every sample.\n';
    const right = '\\frac{1}{m} \\sum_{i=1}^{m} ( h_{\\theta}(x^{(i)}) - y^{(i)} ) x_{j}^{(i)}';
    expect(row(gradeText(LOGISTIC, answer(right), 'remark.md'))).toEqual([['2 dJ/dtheta', 'correct', 2, 'needs-review']]);
    const [wrong] = gradeText(LOGISTIC, answer('\\frac{1}{m} \\sum_{i=1}^{m} ( h_{\\theta}(x^{(i)}) - y^{(i)} )'), 'remark.md').asks;
    expect([wrong.outcome, wrong.score, wrong.rule]).toEqual(['wrong', 0, 'unknown']);
    // Stated first, `j = 0` is the case the line after it is written for: θ_j stays θ at j = 0, a name of its own,
    // and the line is not judged as the whole gradient (it would be wrong for j > 0).
    const first = ngStyle('\\frac{1}{m} \\sum_{i=1}^{m} ( h_{\\theta}(x^{(i)}) - y^{(i)} )').replace('\n\n', '\n\nFor $j=0$:\n\n');
    expect(gradeText(LOGISTIC, first, 'case.md').asks[0].rule).toBe('unjudged');
  });

  it('keeps "where $n = 3$" after a formula that uses n as a quantity: the value is the formula\'s', () => {
    // d(x^3)/dx = 3 x^2 = n x^{n-1} at n = 3; at n = 2 it would be 2x, wrong.
    const power = 'problem 1 "A power"\nx : scalar\nf = x^3\nask df/dx 2 points\n';
    const where = (n: number) => `## Power rule\n\n$$ \\frac{df}{dx} = n x^{n-1} $$\n\nwhere $n = ${n}$.\n`;
    expect(row(gradeText(power, where(3), 'power.md'))).toEqual([['1 df/dx', 'correct', 2, 'sure']]);
    expect(gradeText(power, where(2), 'power.md').asks[0].score).toBe(0);
  });

  it("leaves a student's own h_θ theirs: their one-feature model is not the problem's h", () => {
    // h_θ defined by the student as 1/(1 + e^{-θ_0 - θ_1 x}) is another function than σ(Xθ): not read as h,
    // so the answer is not graded right.
    const own = '$$ h_{\\theta}(x^{(i)}) = \\frac{1}{1 + e^{-\\theta_0 - \\theta_1 x^{(i)}}} $$\n\n' + ngStyle('\\frac{1}{m} \\sum_{i=1}^{m} ( h_{\\theta}(x^{(i)}) - y^{(i)} ) x_{j}^{(i)}');
    const result = gradeText(LOGISTIC, own, 'own.md');
    expect(result.asks[0].reasons).not.toContain('read h_{\\theta} as h');
    expect(result.asks[0].score).toBe(0);
  });
});
