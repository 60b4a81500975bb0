// Per-sample and per-entry notation as other authors write it (issue 13): sums over a set of units, the
// general entry of a matrix written with dots, and a function of x_1, x_2 beside a general definition of the
// gradient over x_1 .. x_n. Each document has a right line that must be correct and a wrong one that must
// be incorrect; keys worked out by hand and checked with sympy (noted beside them).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { readDocument } from '../../src/analysis/source';

const verdicts = (md: string, file = 'sheet.md') => checkSource(md, file).report.claims.map((c) => `${c.line} ${c.verdict}`);

describe('a sum over the members of a set', () => {
  it('binds its index (\\sum_{k \\in S}), so the sum runs over it', () => {
    // z_j = Σ_k w_jk a_k + b_j, L = Σ_j z_j^2: ∂L/∂a_k = Σ_j 2 z_j w_jk (sympy, J = 3, K = 2: difference 0);
    // without the 2 it differs by Σ_j z_j w_jk. Read as a label, k made the sum unreadable and the wrong
    // line unjudged.
    const md = [
      '# Q1',
      '$$z_j = \\sum_{k \\in S} w_{jk} a_k + b_j$$',
      '$$L = \\sum_j z_j^2$$',
      '$$\\frac{\\partial L}{\\partial a_k} = \\sum_j 2 z_j w_{jk}$$',
      '$$\\frac{\\partial L}{\\partial a_k} = \\sum_j z_j w_{jk}$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['4 correct', '5 incorrect']);
  });

  it('reads a set that is itself subscripted, \\sum_{k \\in layer_{l-1}}', () => {
    // Nielsen-style: s_j = Σ_{k in layer l-1} v_jk u_k, E = ½ Σ_j (s_j - t_j)^2: ∂E/∂u_k = Σ_j (s_j - t_j) v_jk
    // (sympy, 3 x 2: difference 0), and Σ_j 2 (s_j - t_j) v_jk is twice it.
    const md = [
      '## Problem 2',
      'The input of unit $j$ sums over the units of the layer before:',
      '$$s_j = \\sum_{k \\in layer_{l-1}} v_{jk} u_k$$',
      '$$E = \\frac{1}{2}\\sum_j (s_j - t_j)^2$$',
      '$$\\frac{\\partial E}{\\partial u_k} = \\sum_j (s_j - t_j) v_{jk}$$',
      '$$\\frac{\\partial E}{\\partial u_k} = \\sum_j 2 (s_j - t_j) v_{jk}$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['5 correct', '6 incorrect']);
  });
});

describe('the general entry of a matrix written with dots', () => {
  const sheet = [
    '# Review sheet',
    '## 2. Calculus',
    '### 2.1. Definitions',
    'For $f$ of $n$ variables the gradient collects the partial derivatives:',
    '$$\\nabla_x f(x) = \\begin{bmatrix} \\frac{\\partial f(x)}{\\partial x_1} \\\\ \\vdots \\\\ \\frac{\\partial f(x)}{\\partial x_n} \\end{bmatrix} \\in \\mathbb{R}^n$$',
    '### 2.2. Exercises',
    '**(a)** Let $f(x_1, x_2) = x_1^3 x_2 + \\sin(x_2)$. Find its gradient.',
    // sympy: (3 x1^2 x2, x1^3 + cos x2): right
    '$$\\nabla_x f(x) = \\begin{bmatrix} 3x_1^2 x_2 \\\\ x_1^3 + \\cos(x_2) \\end{bmatrix}$$',
    '**(b)** Let $f(x_1, x_2) = e^{x_1} x_2^2$. Find its gradient.',
    // sympy: (e^x1 x2^2, 2 e^x1 x2): the second entry lacks its 2, wrong
    '$$\\nabla_x f(x) = \\begin{bmatrix} e^{x_1} x_2^2 \\\\ e^{x_1} x_2 \\end{bmatrix}$$',
  ].join('\n');

  it('binds the letters of its entry, which are no sample labels', () => {
    const labels = readDocument(sheet, 'sheet.md').sections.map((s) => [...s.scope.labelLetters]);
    expect(labels.flat()).toEqual([]);
  });

  it('leaves a function of x_1, x_2 its own column x beside the general definition over x_1 .. x_n', () => {
    expect(verdicts(sheet).slice(1)).toEqual(['8 correct', '10 incorrect']);
  });
});

describe('a function of one variable written bare beside a bracket, f(1 - f)', () => {
  it('reads g(1 - g) as g times the bracket after g(t) is defined', () => {
    // g = 1/(1 + e^{-t}): g' = e^{-t}/(1 + e^{-t})^2 = g(1 - g) (sympy: difference 0); g(1 + g) differs by 2 g^2.
    // Read as g composed with 1 - g(t), the right line was left unjudged.
    const md = [
      '# Logistic',
      'Let $g(t) = \\frac{1}{1 + e^{-t}}$.',
      "$$g'(t) = g(1 - g)$$",
      "$$g'(t) = g(1 + g)$$",
    ].join('\n');
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect']);
  });

  it("reads f' of a function of one variable written bare as its derivative, not a transpose", () => {
    // f = e^u/(1 + e^u): f' = e^u/(1 + e^u)^2 = f(1 - f) (sympy: difference 0), so the prompt's f' = f(1 - f) and
    // the worked line are right; f(1 - f)^2 differs by -f^2 (1 - f). Read as f^T, the prompt's line was ✗.
    const md = [
      "**Problem 4.** Let $f(u) = \\frac{e^u}{1 + e^u}$. Show that $f' = f(1-f)$.",
      '',
      '$$\\frac{df}{du} = \\frac{e^u}{(1 + e^u)^2} = f(1 - f)$$',
      '',
      '$$\\frac{df}{du} = f(1 - f)^2$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['1 correct', '3 correct', '5 incorrect']);
  });

  it('keeps the primes of a rule table, (fg)\' = f\'g + fg\', after a function of one variable', () => {
    // f(x) = x^2 above (f' = 2x right, f' = x wrong); the product rule below is about any f and g (read as a rule
    // table, ruleTablePrimes.ts), right for every f and g, and not made df/dx of the example's f.
    const md = [
      '## Example',
      '$$f(x) = x^2$$',
      "$$f'(x) = 2x$$",
      "$$f'(x) = x$$",
      '## Rules',
      "$$(fg)' = f'g + fg'$$",
    ].join('\n');
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect', '6 correct']);
  });

  it('leaves unjudged a step with a built-in written bare, \\sigma(1 - \\sigma), not wrong', () => {
    // σ' = σ(x)(1 - σ(x)) (sympy: difference 0). Bare σ outside a derivative has no argument chainrule can read:
    // it was a number of its own, and the right line was ✗. A wrong line written with σ(x) is still ✗
    // (σ(x)(1 + σ(x)) differs by 2σ(x)^2).
    const md = [
      '## Exercise 2.3',
      '$$\\frac{d\\sigma(x)}{dx} = \\sigma(1 - \\sigma)$$',
      '$$\\frac{d\\sigma(x)}{dx} = \\sigma(x)(1 + \\sigma(x))$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['2 unjudged', '3 incorrect']);
  });
});

describe('a sample superscript dropped where the function of the sample is worked out', () => {
  it('reads the bare x as the sample x^{(i)} the function is defined at', () => {
    // p = 1/(1 + e^{-β0 - β1 x}): ∂p/∂β1 = x e^{-β0-β1x}/(1 + e^{-β0-β1x})^2 (sympy: difference 0); without the
    // factor x it differs by (x - 1) e^{-β0-β1x}/(1 + e^{-β0-β1x})^2. With x a scalar of its own, both were unjudged.
    const md = [
      '## Model',
      'For sample $i$ the model is',
      '$$p_\\beta(x^{(i)}) = \\frac{1}{1 + e^{-\\beta_0 - \\beta_1 x^{(i)}}}$$',
      '$$\\frac{\\partial p_\\beta}{\\partial \\beta_1} = \\frac{x e^{-\\beta_0 - \\beta_1 x}}{(1 + e^{-\\beta_0 - \\beta_1 x})^2}$$',
      '$$\\frac{\\partial p_\\beta}{\\partial \\beta_1} = \\frac{e^{-\\beta_0 - \\beta_1 x}}{(1 + e^{-\\beta_0 - \\beta_1 x})^2}$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['4 correct', '5 incorrect']);
  });

  it('leaves x alone in a claim that is not about the function of the sample', () => {
    // d/dw (w x)^2 = 2 w x^2 (right) and w x^2 (wrong, half of it), x a number of the line's own.
    const md = [
      '## Model',
      '$$p_\\beta(x^{(i)}) = \\frac{1}{1 + e^{-\\beta_0 - \\beta_1 x^{(i)}}}$$',
      '$$\\frac{d}{dw} (w x)^2 = 2 w x^2$$',
      '$$\\frac{d}{dw} (w x)^2 = w x^2$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect']);
  });

  it('leaves x alone where the question gives it a meaning of its own', () => {
    // x = β0 + 1 is a quantity of its own, not the sample: the line is not rewritten into the sample, and written
    // in β0 + 1 it differs from ∂p/∂β1 at the independent sample x^{(i)} (so it is wrong as written).
    const md = [
      '## Model',
      '$$p_\\beta(x^{(i)}) = \\frac{1}{1 + e^{-\\beta_0 - \\beta_1 x^{(i)}}}$$',
      '$$x = \\beta_0 + 1$$',
      '$$\\frac{\\partial p_\\beta}{\\partial \\beta_1} = \\frac{x e^{-\\beta_0 - \\beta_1 x}}{(1 + e^{-\\beta_0 - \\beta_1 x})^2}$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['4 incorrect']);
  });
});

describe('a worked example numbered in prose', () => {
  it('opens a derivation of its own at "Example 2.", so a function defined again is the new one', () => {
    // Example 1: f = x^3, f' = 3x^2. Example 2: f = sin(x^2), f' = 2x cos(x^2) (sympy: difference 0); cos(x^2)
    // misses the 2x. Read as one question, example 2's right line was ✗ against x^3.
    const md = [
      'Example 1. Let $f(x) = x^3$.',
      '',
      "$$f'(x) = 3x^2$$",
      '',
      'Example 2. Let $f(x) = \\sin(x^2)$.',
      '',
      "$$f'(x) = 2x\\cos(x^2)$$",
      '',
      "$$f'(x) = \\cos(x^2)$$",
    ].join('\n');
    expect(verdicts(md)).toEqual(['3 correct', '7 correct', '9 incorrect']);
  });
});
