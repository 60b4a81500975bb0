// A problem's name written in another case or font (`w_1`, `V` for the problem's W1, v; grade/notationMap.ts), or
// with a word for a subscript (`E_{total}` for E), is the same name, not a slip: an answer wrong in it is wrong as written and earns its near miss's credit (a sign
// slip 50%), flagged for review because of the mapping. A name read by any other guess (a common name for the
// output, `\hat{y}` for p) still leaves a wrong answer unjudged.
import { describe, expect, it } from 'vitest';
import { gradeText } from './helpers';

// One hidden sigmoid layer, a sigmoid output p, binary cross-entropy. By hand: dL/ds = p - y, dL/dv = (p - y) a,
// dL/dW1 = ((p - y) v ⊙ a ⊙ (1 - a)) x^T. sympy at a random point (D = 2, H = 3, y = 1): |dL/dv - (p - y) a| = 7e-18,
// |dL/dv - (y - p) a| = 0.81 (the sign flipped), |dL/dW1 - ((p - y) v ⊙ a ⊙ (1 - a)) x^T| = 2e-17; 2(p - y) ≠ p - y.
const ASSIGNMENT = `problem 1 "One hidden layer"
x : D x 1
W1 : H x D
v : H x 1
y : scalar binary
h = W1 x
a = sigma(h)
s = v^T a
p = sigma(s)
L = -y log(p) - (1 - y) log(1 - p)
ask dL/dv 2 points
ask dL/dW1 4 points
ask dL/ds 1 point
`;

// Lecture-notes style: capital V for the output weights, lowercase w_1 for the first layer's, ŷ for the output.
const NOTES = [
  '## Backward pass',
  '',
  '$$\\frac{\\partial L}{\\partial V} = (y - p)\\, a$$',
  '',
  '$$\\frac{\\partial L}{\\partial w_1} = (p - y) \\left(V \\odot a \\odot (1 - a)\\right) x^\\top$$',
  '',
  '$$\\frac{\\partial L}{\\partial s} = 2(\\hat{y} - y)$$',
].join('\n');

describe("a problem's name in another case or font", () => {
  it('grades a wrong answer in it by its near miss, for review; a wrong answer by another guess stays unjudged', () => {
    const result = gradeText(ASSIGNMENT, NOTES, 'notes.md');
    expect(result.asks.map((a) => [a.id, a.rule, a.score, a.confidence])).toEqual([
      // (y - p) a: the sign flipped, V being the problem's v: 50% of 2.
      ['1 dL/dv', 'sign', 1, 'needs-review'],
      ['1 dL/dW1', 'correct', 4, 'needs-review'],
      // 2(ŷ - y): twice the truth, but ŷ is p only by a guess at a common name: not judged.
      ['1 dL/ds', 'unjudged', 0, 'needs-review'],
    ]);
    const signed = result.asks[0];
    expect(signed.reasons).toContain('read V as v');
  });

  it('reads a word for a subscript as the name itself: a sign slip in it earns half', () => {
    // One sigmoid unit, squared error. By hand (sympy: diff((t - o)**2/2, o) = o - t): dE/do = o - t, so
    // `t - o` is minus the truth, the sign row's 50%.
    const unit = 'problem 1 "One unit"\nx : scalar\nw : scalar\nt : scalar\nnet = w x\no = sigma(net)\nE = (t - o)^2 / 2\nask dE/do 2 points\n';
    const result = gradeText(unit, '## Output\n\n$$\\frac{\\partial E_{total}}{\\partial o} = t - o$$\n', 'unit.md');
    expect(result.asks.map((a) => [a.id, a.rule, a.score, a.confidence])).toEqual([['1 dE/do', 'sign', 1, 'needs-review']]);
  });
});
