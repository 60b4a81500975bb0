// A name the maths defines only by the derivative written of it (src/latex/operandDefinitions.ts):
// `\frac{\partial E}{\partial \hat{y}} = \frac{\partial}{\partial \hat{y}} \frac{1}{2}(t - \hat{y})^2` reads E as
// ½(t − ŷ)². Verdicts worked out by hand and checked with sympy (a throw-away check, noted beside each line).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { stepsOf } from './helpers';

const readings = (doc: string) => checkSource(doc, 'doc.md').report.diagnostics.filter((d) => d.code === 'reading').map((d) => d.message);

describe('a name defined by the derivative written of it', () => {
  // A logistic unit, in the style of lecture notes that never write `E = ...` or `\hat{y} = ...` on their own.
  const doc = [
    '## Gradient of the error', // 1
    '$$\\frac{\\partial \\hat{y}}{\\partial w} = \\frac{\\partial}{\\partial w} \\sigma(w x + b) = \\sigma(w x + b)(1 - \\sigma(w x + b))$$', // 2
    '$$\\frac{\\partial E}{\\partial \\hat{y}} = \\frac{\\partial}{\\partial \\hat{y}} \\frac{1}{2}(t - \\hat{y})^2 = \\hat{y} - t$$', // 3
    '$$\\frac{\\partial E}{\\partial w} = \\frac{\\partial E}{\\partial \\hat{y}} \\frac{\\partial \\hat{y}}{\\partial w} = (\\hat{y} - t) \\hat{y} (1 - \\hat{y}) x$$', // 4
    '$$\\frac{\\partial E}{\\partial b} = (\\hat{y} - t) \\hat{y} (1 - \\hat{y}) x$$', // 5
  ].join('\n');

  it('reads the name as the formula, checks the claim it is read from as written, and doubts the others', () => {
    // 2: sympy diff(s, w) with s = 1/(1+exp(-(w*x+b))) is x*s*(1-s); the step drops x. The claim ŷ is read from, so
    //    its truth is the author's own first member: wrong whatever ŷ means.
    // 3: diff((t - yh)**2/2, yh) = yh - t: right.
    // 4: diff(E, w) - (s - t)*s*(1 - s)*x simplifies to 0: right.
    // 5: diff(E, b) = (s - t)*s*(1 - s), the step has an extra x: wrong by the readings, but E's formula (line 3) may leave
    //    out terms in b, so unjudged.
    expect(stepsOf(doc)).toEqual([['2 correct', '2 incorrect'], ['3 correct', '3 correct'], ['4 correct', '4 correct'], ['5 unjudged']]);
    const unjudged = checkSource(doc, 'doc.md').report.claims[3].steps[0];
    expect(unjudged.message).toMatch(/^no line of the maths defines (E|\\hat\{y\}); chainrule read it from line [23], which differentiates its formula/);
    expect(readings(doc).filter((m) => m.startsWith('read '))).toEqual([
      'read \\hat{y} as \\sigma(w x + b): this line writes the derivative of \\hat{y} as that of the formula, and no line of the maths defines \\hat{y} otherwise',
      'read E as \\frac{1}{2}(t - \\hat{y})^2: this line writes the derivative of E as that of the formula, and no line of the maths defines E otherwise',
    ]);
  });

  it('is not read where the maths defines the name, or the question differentiates it by what the formula does not reach', () => {
    const defined = ['$$E = (t - \\hat{y})^2$$', '$$\\frac{\\partial E}{\\partial \\hat{y}} = \\frac{\\partial}{\\partial \\hat{y}} \\frac{1}{2}(t - \\hat{y})^2 = \\hat{y} - t$$'].join('\n');
    expect(readings(defined).some((m) => m.startsWith('read E as'))).toBe(false);
    // E is (t - ŷ)², so ∂E/∂ŷ = 2(ŷ - t) (sympy diff((t - yh)**2, yh)); the author's ½ form is another E: wrong as written.
    expect(stepsOf(defined)).toEqual([['2 incorrect', '2 incorrect']]);
    // a is also differentiated by z, which a^0 w does not reach: the formula in the derivative is not all of a.
    const partial = ['$$\\frac{\\partial a}{\\partial w} = \\frac{\\partial (x w)}{\\partial w} = x$$', '$$\\frac{\\partial a}{\\partial z} = \\sigma\'(z)$$'].join('\n');
    expect(readings(partial).some((m) => m.startsWith('read a as'))).toBe(false);
  });
});
