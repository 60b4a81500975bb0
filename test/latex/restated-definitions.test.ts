// Definitions a TA reads through a restatement (src/resolve/restatedFunctions.ts, restatedDefinitions.ts) and a
// word called with two or more arguments (src/latex/calledWords.ts). Verdicts worked out by hand and checked with
// sympy (a throw-away check, noted beside each line).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { stepsOf } from './helpers';

const codesOf = (doc: string) => checkSource(doc, 'doc.md').report.diagnostics.map((d) => d.code);

describe('a function restated on its argument\'s entries', () => {
  it('is defined by the formula after the restatement, in those entries', () => {
    const doc = [
      'Let the cost be a function of the weight vector:', // 1
      '$$f(\\mathbf{w}) = f(w_1, w_2) = w_1^2 + 3 w_1 w_2$$', // 2
      '$$\\frac{\\partial f}{\\partial w_1} = 2 w_1 + 3 w_2$$', // 3: sympy diff(w1**2 + 3*w1*w2, w1) = 2*w1 + 3*w2: right
      '$$\\frac{\\partial f}{\\partial w_2} = 3 w_2$$', // 4: the truth is 3*w1: wrong
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['4 incorrect']]);
  });

  it('reads the formula over aligned rows, `&+` going on with the `&=` row before it', () => {
    const doc = [
      '$$\\begin{align*}', // 1
      'g(u) &= g(u_1, u_2) \\\\', // 2
      '&= u_1^3 \\\\', // 3
      '&+ u_1 u_2', // 4: g = u1^3 + u1*u2 (without the `&+` row, g would be u1^3 and line 6 wrong)
      '\\end{align*}$$',
      '$$\\frac{\\partial g}{\\partial u_2} = u_1$$', // 6: sympy diff(u1**3 + u1*u2, u2) = u1: right
      '$$\\frac{\\partial g}{\\partial u_1} = 3 u_1^2$$', // 7: the truth is 3*u1**2 + u2: wrong
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['6 correct'], ['7 incorrect']]);
  });

  it('takes a later `g(u) = ...` as a value of g, not a second definition; a restatement on other names is set aside', () => {
    const restated = ['$$g(u) = g(u_1, u_2) = u_1 u_2$$', '$$g(u) = 6$$'].join('\n');
    expect(codesOf(restated)).not.toContain('redefinition');
    // h(x) = h(a, b): a and b are no entries of x, so the line still calls h inside h's own definition.
    expect(codesOf('$$h(x) = h(a, b) = a b$$')).toContain('not-a-claim');
  });
});

describe('a definition first written with a function the maths never defines', () => {
  it('is defined by its restatement in names the maths does define', () => {
    const doc = [
      '## Squared error', // 1
      '$$E = \\frac{1}{2}(f_w(x) - t)^2 = \\frac{1}{2}(w x - t)^2$$', // 2: f_w, the model, is left to prose
      '$$\\frac{dE}{dw} = (w x - t) x$$', // 3: sympy diff((w*x - t)**2/2, w) = x*(w*x - t): right
      '$$\\frac{dE}{dw} = w x - t$$', // 4: missing the factor x: wrong by the restatement, but the first form rests on f_w: unjudged
      '## Hypothesis as a function', // 5
      '$$J(\\theta) = (h_\\theta(x) - y)^2 = (\\theta x - y)^2$$', // 6
      '$$\\frac{dJ}{d\\theta} = 2(\\theta x - y) x$$', // 7: sympy diff((th*x - y)**2, th) = 2*x*(th*x - y): right
    ].join('\n');
    const report = checkSource(doc, 'doc.md').report;
    expect(report.claims.map((c) => c.steps.map((s) => `${s.line} ${s.verdict}`))).toEqual([['3 correct'], ['4 unjudged'], ['7 correct']]);
    expect(report.claims[1].steps[0].message).toContain('f_w is not defined in the maths');
  });

  it('is not restated where the second member rests on an undefined function too, or names it as a quantity', () => {
    // q(x) is undefined in both members: E stays unreadable as before, never judged by a guess.
    const both = ['$$E = (q(x) - t)^2 = (q(x) - t)(q(x) - t)$$', '$$\\frac{dE}{dt} = -2(q(x) - t)$$'].join('\n');
    const messages = checkSource(both, 'doc.md').report.diagnostics.map((d) => d.message);
    expect(messages.some((m) => m.includes('as defined by'))).toBe(false);
    // h = s(u) = 1/(1 + e^{-u}): the member after the call is s's own formula, not another form of h.
    const own = checkSource('$$h(x) = s(w x) = \\frac{1}{1 + e^{-w x}}$$', 'doc.md').report.diagnostics.map((d) => d.message);
    expect(own.some((m) => m.includes('as defined by'))).toBe(false);
    // a(x) is also a quantity (a·x would be a product): no restatement either.
    const quantity = checkSource('$$E = a(x) + a = 2 a + x$$', 'doc.md').report.diagnostics.map((d) => d.message);
    expect(quantity.some((m) => m.includes('as defined by'))).toBe(false);
  });
});

describe('a word called with two or more arguments', () => {
  it('is one function\'s name, an unknown loss, not a product of letters', () => {
    const doc = [
      '$$\\hat{y} = w x$$', // 1
      '$$L = CrossEntropy(y, \\hat{y})$$', // 2
      '$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial \\hat{y}} x$$', // 3: the chain rule, whatever the loss: right
      '$$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial \\hat{y}} w$$', // 4: wrong for most losses, right for none we can name: unjudged
    ].join('\n');
    const report = checkSource(doc, 'doc.md').report;
    expect(report.claims.map((c) => c.steps.map((s) => `${s.line} ${s.verdict}`))).toEqual([['3 correct'], ['4 unjudged']]);
    expect(report.diagnostics.some((d) => d.message.startsWith('CrossEntropy is not defined in the maths'))).toBe(true);
  });
});
