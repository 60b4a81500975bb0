// Sequence models and attention as write-ups state them: ones vectors that sum rows and broadcast, a list of
// names given one space in prose (Q, K, V), and time steps (`a^{<t>}`, `h_{t-1}`) that share their base's shape.
// Each document here is written for the test, in notation other than the corpus's.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { parseMarkdown } from '../../src/latex/documents';
import { parse, shown } from './helpers';

/** Each claim's verdicts, in order. */
function stepVerdicts(source: string): string[] {
  return checkSource(source, 'doc.md').report.claims.map((c) => c.steps.map((s) => s.verdict).join(', '));
}

const md = (...lines: string[]) => lines.join('\n') + '\n';

describe('a bold 1 with a size is the column of ones', () => {
  it('reads \\mathbf{1}_q, \\bold{1_q} and \\bm{1}_{q}^T as ones(q, 1), and a bare \\mathbf{1} only where it acts entry by entry', () => {
    expect(shown('\\mathbf{1}_q')).toBe(shown('ones(q, 1)'));
    expect(shown('\\bold{1_q}')).toBe(shown('ones(q, 1)'));
    expect(shown('\\bold{1_q^T}')).toBe(shown('ones(q, 1)^T'));
    expect(shown('\\bm{1}_{q}^T')).toBe(shown('ones(q, 1)^T'));
    // A bold 1 without its size is a vector of ones, not the number: read as 1, a right `\\nabla_x \\mathbf{1}^T x =
    // \\mathbf{1}` was a ✗. Its length is the one its neighbours force when it is lowered (unsized-ones.test.ts).
    expect(parse('2 \\mathbf{1}').diagnostics).toEqual([]);
    expect(shown('2 \\mathbf{1}')).not.toBe(shown('2 \\cdot 1'));
    // Where it acts entry by entry, as a fraction's numerator or a term of a sum, the number has the same value.
    expect(shown('\\frac{\\mathbf 1}{s}')).toBe(shown('\\frac{1}{s}'));
    expect(shown('\\mathbf{1} - s')).toBe(shown('1 - s'));
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

describe('time steps share the shape declared for their sequence', () => {
  it('reads h_{t-1} and x_t as the declared h and x at a step, so the recurrence has shapes', () => {
    // s_t = A h_{t-1} + B x_t + c with h, c in R^d, x in R^p; J = 1_d^T tanh(s_t). dJ/ds = 1 - tanh²(s_t) (d x 1),
    // so dJ/dA = (1 - tanh²(s_t)) h_{t-1}^T and dJ/dx_t = B^T (1 - tanh²(s_t)). numpy central differences
    // (d = 3, p = 2, random values): 5.8e-11 and 1.9e-10. h_{t-1} (1 - tanh²(s_t))^T, the transpose, is off by
    // 0.57; A is square, so only the shapes chainrule read into h_{t-1} and x_t separate it from the gradient:
    // unjudged, not incorrect. Read as scalars, A h_{t-1} + B x_t would be a shape error and nothing checked.
    const doc = md(
      '# Elman step',
      'Sizes: $h \\in \\mathbb{R}^{d}$, $x \\in \\mathbb{R}^{p}$, $A \\in \\mathbb{R}^{d \\times d}$, $B \\in \\mathbb{R}^{d \\times p}$, $c \\in \\mathbb{R}^{d}$.',
      '$$ s_t = A h_{t-1} + B x_t + c $$',
      '$$ J = \\mathbf{1}_d^T \\tanh(s_t) $$',
      '$$ \\frac{\\partial J}{\\partial A} = (1 - \\tanh^2(s_t)) h_{t-1}^T $$',
      '$$ \\frac{\\partial J}{\\partial A} = h_{t-1} (1 - \\tanh^2(s_t))^T $$',
      '$$ \\frac{\\partial J}{\\partial x_t} = B^T (1 - \\tanh^2(s_t)) $$',
    );
    expect(stepVerdicts(doc)).toEqual(['correct', 'unjudged', 'correct']);
    const notes = checkSource(doc, 'doc.md').diagnostics.filter((d) => d.code === 'reading').map((d) => d.message);
    expect(notes).toContain("h_{t-1} is not declared; chainrule takes it as d x 1, the shape declared for h: a time step has its sequence's shape");
  });

  it('reads angle-bracket steps, \\langle t \\rangle included, and a transpose written in the step', () => {
    // g = N u^{<t-1>} + M e^{<t>} (k x 1), J = g^T g: dJ/dM = 2 g e^T. numpy central differences (k = 3, r = 2):
    // 7.3e-10; without the 2 it is off by 1.57, a wrong factor whatever the shapes: incorrect.
    const doc = md(
      '# Decoder state',
      'Let the state be $\\mathbf{u} \\in \\mathbb{R}^{k}$ and the input $\\mathbf{e} \\in \\mathbb{R}^{r}$, with $M \\in \\mathbb{R}^{k \\times r}$, $N \\in \\mathbb{R}^{k \\times k}$.',
      '$$ g^{\\langle t \\rangle} = N u^{\\langle t-1 \\rangle} + M e^{\\langle t \\rangle} $$',
      '$$ J = g^{\\langle t \\rangle T} g^{\\langle t \\rangle} $$',
      '$$ \\frac{\\partial J}{\\partial M} = 2 g^{\\langle t \\rangle} e^{\\langle t \\rangle T} $$',
      '$$ \\frac{\\partial J}{\\partial M} = g^{\\langle t \\rangle} e^{\\langle t \\rangle T} $$',
    );
    expect(stepVerdicts(doc)).toEqual(['correct', 'incorrect']);
  });

  it('leaves a subscript t alone where nothing marks t as a time', () => {
    // No h_{t-1} or h_{t+1}: x_t may be entry t of x (index notation), so no shape is read into it.
    const doc = md('# Entries', '$x \\in \\mathbb{R}^{p}$', '$$ J = x_t^2 $$', '$$ \\frac{\\partial J}{\\partial x_t} = 2 x_t $$');
    expect(checkSource(doc, 'doc.md').diagnostics.filter((d) => /time step/.test(d.message))).toEqual([]);
  });
});
