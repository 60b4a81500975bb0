// A recurrence `h_t = \tanh(W_{hh} h_{t-1} + ...)` defines the state at step t, not the entries of an array h:
// the right side writes h at the step before. The document is written for the test, in the style of RNN
// lecture notes (W_{hh}, W_{xh} as in Karpathy's min-char-rnn), not in the corpus's notation.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const md = (...lines: string[]) => lines.join('\n') + '\n';

describe('a recurrence is read as a time step, not as entries', () => {
  it('checks the Jacobians of h_t = tanh(W_hh h_{t-1} + W_xh x_t + b)', () => {
    // numpy central differences (n = 3, d = 2, random W_hh, W_xh, b, h_{t-1}, x_t):
    // dh_t/dh_{t-1} = diag(1 - h_t^2) W_hh to 4.0e-11; dh_t/db = diag(1 - h_t^2) to 2.3e-11, while
    // diag(1 - h_t) (the square dropped) is off by 1.93: a wrong value with every shape declared, so incorrect.
    // Read as entries of h (index t), the definition was the error "each entry must be a number" and no line read.
    const doc = md(
      '## Vanilla RNN',
      'The state is $h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b)$ with $h_t \\in \\mathbb{R}^{n}$, $x_t \\in \\mathbb{R}^{d}$, $W_{hh} \\in \\mathbb{R}^{n \\times n}$, $W_{xh} \\in \\mathbb{R}^{n \\times d}$ and $b \\in \\mathbb{R}^{n}$.',
      '$$\\frac{\\partial h_t}{\\partial h_{t-1}} = \\text{diag}(1 - h_t^2) W_{hh}$$',
      '$$\\frac{\\partial h_t}{\\partial b} = \\text{diag}(1 - h_t)$$',
    );
    const result = checkSource(doc, 'doc.md');
    expect(result.report.claims.map((c) => c.steps.map((s) => s.verdict).join(', '))).toEqual(['correct', 'incorrect']);
    expect(result.diagnostics.filter((d) => /each entry must be a number/.test(d.message))).toEqual([]);
  });

  it('still reads p_i = sigma(z_i), which writes no other step of p, entry by entry', () => {
    // p = sigma(z) entrywise, J = sum(p): dJ/dz = p (1 - p) entrywise; p^2 is wrong wherever p != 1/2.
    const doc = md(
      '## Entries',
      'Let $z \\in \\mathbb{R}^{m}$ and $p_i = \\sigma(z_i)$, $J = \\sum_i p_i$.',
      '$$\\frac{\\partial J}{\\partial z} = p \\odot (1 - p)$$',
      '$$\\frac{\\partial J}{\\partial z} = p \\odot p$$',
    );
    expect(checkSource(doc, 'doc.md').report.claims.map((c) => c.steps.map((s) => s.verdict).join(', '))).toEqual(['correct', 'incorrect']);
  });
});
