// A loss the maths never defines (src/analysis/unknownTargets.ts) is an unknown scalar function; a line written in
// the loss's own derivatives that is linear in the loss and fails for several random losses is wrong whatever the
// loss is (src/check/everyLoss.ts), so it is ✗; a line that only some loss makes right stays unjudged.
// Every expectation below was worked by hand and checked with numpy against finite differences of three random
// losses (a throw-away script, not run here): E(s) = Σ s³ + sin(w·s), exp(w·s) + Σ cos s, log(1 + |s − w|²).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

function stepVerdicts(source: string): string[] {
  return checkSource(source, 'doc.md').report.claims.flatMap((c) => c.steps.map((s) => s.verdict));
}

const lines = (...rows: string[]) => rows.join('\n') + '\n';

describe('a line written in the derivatives of a loss left to prose', () => {
  // h = V u + c, s = tanh(h), E any function of s; g = ∂E/∂s.
  const network = [
    '# Gradient of an unspecified objective',
    String.raw`Let $u \in \mathbb{R}^{3}$, $V \in \mathbb{R}^{4 \times 3}$, $c \in \mathbb{R}^{4}$. The hidden layer is`,
    String.raw`$$h = V u + c, \qquad s = \tanh(h)$$`,
    String.raw`and $\mathcal{E}$ is any objective computed from $s$.`,
  ];

  it('is right for every loss, or wrong for every loss, by the chain rule alone', () => {
    const doc = lines(
      ...network,
      // (g ⊙ (1 − s²)) uᵀ: the chain rule, 4 x 3 like V (numpy: matches for all three losses).
      String.raw`$$\frac{\partial \mathcal{E}}{\partial V} = \left(\frac{\partial \mathcal{E}}{\partial s} \odot (1 - s \odot s)\right) u^T$$`,
      // u (g ⊙ (1 − s²))ᵀ is 3 x 4: its shape is wrong whatever E is.
      String.raw`$$\frac{\partial \mathcal{E}}{\partial V} = u \left(\frac{\partial \mathcal{E}}{\partial s} \odot (1 - s \odot s)\right)^T$$`,
      // ∂E/∂c = g drops tanh' = 1 − s²: wrong unless g vanishes (numpy: fails for all three losses).
      String.raw`$$\frac{\partial \mathcal{E}}{\partial c} = \frac{\partial \mathcal{E}}{\partial s}$$`,
      // Vᵀ (g ⊙ (1 − s²)): right for all three.
      String.raw`$$\frac{\partial \mathcal{E}}{\partial u} = V^T \left(\frac{\partial \mathcal{E}}{\partial s} \odot (1 - s \odot s)\right)$$`,
      // 2 ∂E/∂h is twice ∂E/∂c (c enters h with the identity): wrong for every loss.
      String.raw`$$\frac{\partial \mathcal{E}}{\partial c} = 2 \frac{\partial \mathcal{E}}{\partial h}$$`,
    );
    expect(stepVerdicts(doc)).toEqual(['correct', 'incorrect', 'incorrect', 'correct', 'incorrect']);
  });

  it('leaves unjudged a line that some loss makes right', () => {
    const doc = lines(
      ...network,
      // (s − 1) ⊙ (1 − s²) is ∂E/∂h for E = ½|s − 1|² (numpy: matches), not for the three random losses.
      String.raw`$$\frac{\partial \mathcal{E}}{\partial h} = (s - 1) \odot (1 - s \odot s)$$`,
      // The chain rule plus s: s is no multiple of the loss, so the line says something of the loss itself (an E
      // with a term in h as well, which the prose may mean, adds one).
      String.raw`$$\frac{\partial \mathcal{E}}{\partial h} = \frac{\partial \mathcal{E}}{\partial s} \odot (1 - s \odot s) + s$$`,
    );
    expect(stepVerdicts(doc)).toEqual(['unjudged', 'unjudged']);
  });

  it('marks a transpose wrong where the shapes cannot tell', () => {
    // V square (3 x 3): u (g ⊙ (1 − s²))ᵀ has ∂E/∂V's shape but is its transpose, equal only where that outer
    // product is symmetric (numpy, three random losses with V 3 x 3: fails for each).
    const doc = lines(
      '# Square layer',
      String.raw`Let $u \in \mathbb{R}^{3}$, $V \in \mathbb{R}^{3 \times 3}$, $c \in \mathbb{R}^{3}$.`,
      String.raw`$$h = V u + c, \qquad s = \tanh(h)$$`,
      String.raw`$$\frac{\partial \mathcal{E}}{\partial V} = u \left(\frac{\partial \mathcal{E}}{\partial s} \odot (1 - s \odot s)\right)^T$$`,
    );
    expect(stepVerdicts(doc)).toEqual(['incorrect']);
  });
});

