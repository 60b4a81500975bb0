// Derivations in terms of a loss the maths leaves abstract (issue 13): a forward pass written at a generic
// layer l, read at the layers a line writes (l+1, L); a loss whose formula is written at the output, seen
// from layer l as an unknown function; chains of names no line defines; inline maths with spaces inside its
// dollars. Every expectation is worked out by hand in the comment beside it and checked numerically (numpy,
// central differences, h = 1e-6, f = tanh, random scalars): the right lines agree to 1e-9, the wrong ones are
// off by the factor the comment names.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const check = (lines: string[]) => checkSource(lines.join('\n') + '\n', 'doc.md');
const verdicts = (lines: string[]) => check(lines).report.claims.map((c) => [c.line, c.verdict]);
const readings = (lines: string[]) => check(lines).diagnostics.filter((d) => d.code === 'reading').map((d) => d.message);

// The forward pass at any layer, the loss at the output layer L, and the error signal δ (textbook notation).
const generic = (activation: string) => [
  '## The general layer', // line 1
  '$$z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}$$',
  `$$a^{(l)} = ${activation}(z^{(l)})$$`,
  '$$L = \\frac{1}{2}(a^{(L)} - y)^2$$',
  '$$\\delta^{(l)} = \\frac{\\partial L}{\\partial z^{(l)}}$$', // line 5
];

