// Documents read as a TA reads them (issue 13, SPEC 4.1): questions with their own scopes, values stated in
// the text as the question's point, and `unjudged` where a wrong verdict would rest on chainrule's reading.
// Every expectation below is worked out by hand in the comment beside it.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const check = (lines: string[]) => checkSource(lines.join('\n') + '\n', 'doc.md');
const verdicts = (lines: string[]) => check(lines).report.claims.map((c) => [c.label, c.target, c.verdict]);

describe('questions', () => {
  it('give each heading its own scope: L is redefined by the second question, not claimed', () => {
    // Logistic regression: dL/dh = a - y. Two-layer network: L is defined again in terms of a2, so
    // dL/dh2 = a2 - y there; read with the first L, dL/dh2 would be 0 and a2 - y marked wrong.
    const doc = [
      '## Logistic regression', '$$h = w x + b$$', '$$a = \\sigma(h)$$', '$$L = -y \\log a - (1-y)\\log(1-a)$$', '$$\\frac{\\partial L}{\\partial h} = a - y$$',
      '## Two-layer network', '$$h_2 = v a_1 + c$$', '$$a_2 = \\sigma(h_2)$$', '$$L = -y \\log a_2 - (1-y) \\log(1-a_2)$$', '$$\\frac{\\partial L}{\\partial h_2} = a_2 - y$$',
    ];
    expect(verdicts(doc)).toEqual([
      ['Logistic regression', 'dL/dh', 'correct'],
      ['Two-layer network', 'dL/dh2', 'correct'],
    ]);
  });

  it('let a part see its question and the parts before it', () => {
    // L = (w x - y)^2: dL/dh = 2 (h - y) with h = w x, and dL/dw = dL/dh x = 2 (h - y) x.
    const doc = ['## 1', '$$h = w x$$', '$$L = (h - y)^2$$', '(a) Find dL/dh.', '$$\\frac{dL}{dh} = 2(h - y)$$', '(b) Find dL/dw.', '$$\\frac{dL}{dw} = \\frac{dL}{dh} x = 2(h - y) x$$'];
    expect(verdicts(doc)).toEqual([
      ['1a', 'dL/dh', 'correct'],
      ['1b', 'dL/dw', 'correct'],
    ]);
  });

  it('read headings below the question level as steps of one question', () => {
    // ## is the level with several headings (the questions); ### Forward and ### Backward are steps of Q1, so
    // the backward step sees L = (h - y)^2 from the forward one: dL/dh = 2 (h - y). Q2's L is its own.
    const doc = [
      '# Notes', '## Q1', '### Forward', '$$h = w x$$', '$$L = (h - y)^2$$', '### Backward', '$$\\frac{dL}{dh} = 2(h - y)$$',
      '## Q2', '$$L = h^3$$', '$$\\frac{dL}{dh} = 3 h^2$$',
    ];
    expect(verdicts(doc)).toEqual([
      ['Backward', 'dL/dh', 'correct'],
      ['2', 'dL/dh', 'correct'],
    ]);
  });

  it('borrow the formulas of earlier questions for names they do not define, trusting only a match', () => {
    // Question 2 defines neither L nor u, so it reads those of question 1 (L = (w x + b)^2): dL/dw = 2 u x
    // matches; 2 u does not, but question 2 may mean another L, so that line is unjudged, not wrong.
    // Question 3 defines its own L = (w - x)^2: dL/dw = 2 (w - x), and 2 (w + x) is wrong by the sign of x.
    const doc = [
      '# Question 1', '$$u = w x + b$$', '$$L = u^2$$', '# Question 2', '$$\\frac{\\partial L}{\\partial w} = 2 u x$$', '$$\\frac{\\partial L}{\\partial w} = 2 u$$',
      '# Question 3', '$$L = (w - x)^2$$', '$$\\frac{\\partial L}{\\partial w} = 2 (w - x)$$', '$$\\frac{\\partial L}{\\partial w} = 2 (w + x)$$',
    ];
    const { report } = check(doc);
    expect(report.claims.map((c) => [c.line, c.verdict])).toEqual([[5, 'correct'], [6, 'unjudged'], [9, 'correct'], [10, 'incorrect']]);
    expect(report.claims[1].steps[0].message).toMatch(/does not define L, u; .* earlier question \(line 2, 3\)/);
  });

  it('read a letter bound by no sum and absent from the left side as one sample\'s label, not an index', () => {
    // f_1 = beta + omega x_i writes i free: the derivation is for sample i, and x_i, y_i are numbers.
    // d l_i / d omega = 2 (f_1 - y_i) x_i; without the factor x_i the chain rule is incomplete.
    const doc = ['# Toy example', '$$\\ell_i = (f_1 - y_i)^2$$', '$$f_1 = \\beta + \\omega x_i$$', '$$\\frac{\\partial \\ell_i}{\\partial \\omega} = 2(f_1 - y_i) x_i$$', '$$\\frac{\\partial \\ell_i}{\\partial \\omega} = 2(f_1 - y_i)$$'];
    expect(verdicts(doc).map((v) => v[2])).toEqual(['correct', 'incorrect']);
  });

  it('start a new part where a name is defined again in new terms', () => {
    // L = (b - y)^2 uses b, which the first L does not: a new derivation, so dL/db = 2 (b - y) holds; the
    // second definition is no claim that (b - y)^2 equals (a - y)^2.
    const doc = ['$$L = (a - y)^2$$', '$$\\frac{dL}{da} = 2(a - y)$$', '$$L = (b - y)^2$$', '$$\\frac{dL}{db} = 2(b - y)$$'];
    expect(verdicts(doc).map(([, t, v]) => [t, v])).toEqual([
      ['dL/da', 'correct'],
      ['dL/db', 'correct'],
    ]);
  });
});

