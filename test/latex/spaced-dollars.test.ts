// Inline maths with a space inside only one of its dollars, `$\frac{dJ}{db} = (s - y) $` or `$ \frac{dL}{dV} =
// B^T G$`, as MathJax renders it on Q&A sites and notebooks: pandoc's rule took the spaced dollar for text, so
// the line was not read (or ran on to the next `$`, several lines down).
import { describe, expect, it } from 'vitest';
import { stepsOf } from './helpers';

describe('inline maths with a space inside one dollar', () => {
  it('reads it, and keeps prices prose', () => {
    // z = w x + b, L = (z - t)^2 / 2 (all numbers). sympy: dL/db = z - t, dL/dw = (z - t) x; so line 2 and line 3
    // are right and line 4 (w for x) is wrong.
    const doc = [
      'Forward: $z = w x + b$ and $L = \\frac{1}{2}(z - t)^2$.', // 1
      'Attempt: $\\frac{dL}{db} = z - t $ for the bias,', // 2: right
      '- $ \\frac{dL}{dw} = (z - t) x$', // 3: right
      'and $\\frac{dL}{dw} = (z - t) w $ is what I got first. It cost me $5 and $ 10 of coffee.', // 4: wrong
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct'], ['3 correct'], ['4 incorrect']]);
  });
});
