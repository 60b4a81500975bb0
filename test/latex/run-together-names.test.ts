// A name indexed by a unit typed without its underscore (`ah2` for `a_{h2}`, `ao1` for `a_o1`) is that name,
// in a document that writes it with the underscore (src/latex/wordNames.ts); elsewhere letters multiply, as in TeX.
import { describe, expect, it } from 'vitest';
import { stepsOf } from './helpers';

describe('names typed run together', () => {
  it('reads `ah2` as the document\'s a_{h2}', () => {
    // sympy: with a = σ(z), dE/dz of (a - t)^2 is 2(a - t) a (1 - a): line 2 right. dE/dw_3 = 2(a - t) a (1 - a) x,
    // so line 3, without σ', is wrong (the difference does not simplify to 0).
    const doc = [
      'Let $z_{h2} = w_3 x$, $a_{h2} = \\sigma(z_{h2})$ and $E = (a_{h2} - t)^2$.', // 1
      '$$\\frac{\\partial E}{\\partial z_{h2}} = 2(ah2 - t) \\, ah2 (1 - ah2)$$', // 2
      '$$\\frac{\\partial E}{\\partial w_3} = 2(ah2 - t) x$$', // 3
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct'], ['3 incorrect']]);
  });

  it('keeps `ah2` a product where the document has no a_{h2}', () => {
    // h_2 = 3x: d/dx (a h_2) = 3a, right when ah2 is a·h2; read as one unknown name it would be 0 (unjudged).
    const doc = ['Let $h_2 = 3 x$.', '$$\\frac{\\partial}{\\partial x}(ah2) = 3a$$'].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct']]);
  });
});
