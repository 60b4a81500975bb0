// Matrices written with elided entries (docs/latex.md, src/latex/ellipsisMatrices.ts): the written entries differ
// only in their indices (1 in the first row or column, the bound in the last), so the matrix is read as its
// general entry and checked as the whole array, in the orientation written. Every verdict was worked by hand and
// checked with numpy by central differences (d = 4, s = 3, K = 5, seed 0): ∇_u (w^T u) = w (not 2w), the
// Jacobian of B u is B (s x d), and ∂(-t^T log a)/∂a = -t ./ a (not -a ./ t).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { expectUnambiguous } from './helpers';

const report = (md: string) => checkSource(md, 't.md').report;
const verdicts = (md: string) => report(md).claims.map((c) => `${c.line} ${c.verdict}`);

describe('matrices of elided entries', () => {
  it('reads a column of partials and of entries as the gradient, in the orientation written', () => {
    const md = [
      'Take $w, u \\in \\mathbb{R}^d$ and $h(u) = w^T u$.',
      // the gradient's entries ∂h/∂u_r = w_r: the column w (numpy): right at every step
      '$$\\nabla_u h(u) = \\begin{pmatrix} \\frac{\\partial (w^T u)}{\\partial u_1} \\\\ \\vdots \\\\ \\frac{\\partial (w^T u)}{\\partial u_d} \\end{pmatrix} = \\begin{pmatrix} w_1 \\\\ \\vdots \\\\ w_d \\end{pmatrix} = w$$',
      // the column 2w is twice the gradient (numpy): wrong
      '$$\\nabla_u h(u) = \\begin{pmatrix} 2 w_1 \\\\ \\vdots \\\\ 2 w_d \\end{pmatrix}$$',
      // the row w^T: the gradient in numerator layout, where chainrule's has u's shape: not judged either way
      '$$\\nabla_u h(u) = \\begin{pmatrix} w_1 & \\cdots & w_d \\end{pmatrix}$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['2 correct', '3 incorrect', '4 unjudged']);
  });

  it('reads an entry whose index is written twice, and a second row written before the dots', () => {
    const md = [
      'Let $t, a \\in \\mathbb{R}^K$ and $E = -t^T \\log(a)$.',
      // ∂E/∂a_r = -t_r / a_r: the column -t ./ a (numpy): right, also with the second entry written out
      '$$\\frac{\\partial E}{\\partial a} = \\left[\\begin{array}{c} -\\frac{t_1}{a_1} \\\\ \\vdots \\\\ -\\frac{t_K}{a_K} \\end{array}\\right]$$',
      '$$\\frac{\\partial E}{\\partial a} = \\begin{bmatrix} -\\frac{t_1}{a_1} \\\\ -\\frac{t_2}{a_2} \\\\ \\vdots \\\\ -\\frac{t_K}{a_K} \\end{bmatrix}$$',
      // -a ./ t (numpy: not the gradient): wrong
      '$$\\frac{\\partial E}{\\partial a} = \\begin{bmatrix} -\\frac{a_1}{t_1} \\\\ \\vdots \\\\ -\\frac{a_K}{t_K} \\end{bmatrix}$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['2 correct', '3 correct', '4 incorrect']);
  });

  it('reads a two-index matrix as the Jacobian, and its transpose as a layout it cannot judge', () => {
    const md = [
      'Let $B \\in \\mathbb{R}^{s \\times d}$, $u \\in \\mathbb{R}^{d}$ and $q = B u$.',
      // entry (r, c) of ∂q/∂u is ∂(Bu)_r/∂u_c = B_rc: the Jacobian B, s x d (numpy): right at every step
      '$$\\frac{\\partial q}{\\partial u} = \\begin{bmatrix} \\frac{\\partial (Bu)_1}{\\partial u_1} & \\cdots & \\frac{\\partial (Bu)_1}{\\partial u_d} \\\\ \\vdots & \\ddots & \\vdots \\\\ \\frac{\\partial (Bu)_s}{\\partial u_1} & \\cdots & \\frac{\\partial (Bu)_s}{\\partial u_d} \\end{bmatrix} = \\begin{bmatrix} B_{11} & \\cdots & B_{1d} \\\\ \\vdots & \\ddots & \\vdots \\\\ B_{s1} & \\cdots & B_{sd} \\end{bmatrix} = B$$',
      // B^T, d x s: the Jacobian in denominator layout, which the document may use: not judged
      '$$\\frac{\\partial q}{\\partial u} = \\begin{bmatrix} B_{11} & \\cdots & B_{s1} \\\\ \\vdots & \\ddots & \\vdots \\\\ B_{1d} & \\cdots & B_{sd} \\end{bmatrix}$$',
      // 2B (numpy: twice the Jacobian): wrong
      '$$\\frac{\\partial q}{\\partial u} = \\begin{bmatrix} 2 B_{11} & \\cdots & 2 B_{1d} \\\\ \\vdots & \\ddots & \\vdots \\\\ 2 B_{s1} & \\cdots & 2 B_{sd} \\end{bmatrix}$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['2 correct', '3 unjudged', '4 incorrect']);
  });

  it('leaves a matrix whose entries follow no one pattern unread', () => {
    const md = [
      'Take $w, u \\in \\mathbb{R}^d$ and $h(u) = w^T u$.',
      // the second entry is not entry 2 of the pattern the first and last set: no reading is guessed
      '$$\\nabla_u h(u) = \\begin{pmatrix} w_1 \\\\ w_3 \\\\ \\vdots \\\\ w_d \\end{pmatrix}$$',
      // ones and zeros (the identity) differ in no index: not read as a pattern
      '$$\\frac{\\partial u}{\\partial u} = \\begin{bmatrix} 1 & \\cdots & 0 \\\\ \\vdots & \\ddots & \\vdots \\\\ 0 & \\cdots & 1 \\end{bmatrix}$$',
    ].join('\n');
    const r = report(md);
    expect(r.claims).toEqual([]);
    expect(r.summary.read?.notRead.map((n) => n.line)).toEqual([2, 3]);
  });

  it('keeps the grammar unambiguous on a pattern', () => {
    expectUnambiguous('\\nabla_u h = \\begin{bmatrix} w_1 & \\cdots & w_d \\end{bmatrix} = \\begin{bmatrix} B_{11} & \\cdots & B_{1d} \\\\ \\vdots & \\ddots & \\vdots \\\\ B_{s1} & \\cdots & B_{sd} \\end{bmatrix}');
  });
});
