// Bars of held-out machine-learning documents (fixtures/real, a GMM's M-step): single bars around a matrix, as in
// `\log \det |\Lambda_k|`, `\ln |\Sigma|` and the Matrix Cookbook's `|X|`, are its determinant; around a vector they
// are its length to most authors, which chainrule does not read, so a verdict there is withheld. Each document below
// is in another author's style; every verdict is worked by hand and checked with numpy (the differences quoted), and
// each holds a wrong line.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { withoutQuoteMarks } from '../../src/latex/quotedMaths';

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
  it('checks the gradients of a density written with |Sigma|^{-1/2} (a textbook density)', () => {
    // ln p = -d/2 ln 2pi - 1/2 ln det Sigma - 1/2 (x - mu)^T Sigma^-1 (x - mu): dlnp/dSigma = -1/2 Sigma^-1 + 1/2 Sigma^-1
    // (x - mu)(x - mu)^T Sigma^-1 for symmetric Sigma (numpy, d = 3, finite differences along 5 symmetric directions
    // agree to 5e-10); -1/2 Sigma in place of -1/2 Sigma^-1 is wrong. d|Sigma|/dSigma = |Sigma| Sigma^-1 (Jacobi's
    // formula, Sigma symmetric). Read entry by entry, every line was informal.
    const doc = md(
      'Let $\\Sigma \\in \\mathbb{R}^{d \\times d}$ be symmetric positive definite and $x, \\mu \\in \\mathbb{R}^d$.',
      '',
      '$$p = (2\\pi)^{-d/2} |\\Sigma|^{-1/2} \\exp\\left(-\\frac{1}{2}(x - \\mu)^T \\Sigma^{-1} (x - \\mu)\\right)$$',
      '',
      '$$\\frac{\\partial \\ln p}{\\partial \\Sigma} = -\\frac{1}{2}\\Sigma^{-1} + \\frac{1}{2}\\Sigma^{-1}(x-\\mu)(x-\\mu)^T\\Sigma^{-1}$$',
      '',
      '$$\\frac{\\partial \\ln p}{\\partial \\Sigma} = -\\frac{1}{2}\\Sigma + \\frac{1}{2}\\Sigma^{-1}(x-\\mu)(x-\\mu)^T\\Sigma^{-1}$$',
      '',
      '$$\\frac{\\partial}{\\partial \\Sigma} \\left| \\Sigma \\right| = |\\Sigma| \\Sigma^{-1}$$',
    );
    expect(verdicts(doc)).toEqual(['5 correct', '7 incorrect', '9 correct']);
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

  it('withholds it where a definition puts the bars, and under a sum around a square matrix (an l1 penalty)', () => {
    // r = |x| is the length to the author: dr/dx = x / sqrt(x^T x) is right (numpy, random x in R^3, finite differences
    // 4e-11), and read entry by entry it was marked incorrect ("expected (x > 0) - (x < 0)"). lambda sum |W| is the
    // l1 penalty, not the determinant: dJ/dW = W + lambda sign(W) is right for it, 2W + lambda sign(W) is wrong for
    // every reading (2W for W), yet both rest on the bars, so neither is judged.
    const doc = md(
      'Let $x \\in \\mathbb{R}^3$ and let the distance be',
      '',
      '$$r = |x|$$',
      '',
      '$$\\frac{\\partial r}{\\partial x} = \\frac{x}{\\sqrt{x^T x}}$$',
      '',
      '## Regularised loss',
      '',
      'With $W \\in \\mathbb{R}^{n \\times n}$ and $\\lambda > 0$:',
      '',
      '$$J = \\frac{1}{2} \\|W\\|_F^2 + \\lambda \\sum |W|$$',
      '',
      '$$\\frac{\\partial J}{\\partial W} = W + \\lambda \\, \\text{sign}(W)$$',
      '',
      '$$\\frac{\\partial J}{\\partial W} = 2W + \\lambda \\, \\text{sign}(W)$$',
    );
    expect(verdicts(doc)).toEqual(['5 unjudged', '13 unjudged', '15 unjudged']);
    expect(messages(doc).filter((m) => m.includes('puts bars around a matrix inside a sum'))).toHaveLength(2);
  });
});

