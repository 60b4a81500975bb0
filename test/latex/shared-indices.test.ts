// Derivatives between entries that share an index (`∂net_k/∂w_{jk}`, `∂μ_j/∂X_{ij}`, `∂Y_{ij}/∂γ_j`): one
// number for each value of the two indices written, checked for every one of them (src/calculus/sharedIndices.ts).
// Expected verdicts worked out by hand and checked with sympy on 3 x 2 arrays of symbols (a throw-away check).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const steps = (md: string) => checkSource(md, 't.md').report.claims.map((c) => c.steps.map((s) => `${s.line} ${s.verdict}${s.diagnosis ? `:${s.diagnosis}` : ''}`));

describe('derivatives between entries that share an index', () => {
  it("checks a layer's per-weight derivative and a chain through it for every (j, k)", () => {
    // A blog's style: net_k = Σ_j w_jk L_j, so ∂net_k/∂w_jk = L_j (sympy: diff(z[k], w[j,k]) == L[j] for all j, k).
    const md = [
      'Outputs of the hidden layer $L \\in \\mathbb{R}^{n}$, weights $w \\in \\mathbb{R}^{n \\times p}$, targets $t \\in \\mathbb{R}^{p}$.', // 1
      '$$net_k = \\sum_{j=1}^{n} w_{jk}L_{j}$$', // 2
      '$$o_k = \\sigma(net_k)$$', // 3
      '$$E = \\frac{1}{2}\\sum_{k=1}^{p}(o_k - t_k)^2$$', // 4
      '$$\\dfrac{\\partial net_k}{\\partial w_{jk}} = L_j$$', // 5: right
      '$$\\dfrac{\\partial net_k}{\\partial w_{jk}} = w_{jk}$$', // 6: wrong (the weight, not the input it multiplies)
      // 7: ∂E/∂net_k = (o_k − t_k) o_k (1 − o_k), times L_j: right, both steps.
      '$$\\dfrac{\\partial E}{\\partial w_{jk}} = \\dfrac{\\partial E}{\\partial net_k}\\dfrac{\\partial net_k}{\\partial w_{jk}} = (o_k - t_k)\\, o_k(1 - o_k)\\, L_j$$',
      // 8: ∂E/∂o_k in place of ∂E/∂net_k leaves out σ' = o_k (1 − o_k): wrong.
      '$$\\dfrac{\\partial E}{\\partial w_{jk}} = \\dfrac{\\partial E}{\\partial o_k}\\dfrac{\\partial net_k}{\\partial w_{jk}}$$',
    ].join('\n');
    expect(steps(md)).toEqual([['5 correct'], ['6 incorrect:unknown'], ['7 correct', '7 correct'], ['8 incorrect:missing-factor']]);
  });

  it('lays a per-feature statistic by an entry of the batch out over both indices', () => {
    // Batch normalisation per feature j over the m rows: μ_j = (1/m) Σ_i X_ij, Y_ij = γ_j X_ij + β_j.
    // sympy: ∂μ_j/∂X_ij = 1/m, ∂Y_ij/∂γ_j = X_ij, ∂Y_ij/∂X_ij = γ_j for every i, j; 1/d and γ_j are not.
    const md = [
      'The mini-batch is $X \\in \\mathbb{R}^{m \\times d}$, the scale $\\gamma \\in \\mathbb{R}^{d}$ and the shift $\\beta \\in \\mathbb{R}^d$.', // 1
      '$$\\mu_j = \\frac{1}{m}\\sum_{i=1}^{m} X_{ij}$$', // 2
      '$$Y_{ij} = \\gamma_j X_{ij} + \\beta_j$$', // 3
      '$$\\frac{\\partial \\mu_j}{\\partial X_{ij}} = \\frac{1}{m}$$', // 4: right
      '$$\\frac{\\partial Y_{ij}}{\\partial \\gamma_j} = X_{ij}$$', // 5: right
      '$$\\frac{\\partial Y_{ij}}{\\partial X_{ij}} = \\gamma_j$$', // 6: right
      '$$\\frac{\\partial \\mu_j}{\\partial X_{ij}} = \\frac{1}{d}$$', // 7: wrong (d features, m rows averaged)
      '$$\\frac{\\partial Y_{ij}}{\\partial \\gamma_j} = \\gamma_j$$', // 8: wrong
    ].join('\n');
    const found = steps(md).map((s) => s.map((v) => v.replace(/:.*/, '')));
    expect(found).toEqual([['4 correct'], ['5 correct'], ['6 correct'], ['7 incorrect'], ['8 incorrect']]);
  });

  it('leaves three different indices to the informal tensor shorthand', () => {
    // ∂z_k/∂W_ij names three indices: the 3-index tensor dz/dW (SPEC 1.5), never judged.
    const md = ['Let $x \\in \\mathbb{R}^n$, $W \\in \\mathbb{R}^{n \\times m}$ and $z_k = \\sum_{i=1}^{n} W_{ik} x_i$.', '$$\\frac{\\partial z_k}{\\partial W_{ij}} = x_i$$'].join('\n');
    expect(steps(md)).toEqual([['2 informal']]);
  });
});
