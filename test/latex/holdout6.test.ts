// Machine-learning derivations of the thirteenth, held-out set of fixtures/real (attention and minimal-GRU backward
// passes, logistic regression's gradient and Hessian for Newton's method), in other authors' styles. Escaped braces
// around one expression are brackets, as some authors write large ones (`\frac{\partial}{\partial w_j}\{-\log(1 +
// e^{-u})\}`, latex/normalize.ts); a set keeps being refused. A name written with more indices than its declared
// array has axes (`x_{ij}` after `x \in \mathbb{R}^d`, the author indexing samples and entries together) is a doubt
// of reading, never a wrong line (indexing/lower.ts). The labels of a cross-entropy (a KL divergence's target) are
// read in a function's body (`L(W) = -y^T \log p`, `D(z) = \sum_k p_k \log p_k - ..`) as in a definition's
// (check/labels.ts). A declared `x_i \in \mathbb{R}^d`
// under a sum over i is read as one vector in every term, not the author's samples: a step failing against that
// reading is unjudged (check/declaredSamples.ts). Each document has a deliberately wrong line, so the tests fail
// if the reading stops judging.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { stepsOf } from './helpers';

describe('escaped braces used as brackets', () => {
  it('reads \\{ .. \\} around one expression as a bracket, in a chain with a wrong last line', () => {
    // Blog style after a CS229 log-likelihood: f(u) = log(1 + e^{-u}), f'(u) = -e^{-u}/(1 + e^{-u}) (sympy);
    // line 5 drops the minus sign.
    const doc = [
      'Let $f(u) = \\log(1 + e^{-u})$ for a real $u$.', // 1
      '', // 2
      '$$\\frac{d}{du} f(u) = \\frac{d}{du}\\{\\log(1 + e^{-u})\\} = -\\frac{e^{-u}}{1 + e^{-u}}$$', // 3
      '', // 4
      '$$\\frac{d}{du} f(u) = \\frac{d}{du}\\{\\log(1 + e^{-u})\\} = \\frac{e^{-u}}{1 + e^{-u}}$$', // 5
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct', '3 correct'], ['5 correct', '5 incorrect']]);
  });

  it('reads nested brackets inside the braces, and a sum of braced terms', () => {
    // Lecture-notes style: g(a) = a^2 + 3a; d/da {a^2} + d/da {3a} = 2a + 3 (right), then 2a + 6 (wrong).
    const doc = [
      '$$g(a) = a^2 + 3a$$', // 1
      "$$g'(a) = \\frac{d}{da}\\{a^2\\} + \\frac{d}{da}\\{(3a)\\} = 2a + 3$$", // 2
      "$$g'(a) = 2a + 6$$", // 3
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct', '2 correct'], ['3 incorrect']]);
  });

  it('still refuses a set: braces holding a comma, a bar or a colon', () => {
    for (const set of ['\\{a, b\\}', '\\{x \\mid x > 0\\}', '\\{x : x > 0\\}']) {
      const report = checkSource(`$$S = ${set}$$`, 'doc.md').report;
      expect(report.diagnostics.some((d) => /sets/.test(d.message))).toBe(true);
    }
  });
});

describe('more indices than the declared array has axes', () => {
  it('leaves x_{ij} after x in R^d unjudged, and still judges the lines written with x_j', () => {
    // Newton's-method notes: g(w) = w^T x for one sample x in R^d, dg/dw_j = x_j. Line 3 writes x_{ij} (sample i,
    // entry j: the author's notation, not a slip chainrule can show); line 5 doubles the answer (wrong), line 7 is
    // right.
    const doc = [
      'Each sample is $x \\in \\mathbb{R}^d$ and the weights are $w \\in \\mathbb{R}^d$; let $g(w) = w^T x$.', // 1
      '', // 2
      '$$\\frac{\\partial g}{\\partial w_j} = x_{ij}$$', // 3
      '', // 4
      '$$\\frac{\\partial g}{\\partial w_j} = 2 x_j$$', // 5
      '', // 6
      '$$\\frac{\\partial g}{\\partial w_j} = x_j$$', // 7
    ].join('\n');
    const steps = stepsOf(doc);
    expect(steps[0].some((s) => / (correct|incorrect)$/.test(s))).toBe(false);
    expect(steps.slice(1)).toEqual([['5 incorrect'], ['7 correct']]);
  });
});

describe('the labels of a cross-entropy written in a function\'s body', () => {
  it('reads p of a KL divergence D(z) = sum_k p_k log p_k - sum_k p_k log q_k as labels summing to 1', () => {
    // q = softmax(z): dD/dz_j = q_j sum_k p_k - p_j, which is q_j - p_j once the entries of p sum to 1, as the prose
    // says (numpy: both agree for p on the simplex); p_j - q_j is the sign slip, wrong whatever p is.
    const doc = [
      'KL divergence between a target $p$ and $q = \\mathrm{softmax}(z)$, with $p, z \\in \\mathbb{R}^K$ and the entries of $p$ summing to one.', // 1
      '', // 2
      '$$D(z) = \\sum_k p_k \\log p_k - \\sum_k p_k \\log q_k$$', // 3
      '', // 4
      '$$\\frac{\\partial D}{\\partial z_j} = q_j - p_j$$', // 5
      '', // 6
      '$$\\frac{\\partial D}{\\partial z_j} = p_j - q_j$$', // 7
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['5 correct'], ['7 incorrect']]);
  });

  it('reads y of L(W) = -y^T log p + lambda/2 ||W||^2 as the labels, and keeps a halved penalty gradient wrong', () => {
    // Softmax regression with weight decay: grad_W L = (p - y) x^T + lambda W for one-hot y (numpy); line 7 halves
    // lambda W.
    const doc = [
      'Softmax regression with weight decay. $W \\in \\mathbb{R}^{K \\times d}$, $x \\in \\mathbb{R}^d$, $y \\in \\mathbb{R}^K$ one-hot, $p = \\mathrm{softmax}(Wx)$.', // 1
      '', // 2
      '$$L(W) = -y^T \\log p + \\frac{\\lambda}{2}\\|W\\|_F^2$$', // 3
      '', // 4
      '$$\\nabla_W L = (p - y)x^T + \\lambda W$$', // 5
      '', // 6
      '$$\\nabla_W L = (p - y)x^T + \\frac{\\lambda}{2} W$$', // 7
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['5 correct'], ['7 incorrect']]);
  });
});

