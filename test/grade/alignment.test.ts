// Which part answers which problem, the student's names read as the problem's, and which claim is the
// answer (docs/grading.md, issue 14): each decision on a small document, with the result's report of it.
import { describe, expect, it } from 'vitest';
import { gradeText, LOGREG, TWO_LAYER } from './helpers';
import { labelKey } from '../../src/grade/alignment';

const BOTH = `${LOGREG.replace('problem 1 ', 'problem 2b ')}\n${TWO_LAYER.replace('problem 2 ', 'problem 3 ')}`;
const byId = (r: ReturnType<typeof gradeText>) => new Map(r.asks.map((a) => [a.id, a]));

describe('alignment of parts to problems', () => {
  it.each(['2b', '2.b', '2(b)', '2 (b)', 'Q2b', 'Problem 2 (b)', 'question 2.b'])('reads the label %s as 2b', (label) => {
    expect(labelKey(label)).toBe('2b');
  });

  it.each(['# 2.b', '# 2(b)', '## Q2b', '## Problem 2\n\n(b) the gradient', '## 2\n\nb) the gradient'])('aligns a part labelled %j', (heading) => {
    const r = gradeText(BOTH, `${heading}\n\n$$\\frac{\\partial L}{\\partial W} = X^T (a - y)$$\n`, 'hw.md');
    expect(byId(r).get('2b dL/dW')).toMatchObject({ outcome: 'correct' });
    expect(r.alignment?.find((a) => a.problem === '2b')?.by).toBe('label');
  });

  it('keeps the label of a question that starts by setting up its new derivation', () => {
    // (b) redefines y after (a) did: a new derivation, cut from the setup line before it; the question's
    // label still names it. d/dx (5 - σ(x))^2 = -2 (5 - σ(x)) σ(x)(1 - σ(x)): correct, by label.
    const assignment = 'problem 1a\ny = (3 x + 1)^2\nask dy/dx 1 point\n\nproblem 1b\ny = (5 - sigma(x))^2\nask dy/dx 1 point\n';
    const doc = [
      '## 1a', '', 'Let $u = 3x + 1$, then $y = u^2$:', '$$\\frac{dy}{dx} = 6(3x + 1)$$', '',
      '## 1b', '', 'Let $s = \\sigma(x)$, then $y = (5 - s)^2$:', '$$\\frac{dy}{dx} = -2(5 - \\sigma(x)) \\sigma(x)(1 - \\sigma(x))$$', '',
    ].join('\n');
    const r = gradeText(assignment, doc, 'hw.md');
    expect(byId(r).get('1b dy/dx')).toMatchObject({ outcome: 'correct', confidence: 'sure' });
    expect(r.alignment?.filter((a) => a.problem === '1b').map((a) => a.by)).toEqual(['label', 'label']);
  });

  it('aligns unlabelled derivations by content, in order, and leaves out one that fits no problem', () => {
    const doc = [
      '$$h = XW + b$$', '$$L = -y \\log a - (1 - y) \\log(1 - a)$$', '$$\\frac{\\partial L}{\\partial W} = X^T (a - y)$$',
      '$$h_1 = X W_1 + b_1$$', '$$L = -y \\log a_2 - (1 - y) \\log(1 - a_2)$$', '$$\\frac{\\partial L}{\\partial W_1} = X^T ((a_2 - y) W_2^T \\odot a_1 \\odot (1 - a_1))$$',
      '$$h = X W + D$$', '$$\\frac{\\partial L}{\\partial W_1} = Q S$$',
    ].join('\n\n');
    const r = gradeText(BOTH, doc, 'hw.md');
    expect(r.alignment?.map((a) => [a.fromLine, a.problem, a.by])).toEqual([[1, '2b', 'content'], [7, '3', 'content'], [13, null, 'none']]);
    expect(byId(r).get('3 dL/dW1')).toMatchObject({ outcome: 'correct', answer: { line: 11 }, confidence: 'needs-review' });
  });

  it('is sure of a correct answer aligned by content when no part aligned elsewhere claims the same derivative', () => {
    // The two derivations above without the third part, whose `∂L/∂W_1 = Q S` was a rival answer. A correct
    // answer gets its points whichever problem its part was written for; a wrong one still needs a look (the
    // part may answer another problem). numpy, finite differences (M = 3, N = 4): the answer is off by 8e-11,
    // the one without the factor a_1 ⊙ (1 - a_1) by 0.23.
    const doc = (factor: string) => [
      '$$h = XW + b$$', '$$L = -y \\log a - (1 - y) \\log(1 - a)$$', '$$\\frac{\\partial L}{\\partial W} = X^T (a - y)$$',
      '$$h_1 = X W_1 + b_1$$', '$$L = -y \\log a_2 - (1 - y) \\log(1 - a_2)$$', `$$\\frac{\\partial L}{\\partial W_1} = X^T ((a_2 - y) W_2^T${factor})$$`,
    ].join('\n\n');
    const right = gradeText(BOTH, doc(' \\odot a_1 \\odot (1 - a_1)'), 'hw.md');
    expect(right.alignment?.map((a) => [a.problem, a.by])).toEqual([['2b', 'content'], ['3', 'content']]);
    expect(byId(right).get('3 dL/dW1')).toMatchObject({ outcome: 'correct', confidence: 'sure' });
    const wrong = gradeText(BOTH, doc(''), 'hw.md');
    expect(byId(wrong).get('3 dL/dW1')).toMatchObject({ score: 0, confidence: 'needs-review' });
    expect(byId(wrong).get('3 dL/dW1')?.reasons.join(' ')).toContain('matched to this problem by content');
  });

  it('cuts a part without headings that answers one problem and then another between them', () => {
    // No heading or redefinition separates the two derivations: only the asks they answer do. Both right
    // (FD at x = 0.7: d/dx sin^2 x = 2 sin x cos x = 0.98545; d/dx e^{3x} = 3 e^{3x} = 24.4985).
    const assignment = 'problem 1\nx : scalar\nf = sin(x)^2\nask df/dx 1 point\n\nproblem 2\nx : scalar\ng = exp(3 x)\nask dg/dx 1 point\n';
    const doc = [
      'First the square of the sine, by the chain rule:', '', '$$\\frac{df}{dx} = 2 \\sin x \\cos x$$', '',
      'Then the exponential, whose inner derivative is 3:', '', '$$\\frac{dg}{dx} = 3 e^{3x}$$', '',
    ].join('\n');
    const r = gradeText(assignment, doc, 'hw.md');
    expect(byId(r).get('1 df/dx')).toMatchObject({ outcome: 'correct' });
    expect(byId(r).get('2 dg/dx')).toMatchObject({ outcome: 'correct' });
    expect(r.alignment?.map((a) => [a.problem, a.fromLine, a.toLine, a.by])).toEqual([['1', 3, 6, 'content'], ['2', 7, 8, 'content']]);
  });
});

