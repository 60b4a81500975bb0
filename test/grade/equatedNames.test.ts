// `p_k = f_k(z)` and then `\frac{\partial f_k(z)}{\partial z_l} = ...` (src/grade/equatedNames.ts): the author
// differentiates what they have just equated to the problem's p_k, so the line answers `ask dp/dz`, entry by entry.
import { describe, expect, it } from 'vitest';
import { gradeText } from './helpers';

// Softmax Jacobian: dp_k/dz_l = p_k (δ_kl - p_l), i.e. diag(p) - p p^T (numpy, finite differences at a random z:
// agrees; with + p_l in place of - p_l it does not).
const ASSIGNMENT = 'problem 1 "Softmax"\nz : K x 1\np = softmax(z)\nask dp/dz 3 points\n';

const doc = (jacobian: string, equated = 'so that $p_k = f_k(z)$') =>
  [
    `**Problem 1.** Write $f_k(z) = \\frac{e^{z_k}}{\\sum_{m=1}^{K} e^{z_m}}$, ${equated}. By the quotient rule`,
    '',
    `$$\\frac{\\partial f_k(z)}{\\partial z_l} = ${jacobian}$$`,
  ].join('\n');

const ask = (source: string) => gradeText(ASSIGNMENT, source, 'answers.md').asks[0];

describe('a derivative of what the author equated to the problem\'s name', () => {
  it('answers the ask of that name, with the reading among the reasons', () => {
    expect(ask(doc('f_k(z)\\left(\\delta_{kl} - f_l(z)\\right)'))).toMatchObject({ outcome: 'correct', score: 3 });
    const claims = gradeText(ASSIGNMENT, doc('f_k(z)\\left(\\delta_{kl} - f_l(z)\\right)'), 'answers.md').problems[0].claims;
    expect(claims.flatMap((c) => c.readings ?? []).map((r) => r.readAs)).toContain('p_k');
  });

  it('grades a wrong Jacobian written so as not correct, flagged', () => {
    expect(ask(doc('f_k(z)\\left(\\delta_{kl} + f_l(z)\\right)'))).toMatchObject({ score: 0, confidence: 'needs-review' });
  });

  it('reads nothing without the equation, or when two names are equated to the call', () => {
    expect(ask(doc('f_k(z)\\left(\\delta_{kl} - f_l(z)\\right)', 'the softmax'))).toMatchObject({ outcome: 'missing' });
    const both = ASSIGNMENT.replace('p = softmax(z)', 'p = softmax(z)\nq = softmax(z)');
    const r = gradeText(both, doc('f_k(z)\\left(\\delta_{kl} - f_l(z)\\right)', 'so that $p_k = f_k(z)$ and $q_k = f_k(z)$'), 'answers.md');
    expect(r.asks[0]).toMatchObject({ outcome: 'missing' });
  });
});
