// A derivative of a name the maths never defines, in a document (SPEC 4.1): the text may say what it is (a cost
// named in prose), so the line is unjudged with that reason, never an error charged to the author. A `.cr` file
// says what it means: there it stays the missing definition it is (test/check/messages.test.ts).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

describe('a derivative of a name defined only in the text', () => {
  it('is unjudged with the reason, while the lines the maths defines are checked', () => {
    const doc = [
      'The cost $J$ is the cross-entropy of the prediction $p$ and the label $y$, as in the lecture.', // 1
      '$$\\frac{\\partial J}{\\partial p} = -\\frac{y}{p} + \\frac{1 - y}{1 - p}$$', // 2: J is only in words: unjudged
      '$$z = w x + b$$', // 3
      '$$\\frac{\\partial z}{\\partial w} = w$$', // 4: sympy diff(w*x + b, w) = x: wrong
      '$$\\frac{\\partial z}{\\partial b} = 1$$', // 5: right
    ].join('\n');
    const { report } = checkSource(doc, 'notes.md');
    expect(report.claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(['2 unjudged', '4 incorrect', '5 correct']);
    const [step] = report.claims[0].steps;
    expect(step.message).toBe('J is not defined in the maths (the text may say what it is), so chainrule cannot work out dJ/dp');
    expect(step.hint).toBe('define J in the maths, e.g. `J = ...`, to have this line checked');
    expect(report.summary.errors).toBe(0);
  });

  it('stays an error in a .cr file', () => {
    const { report } = checkSource('p : scalar\ndJ/dp = -1/p\n', 'notes.cr');
    expect(report.claims[0].verdict).toBe('error');
  });
});