describe('a derivation followed by its worked example', () => {
  // The same ask in a problem that leaves the inputs free and in a worked example of it: the formula answers
  // the first, the number the second, even with no heading between them and the example's values stated
  // before the derivation. By hand: dE/dw = (z - t) x = (w x - t) x; at w = 2, x = 3, t = 1 it is
  // (6 - 1) 3 = 15 (numpy, central difference: 15.000000).
  const assignment = [
    'problem 1 "A linear unit"', 'w : scalar', 'x : scalar', 't : scalar', 'z = w x', 'E = (z - t)^2 / 2', 'ask dE/dw 3 points', '',
    'problem 2 "The unit at w = 2, x = 3, t = 1"', 'w = 2', 'x = 3', 't = 1', 'z = w x', 'E = (z - t)^2 / 2', 'ask dE/dw 1 point', '',
  ].join('\n');
  const doc = (example: string) => [
    'Our unit computes $z = w x$ and is scored by $E = \\tfrac{1}{2}(z - t)^2$.', '',
    '$$\\frac{\\partial E}{\\partial w} = (z - t)\\frac{\\partial z}{\\partial w} = (w x - t) x$$', '',
    'Plugging in the numbers of the example:', '', `$$\\frac{\\partial E}{\\partial w} = ${example}$$`, '',
  ].join('\n');

  it('grades the formula under the general problem and the number under the example', () => {
    const r = gradeText(assignment, doc('(6 - 1) \\cdot 3 = 15'), 'notes.md');
    expect(byId(r).get('1 dE/dw')).toMatchObject({ outcome: 'correct', answer: { line: 3 } });
    expect(byId(r).get('2 dE/dw')).toMatchObject({ outcome: 'correct', answer: { line: 7 } });
    expect(r.alignment?.map((a) => [a.problem, a.fromLine, a.by])).toEqual([['1', 1, 'content'], ['2', 7, 'content']]);
  });

  it('grades a wrong number under the example, not the general problem', () => {
    // (6 - 1) + 3 = 8 is not 15: the example's answer is wrong (a number is a multiple of any other, so the
    // policy row may be `scale`), the formula still right.
    const r = gradeText(assignment, doc('(6 - 1) + 3 = 8'), 'notes.md');
    expect(byId(r).get('1 dE/dw')).toMatchObject({ outcome: 'correct', answer: { line: 3 } });
    expect(byId(r).get('2 dE/dw')).toMatchObject({ answer: { line: 7 } });
    expect(byId(r).get('2 dE/dw')?.outcome).not.toBe('correct');
  });
});

