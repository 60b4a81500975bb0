// Error signals named by a layered variable (`\delta_{W^{(3)}}`) and a part of a signal labelled by a word
// raised on it (`\delta_x^{\text{(from y)}}`): read as one index and as a name of its own (src/latex/normalize.ts
// subscriptIndex, superscriptIndex).
import { describe, expect, it } from 'vitest';
import { stepsOf } from './helpers';

describe('signal subscripts and labels', () => {
  it('reads the signals of layered weights and a labelled part of a signal', () => {
    // Another author's style: bracketed layers `W^{[2]}`, the cost E with a decay term on h, labels "(via o)".
    // Checked with sympy (n = 2, k = 3, m = 2): dE/dW2 = o h^T; dE/dh = W2^T o + h; dE/dW1 = (W2^T o + h) x^T, so
    // line 17, which keeps only the part through o, misses the decay term's h x^T: wrong.
    const doc = [
      '# Two layers with weight decay on h', // 1
      '',
      'Shapes: $x \\in \\mathbb{R}^{n}$, $W^{[1]} \\in \\mathbb{R}^{k \\times n}$, $W^{[2]} \\in \\mathbb{R}^{m \\times k}$.', // 3
      '',
      '$h = W^{[1]} x$, $o = W^{[2]} h$, $E = \\frac{1}{2} o^T o + \\frac{1}{2} h^T h$.', // 5
      '',
      'Let $\\delta_v = \\frac{\\partial E}{\\partial v}$ for any quantity $v$.', // 7
      '',
      '$$\\delta_o = o$$', // 9: right
      '',
      '$$\\delta_{W^{[2]}} = \\delta_o h^T$$', // 11: right (without the reading: a subscript that is not read)
      '',
      '$$\\delta_h^{\\text{(via o)}} = (W^{[2]})^T \\delta_o$$', // 13: defines the part through o, a name of its own
      '',
      '$$\\delta_h = \\delta_h^{\\text{(via o)}} + h$$', // 15: right: both paths
      '',
      '$$\\delta_{W^{[1]}} = \\delta_h^{\\text{(via o)}} x^T$$', // 17: wrong: the path through the decay term is missing
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['9 correct'], ['11 correct'], ['15 correct'], ['17 incorrect']]);
  });

  it('keeps a single raised letter in \\mathrm a transpose', () => {
    // `v^{\mathrm{T}} v` is the squared norm: its gradient is 2v (a label "T" would make it a product of two names).
    const doc = ['$v \\in \\mathbb{R}^{n}$, $f = v^{\\mathrm{T}} v$', '$$\\frac{\\partial f}{\\partial v} = 2 v$$'].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct']]);
  });
});
