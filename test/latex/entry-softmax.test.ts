// A softmax written of one entry (src/analysis/writtenEntries.ts): `\text{softmax}(a_0)` beside `E(a_0, a_1, a_2)`,
// or beside a name `a` of the question, is the author's shorthand for entry 0 of the softmax; it is no sign that a_0
// is a vector. Read as one, a_0, a_1, a_2 each got unknown matrix shapes of their own and every line was an error
// blaming the author ("cannot add e^{a_0} (k1 x k2) and e^{a_1} (k3 x k4)").
// sympy, E = -a_2 + log(e^{a_0} + e^{a_1} + e^{a_2}), S = e^{a_0} + e^{a_1} + e^{a_2}:
// ∂E/∂a_0 - e^{a_0}/S = 0, ∂E/∂a_1 - e^{a_1}/S = 0, ∂E/∂a_2 - e^{a_2}/S = -1 (the -1 is missing),
// ∂E/∂a_1 - (-1 + e^{a_1}/S) = 1 (a -1 too many).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const stepVerdicts = (md: string) => checkSource(md, 'q4.md').report.claims.map((c) => `${c.line} ${c.steps.map((s) => s.verdict).join(' ')}`);

describe('a softmax of one numbered entry', () => {
  it('leaves the entries numbers, so the lines are checked and a wrong one is found', () => {
    const md = [
      '**Q4.** Entries are numbered from 0, as in the code. For an example of class 2 the loss is a function of the three scores:',
      '$$E(a) = E(a_0, a_1, a_2) = -a_2 + \\log(e^{a_0} + e^{a_1} + e^{a_2})$$',
      '$$\\begin{align*}',
      // right; softmax(a_0) of a number is 1 to chainrule, so the last step is left unjudged, never a guess
      '\\frac{\\partial E}{\\partial a_0} &= \\frac{e^{a_0}}{e^{a_0} + e^{a_1} + e^{a_2}} = \\text{softmax}(a_0) \\\\',
      // wrong: the -1 of the target class is missing
      '\\frac{\\partial E}{\\partial a_2} &= \\frac{e^{a_2}}{e^{a_0} + e^{a_1} + e^{a_2}} = \\text{softmax}(a_2) \\\\',
      // wrong: a -1 on a class that is not the target
      '\\frac{\\partial E}{\\partial a_1} &= -1 + \\frac{e^{a_1}}{e^{a_0} + e^{a_1} + e^{a_2}}',
      '\\end{align*}$$',
    ].join('\n');
    expect(stepVerdicts(md)).toEqual(['4 correct unjudged', '5 incorrect unjudged', '6 incorrect']);
  });

  it('does not judge a step by a softmax of one number, which is 1 as written', () => {
    // C = -Σ_k y_k ln(e^{z_k}/S): ∂C/∂z_0 = (y_0 + y_1 + y_2) e^{z_0}/S - y_0 (sympy: difference 0). The author's
    // softmax(z_0) is that entry of the softmax; read as softmax of a number it is 1 and the right step was a ✗.
    const md = [
      'Each node of the last layer takes a softmax of its input, $z = W a + b$:',
      '$$C(z) = C(z_0, z_1, z_2) = -y_0 \\ln\\frac{e^{z_0}}{e^{z_0} + e^{z_1} + e^{z_2}} - y_1 \\ln\\frac{e^{z_1}}{e^{z_0} + e^{z_1} + e^{z_2}} - y_2 \\ln\\frac{e^{z_2}}{e^{z_0} + e^{z_1} + e^{z_2}}$$',
      '$$\\frac{\\partial C}{\\partial z_0} = -y_0 + (y_0 + y_1 + y_2)\\frac{e^{z_0}}{e^{z_0} + e^{z_1} + e^{z_2}} = \\text{softmax}(z_0)(y_0 + y_1 + y_2) - y_0$$',
      // wrong: the sign of y_1 (sympy: differs by 2 y_1)
      '$$\\frac{\\partial C}{\\partial z_1} = y_1 + (y_0 + y_1 + y_2)\\frac{e^{z_1}}{e^{z_0} + e^{z_1} + e^{z_2}}$$',
    ].join('\n');
    expect(stepVerdicts(md)).toEqual(['3 correct unjudged', '4 incorrect']);
  });

  it('still reads a softmax of a whole name as a vector', () => {
    // s = softmax(z) with z a column: ∂s/∂z = diag(s) - s s^T (sympy, 3 entries: difference 0), and diag(s) alone is wrong
    const md = [
      '## Softmax Jacobian',
      '$$s = \\text{softmax}(z)$$',
      '$$\\frac{\\partial s}{\\partial z} = \\text{diag}(s) - s s^T$$',
      '$$\\frac{\\partial s}{\\partial z} = \\text{diag}(s)$$',
    ].join('\n');
    expect(stepVerdicts(md)).toEqual(['3 correct', '4 incorrect']);
  });
});
