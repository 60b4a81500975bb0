// A derivative by a whole matrix worked out entry by entry (src/check/entrySteps.ts), with repeated indices
// summed in a derivative's quantity (Einstein's convention, src/calculus/indexed.ts `einsteinSums`), and the
// letters of such lines read as indices, not one sample's labels (src/resolve/indexUses.ts `sampleLabels`).
// Every verdict was worked by hand and checked with numpy by central differences (4 x 4 matrices, seed 0):
// ∂tr(PQ)/∂P = Q^T, ∂tr(QPR)/∂P = Q^T R^T = (RQ)^T (and not QR), ∂tr(P Q P^T)/∂P = P Q^T + P Q.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const report = (md: string) => checkSource(md, 't.md').report;
const verdicts = (md: string) => report(md).claims.map((c) => `${c.line} ${c.verdict}`);
const declared = 'Let $P, Q, R \\in \\mathbb{R}^{d \\times d}$.';

describe('a derivative by a matrix written entry by entry', () => {
  it('reads the steps after ∂/∂P_{rt} as entry (r, t) of the gradient, and whole arrays as themselves', () => {
    const md = [
      '# Traces',
      declared,
      // Σ_ij Q_ij P_ji by Einstein; its derivative by P_rt is Q_tr, the gradient Q^T (numpy): right throughout
      '$$ \\frac{\\partial}{\\partial P} \\mathrm{tr}(Q P) = \\frac{\\partial (Q_{ij} P_{ji})}{\\partial P_{rt}} = \\delta_{jr} \\delta_{it} Q_{ij} = Q_{tr} = Q^T $$',
      // Q_ij P_jk R_ki: by P_mn it is Σ_i Q_im R_ni = (RQ)_nm, the gradient (RQ)^T = Q^T R^T (numpy): right
      '$$ \\frac{\\partial}{\\partial P} \\mathrm{tr}(Q P R) = \\frac{\\partial (Q_{ij} P_{jk} R_{ki})}{\\partial P_{mn}} = Q_{im} R_{ni} = Q^T R^T $$',
      // Q_mi R_in summed over i is (QR)_mn: the gradient is (RQ)^T, not QR (numpy: differs): wrong
      '$$ \\frac{\\partial}{\\partial P} \\mathrm{tr}(Q P R) = \\frac{\\partial (Q_{ij} P_{jk} R_{ki})}{\\partial P_{mn}} = Q_{mi} R_{in} $$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['3 correct', '4 correct', '5 incorrect']);
  });

  it('sums the indices a derivative quantity repeats, but not those of the variable', () => {
    const md = [
      '# Entries',
      declared,
      // Σ_ij Q_ij P_ji by P_rt is Q_tr (numpy: the gradient of tr(QP) is Q^T): right; Q_rt would be Q: wrong
      '$$ \\frac{\\partial (Q_{ij} P_{ji})}{\\partial P_{rt}} = Q_{tr} $$',
      '$$ \\frac{\\partial (Q_{ij} P_{ji})}{\\partial P_{rt}} = Q_{rt} $$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect']);
  });

  it('implies the arrays of a document that states no shapes, and sums each term of a sum on its own', () => {
    const md = [
      '# Trace of a quadratic form',
      // P_ij Q_jk P_ik = tr(P Q P^T); by P_mn: Q_nk P_mk + P_mj Q_jn = (P Q^T + P Q)_mn (numpy): right. Each
      // term sums its own repeated index (k, j); summed over the whole sum, each term would gain a factor n
      '$$ \\frac{\\partial}{\\partial P} \\mathrm{tr}(P Q P^T) = \\frac{\\partial (P_{ij} Q_{jk} P_{ik})}{\\partial P_{mn}} = P_{mk} Q_{nk} + P_{mj} Q_{jn} $$',
      // Q_nk P_mk alone: the second term lost (numpy: differs for every size), so wrong for the implied
      // square arrays too (a wrong step is wrong whatever the arrays, docs/index-notation.md §7)
      '$$ \\frac{\\partial}{\\partial P} \\mathrm{tr}(P Q P^T) = \\frac{\\partial (P_{ij} Q_{jk} P_{ik})}{\\partial P_{mn}} = P_{mk} Q_{nk} $$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['2 correct', '3 incorrect']);
  });

  it('reads an entry by an entry of the same array as Kronecker deltas', () => {
    const md = [
      '# Deltas',
      declared,
      'Let $u \\in \\mathbb{R}^{d}$.',
      // ∂P_ji/∂P_rt = δ_jr δ_it, so Σ_ij Q_ij δ_jr δ_it = Q_tr, the gradient Q^T of tr(QP) (numpy): right
      '$$ \\frac{\\partial}{\\partial P} \\mathrm{tr}(Q P) = \\frac{\\partial (Q_{ij} P_{ji})}{\\partial P_{rt}} = Q_{ij} \\frac{\\partial P_{ji}}{\\partial P_{rt}} = Q_{tr} $$',
      // ∂P_ij/∂P_rt = δ_ir δ_jt gives Q_rt, the gradient Q (numpy: not Q^T): wrong
      '$$ \\frac{\\partial}{\\partial P} \\mathrm{tr}(Q P) = Q_{ij} \\frac{\\partial P_{ij}}{\\partial P_{rt}} $$',
      // Σ_i u_i^2 by u_k: Σ_i 2 u_i δ_ik = 2 u_k (numpy: gradient 2u): right; without the 2: wrong
      '$$ \\frac{\\partial}{\\partial u_k} \\sum_i u_i^2 = \\sum_i 2 u_i \\frac{\\partial u_i}{\\partial u_k} = 2 u_k $$',
      '$$ \\frac{\\partial}{\\partial u_k} \\sum_i u_i^2 = \\sum_i u_i \\frac{\\partial u_i}{\\partial u_k} $$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['4 correct', '5 incorrect', '6 correct', '7 incorrect']);
  });
});
