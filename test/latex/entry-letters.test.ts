// Letters other than i, j, k, ... used as indices in a document (src/resolve/indexUses.ts
// `derivativeEntryLetters`), and entries of a numbered layer's matrix written `W_{cb}^{(2)}`
// (src/resolve/indexNotation.ts). Every verdict was worked by hand and checked with numpy by finite
// differences (x 1 x 3, W1 3 x 4, W2 4 x 2, seed 0).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const report = (md: string) => checkSource(md, 't.md').report;
const verdicts = (md: string) => report(md).claims.map((c) => `${c.line} ${c.verdict}`);

// A row-vector network in matrix form: t = x W1, h = σ(t), v = h W2 (v_b = Σ_c h_c W2_cb).
const network = [
  '# Network',
  'Let $x \\in \\mathbb{R}^{1 \\times 3}$, $W^{(1)} \\in \\mathbb{R}^{3 \\times 4}$, $W^{(2)} \\in \\mathbb{R}^{4 \\times 2}$.',
  '$$ t = x W^{(1)} $$',
  '$$ h = \\sigma(t) $$',
  '$$ v = h W^{(2)} $$',
];

describe('letters written on both ends of a derivative between entries', () => {
  it('reads them as indices of arrays defined in matrix form, each index value checked', () => {
    const md = [
      ...network,
      // v_b = Σ_c h_c W2_cb, so ∂v_b/∂h_c = W2_cb (numpy: the Jacobian dv/dh is W2^T): right, both ways of writing the layer
      '$$ \\frac{\\partial v_b}{\\partial h_c} = W_{cb}^{(2)} $$',
      '$$ \\frac{\\partial v_b}{\\partial h_c} = W^{(2)}_{cb} $$',
      // W2_bc: the indices exchanged (b runs over 2, c over 4): wrong
      '$$ \\frac{\\partial v_b}{\\partial h_c} = W^{(2)}_{bc} $$',
      // h_c = σ(t_c): ∂h_c/∂t_d = σ(t_c)(1 − σ(t_c)) δ_cd (numpy: diag(h(1 − h))): right
      '$$ \\frac{\\partial h_c}{\\partial t_d} = \\sigma(t_c)(1-\\sigma(t_c)) \\delta_{cd} $$',
      // the factor 1 − σ(t_c) left out: wrong
      '$$ \\frac{\\partial h_c}{\\partial t_d} = \\sigma(t_c) \\delta_{cd} $$',
      // t_d = Σ_k x_k W1_kd: ∂t_d/∂x_k = W1_kd (numpy: dt/dx is W1^T): right
      '$$ \\frac{\\partial t_d}{\\partial x_k} = W_{kd}^{(1)} $$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['6 correct', '7 correct', '8 incorrect', '9 correct', '10 incorrect', '11 correct']);
    // the reading is said once, at the first derivative that writes the letters
    const notes = report(md).diagnostics.filter((d) => d.code === 'reading' && d.message.includes('as indices'));
    expect(notes.map((d) => `${d.line}: ${d.message.split(':')[0]}`)).toEqual(['6: read b, c, d as indices, as i and j are']);
  });

  it('sums a letter repeated along a chain of entries (Einstein), and finds a lost factor there', () => {
    const md = [
      ...network,
      // ∂v_b/∂t_d = Σ_c W2_cb σ'(t_c) δ_cd = W2_db σ(t_d)(1 − σ(t_d)) (numpy: dv/dt = W2^T diag(h(1 − h))): right
      '$$ \\frac{\\partial v_b}{\\partial t_d} = \\frac{\\partial v_b}{\\partial h_c} \\frac{\\partial h_c}{\\partial t_d} = W_{db}^{(2)} \\sigma(t_d)(1 - \\sigma(t_d)) $$',
      // W2_db σ(t_d): the factor 1 − σ(t_d) lost (numpy: differs): wrong
      '$$ \\frac{\\partial v_b}{\\partial t_d} = W_{db}^{(2)} \\sigma(t_d) $$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['6 correct', '7 incorrect']);
  });

  it('leaves a letter a line writes once, bound by nothing, a fixed choice (the correct class), not an index', () => {
    const md = [
      '# Cross-entropy',
      '$$ y = \\text{softmax}(z) $$',
      // c is the correct class: J = −log y_c is one number, y_c a number of its own
      '$$ J = -\\log y_c $$',
      // d(−log u)/du = −1/u: right; its sign flipped: wrong
      '$$ \\frac{\\partial J}{\\partial y_c} = -\\frac{1}{y_c} $$',
      '$$ \\frac{\\partial J}{\\partial y_c} = \\frac{1}{y_c} $$',
    ].join('\n');
    // read as an index, c would be free in J's definition, and both lines errors
    expect(verdicts(md)).toEqual(['4 correct', '5 incorrect']);
  });

  it('leaves a single letter on a bold or capital name a layer label', () => {
    const md = [
      '# Output layer',
      '$$ \\mathbf{Z}_o = \\mathbf{W}_o \\mathbf{A}_h + \\mathbf{b}_o $$',
      '* $\\mathbf{W}_o$ has dimensions $(2, 3)$',
      '* $\\mathbf{A}_h$ has dimensions $(3, 1)$',
      '* $\\mathbf{b}_o$ has dimensions $(2, 1)$',
      // o labels the output layer (Z_o is one name, 2 x 1), not an entry: dZ_o/db_o = I (2 x 2), dZ_o/dA_h = W_o: right
      '$$ \\frac{\\partial \\mathbf{Z}_o}{\\partial \\mathbf{b}_o} = \\mathbf{I} $$',
      '$$ \\frac{\\partial \\mathbf{Z}_o}{\\partial \\mathbf{A}_h} = \\mathbf{W}_o $$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['6 correct', '7 correct']);
  });

  it('changes nothing in a .cr file, where index letters are declared', () => {
    const cr = ['v : 2 x 1', 'h : 4 x 1', 'W : 2 x 4', 'v = W h', 'dv_b/dh_c = W_bc'].join('\n');
    // b and c are no index letters in .cr: v_b is the name vb, which nothing defines
    const [claim] = checkSource(cr, 't.cr').report.claims;
    expect(claim.verdict).toBe('error');
    expect(claim.steps[0].message).toContain('v_b is not defined here');
  });
});
