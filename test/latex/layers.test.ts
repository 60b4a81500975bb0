// Layer-indexed backprop notation (issue 13): the error signal δ a document defines, the forward pass of a
// worked example written with the values of the step before, and `ŷ = a^{(2)} = σ(..)` chains. Every
// expectation is worked out by hand in the comment beside it.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { parseMarkdown } from '../../src/latex/documents';

const check = (lines: string[]) => checkSource(lines.join('\n') + '\n', 'doc.md');
const verdicts = (lines: string[]) => check(lines).report.claims.map((c) => [c.target, c.verdict]);

// A 3-4-2 sigmoid network, sizes distinct so that a missing transpose is a shape error.
const network = (z: string, W: string, b: string, a: string) => [
  '## Setup',
  `$x \\in \\mathbb{R}^{3}$, $${W(1)} \\in \\mathbb{R}^{4 \\times 3}$, $${b(1)} \\in \\mathbb{R}^{4}$, $${W(2)} \\in \\mathbb{R}^{2 \\times 4}$, $${b(2)} \\in \\mathbb{R}^{2}$, $y \\in \\mathbb{R}^{2}$`,
  `$$${z(1)} = ${W(1)} x + ${b(1)}, \\quad ${a(1)} = \\sigma(${z(1)})$$`,
  `$$${z(2)} = ${W(2)} ${a(1)} + ${b(2)}, \\quad ${a(2)} = \\sigma(${z(2)})$$`,
  `$$L = \\|y - ${a(2)}\\|^2$$`,
];

/** Names with the layer as a parenthesised superscript: `W^{(2)}`. */
const sup = (n: string) => (l: number | string) => `${n}^{(${l})}`;

describe('error signals', () => {
  it('reads δ_v named by its variable (δ_v = ∂J/∂v): δ_w, δ_z, δ_x are the derivatives of J by w, z, x', () => {
    // z = w x, J = ½ (z - t)^2: ∂J/∂z = z - t, ∂J/∂w = (z - t) x (right); ∂J/∂x = (z - t) w, so δ_x = δ_z
    // drops w: wrong (at w, x, t = 0.7, -1.3, 0.4: (z - t) w = -0.917, δ_z = -1.31; ∂J/∂w = 1.703 both ways).
    const doc = ['$$z = w x$$', '', '$$J = \\frac{1}{2}(z - t)^2$$', '', 'Let $\\delta_v = \\frac{\\partial J}{\\partial v}$ for every variable $v$.', '',
      '$$\\delta_z = z - t$$', '', '$$\\delta_w = \\delta_z x$$', '', '$$\\delta_x = \\delta_z$$'];
    expect(verdicts(doc)).toEqual([['dJ/dz', 'correct'], ['dJ/dw', 'correct'], ['dJ/dx', 'incorrect']]);
  });

  it('read δ^{(l)} = ∂L/∂z^{(l)} as notation: δ^{(2)} = ... claims ∂L/∂z^{(2)}, and δ in a step is that derivative', () => {
    const doc = [
      ...network(sup('z'), sup('W'), sup('b'), sup('a')),
      'We define $\\delta^{(l)} = \\frac{\\partial L}{\\partial z^{(l)}}$.',
      // dL/da2 ⊙ σ'(z2) is the chain rule through an elementwise σ: correct (a column, like z2).
      '$$\\delta^{(2)} = \\frac{\\partial L}{\\partial a^{(2)}} \\odot \\sigma\'(z^{(2)})$$',
      // dz2_i/dW2_ij = a1_j: the gradient is the outer product δ2 a1ᵀ (2 x 4, like W2). `\delta^{(2)} (a^{(1)})^T`
      // is a product, the transpose on the parenthesis.
      '$$\\frac{\\partial L}{\\partial W^{(2)}} = \\delta^{(2)} (a^{(1)})^T$$',
      '$$\\frac{\\partial L}{\\partial b^{(2)}} = \\delta^{(2)}$$',
      // The backward recursion: dL/dz1 = (W2ᵀ δ2) ⊙ σ'(z1), 4 x 1.
      '$$\\delta^{(1)} = ((W^{(2)})^T \\delta^{(2)}) \\odot \\sigma\'(z^{(1)})$$',
      '$$\\frac{\\partial L}{\\partial W^{(1)}} = \\delta^{(1)} x^T$$',
      // x δ1 multiplies 3 x 1 by 4 x 1: wrong (the author's maths, δ is the author's own notation).
      '$$\\frac{\\partial L}{\\partial W^{(1)}} = x \\delta^{(1)}$$',
    ];
    expect(verdicts(doc)).toEqual([
      ['dL/dz2', 'correct'],
      ['dL/dW2', 'correct'],
      ['dL/db2', 'correct'],
      ['dL/dz1', 'correct'],
      ['dL/dW1', 'correct'],
      ['dL/dW1', 'incorrect'],
    ]);
  });

  it('read other names and brackets the same way: δ^{[l]} = ∂L/∂u^{[l]} with a wrong recursion', () => {
    const br = (n: string) => (l: number | string) => `${n}^{[${l}]}`;
    const doc = [
      ...network(br('u'), br('V'), br('c'), br('h')),
      '$$\\delta^{[l]} = \\frac{\\partial L}{\\partial u^{[l]}}$$',
      // dL/dh2 = -2 (y - h2); times σ'(u2): correct.
      '$$\\delta^{[2]} = -2 (y - h^{[2]}) \\odot \\sigma\'(u^{[2]})$$',
      // Missing the transpose: V2 is 2 x 4, δ2 2 x 1, so V2 δ2 is a shape error; wrong.
      '$$\\delta^{[1]} = (V^{[2]} \\delta^{[2]}) \\odot \\sigma\'(u^{[1]})$$',
      // dL/dc1 = δ1: correct.
      '$$\\frac{\\partial L}{\\partial c^{[1]}} = \\delta^{[1]}$$',
    ];
    expect(verdicts(doc)).toEqual([
      ['dL/du2', 'correct'],
      ['dL/du1', 'incorrect'],
      ['dL/dc1', 'correct'],
    ]);
  });

  it('leave a name defined by a derivative without an index a plain definition', () => {
    // g = dL/dw is a name for the gradient; g = 2 (w x - y) x afterwards is a claim about g's value, right.
    const doc = ['## 1', '$$L = (w x - y)^2$$', '$$g = \\frac{\\partial L}{\\partial w}$$', '$$g = 2 (w x - y) x$$'];
    expect(verdicts(doc)).toEqual([['g', 'correct']]);
  });
});