// A softmax post of the set (`zakariapz_softmax_cross_entropy.md`): its cases, `If \(i=j\),` each before a block that
// continues the derivative with `=`, and `the true class label occurs at index \(j=c\)`, read as a definition of j.
describe('cases of a derivative worked out in the blocks after it', () => {
  it('checks each continuation against its case, not against every entry', () => {
    // ds_j/dz_i = s_j(delta_ij - s_i) (sympy, K = 3): for i = j, (e^{z_j} S - e^{2 z_j}) / S^2 = s_j (1 - s_j) and for
    // i != j, -e^{z_j} e^{z_i} / S^2 = -s_j s_i; s_j s_i has the sign flipped. Appended to the claim as written, both
    // right cases were compared on every entry and marked incorrect.
    const doc = md(
      'The softmax is',
      '',
      '$$ s_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}} $$',
      '',
      'and its derivative is',
      '',
      '$$ \\frac{\\partial s_j}{\\partial z_i} = \\frac{\\partial}{\\partial z_i} \\frac{e^{z_j}}{\\sum_k e^{z_k}} $$',
      '',
      'If $i = j$,',
      '',
      '$$ = \\frac{e^{z_j} \\sum_k e^{z_k} - e^{z_j} e^{z_j}}{(\\sum_k e^{z_k})^2} = s_j (1 - s_j) $$',
      '',
      'and if $i \\neq j$,',
      '',
      '$$ = \\frac{- e^{z_j} e^{z_i}}{(\\sum_k e^{z_k})^2} = s_j s_i $$',
    );
    const claims = run(doc).claims;
    expect(claims.map((c) => c.verdict)).toEqual(['correct', 'correct', 'incorrect']);
    expect(claims[2].steps.map((st) => `${st.line} ${st.verdict}`)).toEqual(['15 correct', '15 incorrect']);
  });

  it('reads "the true class sits at index $k = c$" as which entry, not as a definition of the index', () => {
    // dp_k/dz_k = p_k (1 - p_k) (sympy, K = 3); p_k^2 differs by p_k (1 - 2 p_k), 0.12 at p_k = 0.3. Read as k = c, the softmax stopped depending on k and no line was checked.
    const doc = md(
      '# Cross-entropy of a softmax',
      '',
      'With logits $z \\in \\mathbb{R}^K$ and a one-hot label $y$, the probabilities are',
      '',
      '$$p_k = \\frac{e^{z_k}}{\\sum_{m=1}^{K} e^{z_m}}$$',
      '',
      'and the loss is $L = -\\log p_c$ where the true class sits at index $k = c$.',
      '',
      '$$\\frac{\\partial p_k}{\\partial z_k} = p_k (1 - p_k)$$',
      '',
      '$$\\frac{\\partial p_k}{\\partial z_k} = p_k^2$$',
    );
    expect(verdicts(doc)).toEqual(['9 correct', '11 incorrect']);
  });
});

// The set's numeric backward pass (`vortune_step_by_step_backprop.md`) gives the delta rule in a quoted remark, its
// display maths inside the blockquote, every line behind a `>`.
describe('display maths inside a Markdown blockquote', () => {
  it('reads a quoted block, each of its lines behind the quote mark', () => {
    // f = x^3: df/dx = 3x^2 (sympy); 3x differs by 3x^2 - 3x and 2x^2 by x^2. The quoted blocks were "unexpected `>`".
    const doc = md(
      'Let $f(x) = x^3$.',
      '',
      '> You might also see this written as:',
      '>',
      '> $$',
      '> \\frac{d f}{d x} = 3 x^2',
      '> $$',
      '>',
      '> or wrongly as',
      '>',
      '> $$',
      '> \\frac{d f}{d x} = 3 x',
      '> $$',
      '',
      '> $$\\frac{d f}{d x} = 2 x^2$$',
    );
    expect(verdicts(doc)).toEqual(['6 correct', '12 incorrect', '15 incorrect']);
  });

  it('keeps a > that opens one line of maths among others, and every position', () => {
    const event = (text: string) => ({ kind: 'math' as const, text, start: 0, display: true });
    // `f(x)` then `> 0`: the first line after the opening is no quote's, so the > is the maths' own.
    expect(withoutQuoteMarks(event('\nf(x)\n> 0\n')).text).toBe('\nf(x)\n> 0\n');
    expect(withoutQuoteMarks(event(' f(x)\n> 0 ')).text).toBe(' f(x)\n> 0 ');
    // A quoted block (nested quotes too): the marks become spaces, so each character keeps its offset.
    const quoted = '\n> > \\frac{d f}{d x} = 3 x^2\n> > ';
    expect(withoutQuoteMarks(event(quoted)).text).toBe('\n    \\frac{d f}{d x} = 3 x^2\n    ');
  });
});

