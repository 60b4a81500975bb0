// Bars of held-out machine-learning documents (fixtures/real, a GMM's M-step): single bars around a matrix, as in
// `\log \det |\Lambda_k|`, `\ln |\Sigma|` and the Matrix Cookbook's `|X|`, are its determinant; around a vector they
// are its length to most authors, which chainrule does not read, so a verdict there is withheld. Each document below
// is in another author's style; every verdict is worked by hand and checked with numpy (the differences quoted), and
// each holds a wrong line.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const md = (...lines: string[]) => lines.join('\n') + '\n';
const run = (source: string) => checkSource(source, 'holdout4.md').report;
const verdicts = (source: string) => run(source).claims.map((c) => `${c.line} ${c.verdict}`);
const messages = (source: string) => run(source).claims.flatMap((c) => c.steps.map((s) => s.message));

describe('bars around a square matrix are its determinant', () => {
  it('checks a Gaussian log-likelihood written with ln |Sigma| (Bishop style)', () => {
    // l = -1/2 ln|Sigma| - 1/2 (x - mu)^T Sigma^-1 (x - mu): dl/dmu = Sigma^-1 (x - mu) (Sigma symmetric; numpy,
    // n = 3, finite differences agree to 9e-11), so the line with -Sigma^-1 (x - mu) has the sign flipped;
    // dl/dSigma = -1/2 Sigma^-1 + 1/2 Sigma^-1 (x - mu)(x - mu)^T Sigma^-1 (the -1/2 d ln|Sigma|/dSigma of the line
    // is -1/2 Sigma^-T). Before, the bars were each entry's absolute value: l was a matrix and every line informal.
    const doc = md(
      '## Maximum likelihood for a Gaussian',
      '',
      'Let $\\Sigma \\in \\mathbb{R}^{n \\times n}$ be symmetric positive definite, $x, \\mu \\in \\mathbb{R}^n$, and',
      '',
      '$$\\ell = -\\frac{1}{2} \\ln |\\Sigma| - \\frac{1}{2} (x - \\mu)^T \\Sigma^{-1} (x - \\mu)$$',
      '',
      '$$\\frac{\\partial \\ell}{\\partial \\mu} = \\Sigma^{-1} (x - \\mu)$$',
      '',
      '$$\\frac{\\partial \\ell}{\\partial \\mu} = -\\Sigma^{-1} (x - \\mu)$$',
      '',
      '$$\\frac{\\partial \\ell}{\\partial \\Sigma} = -\\frac{1}{2} \\frac{\\partial}{\\partial \\Sigma} \\ln |\\Sigma| + \\frac{1}{2} \\Sigma^{-1} (x - \\mu)(x - \\mu)^T \\Sigma^{-1}$$',
    );
    expect(verdicts(doc)).toEqual(['7 correct', '9 incorrect', '11 correct']);
  });

  it('checks identities of a sheet in bold capitals (Matrix Cookbook style)', () => {
    // d ln|det X|/dX = X^-T and d det X/dX = det(X) X^-T (numpy, random 4 x 4 X, finite differences 7e-10 and
    // 6e-10); X^-1 alone is its transpose, wrong for the general X the sheet declares (max difference 2.5 at that X).
    const doc = md(
      'Let $\\mathbf{X} \\in \\mathbb{R}^{n \\times n}$ be invertible.',
      '',
      '$$\\frac{\\partial \\ln |\\mathbf{X}|}{\\partial \\mathbf{X}} = (\\mathbf{X}^{-1})^T$$',
      '',
      '$$\\frac{\\partial \\ln |\\mathbf{X}|}{\\partial \\mathbf{X}} = \\mathbf{X}^{-1}$$',
      '',
      '$$\\frac{\\partial |\\mathbf{X}|}{\\partial \\mathbf{X}} = |\\mathbf{X}| (\\mathbf{X}^{-1})^T$$',
    );
    expect(verdicts(doc)).toEqual(['3 correct', '5 incorrect', '7 correct']);
  });

  it('reads a GMM M-step\'s log det |Lambda| beside log det Lambda^-1 (the line that was a wrong cross)', () => {
    // grad log det Lambda^-1 = -Lambda^-1 = -grad log det |Lambda| for symmetric Lambda (numpy, d = 3, error 5e-10).
    // The bars were each entry's absolute value, and the right first step was marked incorrect; 2 Lambda^-1 is wrong.
    const doc = md(
      'Let $\\Lambda \\in \\mathbb{R}^{d \\times d}$ be symmetric positive definite.',
      '',
      '$$\\nabla_{\\Lambda} \\log \\text{det} \\Lambda^{-1} = - \\nabla_{\\Lambda} \\log \\text{det} | \\Lambda | = - \\Lambda^{-1}$$',
      '',
      '$$\\nabla_{\\Lambda} \\log \\text{det} \\Lambda^{-1} = 2 \\Lambda^{-1}$$',
    );
    expect(verdicts(doc)).toEqual(['3 correct', '5 incorrect']);
  });
});

describe('bars around a vector are not judged', () => {
  it('withholds a verdict on |r| of a position vector, right or wrong, and still judges bars on a number', () => {
    // To the author |r| is the length: d|r|/dr = r/|r| is right and |r| r wrong (numpy, random r in R^3: 0.66 apart), but
    // chainrule would read the bars entry by entry, so neither line is judged. d|t|^2/dt = 2t for a number t, and 2|t|
    // is wrong for t < 0 (at t = -1: -2 against 2).
    const doc = md(
      'For a position $r \\in \\mathbb{R}^3$ the distance to the origin is $|r|$.',
      '',
      '$$\\frac{\\partial |r|}{\\partial r} = \\frac{r}{|r|}$$',
      '',
      '$$\\frac{\\partial |r|}{\\partial r} = |r| r$$',
      '',
      'For a number $t \\in \\mathbb{R}$:',
      '',
      '$$\\frac{d}{dt} |t|^2 = 2t$$',
      '',
      '$$\\frac{d}{dt} |t|^2 = 2|t|$$',
    );
    expect(verdicts(doc)).toEqual(['3 unjudged', '5 unjudged', '9 correct', '11 incorrect']);
    expect(messages(doc).filter((m) => m.includes('puts bars around a vector'))).toHaveLength(2);
  });
});
