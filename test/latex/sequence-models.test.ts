// Sequence models and attention as write-ups state them: ones vectors that sum rows and broadcast, a list of
// names given one space in prose (Q, K, V), and time steps (`a^{<t>}`, `h_{t-1}`) that share their base's shape.
// Each document here is written for the test, in notation other than the corpus's.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { parseMarkdown } from '../../src/latex/documents';
import { shown } from './helpers';

/** Each claim's verdicts, in order. */
function stepVerdicts(source: string): string[] {
  return checkSource(source, 'doc.md').report.claims.map((c) => c.steps.map((s) => s.verdict).join(', '));
}

const md = (...lines: string[]) => lines.join('\n') + '\n';

describe('a bold 1 with a size is the column of ones', () => {
  it('reads \\mathbf{1}_q, \\bold{1_q} and \\bm{1}_{q}^T as ones(q, 1), and a bare \\mathbf{1} as the number', () => {
    expect(shown('\\mathbf{1}_q')).toBe(shown('ones(q, 1)'));
    expect(shown('\\bold{1_q}')).toBe(shown('ones(q, 1)'));
    expect(shown('\\bold{1_q^T}')).toBe(shown('ones(q, 1)^T'));
    expect(shown('\\bm{1}_{q}^T')).toBe(shown('ones(q, 1)^T'));
    expect(shown('2 \\mathbf{1}')).toBe(shown('2 \\, 1'));
  });

  it('checks a gradient through row sums: the factor 2 of s^T s is needed', () => {
    // s = H 1_q (the row sums of H, p x 1), J = s^T s: dJ/dH_ij = 2 s_i, i.e. 2 s 1_q^T (p x q). numpy central
    // differences (p = 3, q = 4, random H): 2 s 1_q^T matches to 1.4e-9; s 1_q^T is off by 2.55 (half the gradient).
    const doc = md(
      '# Row sums',
      'Let $H \\in \\mathbb{R}^{p \\times q}$ and $\\mathbf{s} = H \\mathbf{1}_q$.',
      '$$ J = \\mathbf{s}^T \\mathbf{s} $$',
      '$$ \\frac{\\partial J}{\\partial H} = 2 \\mathbf{s} \\mathbf{1}_q^T $$',
      '$$ \\frac{\\partial J}{\\partial H} = \\mathbf{s} \\bold{1_q^T} $$',
    );
    expect(stepVerdicts(doc)).toEqual(['correct', 'incorrect']);
  });
});

describe('names listed in prose with one space', () => {
  it('declares each of "$P$ and $R$, both in $\\mathbb{R}^{a \\times c}$", so a stray transpose is seen', () => {
    // S = P R^T, J = tr(S) = sum_ij P_ij R_ij: dJ/dP = R (a x c). R^T is c x a, the wrong shape; read as
    // scalars (no declaration) P, R would make R^T = R and the line pass.
    const doc = md(
      '# Scores',
      'We differentiate $J$ with respect to $P$ and $R$, both in $\\mathbb{R}^{a \\times c}$.',
      '$$ S = P R^T $$',
      '$$ J = \\operatorname{tr}(S) $$',
      '$$ \\frac{\\partial J}{\\partial P} = R $$',
      '$$ \\frac{\\partial J}{\\partial P} = R^T $$',
    );
    expect(stepVerdicts(doc)).toEqual(['correct', 'incorrect']);
  });

  it('reads three names with "all elements of", and leaves a list with a non-name alone', () => {
    const decls = (line: string) => parseMarkdown(`${line}\n`, 'doc.md').statements.filter((s) => s.kind === 'decl').map((s) => (s.kind === 'decl' ? s.names.map((n) => n.name).join(',') : ''));
    expect(decls('Take $A$, $B$, and $C$, all elements of $\\mathbb{R}^{m \\times k}$.')).toEqual(['A', 'B', 'C']);
    expect(decls('Take $A + 1$ and $B$, both in $\\mathbb{R}^{m \\times k}$.')).toEqual([]);
    // One name is no list: "$A$, all in" is left to the other prose readers.
    expect(decls('Take $A$, all in $\\mathbb{R}^{m \\times k}$.')).toEqual([]);
  });
});