describe('worked examples', () => {
  // A 1-1-1 sigmoid network: w1 = 0.4, b1 = 0.1, w2 = 0.7, b2 = -0.2, x = 2, y = 1 (numpy):
  // z1 = 0.9, a1 = σ(0.9) = 0.71095, z2 = 0.29766, ŷ = σ(z2) = 0.57387, L = ½ (1 - ŷ)² = 0.09079,
  // δ2 = (ŷ - y) ŷ (1 - ŷ) = -0.10421, dL/dw2 = δ2 a1 = -0.07409, dL/dw1 = δ2 w2 a1 (1 - a1) x = -0.02998.
  const forward = [
    '## Exercise 1',
    'Given $w^{[1]} = 0.4$, $b^{[1]} = 0.1$, $w^{[2]} = 0.7$, $b^{[2]} = -0.2$, $x = 2$, $y = 1$.',
    '$$z^{[1]} = w^{[1]} x + b^{[1]} = 0.9$$',
    // σ(0.9) is σ(z1): 0.9 is the value the line before states.
    '$$a^{[1]} = \\sigma(0.9) \\approx 0.7109$$',
    '$$z^{[2]} = w^{[2]} a^{[1]} + b^{[2]} \\approx 0.2976$$',
    // ŷ and a2 are one quantity, σ(z2).
    '$$\\hat{y} = a^{[2]} = \\sigma(0.2976) \\approx 0.5739$$',
    '$$L = \\frac{1}{2}(1 - 0.5739)^2 \\approx 0.0908$$',
  ];

  it('read the values of the step before as the quantities they are the values of', () => {
    const doc = [
      ...forward,
      '$$\\frac{\\partial L}{\\partial z^{[2]}} = (\\hat{y} - y) \\hat{y} (1 - \\hat{y}) \\approx -0.1042$$',
      '$$\\frac{\\partial L}{\\partial w^{[2]}} = \\frac{\\partial L}{\\partial z^{[2]}} a^{[1]} \\approx -0.0741$$',
      // The hidden layer's σ'(z1) is missing: δ2 w2 x = -0.1459, not -0.0300. Wrong, but the verdict rests on
      // chainrule's reading of σ(0.9) as σ(z1) (the author might have meant a constant): unjudged, not ✗.
      '$$\\frac{\\partial L}{\\partial w^{[1]}} = \\frac{\\partial L}{\\partial z^{[2]}} w^{[2]} x$$',
      '$$\\frac{\\partial L}{\\partial w^{[1]}} = \\frac{\\partial L}{\\partial z^{[2]}} w^{[2]} a^{[1]} (1 - a^{[1]}) x \\approx -0.0300$$',
    ];
    const claims = verdicts(doc).filter(([t]) => t.startsWith('dL/'));
    expect(claims).toEqual([
      ['dL/dz2', 'correct'],
      ['dL/dw2', 'correct'],
      ['dL/dw1', 'unjudged'],
      ['dL/dw1', 'correct'],
    ]);
    const notes = check(doc).diagnostics.filter((d) => d.code === 'reading').map((d) => d.message);
    expect(notes.some((m) => m.startsWith('read 0.9 as z^{[1]}'))).toBe(true);
  });

  it('leave unjudged a wrong-looking line that rests on a value read as a name', () => {
    // z = 0.5 by its formula; a = 0.5 + x reads 0.5 as z (a term of a sum), so da/dx = 1 does not match
    // (w + 1 by that reading). The author may mean the constant 0.5, for which 1 is right: unjudged, not ✗.
    const doc = ['## 1', 'Given $w = 1$, $x = 0.5$.', '$$z = w x = 0.5$$', '$$a = 0.5 + x$$', '$$\\frac{\\partial a}{\\partial x} = 1$$'];
    expect(verdicts(doc).filter(([t]) => t === 'da/dx')).toEqual([['da/dx', 'unjudged']]);
  });

  it('leave a decimal coefficient a number', () => {
    // q = 0.9 p: 0.9 multiplies, so it is a coefficient even though z1 = 0.9; dq/dp = 0.9, right.
    const doc = ['## 1', 'Given $p = 3$.', '$$z_1 = p - 2.1 = 0.9$$', '$$q = 0.9 p$$', '$$\\frac{\\partial q}{\\partial p} = 0.9$$'];
    expect(verdicts(doc).filter(([t]) => t === 'dq/dp')).toEqual([['dq/dp', 'correct']]);
  });

  it('leave unjudged a step whose derivative is 0 only by chainrule\'s reading', () => {
    // L is written with ŷ, never with a: ∂L/∂a in the step is 0 as chainrule reads the question, so the step
    // (2 (ŷ - y) σ'(z) by the author's meaning) cannot be checked; not incorrect.
    const doc = ['## 1', '$$\\hat{y} = \\sigma(z)$$', '$$L = (\\hat{y} - y)^2$$', '$$\\frac{\\partial L}{\\partial z} = \\frac{\\partial L}{\\partial a} \\sigma\'(z)$$'];
    expect(verdicts(doc)).toEqual([['dL/dz', 'unjudged']]);
  });
});

