// Per-entry claims in documents: a claim restricted to one case of its indices (`, \quad i \neq j`,
// `\text{ if } i = j`: src/latex/conditions.ts, src/check/conditions.ts), and the labels of a cross-entropy
// taken to sum to 1, with a reading that says so (src/check/labels.ts).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const report = (md: string) => checkSource(md, 't.md').report;
const verdicts = (md: string) => report(md).claims.map((c) => `${c.line} ${c.verdict}`);

describe('a per-entry claim of one case', () => {
  // a = softmax(z): ∂a_j/∂z_i = a_j (δ_ij − a_i); on the diagonal a_i (1 − a_i), off it −a_i a_j.
  const softmax = ['# Softmax', '$$a_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$'];

  it('compares only the entries of the case, for = and ≠, after a comma, a wide space or "if"', () => {
    const md = [
      ...softmax,
      '$$\\frac{\\partial a_j}{\\partial z_i} = a_i(1 - a_i), \\quad i = j$$', // the diagonal: right
      '$$\\frac{\\partial a_j}{\\partial z_i} = -a_i a_j,\\quad i \\neq j.$$', // off the diagonal: right
      '$$\\frac{\\partial a_j}{\\partial z_i} = a_i a_j \\text{ if } i \\neq j$$', // off the diagonal, sign lost: wrong
      '$$\\frac{\\partial a_j}{\\partial z_i} = -a_i a_j, \\quad i = j$$', // the diagonal is a_i − a_i², not −a_i²: wrong
    ].join('\n');
    expect(verdicts(md)).toEqual(['3 correct', '4 correct', '5 incorrect', '6 incorrect']);
  });

  it('reads the condition with other names and letters', () => {
    const md = [
      '# Scores',
      '$$p_k = \\frac{\\exp(o_k)}{\\sum_l \\exp(o_l)}$$',
      '$$\\frac{\\partial p_k}{\\partial o_m} = -p_k p_m, \\qquad k \\ne m$$', // off the diagonal: right
      '$$\\frac{\\partial p_k}{\\partial o_m} = p_m(1 - p_m) \\text{ when } m = k$$', // the diagonal: right
    ].join('\n');
    expect(verdicts(md)).toEqual(['3 correct', '4 correct']);
  });

  it('leaves a condition on an index the target does not have unjudged, and defines no index by it', () => {
    const md = [...softmax, '$$L = -\\log a_c$$', '$$\\frac{\\partial L}{\\partial z_i} = a_i - 1, \\quad i = c$$'].join('\n');
    // c is not an index of ∂L/∂z_i: chainrule cannot restrict the target to i = c, so it does not judge.
    const claim = report(md).claims[0];
    expect(claim.verdict).toBe('unjudged');
    expect(claim.steps[0].message).toContain('holds only for i = c');
  });
});

describe('the labels of a cross-entropy', () => {
  const softmaxCe = ['# Softmax', '$$a_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$', '$$L = -\\sum_j y_j \\log a_j$$'];

  it('takes them to sum to 1 where a step needs it, and says so with the claim', () => {
    // dL/dz_i = a_i Σ_k y_k − y_i, which is a_i − y_i when the labels sum to 1 (one-hot): a TA accepts it.
    const r = report([...softmaxCe, '$$\\frac{\\partial L}{\\partial z_i} = a_i - y_i$$'].join('\n'));
    expect(r.claims[0].verdict).toBe('correct');
    expect(r.claims[0].readings?.map((x) => `${x.line} ${x.written} ${x.readAs}`)).toEqual(['3 y_j y (simplex)']);
  });

  it('makes no reading for a step that is right for any labels, and none for a step wrong for them all', () => {
    const md = [
      ...softmaxCe,
      '$$\\frac{\\partial L}{\\partial z_i} = a_i \\sum_k y_k - y_i$$', // right as written: no reading
      '$$\\frac{\\partial L}{\\partial z_i} = y_i - a_i$$', // the sign is wrong, whatever the labels
    ].join('\n');
    const r = report(md);
    expect(r.claims.map((c) => `${c.line} ${c.verdict} ${c.readings?.length ?? 0}`)).toEqual(['4 correct 0', '5 incorrect 0']);
  });

  it('never takes the label of a binary cross-entropy (1 - y beside it) to be 1', () => {
    // L = −(y log a + (1 − y) log(1 − a)), a = σ(z): dL/dz = a − y; a − 1 holds only for y = 1.
    const md = ['# Logistic', '$$a = \\sigma(z)$$', '$$L = -(y \\log a + (1 - y) \\log(1 - a))$$', '$$\\frac{\\partial L}{\\partial z} = a - 1$$'].join('\n');
    expect(report(md).claims[0].verdict).not.toBe('correct');
  });

  it('keeps .cr files as written: labels sum to 1 only when declared so', () => {
    const cr = 'z : N x 1\ny : N x 1\na = softmax(z)\nL = -sum(y .* log(a))\ndL/dz = a - y\n';
    // Without `onehot` or `simplex` on y, dL/dz = a sum(y) - y, so a - y is wrong (SPEC 1.2: .cr says what it means).
    expect(checkSource(cr, 't.cr').report.claims.map((c) => c.verdict)).toEqual(['incorrect']);
  });
});
