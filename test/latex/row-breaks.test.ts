// `\newline` (and plain TeX's `\cr`) ends a row as `\\` does: a block of identities typed one per `\newline`
// was one unreadable row (src/latex/normalize.ts).
import { describe, expect, it } from 'vitest';
import { stepsOf } from './helpers';

describe('row breaks', () => {
  it('reads each row of a block broken by \\newline or \\cr', () => {
    // f = x^2 y, g = sin(x y); sympy: df/dx = 2 x y, df/dy = x^2, dg/dy = x cos(x y), so `= y cos(x y)` is wrong.
    const doc = [
      '$$', // 1
      'f = x^2 y \\newline', // 2
      'g = \\sin(x y) \\newline', // 3
      '\\frac{\\partial f}{\\partial x} = 2 x y', // 4: right
      '\\newline', // 5
      '\\frac{\\partial f}{\\partial y} = x^2 \\cr', // 6: right
      '\\frac{\\partial g}{\\partial y} = y \\cos(x y)', // 7: wrong
      '$$', // 8
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['4 correct'], ['6 correct'], ['7 incorrect']]);
  });
});