describe('items numbered inside the maths', () => {
  it('reads `$$4) y = x^2$$` and `$$(b) z = ..$$` as items whose first line is a definition', () => {
    // Each item defines its own y and differentiates it: d/dx x^2 = 2x, d/dx x^3 = 3x^2 (correct); item 5's
    // y is its own (x^3), so 3x^2 is right there and 2x would not be.
    const doc = ['$$4) y = x^2$$', '', '$$\\frac{dy}{dx} = 2x$$', '', '$$5) y = x^3$$', '', '$$\\frac{dy}{dx} = 3x^2$$', '',
      '$$(b) z = 2 x$$', '', '$$\\frac{dz}{dx} = 2$$'];
    expect(verdicts(doc)).toEqual([['4', 'dy/dx', 'correct'], ['5', 'dy/dx', 'correct'], ['5b', 'dz/dx', 'correct']]);
  });

  it('does not read a name q_1 opening a line of maths as question 1', () => {
    // s_1 = 2x and q_1 = σ(s_1) in one question: d q_1/dx = 2 σ(s_1)(1 - σ(s_1)), correct, with no label.
    const doc = ['$$s_1 = 2 x$$', '$$q_1 = \\sigma(s_1)$$', '$$\\frac{d q_1}{dx} = 2 \\sigma(s_1)(1 - \\sigma(s_1))$$'];
    expect(verdicts(doc)).toEqual([[null, 'dq1/dx', 'correct']]);
  });
});

describe('a quantity named e', () => {
  it('makes e^2 its square, not exp(2), and a derivative with respect to it', () => {
    // e = y_h - y, L = e^2: dL/de = 2 e and dL/dy_h = 2 e. Read as exp(2), L would be a constant and both 0.
    expect(verdicts(['$$e = y_h - y$$', '$$L = e^2$$', '$$\\frac{\\partial L}{\\partial e} = 2e$$', '$$\\frac{\\partial L}{\\partial y_h} = 2e$$']).map(([, t, v]) => [t, v])).toEqual([
      ['dL/de', 'correct'],
      ['dL/dy_h', 'correct'],
    ]);
  });
});

