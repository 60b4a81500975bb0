// Primed names: a document that differentiates by `v_1'` means a weight v′₁ of its own (one layer's weights
// primed to tell them from the next layer's), wherever it writes it primed (src/latex/primedNames.ts). Read
// as transposes, the derivatives did not parse at all.
import { describe, expect, it } from 'vitest';
import { stepsOf } from './helpers';

describe('primed names', () => {
  it('reads a primed name under ∂, and the same primed name in the formulas, as one variable', () => {
    // Another author's style: the hidden unit h = x_1 v_1' + x_2 v_2' + c' (primed: the first layer), then ŷ = u h.
    // sympy: dh/dv1' = x1; dŷ/dv2' = u x2; dŷ/dc' = u (so `u x_1` is wrong); dh/dx1 = v1'.
    const doc = [
      '### First layer', // 1
      "$$h = x_1 v_1' + x_2 v_2' + c'$$", // 2
      '$$\\hat{y} = u h$$', // 3
      "$$\\frac{\\partial h}{\\partial v_1'} = x_1$$", // 4: right
      "$$\\frac{\\partial \\hat{y}}{\\partial v_2'} = \\frac{\\partial \\hat{y}}{\\partial h} \\frac{\\partial h}{\\partial v_2'} = u x_2$$", // 5: right
      "$$\\frac{\\partial \\hat{y}}{\\partial c'} = u x_1$$", // 6: wrong, the truth is u
      "$$\\frac{\\partial h}{\\partial x_1} = v_1'$$", // 7: right
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['4 correct'], ['5 correct', '5 correct'], ['6 incorrect'], ['7 correct']]);
  });
});