describe('notation', () => {
  describe('a name with a word for a subscript', () => {
    // E_{total} is the problem's E described, not indexed. By hand: d/dw ½(σ(wx + b) - t)^2 =
    // (ŷ - t) ŷ(1 - ŷ) x (numpy at w = 0.7, x = -1.3, b = 0.2, t = 0.4: central difference and formula 0.02022).
    const assignment = 'problem 1\nx : scalar\nw : scalar\nb : scalar\nt : scalar\nz = w x + b\nyhat = sigma(z)\nE = (yhat - t)^2 / 2\nask dE/dw 2 points\n';
    const doc = (answer: string, own = '') => `${own}The error over the batch:\n\n$$E_{\\text{total}} = \\frac{1}{2}(\\hat{y} - t)^2$$\n\n$$\\frac{\\partial E_{\\text{total}}}{\\partial w} = ${answer}$$\n`;

    it('reads E_{total} as the problem\'s E, and says so', () => {
      const ask = byId(gradeText(assignment, doc('(\\hat{y} - t)\\,\\hat{y}(1 - \\hat{y})\\,x'), 'hw.md')).get('1 dE/dw')!;
      expect(ask).toMatchObject({ outcome: 'correct', confidence: 'needs-review' });
      expect(ask.reasons).toContain('read E_{\\text{total}} as E');
    });

    it('grades a wrong answer so read as wrong, never sure', () => {
      // The factor x is missing: (ŷ - t) ŷ(1 - ŷ) is dE/dz, not dE/dw (numpy: -0.01556 against 0.02022).
      const ask = byId(gradeText(assignment, doc('(\\hat{y} - t)\\,\\hat{y}(1 - \\hat{y})'), 'hw.md')).get('1 dE/dw')!;
      expect(ask.score).toBe(0);
      expect(ask.answer).toBeTruthy();
      expect(ask.confidence).toBe('needs-review');
    });

    it('reads E_{ijk} as an entry, not as E described', () => {
      // Letters i to n are indices: ∂E_{ijk}/∂w is the derivative of an entry, which answers no ask on E.
      const r = gradeText(assignment, doc('(\\hat{y} - t)\\,\\hat{y}(1 - \\hat{y})\\,x').replace(/\\text\{total\}/g, 'ijk'), 'hw.md');
      expect(byId(r).get('1 dE/dw')?.outcome).toBe('missing');
    });

    it('leaves E_{total} alone beside the student\'s own E', () => {
      // `E = ...` of the student's own makes E_{total} another quantity: dE_{total}/dw answers nothing.
      const r = gradeText(assignment, doc('(\\hat{y} - t)\\,\\hat{y}(1 - \\hat{y})\\,x', '$$E = (\\hat{y} - t)^2$$\n\n'), 'hw.md');
      expect(byId(r).get('1 dE/dw')?.outcome).toBe('missing');
    });
  });

  describe('a name of the student\'s defined by the problem\'s formula', () => {
    // The problem's yhat = σ(wx + b), E = ½(yhat − t)²; the student calls σ(z) s. By hand dE/dyhat = yhat − t
    // (numpy at w = 0.7, x = −1.3, b = 0.2, t = 0.4: yhat = 0.3296, central difference and formula −0.0704).
    const assignment = 'problem 1\nx : scalar\nw : scalar\nb : scalar\nt : scalar\nz = w x + b\nyhat = sigma(z)\nE = (yhat - t)^2 / 2\nask dE/dyhat 2 points\n';
    const doc = (answer: string) => `Let $z = wx + b$ and $s = \\sigma(z)$, so $E = \\tfrac{1}{2}(s - t)^2$.\n\n$$\\frac{\\partial E}{\\partial s} = ${answer}$$\n`;

    it('is the problem\'s name where the student differentiates by it', () => {
      // Kept as the student's helper, E (the problem's, through yhat) would not depend on s: a derivative of 0.
      const ask = byId(gradeText(assignment, doc('s - t'), 'hw.md')).get('1 dE/dyhat')!;
      expect(ask).toMatchObject({ outcome: 'correct', score: 2 });
    });

    it('grades a wrong derivative by it as wrong', () => {
      // t − s is −(yhat − t): the sign is flipped (numpy: +0.0704 against −0.0704). The student's s is the problem's
      // yhat by their own definition (a forced reading, no slip), so the sign row's half, for review.
      expect(byId(gradeText(assignment, doc('t - s'), 'hw.md')).get('1 dE/dyhat')).toMatchObject({ rule: 'sign', score: 1, confidence: 'needs-review' });
    });
  });

  it('reads o_k as an entry of a written-out vector o, not as a scalar o for one sample', () => {
    // o = [0.5, -1, 2] is a vector though nothing is declared: o_k is its entry k, and the per-entry answer
    // p_k - y_k is checked for every k (numpy: p - y = [0.1753, 0.0391, -0.2144], the softmax cross-entropy
    // gradient), with no name read as another.
    const assignment = 'problem 1\no = [0.5, -1, 2]\ny = [0, 0, 1]\np = softmax(o)\nL = -sum(y .* log(p))\nask dL/do 2 points\n';
    const r = gradeText(assignment, 'For each class $k$,\n\n$$\\frac{\\partial L}{\\partial o_k} = p_k - y_k$$\n', 'hw.md');
    expect(byId(r).get('1 dL/do')).toMatchObject({ outcome: 'correct', confidence: 'sure' });
  });

  it('reads w_1 as W1 and says so', () => {
    const r = gradeText(TWO_LAYER, '$$\\frac{\\partial L}{\\partial w_1} = X^T ((a_2 - y) W_2^T \\odot a_1 \\odot (1 - a_1))$$\n', 'hw.md');
    const ask = byId(r).get('2 dL/dW1')!;
    expect(ask.outcome).toBe('correct');
    expect(ask.reasons).toContain('read w_1 as W1');
  });

  it('reads (W^2)^T as W2^T when the problem has no W', () => {
    const r = gradeText(TWO_LAYER, '$$\\frac{\\partial L}{\\partial W_1} = X^T ((a_2 - y) (W^2)^T \\odot a_1 \\odot (1 - a_1))$$\n', 'hw.md');
    expect(byId(r).get('2 dL/dW1')).toMatchObject({ outcome: 'correct' });
  });

  it.each(['W^{(1)}', '\\mathbf{W}_1', 'W_{1}'])('reads %s as W1', (written) => {
    const r = gradeText(TWO_LAYER, `$$\\frac{\\partial L}{\\partial ${written}} = X^T ((a_2 - y) W_2^T \\odot a_1 \\odot (1 - a_1))$$\n`, 'hw.md');
    expect(byId(r).get('2 dL/dW1')).toMatchObject({ outcome: 'correct' });
  });

  it('reads layers counted from the last (W^L, a^{L-1}) as the problem\'s, L its number of layers', () => {
    // TWO_LAYER has layers 1 and 2: W^{L-1} is W1, W^L is W2, a^L is a2, a^{L-1} is a1; the answer is then the
    // problem's dL/dW1 = X^T ((a2 - y) W2^T ⊙ a1 ⊙ (1 - a1)): correct, with the readings reported.
    const doc = '$$\\frac{\\partial L}{\\partial W^{L-1}} = X^T ((a^L - y) (W^L)^T \\odot a^{L-1} \\odot (1 - a^{L-1}))$$\n';
    const ask = byId(gradeText(TWO_LAYER, doc, 'hw.md')).get('2 dL/dW1')!;
    expect(ask).toMatchObject({ outcome: 'correct', confidence: 'needs-review' });
    expect(ask.reasons).toContain('read W^L as W2');
    // A name the problem has in no layer (V2) is not read as anything: `V^{L-1}` answers no dL/dW1.
    expect(byId(gradeText(TWO_LAYER, doc.replace('W^{L-1}}', 'V^{L-1}}'), 'hw.md')).get('2 dL/dW1')).toMatchObject({ outcome: 'missing' });
  });

  it('reads x_i, \\ell_i (one sample) as the x and l of a problem of scalars', () => {
    // l = (w x + b - y)^2 per sample: dl/dw = 2 (w x + b - y) x, written with the sample index i: correct.
    const scalars = 'problem 1\nf = w x + b\nl = (f - y)^2\nask dl/dw 2 points\n';
    const ask = byId(gradeText(scalars, '$$\\frac{\\partial \\ell_i}{\\partial w} = 2 (w x_i + b - y_i) x_i$$\n', 'hw.md')).get('1 dl/dw')!;
    expect(ask).toMatchObject({ outcome: 'correct', confidence: 'needs-review' });
    expect(ask.reasons).toContain('read x_i as x');
    // In a problem with arrays an index picks an entry: y_i is not read as the problem's y, so no score rests on it.
    const arrays = byId(gradeText(LOGREG, '$$\\frac{\\partial L}{\\partial b} = a - y_i$$\n', 'hw.md')).get('1 dL/db')!;
    expect(arrays.reasons.some((r) => r.includes('read y_i as y'))).toBe(false);
    expect(arrays.outcome).not.toBe('correct');
  });

  it('reads a one-sample name the student defines (\\ell_n = ...) as the problem\'s, its definition a restatement', () => {
    // Logistic unit: l = -(y log p + (1 - y) log(1 - p)), p = sigma(w x + b); dl/dw = (p - y) x (sympy: the
    // difference simplifies to 0; with (y - p) x it does not). The student restates l for sample n first.
    const scalars = 'problem 1\nz = w x + b\np = sigma(z)\nl = -(y log(p) + (1 - y) log(1 - p))\nask dl/dw 2 points\n';
    const doc = (answer: string) => `$$\\ell_n = -(y_n \\log p_n + (1 - y_n) \\log(1 - p_n))$$\n\nso\n\n$$\\frac{\\partial \\ell_n}{\\partial w} = ${answer}$$\n`;
    const right = byId(gradeText(scalars, doc('(p_n - y_n) x_n'), 'hw.md')).get('1 dl/dw')!;
    expect(right).toMatchObject({ outcome: 'correct', score: 2 });
    expect(right.reasons).toContain('read \\ell_n as l');
    expect(byId(gradeText(scalars, doc('(y_n - p_n) x_n'), 'hw.md')).get('1 dl/dw')).toMatchObject({ score: 0, confidence: 'needs-review' });
    // Beside the student's own plain \ell, \ell_n is another quantity (one term of their sum): not the problem's l.
    const both = gradeText(scalars, `$$\\ell = \\ell_1 + \\ell_2$$\n\n${doc('(p_n - y_n) x_n')}`, 'hw.md');
    expect(byId(both).get('1 dl/dw')!.reasons).not.toContain('read \\ell_n as l');
  });

  it('reads a^{L-2} of a two-layer network as its input, the name W1 multiplies', () => {
    // tanh hidden layer, squared error: dL/dW1 = (W2^T (z2 - y) ⊙ (1 - a1^2)) x^T (numpy, finite differences at a
    // random point; the opposite sign does not agree). Written at a generic last layer L = 2, a^{L-2} is a0, the input x.
    const net = 'problem 1\nx : d x 1\nW1 : h x d\nb1 : h x 1\nW2 : 1 x h\nb2 : scalar\ny : scalar\nz1 = W1 x + b1\na1 = tanh(z1)\nz2 = W2 a1 + b2\nL = (z2 - y)^2 / 2\nask dL/dW1 3 points\n';
    const doc = (residual: string) => `$$\\frac{\\partial L}{\\partial W^{L-1}} = \\left((W^{L})^T (${residual}) \\odot (1 - (a^{L-1})^2)\\right) (a^{L-2})^T$$\n`;
    const right = byId(gradeText(net, doc('z^{L} - y'), 'hw.md')).get('1 dL/dW1')!;
    expect(right).toMatchObject({ outcome: 'correct', score: 3 });
    expect(right.reasons).toContain('read a^{L-2} as x');
    expect(byId(gradeText(net, doc('y - z^{L}'), 'hw.md')).get('1 dL/dW1')).toMatchObject({ score: 0, confidence: 'needs-review' });
    // A problem whose first layer takes two inputs (W1 x + V1 u) has no one input: a^{L-2} is read as nothing.
    const twoInputs = net.replace('x : d x 1\n', 'x : d x 1\nu : d x 1\nV1 : h x d\n').replace('z1 = W1 x + b1', 'z1 = W1 x + V1 u + b1');
    expect(byId(gradeText(twoInputs, doc('z^{L} - y'), 'hw.md')).get('1 dL/dW1')!.reasons).not.toContain('read a^{L-2} as x');
  });

  it('reads the output written as \\hat{y} as the problem\'s a', () => {
    const r = gradeText(LOGREG, '$$\\frac{\\partial L}{\\partial W} = X^T (\\hat{y} - y)$$\n', 'hw.md');
    expect(byId(r).get('1 dL/dW')).toMatchObject({ outcome: 'correct', confidence: 'needs-review' });
  });

  it('leaves a name the instructor aliases to the alias', () => {
    const r = gradeText(`${LOGREG}alias p = h\n`, '$$\\frac{\\partial L}{\\partial W} = X^T (p - y)$$\n', 'hw.md');
    expect(byId(r).get('1 dL/dW')).toMatchObject({ outcome: 'wrong' });
  });

  // `\partial CE` is read by the LaTeX reader as C times E; C and E are no quantities of the problem (C is a
  // size), so a TA reads the problem's CE. dCE/dz of softmax cross-entropy is p - y: correct, with a reading.
  const SOFTMAX_CE = 'problem 1\nz : 1 x C\ny : 1 x C onehot\np = softmax(z)\nCE = -sum(y .* log(p))\nask dCE/dz 3 points\n';
  it.each(['\\frac{\\partial CE}{\\partial z}', '\\frac{\\partial C E}{\\partial \\mathbf{z}}'])('reads the letters of %s as the problem\'s CE', (target) => {
    const r = gradeText(SOFTMAX_CE, `$$${target} = p - y$$\n`, 'hw.md');
    expect(byId(r).get('1 dCE/dz')).toMatchObject({ outcome: 'correct', confidence: 'needs-review' });
    expect(byId(r).get('1 dCE/dz')!.reasons).toContain('read C E as CE');
  });

  it('does not spell a name from letters the problem or the student gives', () => {
    // E is the student's own (E = 2), so `C E` is a product and no answer to dCE/dz is written.
    const r = gradeText(SOFTMAX_CE, '$$E = 2$$\n\n$$\\frac{\\partial C E}{\\partial z} = p - y$$\n', 'hw.md');
    expect(byId(r).get('1 dCE/dz')).toMatchObject({ outcome: 'missing' });
  });

  it('never maps a name the student declares', () => {
    const r = gradeText(LOGREG, 'problem 1\nB : 2 x 2\ndL/db = sum(B) - sum(B) + a - y\n');
    expect(byId(r).get('1 dL/db')).toMatchObject({ outcome: 'correct', confidence: 'sure' });
  });
});