describe('a forward pass written at a generic layer l', () => {
  it('checks the layer-l lines for every loss the layers above could make, and the output layer with the loss written', () => {
    const doc = [
      ...generic('f^{(l)}'),
      // z = W a + b: ∂L/∂W = δ aᵀ and ∂L/∂b = δ at any layer, whatever L is above it: correct. No shape is stated, so
      // a^{(l-1)} is taken as a scalar and its transpose tells nothing: the first is unjudged (src/check/doubts.ts).
      '$$\\frac{\\partial L}{\\partial W^{(l)}} = \\delta^{(l)} (a^{(l-1)})^T$$',
      '$$\\frac{\\partial L}{\\partial b^{(l)}} = \\delta^{(l)}$$',
      // z^{(l+1)} = W^{(l+1)} a^{(l)} + b^{(l+1)}, a^{(l)} = f(z^{(l)}): δ^{(l)} = (W^{(l+1)ᵀ} δ^{(l+1)}) ⊙ f'(z^{(l)}): correct,
      // and unjudged for the same reason (W^{(l+1)} taken as a scalar under its transpose).
      '$$\\delta^{(l)} = \\left( (W^{(l+1)})^T \\delta^{(l+1)} \\right) \\odot f\'^{(l)}(z^{(l)})$$',
      // Without f'(z^{(l)}) the recursion is wrong for every f but the identity (numpy: -0.489 for -0.342); f is
      // left to the prose, so chainrule cannot be sure: unjudged.
      '$$\\delta^{(l)} = (W^{(l+1)})^T \\delta^{(l+1)}$$', // line 9
      // At the output, L = ½ (a^{(L)} - y)², a^{(L)} = f(z^{(L)}): δ^{(L)} = (a^{(L)} - y) ⊙ f'(z^{(L)}): correct.
      '$$\\delta^{(L)} = (a^{(L)} - y) \\odot f\'^{(L)}(z^{(L)})$$',
      // Dropping f'(z^{(L)}) is right only for a linear output (numpy: 0.956 for 0.788); f is unknown: unjudged.
      '$$\\delta^{(L)} = a^{(L)} - y$$',
    ];
    expect(verdicts(doc)).toEqual([
      [6, 'unjudged'],
      [7, 'correct'],
      [8, 'unjudged'],
      [9, 'unjudged'],
      [10, 'correct'],
      [11, 'unjudged'],
    ]);
    const said = readings(doc);
    expect(said.some((m) => /forward pass is written at a generic layer l; chainrule reads it at the other layers/.test(m) && /z\^\{\(l\+1\)\} as z\^\{\(l\)\}/.test(m) && /a\^\{\(L\)\} as a\^\{\(l\)\}/.test(m))).toBe(true);
    expect(said.some((m) => /L's formula does not reach the generic layer l/.test(m))).toBe(true);
  });

  it('leaves a line unjudged that fails only where chainrule filled in a layer, and names the layer', () => {
    // a = σ(z): δ^{(L)} = (a^{(L)} - y) σ'(z^{(L)}); a^{(L)} - y alone is off by σ' (numpy: 0.956 for 0.788), but
    // a^{(L)} = σ(z^{(L)}) is chainrule's reading of the layer-l formula at L: unjudged, with that reason.
    const doc = [...generic('\\sigma'), '$$\\delta^{(L)} = a^{(L)} - y$$'];
    const claim = check(doc).report.claims[0];
    expect(claim.verdict).toBe('unjudged');
    expect(claim.steps[0].message).toMatch(/read the forward pass written at layer l at layer L/);
  });

  it('fills nothing in a concrete network: numbered layers keep their own formulas and a wrong line stays incorrect', () => {
    const doc = [
      ...generic('f^{(l)}'),
      '## A one-layer example', // line 6
      '$$z^{(1)} = W^{(1)} x + b^{(1)}, \\quad a^{(1)} = \\sigma(z^{(1)})$$',
      '$$E = (a^{(1)} - y)^2$$',
      // dE/dW = 2 (a - y) σ'(z) x: correct (numpy 0.1986 both).
      '$$\\frac{\\partial E}{\\partial W^{(1)}} = 2 (a^{(1)} - y) \\sigma\'(z^{(1)}) x$$',
      // Half of it: wrong by a factor 2 (numpy 0.0993), the author's own maths: incorrect.
      '$$\\frac{\\partial E}{\\partial W^{(1)}} = (a^{(1)} - y) \\sigma\'(z^{(1)}) x$$',
    ];
    expect(verdicts(doc)).toEqual([
      [9, 'correct'],
      [10, 'incorrect'],
    ]);
  });
});

describe('chains of names no line defines', () => {
  it('takes each link of a chain as an unknown function of the next: the chain rule holds, a dropped link does not', () => {
    const doc = [
      '## Chain',
      // C = F(Z), Z = G(W): dC/dW = dC/dZ dZ/dW for every F and G: correct.
      '$$\\frac{\\partial C}{\\partial W} = \\frac{\\partial C}{\\partial Z} \\frac{\\partial Z}{\\partial W}$$',
      // Without dZ/dW it holds only where G' = 1; F and G are chainrule's reading: unjudged.
      '$$\\frac{\\partial C}{\\partial W} = \\frac{\\partial C}{\\partial Z}$$',
    ];
    expect(verdicts(doc)).toEqual([
      [2, 'correct'],
      [3, 'unjudged'],
    ]);
    expect(readings(doc).some((m) => /C is not defined in the maths; chainrule takes it as an unknown scalar function of Z/.test(m))).toBe(true);
  });

  it('takes no name for a link that nothing is differentiated by (a target value t in dt/dw)', () => {
    // t is differentiated by w but nothing by t: no chain shows t depends on w, so t is not made a function
    // of w (which would make the line hold or fail by chainrule's invention): it stays unjudged, asking for t.
    const doc = ['## Target', '$$h = w x$$', '$$E = (h - t)^2$$', '$$\\frac{\\partial E}{\\partial w} = 2 (h - t) x - \\frac{\\partial t}{\\partial w}$$'];
    const claim = check(doc).report.claims[0];
    expect([claim.line, claim.verdict]).toEqual([4, 'unjudged']);
    expect(claim.steps[0].message).toMatch(/t is not defined in the maths/);
  });
});

describe('a loss named by a call the maths never defines', () => {
  it('takes `\\text{CE}(y, \\hat{y})` as an unknown scalar function of its arguments', () => {
    // J = F(y, ŷ), ŷ = σ(z), z = w x + b, F any function (numpy with F = cos(y p) + p³: 0.0604 both, -0.0785 both).
    const doc = [
      '## Named loss',
      '$$z = w x + b$$',
      '$$\\hat{y} = \\sigma(z)$$',
      '$$J = \\text{CE}(y, \\hat{y})$$',
      // dJ/dz = ∂F/∂ŷ σ'(z): correct for every F.
      "$$\\frac{\\partial J}{\\partial z} = \\frac{\\partial J}{\\partial \\hat{y}} \\sigma'(z)$$",
      // dJ/dw = ∂F/∂ŷ ŷ(1 - ŷ) x: correct for every F.
      '$$\\frac{\\partial J}{\\partial w} = \\frac{\\partial J}{\\partial \\hat{y}} \\hat{y} (1 - \\hat{y}) x$$',
      // ŷ - y is dJ/dz only for the binary cross-entropy the name suggests (0.0604 against -0.0704 with the
      // F above); CE is the prose's: unjudged.
      '$$\\frac{\\partial J}{\\partial z} = \\hat{y} - y$$',
    ];
    expect(verdicts(doc)).toEqual([
      [5, 'correct'],
      [6, 'correct'],
      [7, 'unjudged'],
    ]);
    expect(readings(doc).some((m) => /CE\} is not defined in the maths; chainrule takes it as an unknown scalar function of y, \\hat\{y\}/.test(m))).toBe(true);
  });
});

describe('inline maths with spaces inside its dollars', () => {
  it('reads `$ A = \\sigma(Z) $` in prose as the definition it states', () => {
    // A = σ(Z): dA/dZ = σ(Z)(1 - σ(Z)): correct, with A defined by the spaced inline maths.
    const doc = ['## Sigmoid', 'Since $ A^{(2)} = \\sigma(Z^{(2)}) $, we have:', '$$\\frac{\\partial A^{(2)}}{\\partial Z^{(2)}} = \\sigma(Z^{(2)}) (1 - \\sigma(Z^{(2)}))$$'];
    expect(verdicts(doc)).toEqual([[3, 'correct']]);
  });

  it('leaves prices and spaced prose between dollars alone', () => {
    // "$ 5 and $ 10": a number first, not maths; "$ x$" closes on no space: not maths; nothing is read.
    const { report } = check(['## Prices', 'It costs $ 5 and $ 10 = 2 $ 5 today.', 'A $ x$ here.']);
    expect(report.claims).toEqual([]);
  });
});
