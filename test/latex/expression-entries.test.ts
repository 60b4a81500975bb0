// Entries of expressions (docs/index-notation.md §1, docs/latex.md): a subscript of index letters after a
// closing bracket is the entry of the bracket's value (`(NM)_{qp}`), after a transpose of it the entry of the
// transpose (`(NM)^T_{pq}`, `(NM)_{pq}^T` are (NM)_{qp}), and on a transposed name `S^T_{jk}` / `S_{jk}^T`
// is S_{kj}. Every verdict was worked by hand and checked with numpy by central differences (4 x 4 matrices,
// seed 0): ∂tr(MS)/∂S = M^T, ∂tr(MSN)/∂S = (NM)^T, ∂tr(MS^T N)/∂S = NM, ∂tr(SMS)/∂S = (MS)^T + (SM)^T.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { expectUnambiguous, printed } from './helpers';

const report = (md: string) => checkSource(md, 't.md').report;
const verdicts = (md: string) => report(md).claims.map((c) => `${c.line} ${c.verdict}`);
const declared = 'Take $M, N, S \\in \\mathbb{R}^{d \\times d}$.';

describe('entries of bracketed expressions', () => {
  it('reads (M^T)_{pq} as entry (p, q) of M^T', () => {
    const md = [
      declared,
      // Σ M_ij S_ji by S_pq is M_qp = (M^T)_pq, the gradient M^T (numpy): right throughout
      '$$ \\frac{\\partial}{\\partial S} \\mathrm{tr}(M S) = \\frac{\\partial (M_{ij} S_{ji})}{\\partial S_{pq}} = M_{qp} = (M^T)_{pq} = M^T $$',
      // (M^T)_{qp} is M_pq, the gradient M (numpy: not M^T): wrong
      '$$ \\frac{\\partial}{\\partial S} \\mathrm{tr}(M S) = \\frac{\\partial (M_{ij} S_{ji})}{\\partial S_{pq}} = (M^T)_{qp} $$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['2 correct', '3 incorrect']);
  });

  it('reads an entry of a product, and a transpose mark before or after the subscript as exchanging the indices', () => {
    const md = [
      declared,
      // M_ij S_jk N_ki by S_pq: M_ip N_qi = (NM)_qp; the gradient (NM)^T (numpy): every form right
      '$$ \\frac{\\partial}{\\partial S} \\mathrm{tr}(M S N) = \\frac{\\partial (M_{ij} S_{jk} N_{ki})}{\\partial S_{pq}} = M_{ip} N_{qi} = (NM)_{qp} = (NM)^T_{pq} = \\left(NM\\right)_{pq}^T $$',
      // (NM)_{pq}: the gradient NM (numpy: not (NM)^T): wrong
      '$$ \\frac{\\partial}{\\partial S} \\mathrm{tr}(M S N) = \\frac{\\partial (M_{ij} S_{jk} N_{ki})}{\\partial S_{pq}} = (NM)_{pq} $$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['2 correct', '3 incorrect']);
  });

  it('reads S^T_{jk} and S_{jk}^T as S_{kj}', () => {
    const md = [
      declared,
      // M_ij S_kj N_ki by S_pq: N_pi M_iq = (NM)_pq; the gradient NM (numpy): right
      '$$ \\frac{\\partial}{\\partial S} \\mathrm{tr}(M S^T N) = \\frac{\\partial (M_{ij} S^T_{jk} N_{ki})}{\\partial S_{pq}} = N_{pi} M_{iq} = (NM)_{pq} $$',
      '$$ \\frac{\\partial}{\\partial S} \\mathrm{tr}(M S^T N) = \\frac{\\partial (M_{ij} S_{jk}^T N_{ki})}{\\partial S_{pq}} = (NM)_{pq} $$',
      // read as the untransposed S, the derivative would be (NM)_qp (numpy: the gradient (NM)^T, not NM): wrong
      '$$ \\frac{\\partial}{\\partial S} \\mathrm{tr}(M S^T N) = \\frac{\\partial (M_{ij} S^T_{jk} N_{ki})}{\\partial S_{pq}} = (NM)_{qp} $$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['2 correct', '3 correct', '4 incorrect']);
  });

  it('takes an entry after an entry as a factor, not a call, and sums the index they share', () => {
    const md = [
      declared,
      // S_ij M_jk S_ki by S_pq: M_qk S_kp + S_qj M_jp = (MS)_qp + (SM)_qp; gradient (MS)^T + (SM)^T (numpy): right
      '$$ \\frac{\\partial}{\\partial S} \\mathrm{tr}(S M S) = \\frac{\\partial (S_{ij} M_{jk} S_{ki})}{\\partial S_{pq}} = M_{qk} S_{kp} + S_{qj} M_{jp} = (MS)^T_{pq} + S_{qj} (M^T)_{pj} $$',
      // (MS)_{pq} + (SM)_{qp}: the gradient MS + (SM)^T (numpy: differs): wrong
      '$$ \\frac{\\partial}{\\partial S} \\mathrm{tr}(S M S) = \\frac{\\partial (S_{ij} M_{jk} S_{ki})}{\\partial S_{pq}} = (MS)_{pq} + (SM)_{qp} $$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['2 correct', '3 incorrect']);
  });

  it('leaves an entry of a bracket written with indices, or of a derivative, unread', () => {
    const md = [
      'Take $v \\in \\mathbb{R}^{d}$ and $V \\in \\mathbb{R}^{d \\times d}$.',
      // entry t of sample i needs three axes; chainrule must not guess
      '$$ \\frac{\\partial}{\\partial v} \\sum_{t} \\left(v_{i}\\right)_{t} = 1 $$',
      '$$ \\left(\\frac{\\partial f(v)}{\\partial v}\\right)_{ij} = \\frac{\\partial f(v)_{i}}{\\partial v_{j}} $$',
    ].join('\n');
    const r = report(md);
    expect(r.claims).toEqual([]);
    const messages = r.diagnostics.map((d) => d.message).join('\n');
    expect(messages).toContain('an entry of a bracket that is itself written with indices is not supported');
    expect(messages).toContain('an entry of a derivative in brackets is notation for its entries');
  });
});

describe('the grammar of entries', () => {
  it('parses entries once, and keeps a single-index transpose (a sample written as a row) a transpose', () => {
    for (const math of ['(NM)_{qp}', '(NM)^T_{pq} + S^T_{jk}', 'S_{jk}^T N_{ki}', 'x_{i}^T W']) expectUnambiguous(math);
    // x_i^T is sample i transposed; S_{jk}^T of a matrix read by two letters is S_{kj}; W^T_2 is layer 2's W transposed
    expect(printed('a = x_{i}^T W')).toEqual(['a = (* (T xi) W)']);
    expect(printed('a = S_{jk}^T + W^T_2')).toEqual(['a = (+ Skj (T W2))']);
  });
});
