// Reason clauses: `\because z = w x + b` after a step says why the step holds; the chain goes on from the
// step, not from the reason, and a reason giving a name's formula defines the name where nothing else does
// (src/latex/reasons.ts).
import { describe, expect, it } from 'vitest';
import { stepsOf } from './helpers';

describe('reason clauses', () => {
  it('ends a row at `\\because`, so the next row continues the step before the reason', () => {
    const doc = [
      'Let $w, x, b \\in \\mathbb{R}$ and $z = w x + b$.', // 1
      '$$',
      '\\begin{aligned}',
      '\\frac{dz}{dw} &= \\frac{d}{dw}[w x + b] \\quad \\because z = w x + b \\\\', // 4: the derivative of z restated: right
      '&= x + 0 \\\\', // 5: dz/dw = x: right (read as z = x + 0 it would be wrong)
      '&= x \\quad ∵ \\frac{d b}{d w} = 0', // 6: right; the reason after ∵ is left out
      '\\end{aligned}',
      '$$',
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['4 correct', '5 correct', '6 correct']]);
  });

  it('reads a row that opens with `\\because` as a statement of its own', () => {
    // Line 2 restates z's definition as a reason: a claim that z equals its own formula, right; line 3 is ∂z/∂b = 1, right.
    const doc = ['Let $w, x, b \\in \\mathbb{R}$ and $z = w x + b$.', '$$\\because z = w x + b$$', '$$\\frac{dz}{db} = 1$$'].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct'], ['3 correct']]);
  });

  it('takes a formula given as a reason as the definition of a name the question does not define', () => {
    // Another author's style: `∵` after a wide space, numbered headings, the cube's chain over three blocks.
    const doc = [
      '## 2. A quadratic unit', // 1
      '$$',
      '\\begin{aligned}',
      '\\frac{\\partial u}{\\partial a} &= \\frac{\\partial}{\\partial a}(a t^2 + c) \\qquad ∵ u = a t^2 + c \\\\', // 4: d/da (a t^2 + c): right
      '&= t^2', // 5: sympy diff(a*t**2 + c, a) = t**2: right
      '\\end{aligned}',
      '$$',
      '$$\\frac{\\partial u}{\\partial t} = a t \\quad \\because u = a t^2 + c$$', // 8: the truth is 2 a t (sympy): wrong, by the author's own u
      '## 3. A cube', // 9
      '$$\\frac{dv}{dx} = \\frac{d}{dx} x^3$$', // 10: v is defined only by the reason two lines below: right
      '$$= 3 x x \\quad \\because v = x^3$$', // 11: 3x^2: right; the next block goes on from this chain, not from the reason
      '$$= 3x^2 \\quad \\because \\frac{d}{dx} x^n = n x^{n-1}$$', // 12: right; a law as the reason defines nothing
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['4 correct', '5 correct'], ['8 incorrect'], ['10 correct', '11 correct', '12 correct']]);
  });

  it('keeps the question\'s own formula over a reason, and claims nothing with the reason', () => {
    // z = 2w is the question's; the reason's 3w neither replaces it nor becomes a claim: dz/dw = 2 is right.
    const doc = ['$$z = 2 w$$', '$$\\frac{dz}{dw} = 2 \\quad \\because z = 3 w$$'].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct']]);
  });
});