describe('values stated in a question', () => {
  it('are its point, and rounded values of defined quantities are used as stated', () => {
    // x = 2, w = 3: h = 6 exactly; s = sigma(6) = 0.997527, so 0.9975 is right to its precision.
    // ds/dw = s (1 - s) x = 0.0049331; 0.9975 * 0.0025 * 2 = 0.0049875 is that with the stated rounded s,
    // and 0.005 is right to its precision (±0.0005).
    const doc = ['## Q2', 'The inputs are $x = 2$ and the weight $w = 3$.', '$$h = w x$$', '$$s = \\sigma(h)$$', 'Forward: $h = 6$, $s = 0.9975$ (rounded).', '$$\\frac{\\partial s}{\\partial w} = s(1-s) x = 0.9975 \\cdot 0.0025 \\cdot 2 = 0.005$$'];
    const { report, exitCode } = check(doc);
    expect(report.claims.map((c) => [c.target, c.verdict])).toEqual([
      ['h', 'correct'],
      ['s', 'correct'],
      ['ds/dw', 'correct'],
    ]);
    expect(report.claims[2].steps.map((s) => s.verdict)).toEqual(['correct', 'correct', 'correct']);
    expect(exitCode).toBe(0);
  });
});

describe('unjudged verdicts', () => {
  it('when the function does not depend on the variable as chainrule reads the question', () => {
    // L = (a - y)^2 has no z: read literally dL/dz = 0, but the author surely means another L.
    const { report, exitCode } = check(['$$L = (a - y)^2$$', '$$\\frac{\\partial L}{\\partial z} = 2(a - y)$$']);
    expect(report.claims[0].verdict).toBe('unjudged');
    expect(report.claims[0].steps[0].message).toMatch(/does not depend on z/);
    expect(report.claims[0].steps[0].hint).toBeDefined();
    expect(report.summary.unjudged).toBe(1);
    expect(exitCode).toBe(1);
  });

  it('when a number is given but no values are stated', () => {
    // f = x^2: df/dx = 2 x, which 6 equals only at x = 3, which the document does not state.
    expect(check(['$$f = x^2$$', '$$\\frac{df}{dx} = 6$$']).report.claims[0].steps[0].message).toMatch(/states no value for x/);
  });

  it('when a name no line defines decides the verdict, but not when the author is plainly wrong', () => {
    const setup = ['$$X \\in \\mathbb{R}^{1 \\times M}$$', '$$W \\in \\mathbb{R}^{M \\times 1}$$', '$$h = X W$$', '$$L = h^2$$'];
    // dL/dW = 2 h X^T (M x 1). `+ q` with q defined nowhere: chainrule cannot know what q is.
    const guessed = check([...setup, '$$\\frac{\\partial L}{\\partial W} = 2 h X^T + q$$']).report.claims[0];
    expect([guessed.verdict, guessed.steps[0].message]).toEqual(['unjudged', expect.stringMatching(/defines or declares q/)]);
    // 2 h X is 1 x M, the transpose of the answer, with every name declared: incorrect, as the author wrote it.
    const wrong = check([...setup, '$$\\frac{\\partial L}{\\partial W} = 2 h X$$']).report.claims[0];
    expect([wrong.verdict, wrong.steps[0].diagnosis]).toEqual(['incorrect', 'shape']);
  });
});

describe('what was read', () => {
  it('counts derivative lines read and not read', () => {
    // Line 2 is read; line 3 uses an integral, which is not read and is named with its reason.
    const { report } = check(['$$f = x^2$$', '$$\\frac{df}{dx} = 2x$$', '$$\\frac{d}{dx} \\int_0^x f(t) dt = f(x)$$']);
    expect(report.summary.read).toEqual({ derivationLines: 2, derivationLinesRead: 1, notRead: [{ line: 3, reason: expect.stringMatching(/integral/) }] });
  });

  it('exits 2 when a document has maths but none of it could be read, 0 when it has none', () => {
    expect(check(['$$\\int_0^1 f(x) dx = 1$$']).exitCode).toBe(2);
    const prose = check(['Only prose here.']);
    expect([prose.exitCode, prose.report.summary.claims]).toEqual([0, 0]);
  });
});
