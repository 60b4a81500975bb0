// Inline maths joined by an `=` typed in the prose, `$\frac{dL}{dz}$ = $2(z - t)$`, is one equation, as a reader
// takes it; each piece alone claimed nothing and the line was not read (src/latex/proseEquals.ts).
import { describe, expect, it } from 'vitest';
import { stepsOf } from './helpers';

describe('inline maths joined by a prose =', () => {
  it('reads the pieces as one chain', () => {
    // z = w x + b, L = (z - t)^2 (numbers). sympy: dL/dz = 2(z - t), dL/dw = 2(z - t) x, dL/db = 2(z - t):
    // both links of line 2's second chain are right; line 3 (w for 1) is wrong.
    const doc = [
      'Let $z = w x + b$ and $L = (z - t)^2$.', // 1
      'Then $\\frac{dL}{dz}$ = $2(z - t)$ and $\\frac{dL}{dw}$ = $\\frac{dL}{dz} \\frac{dz}{dw}$ = $2(z - t) x$.', // 2: right
      'So 3) $\\frac{dL}{db}$ =  $2(z - t) w$ (chain rule).', // 3: wrong
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct'], ['2 correct', '2 correct'], ['3 incorrect']]);
  });

  it('leaves maths apart when prose other than = lies between', () => {
    // "is" between the pieces: no equation is claimed, so nothing is checked.
    expect(stepsOf('Let $z = w x$. The gradient $\\frac{dz}{dw}$ is $x$.')).toEqual([]);
  });

  it('reads an answer typed as plain text after the maths, and leaves prose alone', () => {
    // u = 3v + w: du/dv = 3 (line 2, right), du/dw = 1, so line 3's `= 3` is wrong; line 4's `= a lot ...` is prose.
    const doc = [
      '- $u = 3v + w$', // 1
      '- $\\frac{\\partial u}{\\partial v}$ = 3', // 2: right
      '- $\\frac{\\partial u}{\\partial w}$ = 3', // 3: wrong
      '- $\\frac{\\partial u}{\\partial v}$ = a lot more than zero', // 4: prose, not read
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct'], ['3 incorrect']]);
  });
});

