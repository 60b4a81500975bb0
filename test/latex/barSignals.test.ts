// Backprop's bar notation: `\bar{v}` is ∂L/∂v in a document that backpropagates with bars, and stays a
// name (a mean, a conjugate) elsewhere. Every expectation is worked out by hand in the comment beside it and
// was checked once with numpy central differences (h = 1e-6) at random points.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { parseMarkdown } from '../../src/latex/documents';

const check = (lines: string[]) => checkSource(lines.join('\n') + '\n', 'doc.md');
const verdicts = (lines: string[]) => check(lines).report.claims.map((c) => [c.target, c.verdict]);
const barNotes = (lines: string[]) => check(lines).diagnostics.filter((d) => d.code === 'reading' && d.message.includes('every \\bar{v}'));

describe('bar error signals', () => {
  it('read \\bar{v} as ∂E/∂v once a line writes a bar as a bar times a derivative (column convention, loss E)', () => {
    const doc = [
      '## Backward pass',
      '$u \\in \\mathbb{R}^{3}$, $A \\in \\mathbb{R}^{4 \\times 3}$, $B \\in \\mathbb{R}^{2 \\times 4}$, $t \\in \\mathbb{R}^{2}$',
      '$$s = A u$$',
      '$$r = \\tanh(s)$$',
      '$$o = B r$$',
      '$$E = \\frac{1}{2}\\|o - t\\|^2$$',
      // The bar chain line; E is the one name differentiated whose bar no line defines, so the loss. dE/do = o - t.
      '$$\\bar{o} = \\bar{E} \\frac{\\partial E}{\\partial o} = o - t$$',
      // o = B r: dE/dr = Bᵀ (o - t), 4 x 1.
      '$$\\bar{r} = B^T \\bar{o}$$',
      // r = tanh(s) entrywise: dE/ds = r̄ ⊙ (1 - r²).
      '$$\\bar{s} = \\bar{r} \\odot (1 - r \\odot r)$$',
      // The sign of r² flipped: wrong (numpy: FD gradient in s differs).
      '$$\\bar{s} = \\bar{r} \\odot (1 + r \\odot r)$$',
      // s = A u: dE/dA = s̄ uᵀ, 4 x 3.
      '$$\\overline{A} = \\bar{s} u^T$$',
      // o = B r: dE/dB = ō rᵀ, 2 x 4.
      '$$\\overline{B} = \\bar{o} r^T$$',
      // r ōᵀ is 4 x 2, B is 2 x 4: wrong.
      '$$\\overline{B} = r \\bar{o}^T$$',
    ];
    expect(verdicts(doc)).toEqual([
      ['dE/do', 'correct'],
      ['dE/dr', 'correct'],
      ['dE/ds', 'correct'],
      ['dE/ds', 'incorrect'],
      ['dE/dA', 'correct'],
      ['dE/dB', 'correct'],
      ['dE/dB', 'incorrect'],
    ]);
    expect(barNotes(doc)).toHaveLength(1);
  });

  it('take the loss from the seed \\bar{J} = 1, read \\overline{h_1} as ∂J/∂h_1, and a sum of chain terms as the trigger', () => {
    const doc = [
      '## Two paths',
      // Bars written before derivatives (`\overline{h_1} \frac{\partial h_1}{\partial z}`) are rows: read only
      // because the quantities are declared scalars, where rows and columns are one.
      '$w, x \\in \\mathbb{R}$, $z, h_1, h_2 \\in \\mathbb{R}$',
      '$$z = w x$$',
      '$$h_1 = \\sigma(z)$$',
      '$$h_2 = z^2$$',
      '$$J = h_1 + 3 h_2$$',
      // dJ/dJ = 1.
      '$$\\bar{J} = 1$$',
      // dJ/dh1 = 1 = J̄.
      '$$\\overline{h_1} = \\bar{J} \\frac{\\partial J}{\\partial h_1} = \\bar{J}$$',
      // dJ/dh2 = 3.
      '$$\\overline{h_2} = 3 \\bar{J}$$',
      // z feeds both: dJ/dz = σ(z)(1 - σ(z)) + 6 z.
      '$$\\bar{z} = \\overline{h_1} \\frac{\\partial h_1}{\\partial z} + \\overline{h_2} \\frac{\\partial h_2}{\\partial z} = \\overline{h_1} \\sigma(z) (1 - \\sigma(z)) + 2 z \\overline{h_2}$$',
      // z = w x: dJ/dw = z̄ x.
      '$$\\bar{w} = \\bar{z} x$$',
      // dJ/dx = z̄ w, not z̄ x (numpy at w = 0.7, x = -1.3: -3.68 against 6.83): wrong.
      '$$\\bar{x} = \\bar{z} x$$',
    ];
    expect(verdicts(doc)).toEqual([
      ['dJ/dJ', 'correct'],
      ['dJ/dh1', 'correct'],
      ['dJ/dh2', 'correct'],
      ['dJ/dz', 'correct'],
      ['dJ/dw', 'correct'],
      ['dJ/dx', 'incorrect'],
    ]);
  });

  it('read a bar defined as a derivative, \\overline{v} = ∂L/∂v, as notation that names the loss (logistic unit)', () => {
    const doc = [
      '## Logistic unit',
      '$\\mathbf{x} \\in \\mathbb{R}^{5}$, $\\mathbf{w} \\in \\mathbb{R}^{5}$, $b \\in \\mathbb{R}$, $y \\in \\mathbb{R}$',
      '$$a = \\mathbf{w}^T \\mathbf{x} + b$$',
      '$$p = \\sigma(a)$$',
      '$$\\mathcal{L} = -y \\log p - (1 - y) \\log(1 - p)$$',
      // Notation, not a claim: set aside; it names the loss L.
      'Write $\\overline{v} = \\frac{\\partial \\mathcal{L}}{\\partial v}$ for any quantity $v$.',
      // dL/dp = -y/p + (1 - y)/(1 - p).
      '$$\\bar{p} = -\\frac{y}{p} + \\frac{1 - y}{1 - p}$$',
      // σ' = p (1 - p), so dL/da = p̄ p (1 - p) (= p - y).
      '$$\\bar{a} = \\bar{p} \\, p (1 - p)$$',
      // The sign flipped: dL/da = p - y, not y - p: wrong.
      '$$\\bar{a} = y - p$$',
      // a = wᵀx + b: dL/dw = ā x (5 x 1, like w), dL/db = ā.
      '$$\\overline{\\mathbf{w}} = \\bar{a} \\mathbf{x}$$',
      '$$\\bar{b} = \\bar{a}$$',
    ];
    expect(verdicts(doc)).toEqual([
      ['dL/dp', 'correct'],
      ['dL/da', 'correct'],
      ['dL/da', 'incorrect'],
      ['dL/dw', 'correct'],
      ['dL/db', 'correct'],
    ]);
    expect(barNotes(doc)).toHaveLength(1);
  });

  it('leave bars written as rows before a Jacobian (vectors) as names: no ✗ on a right row-convention line', () => {
    const doc = [
      '## Row convention',
      '$u \\in \\mathbb{R}^{3}$, $A \\in \\mathbb{R}^{4 \\times 3}$, $B \\in \\mathbb{R}^{2 \\times 4}$, $t \\in \\mathbb{R}^{2}$',
      '$$s = A u$$',
      '$$r = \\tanh(s)$$',
      '$$o = B r$$',
      '$$E = \\frac{1}{2}\\|o - t\\|^2$$',
      '$$\\bar{E} = 1$$',
      // As rows (numerator layout) ō = (o - t)ᵀ (1 x 2) and r̄ = ō B (1 x 4) are right (numpy: (o - t)ᵀ B equals the
      // FD gradient in r, transposed); read as chainrule's columns both would be shape errors.
      '$$\\bar{o} = (o - t)^T$$',
      '$$\\bar{r} = \\bar{o} \\frac{\\partial o}{\\partial r} = \\bar{o} B$$',
    ];
    expect(check(doc).report.claims.filter((c) => c.verdict === 'incorrect')).toEqual([]);
    expect(check(doc).report.claims.map((c) => c.target)).not.toContain('dE/dr');
    const notes = check(doc).diagnostics.filter((d) => d.code === 'reading').map((d) => d.message);
    expect(notes.some((m) => m.includes('bars are rows'))).toBe(true);
  });

  it('leave bars as names without a bar chain line: \\bar{x} is a mean', () => {
    const doc = [
      '## Mean',
      '$$\\bar{x} = \\frac{1}{n} \\sum_{i=1}^{n} x_i$$',
      // d/dx_j of the mean is 1/n.
      '$$\\frac{\\partial \\bar{x}}{\\partial x_j} = \\frac{1}{n}$$',
    ];
    expect(verdicts(doc)).toEqual([['dxbar/dx_j', 'correct']]);
    expect(barNotes(doc)).toHaveLength(0);
  });

  it('make no reading when the document has no single loss: the bar line stays a definition', () => {
    const doc = [
      '## Two outputs',
      '$$p = q^2$$',
      '$$P = 3 p$$',
      '$$Q = 2 q$$',
      // dP/dp = 3, dQ/dq = 2: both right. P, Q and p are differentiated, none has a bar line.
      '$$\\frac{\\partial P}{\\partial p} = 3$$',
      '$$\\frac{\\partial Q}{\\partial q} = 2$$',
      '$$\\bar{q} = \\bar{p} \\frac{\\partial p}{\\partial q}$$',
    ];
    expect(verdicts(doc)).toEqual([
      ['dP/dp', 'correct'],
      ['dQ/dq', 'correct'],
    ]);
    expect(barNotes(doc)).toHaveLength(0);
  });

  it("read a bar over a primed name, \\overline{y^{'}}, as one name", () => {
    const parsed = parseMarkdown("$$\\overline{y^{'}} = 2 \\bar{v}$$\n", 'doc.md');
    expect(parsed.diagnostics.filter((d) => d.code === 'parse-error')).toEqual([]);
    const [st] = parsed.statements;
    expect(st.kind === 'equation' && st.lhs.expr).toMatchObject({ kind: 'name', name: 'yprimebar' });
  });
});