describe('a declared sample under a sum over its subscript', () => {
  it('leaves a ridge gradient in sums unjudged when x_i is declared as one vector, and judges the matrix form', () => {
    // Statistics-course style. J = sum_i (y_i - x_i^T beta)^2 + lambda sum_j beta_j^2: dJ/dbeta_j = -2 sum_i (y_i -
    // x_i^T beta) x_ij + 2 lambda beta_j (numpy), right; chainrule reads x_i as one declared vector in every term, so
    // line 5 is no verdict either way. The matrix form below (X with the samples as rows) is judged: line 11 right,
    // line 13 drops the 2 of the penalty.
    const doc = [
      'Data $(x_i, y_i)$ with $x_i \\in \\mathbb{R}^d$, weights $\\beta \\in \\mathbb{R}^d$.', // 1
      '', // 2
      '$$J(\\beta) = \\sum_{i=1}^{n} (y_i - x_i^T \\beta)^2 + \\lambda \\sum_{j=1}^{d} \\beta_j^2$$', // 3
      '', // 4
      '$$\\frac{\\partial J}{\\partial \\beta_j} = -2 \\sum_{i=1}^{n} (y_i - x_i^T \\beta) x_{ij} + 2 \\lambda \\beta_j$$', // 5
      '', // 6
      '## Matrix form', // 7
      'Let $X \\in \\mathbb{R}^{n \\times d}$, $y \\in \\mathbb{R}^n$, $\\beta \\in \\mathbb{R}^d$ and $\\lambda > 0$.', // 8
      '$$J(\\beta) = \\|y - X\\beta\\|^2 + \\lambda \\|\\beta\\|^2$$', // 9
      '', // 10
      '$$\\nabla_\\beta J(\\beta) = -2X^T(y - X\\beta) + 2\\lambda \\beta$$', // 11
      '', // 12
      '$$\\nabla_\\beta J(\\beta) = -2X^T(y - X\\beta) + \\lambda \\beta$$', // 13
    ].join('\n');
    const steps = stepsOf(doc);
    expect(steps[0].some((s) => / (correct|incorrect)$/.test(s))).toBe(false);
    expect(steps.slice(1)).toEqual([['11 correct'], ['13 incorrect']]);
  });
});
