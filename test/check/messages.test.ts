// The words of the report: each diagnosis names the fix and its place the way a teaching assistant would.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const TWO_LAYER = `X : 1 x M
W1 : M x N
b1, h1, a1 : 1 x N
W2 : N x 1
b2 : scalar
y : scalar binary
h1 = X W1 + b1
a1 = sigma(h1)
h2 = a1 W2 + b2
a2 = sigma(h2)
L = -y log(a2) - (1 - y) log(1 - a2)
`;

function stepOf(source: string, claimIndex = 0, stepIndex = 0) {
  const { report } = checkSource(source, 'm.cr');
  return report.claims[claimIndex].steps[stepIndex];
}

describe('messages', () => {
  it('names the missing transpose and its place for a wrong-shape step', () => {
    // a1 (a2 - y) is 1 x N; dL/dW2 is N x 1; replacing a1 (line 12, column 10) by a1^T fixes it.
    const step = stepOf(TWO_LAYER + 'dL/dW2 = a1 (a2 - y)\n');
    expect(step.diagnosis).toBe('shape');
    expect(step.message).toBe('this step is 1 x N but dL/dW2 is N x 1; replace a1 by a1^T at 12:10');
  });

  it('says what a shape error inside a step is, with the fix', () => {
    // a1 (1 x N) times W2^T (1 x N) cannot be multiplied; a1^T W2^T is N x N, not the shape of dL/dW2,
    // so the first fitting edit is offered.
    const step = stepOf(TWO_LAYER + 'dL/dW2 = a1 W2^T (a2 - y)\n');
    expect(step.diagnosis).toBe('shape');
    expect(step.message).toMatch(/^cannot multiply a1 \(1 x N\) by W2\^T \(1 x N\)/);
  });

  it('explains the missing sigmoid derivative as a missing factor', () => {
    const step = stepOf(TWO_LAYER + 'dL/dW1 = X^T ((a2 - y) W2^T)\n');
    expect(step.diagnosis).toBe('missing-factor');
    expect(step.message).toBe('a factor is missing: .* a1 .* (1 - a1)');
  });

  it('names the factor of a scale error, including a dimension', () => {
    const source = `X : B x M\nw : M x 1\ny : B x 1\nr = X w - y\nL = sum(r .* r) / B\ndL/dw = 2 X^T r\n`;
    const step = stepOf(source);
    expect(step.diagnosis).toBe('scale');
    expect(step.message).toBe('off by a constant factor: this is B × dL/dw');
  });

  it('says which domain a softmax identity needs', () => {
    const source = `h, y : 1 x C\ns = softmax(h)\nL = -y · log(s)\ndL/dh = s - y\n`;
    const step = stepOf(source);
    expect(step.verdict).toBe('incorrect');
    expect(step.message).toContain('this holds only when the entries of y sum to 1');
    const onehot = stepOf(`h : 1 x C\ny : 1 x C onehot\ns = softmax(h)\nL = -y · log(s)\ndL/dh = s - y\n`);
    expect(onehot.verdict).toBe('correct');
  });

  it('accepts a numeric answer through the stated rounded intermediates and says so', () => {
    // s1 = sigma(2) = 0.8808; exact dy/da = 2 s1 (1 - s1) = 0.2100; with s1 ~ 0.9 it is 0.18.
    const source = `r1 = max(c x1 + e x2, 0)\ns1 = sigma(a r1)\ny = s1\nat x1 = 1, x2 = -1, a = 1, c = 4, e = 2\nat s1 ~ 0.9\ndy/da = 0.18\n`;
    const step = stepOf(source);
    expect(step.verdict).toBe('correct');
    expect(step.message).toBe('correct using the stated rounded values (s1 ~ 0.9): 0.18; the exact value is 0.21');
  });

  it('recognises an error carried from an earlier line', () => {
    // The author's dL/dh1 drops the factor (1 - a1); dL/dW1 = X^T (that) follows from it.
    const source = TWO_LAYER + 'dL/dh1 = (a2 - y) W2^T .* a1\ndL/dW1 = X^T ((a2 - y) W2^T .* a1)\n';
    const { report } = checkSource(source, 'm.cr');
    expect(report.claims[1].steps[0].diagnosis).toBe('carried-error');
    expect(report.claims[1].steps[0].message).toBe('this step follows correctly from your dL/dh1 on line 12, which was wrong: fix that line and this one follows');
  });

  it('asks for the missing definition instead of differentiating an undefined name', () => {
    const step = stepOf('dL/dW = X^T (a - y)\n');
    expect(step.verdict).toBe('error');
    expect(step.message).toBe('L is not defined here, so dL/dW cannot be worked out (hint: define it first, e.g. `L = ...`)');
  });
});