describe('error signals of a loss left to prose', () => {
  // p = A x, q = tanh(p), o = B q, J any function of o, δ_v = ∂J/∂v (errorSignals.ts).
  const doc = lines(
    '# Two layers, objective J left to the text',
    String.raw`Let $x \in \mathbb{R}^{3}$, $A \in \mathbb{R}^{4 \times 3}$, $B \in \mathbb{R}^{2 \times 4}$.`,
    '$$p = A x$$',
    String.raw`$$q = \tanh(p)$$`,
    '$$o = B q$$',
    String.raw`The objective $J$ compares $o$ with the target. Write $\delta_v = \frac{\partial J}{\partial v}$ for any variable $v$.`,
    // δ_q = Bᵀ δ_o, δ_p = δ_q ⊙ (1 − q²), ∂J/∂A = δ_p xᵀ, ∂J/∂B = δ_o qᵀ: numpy, right for J = Σ o³ + sin(o₁o₂),
    // exp(o·w), log(1 + |o|²).
    String.raw`$$\delta_q = B^T \delta_o$$`,
    String.raw`$$\delta_p = \delta_q \odot (1 - q \odot q)$$`,
    String.raw`$$\frac{\partial J}{\partial A} = \delta_p x^T$$`,
    String.raw`$$\frac{\partial J}{\partial B} = \delta_o q^T$$`,
    // q δ_oᵀ is 4 x 2, B is 2 x 4.
    String.raw`$$\frac{\partial J}{\partial B} = q \delta_o^T$$`,
    // Bᵀ δ_o is δ_q: the tanh' factor is missing (numpy: fails for all three).
    String.raw`$$\delta_p = B^T \delta_o$$`,
  );

  it('checks the recursion exactly', () => {
    expect(stepVerdicts(doc)).toEqual(['correct', 'correct', 'correct', 'correct', 'incorrect', 'incorrect']);
  });

  it('names the loss as the author writes it, not the signal it was read from', () => {
    const note = checkSource(doc, 'doc.md').diagnostics.find((d) => d.code === 'reading' && /not defined in the maths/.test(d.message));
    expect(note?.message).toMatch(/^J is not defined in the maths; chainrule takes it as an unknown scalar function of o:/);
  });
});

describe('bars of a loss left to prose', () => {
  // m = P r, n = σ(Q r), R any function of m and n, \bar v = ∂R/∂v (barSignals.ts).
  it('checks a sum over paths, and marks a missing path wrong', () => {
    const doc = lines(
      '# Backprop with bars',
      String.raw`Shapes: $r \in \mathbb{R}^{3}$, $P \in \mathbb{R}^{2 \times 3}$, $Q \in \mathbb{R}^{4 \times 3}$.`,
      String.raw`$$m = P r, \qquad n = \sigma(Q r)$$`,
      String.raw`The cost $\mathcal{R}$ is computed from $m$ and $n$; bars are its derivatives:`,
      String.raw`$\overline{v} = \frac{\partial \mathcal{R}}{\partial v}$.`,
      // r̄ = Pᵀ m̄ + Qᵀ (n̄ ⊙ n ⊙ (1 − n)): numpy, right for R = |m|² Σn + sin n₁, exp(m₁ − n·w), log(1 + |m|² + |n|²).
      String.raw`$$\overline{r} = P^T \overline{m} + Q^T (\overline{n} \odot n \odot (1 - n))$$`,
      // the path through n left out: wrong for all three.
      String.raw`$$\overline{r} = P^T \overline{m}$$`,
      // P̄ = m̄ rᵀ (2 x 3) right; r m̄ᵀ is 3 x 2.
      String.raw`$$\overline{P} = \overline{m} r^T$$`,
      String.raw`$$\overline{P} = r \overline{m}^T$$`,
    );
    expect(stepVerdicts(doc)).toEqual(['correct', 'incorrect', 'correct', 'incorrect']);
  });
});

