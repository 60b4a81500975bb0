// A loss named, not written (src/analysis/namedLosses.ts): `E = \text{CE}(p, t)` with p a softmax's output is
// the cross-entropy -Σ_k t_k log p_k, the labels being the argument the question does not compute. Written in column
// vectors, with the prediction first and the labels called t (another author's convention than the corpus's
// `CE(y, \hat{y})`). Expectations worked by hand and checked with sympy (a throw-away script, not run here): with
// o = V h + c, p = softmax(o), E = -Σ t log p and labels summing to 1, ∂E/∂c = p - t, ∂E/∂V = (p - t) hᵀ,
// ∂E/∂h = Vᵀ (p - t) (differences below 1e-15); t - p is off by 0.72 at a random point. For labels that do not sum
// to 1, p - t fails (off by 0.36): only the labels' reading makes it right, and the claim says so.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const lines = (...rows: string[]) => rows.join('\n') + '\n';

function check(source: string) {
  return checkSource(source, 'doc.md').report;
}

const setUp = (output: string, loss = String.raw`$$E = \text{CE}(p, t)$$`) => [
  '# Problem 3: a softmax output layer',
  String.raw`Let $h \in \mathbb{R}^{4}$, $V \in \mathbb{R}^{3 \times 4}$ and $c \in \mathbb{R}^{3}$.`,
  String.raw`$$o = V h + c$$`,
  output,
  loss,
];

describe('a cross-entropy named with the softmax output and the labels', () => {
  it('is read as -Σ t log p, so the backward pass is checked', () => {
    const report = check(
      lines(
        ...setUp(String.raw`$$p = \text{softmax}(o)$$`),
        String.raw`$$\frac{\partial E}{\partial c} = p - t$$`,
        String.raw`$$\frac{\partial E}{\partial V} = (p - t) h^T$$`,
        String.raw`$$\frac{\partial E}{\partial h} = V^T (p - t)$$`,
        // The sign slipped: wrong for every label vector.
        String.raw`$$\frac{\partial E}{\partial c} = t - p$$`,
      ),
    );
    expect(report.claims.map((c) => c.verdict)).toEqual(['correct', 'correct', 'correct', 'incorrect']);
    // p - t holds only because the labels sum to 1: the claim lists that reading.
    expect(report.claims[0].readings?.map((r) => r.readAs)).toEqual(['t (simplex)']);
  });

  it('reads the labels in either place of the call', () => {
    const report = check(lines(...setUp(String.raw`$$p = \text{softmax}(o)$$`, String.raw`$$E = CrossEntropy(t, p)$$`), String.raw`$$\frac{\partial E}{\partial c} = p - t$$`));
    expect(report.claims.map((c) => c.verdict)).toEqual(['correct']);
  });

  it('is not read where the maths does not say which argument is the distribution', () => {
    // p = σ(o): a binary cross-entropy or a categorical one over unnormalised outputs; the call stays an unknown
    // function of p and t, and p - t (right for the binary one, -t log p - (1 - t) log(1 - p)) stays unjudged.
    const report = check(lines(...setUp(String.raw`$$p = \sigma(o)$$`), String.raw`$$\frac{\partial E}{\partial c} = p - t$$`));
    expect(report.claims.map((c) => c.verdict)).toEqual(['unjudged']);
  });

  it('is not read where the labels are stated at another shape than the distribution', () => {
    const report = check(
      lines(...setUp(String.raw`$$p = \text{softmax}(o), \quad t \in \mathbb{R}^{2}$$`), String.raw`$$\frac{\partial E}{\partial c} = p - t$$`),
    );
    // t ∈ R² cannot label p ∈ R³: CE stays an unknown function, and p - t (a shape error as written) unjudged.
    expect(report.claims.map((c) => c.verdict)).toEqual(['unjudged']);
  });

  it('is not read for a batch, where the loss may be the sum or the mean over the samples', () => {
    const report = check(
      lines(
        '# Problem 4: a batch',
        String.raw`Let $X \in \mathbb{R}^{m \times 4}$, $W \in \mathbb{R}^{4 \times 3}$.`,
        String.raw`$$P = \text{softmax}(X W), \quad E = \text{CE}(T, P)$$`,
        String.raw`$$\frac{\partial E}{\partial W} = X^T (P - T)$$`,
      ),
    );
    expect(report.claims.map((c) => c.verdict)).not.toContain('correct');
  });
});

describe('a binary cross-entropy named with the sigmoid output and the label', () => {
  // z = wᵀx + b, a = σ(z), L = -(y log a + (1 - y) log(1 - a)): sympy simplifies ∂L/∂z - (a - y) to 0, so ∂L/∂w =
  // (a - y) x and ∂L/∂b = a - y; (y - a) x is its negative.
  it('is read as -(y log a + (1 - y) log(1 - a))', () => {
    const report = check(
      lines(
        '## Part (b): one logistic unit',
        String.raw`With $x \in \mathbb{R}^{5}$, $w \in \mathbb{R}^{5}$, $b \in \mathbb{R}$ and $y \in \{0, 1\}$:`,
        String.raw`$$a = \sigma(w^T x + b), \qquad L = BinaryCrossEntropy(y, a)$$`,
        String.raw`$$\frac{\partial L}{\partial w} = (a - y) x$$`,
        String.raw`$$\frac{\partial L}{\partial b} = a - y$$`,
        String.raw`$$\frac{\partial L}{\partial w} = (y - a) x$$`,
      ),
    );
    expect(report.claims.map((c) => c.verdict)).toEqual(['correct', 'correct', 'incorrect']);
  });
});