describe('layer superscripts after a prime', () => {
  it("read f'^{(L)}(z) as the derivative of layer L's activation, not (f')^L times z", () => {
    const [st] = parseMarkdown("$$d = g'^{(L)}(z)$$\n", 'doc.md').statements;
    expect(st.kind === 'equation' && st.rhs[0].expr).toMatchObject({ kind: 'call', callee: 'gL', prime: 1, args: [{ kind: 'name', name: 'z' }] });
  });

  it('check a line with it against an activation the document leaves unnamed', () => {
    // a = f^{(2)}(z) entry by entry: da/dz = f^{(2)}'(z) holds for every f^{(2)}, so it is right.
    const doc = ['## 1', '$$a = f^{(2)}(z)$$', "$$\\frac{\\partial a}{\\partial z} = f'^{(2)}(z)$$"];
    expect(verdicts(doc)).toEqual([['da/dz', 'correct']]);
  });
});

describe('borrowing', () => {
  it("lends another question's formula without the value stated after it", () => {
    // Q1 states a = σ(z) and its value; Q2 uses a without defining it: it borrows a = σ(z) (not the value),
    // so da/dz = a (1 - a) is checked, and right.
    const doc = ['## Q1', '$$a = \\sigma(z) \\approx 0.62$$', '## Q2', '$$\\frac{\\partial a}{\\partial z} = a (1 - a)$$'];
    expect(verdicts(doc)).toEqual([
      ['a', 'unjudged'],
      ['da/dz', 'correct'],
    ]);
  });
});

describe('a layer index and a transpose in one superscript', () => {
  it('reads W^{(2)T} as (W^{(2)})^T', () => {
    const doc = [
      ...network(sup('z'), sup('W'), sup('b'), sup('a')),
      'We define $\\delta^{(l)} = \\frac{\\partial L}{\\partial z^{(l)}}$.',
      // z2 = W2 a1 + b2, so dL/da1 = W2ᵀ δ2 (4 x 1, like a1): correct.
      '$$\\frac{\\partial L}{\\partial a^{(1)}} = W^{(2)T} \\delta^{(2)}$$',
      // The sign flipped: -W2ᵀ δ2 is wrong (δ2 is not 0 at the sample points).
      '$$\\frac{\\partial L}{\\partial a^{(1)}} = -W^{(2)\\top} \\delta^{(2)}$$',
    ];
    expect(verdicts(doc).slice(-2)).toEqual([
      ['dL/da1', 'correct'],
      ['dL/da1', 'incorrect'],
    ]);
  });
});