describe('a per-entry line through a loss left to prose', () => {
  // The every-loss check runs on the step as lowered plainly; a per-entry step is compared in its entries' layout
  // (claim.ts checkStep), where `\partial E / \partial s_i (1 - s_i)` lowers plainly to the scalar Σ_k g_k (1 − s_k),
  // g = ∂E/∂s, which fails against the vector ∂E/∂h whatever the line says. No verdict may rest on that node: per-entry
  // lines through an unknown loss are left to their own comparison, so a failing one stays unjudged.
  it('is not judged wrong through another node than the one it is compared as', () => {
    const doc = lines(
      '# Entries through an objective given in words',
      String.raw`Let $u \in \mathbb{R}^{3}$, $V \in \mathbb{R}^{3 \times 3}$, $c \in \mathbb{R}^{3}$.`,
      String.raw`$$h = V u + c, \qquad s = \tanh(h)$$`,
      String.raw`$\mathcal{E}$ is an objective computed from $s$.`,
      // (g ⊙ (1 − s²)) uᵀ: right for every loss (numpy, the three losses above), and makes E an unknown of s.
      String.raw`$$\frac{\partial \mathcal{E}}{\partial V} = \left(\frac{\partial \mathcal{E}}{\partial s} \odot (1 - s \odot s)\right) u^T$$`,
      // g_i (1 − s_i²) entry by entry: right (numpy: matches finite differences of all three losses).
      String.raw`$$\frac{\partial \mathcal{E}}{\partial h_i} = \frac{\partial \mathcal{E}}{\partial s_i} (1 - s_i^2)$$`,
      // g_i (1 − s_i): off by g_i s_i (s_i − 1) (numpy: fails for all three); its plain reading is a scalar, so
      // without the guard the every-loss check compared that scalar and said ✗.
      String.raw`$$\frac{\partial \mathcal{E}}{\partial h_i} = \frac{\partial \mathcal{E}}{\partial s_i} (1 - s_i)$$`,
    );
    const steps = checkSource(doc, 'doc.md').report.claims.flatMap((c) => c.steps);
    expect(steps.map((s) => s.verdict)).toEqual(['correct', 'correct', 'unjudged']);
    expect(steps[2].message).toMatch(/not defined in the maths/);
  });
});

describe('a loss written in one name the maths leaves undefined', () => {
  // r = M p, q = σ(r), o = N q; Φ = −R with R (a reward) only in words: R is the loss left undefined, an unknown
  // scalar function of o (unknownTargets.ts addStandIns). numpy: three random R of o (Σ o³ + sin(w·o),
  // exp(w·o) + Σ cos o, log(1 + |o − w|²)) against finite differences.
  const network = [
    '# Policy layer',
    String.raw`Shapes: $p \in \mathbb{R}^{3}$, $M \in \mathbb{R}^{2 \times 3}$, $N \in \mathbb{R}^{4 \times 2}$.`,
    String.raw`$$r = M p, \qquad q = \sigma(r), \qquad o = N q$$`,
    String.raw`The reward $R$ is computed from $o$ by the environment.`,
  ];

  it('checks the chain rule through it, and marks lines wrong for every loss', () => {
    const doc = lines(
      ...network,
      String.raw`$$\Phi = -R$$`,
      // Nᵀ ∂Φ/∂o: right for all three.
      String.raw`$$\frac{\partial \Phi}{\partial q} = N^T \frac{\partial \Phi}{\partial o}$$`,
      // ∂Φ/∂q ⊙ q ⊙ (1 − q): σ' = q(1 − q), right for all three.
      String.raw`$$\frac{\partial \Phi}{\partial r} = \frac{\partial \Phi}{\partial q} \odot q \odot (1 - q)$$`,
      // (∂Φ/∂r) pᵀ, 2 x 3 like M: right for all three.
      String.raw`$$\frac{\partial \Phi}{\partial M} = \frac{\partial \Phi}{\partial r} p^T$$`,
      // Nᵀ ∂Φ/∂o is ∂Φ/∂q: σ' left out, wrong for all three (max error 0.6 to 0.9).
      String.raw`$$\frac{\partial \Phi}{\partial r} = N^T \frac{\partial \Phi}{\partial o}$$`,
      // o − 1 is ∂Φ/∂o only for Φ = ½|o − 1|², a loss the words may mean: not linear in the loss, unjudged.
      String.raw`$$\frac{\partial \Phi}{\partial o} = o - 1$$`,
    );
    expect(stepVerdicts(doc)).toEqual(['correct', 'correct', 'correct', 'incorrect', 'unjudged']);
    const note = checkSource(doc, 'doc.md').diagnostics.find((d) => d.code === 'reading' && /not defined in the maths/.test(d.message));
    expect(note?.message).toMatch(/^R is not defined in the maths; chainrule takes it as an unknown scalar function of o/);
  });

  it('is no reading when the formula rests on two undefined names', () => {
    // Φ = R − β: which of them is the loss and which a constant (a baseline) is the prose's; Φ stays a function of R and β
    // only, so its derivative by q is 0 as read and the line is unjudged (read with R as the loss it would be ✓).
    const doc = lines(...network, String.raw`$$\Phi = R - \beta$$`, String.raw`$$\frac{\partial \Phi}{\partial q} = N^T \frac{\partial \Phi}{\partial o}$$`);
    expect(stepVerdicts(doc)).toEqual(['unjudged']);
  });
});

