// A carried error in a computation by hand (docs/grading.md, carried errors): a number that follows from the
// author's own earlier wrong number, compared within its written precision as a right number is; the earlier
// number is itself rounded, so the exact product with it never matches to the last digit.
import { describe, expect, it } from 'vitest';
import { gradeText } from './helpers';

// h = tanh(wx), E = ½(h − t)² at x = 2, w = 0.3, t = 1. By hand and numpy: h = 0.53705, dE/dh = h − t = −0.46295,
// dE/dw = (h − t)(1 − h²)x = −0.65885 (central difference agrees to 1e-10). The author drops the ½'s factor 2:
// dE/dh = 2(h − t) = −0.926, wrong; carried on, −0.926 · (1 − h²) · 2 = −1.31784 (numpy), and with the author's
// own rounded 0.712 for 1 − h², −1.31862, written −1.319: it follows from their dE/dh within its precision (±0.013).
const ASSIGNMENT = 'problem 1\nh = tanh(w x)\nE = (h - t)^2 / 2\nat x = 2, w = 0.3, t = 1\nask dE/dh 1 point\nask dE/dw 2 points\n';
const doc = (product: string, result: string) => [
  '# Problem 1', '', 'Forward: $h = \\tanh(wx) = \\tanh(0.6) \\approx 0.537$, and $E = \\frac{1}{2}(h - t)^2$.', '',
  '$$\\frac{\\partial E}{\\partial h} = 2(h - t) = 2(0.537 - 1) = -0.926$$', '',
  `$$\\frac{\\partial E}{\\partial w} = \\frac{\\partial E}{\\partial h}(1 - h^2)\\,x = ${product} \\approx ${result}$$`, '',
].join('\n');
const askOf = (md: string, id: string) => gradeText(ASSIGNMENT, md, 'backprop.md').asks.find((a) => a.id === id)!;

describe('an error carried through rounded numbers', () => {
  it('gives carried-error credit to a rounded number that follows from the earlier wrong one', () => {
    const ask = askOf(doc('-0.926 \\times 0.712 \\times 2', '-1.319'), '1 dE/dw');
    expect(ask.score).toBe(1.5); // 75% of 2 points
    expect(ask.feedback).toMatch(/follows correctly from your dE\/dh on line 5/);
  });

  it('gives none to a number that follows from nothing written', () => {
    // −1.40 is neither −0.659 (the truth) nor −1.318 (carried): 6% off the carried value, beyond its ±0.014.
    const ask = askOf(doc('-0.926 \\times 0.756 \\times 2', '-1.40'), '1 dE/dw');
    expect(ask.score).toBe(0);
    expect(ask.feedback).not.toMatch(/carried/i);
  });
});
