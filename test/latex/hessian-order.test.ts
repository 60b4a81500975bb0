// `\nabla^2_x f`: the Hessian with its order typed before its variable, as lecture notes and cheat sheets write
// it, is `\nabla_x^2 f` (it was "a subscript must follow a name", and the whole chain went unread).
import { describe, expect, it } from 'vitest';
import { stepsOf } from './helpers';

describe('a Hessian written \\nabla^2_x', () => {
  it('reads the order before the variable as after it', () => {
    // g(w) = 1/2 w^T Q w - c^T w + 3, Q symmetric n x n. sympy (n = 3, symbols): hessian(g) = Q, so line 4
    // (`= Q`) is right and line 5 (`= 2Q`, the factor 1/2 dropped) is wrong.
    const doc = [
      'Let $Q \\in \\mathbb{R}^{n \\times n}$ be symmetric and $w, c \\in \\mathbb{R}^{n}$.', // 1
      '$$g(w) = \\frac{1}{2} w^T Q w - c^T w + 3$$', // 2
      '$$\\nabla_w g(w) = Q w - c$$', // 3: right
      '$$\\nabla^2_w g(w) = Q$$', // 4: right
      '$$\\nabla^{2}_{w} g(w) = 2Q$$', // 5: wrong
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['4 correct'], ['5 incorrect']]);
  });
});