describe('a loss differentiated by a name the question never computes', () => {
  // h = W₁x + b₁, u = tanh(h), o = W₂u + b₂; y is declared and never defined, and the prose calls the output o "y".
  // chainrule reads L as an unknown function of o and of y (an input), so Wᵀ₂ ∂L/∂y fails for every such L as read;
  // with y = o, as the prose says, Wᵀ₂ ∂L/∂o is ∂L/∂u and ∂L/∂b₂ = ∂L/∂o (the chain rule; numpy with three random
  // losses of o: both match). The line rests on that reading, so it is unjudged, never ✗.
  it('leaves a line through that name unjudged', () => {
    const doc = lines(
      '# Two-layer network, loss left open',
      String.raw`$x \in \mathbb{R}^{4}$, $W_1 \in \mathbb{R}^{3 \times 4}$, $b_1 \in \mathbb{R}^{3}$, $W_2 \in \mathbb{R}^{2 \times 3}$, $b_2 \in \mathbb{R}^{2}$, $y \in \mathbb{R}^{2}$.`,
      String.raw`$$h = W_1 x + b_1, \quad u = \tanh(h), \quad o = W_2 u + b_2$$`,
      String.raw`Let $\mathcal{L}$ be the loss on the output $o$, which we also call $y$.`,
      // (∂L/∂o) uᵀ: right for every loss.
      String.raw`$$\frac{\partial \mathcal{L}}{\partial W_2} = \frac{\partial \mathcal{L}}{\partial o} u^T$$`,
      String.raw`$$\frac{\partial \mathcal{L}}{\partial u} = W_2^T \frac{\partial \mathcal{L}}{\partial y}$$`,
      String.raw`$$\frac{\partial \mathcal{L}}{\partial b_2} = \frac{\partial \mathcal{L}}{\partial y}$$`,
    );
    expect(stepVerdicts(doc)).toEqual(['correct', 'unjudged', 'unjudged']);
  });
});

describe("backprop's four equations with the cost left to prose", () => {
  // z¹ = W¹x + b¹, a¹ = σ(z¹), z² = W²a¹ + b², a² = σ(z²), C any function of a², δ^{[l]} = ∂C/∂z^{[l]}.
  // numpy, three random C of a² against finite differences: δ² = ∇_{a²}C ⊙ σ'(z²), δ¹ = (W²ᵀ δ²) ⊙ σ'(z¹) and
  // ∂C/∂W¹ = δ¹ xᵀ match; W²ᵀ δ² differs from δ¹ by up to 0.07 to 0.12 (σ' left out).
  it('checks them, the first written with a nabla', () => {
    const doc = lines(
      '# Error signals of a two-layer network',
      String.raw`$x \in \mathbb{R}^{3}$, $W^{[1]} \in \mathbb{R}^{4 \times 3}$, $b^{[1]} \in \mathbb{R}^{4}$, $W^{[2]} \in \mathbb{R}^{2 \times 4}$, $b^{[2]} \in \mathbb{R}^{2}$.`,
      String.raw`$$z^{[1]} = W^{[1]} x + b^{[1]}, \quad a^{[1]} = \sigma(z^{[1]}), \quad z^{[2]} = W^{[2]} a^{[1]} + b^{[2]}, \quad a^{[2]} = \sigma(z^{[2]})$$`,
      String.raw`The cost $C$ is any function of $a^{[2]}$. Write $\delta^{[l]} = \frac{\partial C}{\partial z^{[l]}}$.`,
      // ∇ takes C alone: read as ∇(C ⊙ σ'(z²)), C was a quantity and no loss (an activation left to prose).
      String.raw`$$\delta^{[2]} = \nabla_{a^{[2]}} C \odot \sigma'(z^{[2]})$$`,
      String.raw`$$\delta^{[1]} = ((W^{[2]})^T \delta^{[2]}) \odot \sigma'(z^{[1]})$$`,
      String.raw`$$\frac{\partial C}{\partial W^{[1]}} = \delta^{[1]} x^T$$`,
      String.raw`$$\delta^{[1]} = (W^{[2]})^T \delta^{[2]}$$`,
    );
    expect(stepVerdicts(doc)).toEqual(['correct', 'correct', 'correct', 'incorrect']);
  });
});
