// A bracket of words beside the maths, `\quad (\text{product rule})`, is a note, as `\text{(product rule)}`
// is; read as an empty bracket it made the row unreadable (src/latex/proseNotes.ts).
import { describe, expect, it } from 'vitest';
import { stepsOf } from './helpers';

describe('notes in brackets', () => {
  it('reads the maths before a bracketed note', () => {
    // z = w t + c (t a number); sympy: dz/dw = t, dz/dc = 1, so `= 0` on line 4 is wrong.
    const doc = [
      '$$z = w t + c$$', // 1
      '$$\\frac{\\partial z}{\\partial w} = t \\quad (\\text{linear in } w)$$', // 2: right
      '$$\\frac{\\partial z}{\\partial c} = 1 \\qquad (\\text{Bias})$$', // 3: right
      '$$\\frac{\\partial z}{\\partial c} = 0 \\; (\\text{the bias is a constant})$$', // 4: wrong
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct'], ['3 correct'], ['4 incorrect']]);
  });

  it('keeps a bracket of maths a bracket', () => {
    // (t + 1) holds maths, so it multiplies: z = w (t + 1), dz/dw = t + 1 (sympy), and `= t` is wrong.
    const doc = ['$$z = w (t + 1)$$', '$$\\frac{\\partial z}{\\partial w} = t + 1$$', '$$\\frac{\\partial z}{\\partial w} = t$$'].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct'], ['3 incorrect']]);
  });
});