describe('the answer to an ask', () => {
  it('is the expansion after a chain-rule restatement', () => {
    const r = gradeText(LOGREG, 'problem 1\ndL/db = dL/dh dh/db\ndL/db = a - y\n');
    expect(byId(r).get('1 dL/db')).toMatchObject({ outcome: 'correct', answer: { line: 3 } });
  });

  it('puts in the author\'s own derivative written nearby', () => {
    const r = gradeText(LOGREG, 'problem 1\ndL/dW = X^T dL/dh\ndL/dh = a - y\n');
    expect(byId(r).get('1 dL/dW')).toMatchObject({ outcome: 'correct', answer: { line: 2, text: 'X^T (a - y)' }, confidence: 'sure' });
  });

  it('puts in the author\'s derivatives that are themselves written with derivatives, down to expanded ones', () => {
    // dL/dW = X^T dL/dh; dL/dh = dL/da ⊙ ∂σ(h)/∂h (σ'(h) as an elementwise product); dL/da = (a - y)/(a(1 - a)).
    // Put in: X^T ((a - y)/(a(1 - a)) ⊙ σ'(h)) = X^T (a - y), since σ'(h) = a(1 - a): correct.
    const doc = [
      '$$\\frac{\\partial L}{\\partial W} = X^T \\frac{\\partial L}{\\partial h}$$',
      '$$\\frac{\\partial L}{\\partial h} = \\frac{\\partial L}{\\partial a} \\odot \\frac{\\partial}{\\partial h} \\sigma(h)$$',
      '$$\\frac{\\partial L}{\\partial a} = \\frac{a - y}{a (1 - a)}$$',
    ].join('\n\n');
    const r = gradeText(LOGREG, doc, 'hw.md');
    expect(byId(r).get('1 dL/dW')).toMatchObject({ outcome: 'correct', answer: { line: 1 } });
    // With the wrong sign in dL/da, the same chain is a sign slip: half the points, flagged.
    const wrong = gradeText(LOGREG, doc.replace('\\frac{a - y}', '\\frac{y - a}'), 'hw.md');
    expect(byId(wrong).get('1 dL/dW')).toMatchObject({ outcome: 'partial', rule: 'sign', confidence: 'needs-review' });
  });

  it('ignores a submission\'s shape for a name the problem defines', () => {
    // h is the problem's X W + b (a scalar); `h : 5 x 1` (sizes of the author's example) changes nothing.
    const r = gradeText(LOGREG, 'problem 1\nh : 5 x 1\ndL/db = a - y\n');
    expect(byId(r).get('1 dL/db')).toMatchObject({ outcome: 'correct', confidence: 'sure' });
  });

  it('takes f\'(x) = ... as the answer to ds/dx for the problem\'s s = f(x), and aligns the part by it', () => {
    // σ'(x) = σ(x)(1 - σ(x)) is ds/dx for s = σ(x): correct. The part has no label; its content (the answer
    // and the problem's x) fits problem 1 and not 2b, so it is aligned by content, before 2b's part.
    const assignment = `problem 1\ns = sigma(x)\nask ds/dx 2 points\n\n${LOGREG.replace('problem 1 ', 'problem 2b ')}`;
    const doc = ['$$\\sigma\'(x) = \\sigma(x)(1 - \\sigma(x))$$', '', '## 2b', '', '$$\\frac{\\partial L}{\\partial b} = a - y$$'].join('\n');
    const r = gradeText(assignment, doc, 'hw.md');
    expect(byId(r).get('1 ds/dx')).toMatchObject({ outcome: 'correct', answer: { line: 1 } });
    expect(r.alignment?.map((a) => [a.problem, a.by])).toEqual([['1', 'content'], ['2b', 'label']]);
    // g'(x) for a g the problem does not define answers nothing.
    expect(byId(gradeText('problem 1\ns = sigma(x)\nask ds/dx 2 points\n', '$$g\'(x) = 1$$\n', 'hw.md')).get('1 ds/dx')).toMatchObject({ outcome: 'missing' });
  });

  it('grades a wrong derivative put in as wrong, and flags it', () => {
    const r = gradeText(LOGREG, 'problem 1\ndL/dW = X^T dL/dh\ndL/dh = y - a\n');
    expect(byId(r).get('1 dL/dW')).toMatchObject({ outcome: 'partial', rule: 'sign', confidence: 'needs-review' });
  });

  it('takes a per-entry answer for the whole gradient', () => {
    const assignment = 'problem 1\nx : k x 1\nw : k x 1\ny : scalar binary\nh = sigma(w^T x)\nL = -(y log(h) + (1 - y) log(1 - h))\nask dL/dw 4 points\n';
    const r = gradeText(assignment, '$$\\frac{\\partial L}{\\partial w_j} = (h - y) x_j$$\n', 'hw.md');
    expect(byId(r).get('1 dL/dw')).toMatchObject({ outcome: 'correct' });
  });
});
