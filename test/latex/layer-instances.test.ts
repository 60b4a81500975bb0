// A line written at a symbolic index over numbered quantities (issue 13, src/check/layerInstances.ts): the question
// numbers its weights or layers (w_0 .. w_3, z_1 .. z_3) and states a line once for every one (`\partial E / \partial
// w_j`). Read literally w_j is a name of its own that nothing defines, and the line was unjudged ("E does not depend
// on w_j"); it is checked at each number instead. Every expectation is worked out by hand in the comment beside it and
// checked with sympy (exact derivatives of the stated formulas at each number).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const check = (lines: string[]) => checkSource(lines.join('\n') + '\n', 'doc.md').report;
const verdicts = (lines: string[]) => check(lines).claims.map((c) => [c.line, c.verdict]);

// A cubic model written out weight by weight, in the style of a regression exercise; the loss of one sample.
const cubic = [
  '### Polynomial regression, one sample', // line 1
  '',
  'The model is $y = w_0 + w_1 x + w_2 x^2 + w_3 x^3$ and the loss is',
  '',
  '$$E = \\frac{1}{2}(y - t)^2$$', // line 5
  '',
  'For every weight,',
  '',
];

describe('a line at a symbolic index over numbered quantities', () => {
  it('checks it at every number the question writes, and says so', () => {
    const doc = [
      ...cubic,
      // ∂y/∂w_j = x^j at j = 0 .. 3 (sympy: 0 difference each; x^0 = 1): correct.
      '$$\\frac{\\partial y}{\\partial w_j} = x^j$$', // line 9
      // ∂E/∂w_j = (y - t) x^j, each j: correct.
      '$$\\frac{\\partial E}{\\partial w_j} = (y - t) x^j$$', // line 10
      // The sign flipped, (t - y) x^j, is wrong at every j (sympy: nonzero each): incorrect.
      '$$\\frac{\\partial E}{\\partial w_j} = (t - y) x^j$$', // line 11
      // (y - t) x holds at j = 1 only: whether the author meant every weight is the reading's, so unjudged.
      '$$\\frac{\\partial E}{\\partial w_j} = (y - t) x$$', // line 12
    ];
    expect(verdicts(doc)).toEqual([
      [9, 'correct'],
      [10, 'correct'],
      [11, 'incorrect'],
      [12, 'unjudged'],
    ]);
    const report = check(doc);
    expect(report.claims[0].readings).toEqual([expect.objectContaining({ written: 'w_j', readAs: 'j = 0, 1, 2, 3' })]);
    expect(report.claims[2].steps[0].message).toMatch(/^at j = 0: /);
    expect(report.claims[3].steps[0].message).toMatch(/holds at j = 1; at j = 0, it does not/);
  });

  it('reads a layer letter in a numbered network of units, a shifted one as the unit before, and leaves a letter it is summed over alone', () => {
    const doc = [
      '## A chain of three tanh units', // line 1
      '$$z_1 = w_1 x, \\quad a_1 = \\tanh(z_1)$$',
      '$$z_2 = w_2 a_1, \\quad a_2 = \\tanh(z_2)$$',
      '$$z_3 = w_3 a_2, \\quad a_3 = \\tanh(z_3)$$',
      '$$C = \\frac{1}{2}(a_3 - y)^2$$', // line 5
      'At every unit $k$:',
      // The chain rule through z_k = w_k a_{k-1}, at k = 1, 2, 3: correct.
      '$$\\frac{\\partial C}{\\partial w_k} = \\frac{\\partial C}{\\partial z_k} \\frac{\\partial z_k}{\\partial w_k}$$', // line 7
      // tanh' = 1 - tanh^2 (sympy: 0): correct at every k.
      '$$\\frac{\\partial a_k}{\\partial z_k} = 1 - a_k^2$$', // line 8
      // 1 - a_k is not tanh' (sympy: nonzero) at any k: incorrect.
      '$$\\frac{\\partial a_k}{\\partial z_k} = 1 - a_k$$', // line 9
      // k is also the index of the sum: not a layer letter here. The question writes k bound by no sum elsewhere, so
      // the sum over it is a limit of the reading (src/indexing/labelSums.ts): an error with that reason, no verdict.
      '$$\\frac{\\partial C}{\\partial a_k} = \\sum_k \\frac{\\partial C}{\\partial z_k}$$', // line 10
      // a_{k-1} is the unit before: z_k = w_k a_{k-1}, so ∂z_k/∂w_k = a_{k-1}, checked at k = 2, 3 (a_1, a_2 are
      // written; a_0 is not): correct. a_k instead is wrong at every k (sympy: a_2 ≠ a_1): incorrect.
      '$$\\frac{\\partial z_k}{\\partial w_k} = a_{k-1}$$', // line 11
      '$$\\frac{\\partial z_k}{\\partial w_k} = a_k$$', // line 12
      // ∂C/∂a_{k-1} = ∂C/∂z_k w_k (the unit after): correct; ∂C/∂z_{k-1} w_k is (1 - a_{k-1}^2) ∂C/∂a_{k-1} w_k, not
      // it (sympy at k = 2: w_2 w_3 (a_3 - y)(1 - a_3^2)(1 - a_2^2) against that times w_2 (1 - a_1^2)): incorrect.
      '$$\\frac{\\partial C}{\\partial a_{k-1}} = \\frac{\\partial C}{\\partial z_k} w_k$$', // line 13
      '$$\\frac{\\partial C}{\\partial a_{k-1}} = \\frac{\\partial C}{\\partial z_{k-1}} w_k$$', // line 14
    ];
    expect(verdicts(doc)).toEqual([
      [7, 'correct'],
      [8, 'correct'],
      [9, 'incorrect'],
      [10, 'error'],
      [11, 'correct'],
      [12, 'incorrect'],
      [13, 'correct'],
      [14, 'incorrect'],
    ]);
    expect(check(doc).claims[4].readings?.[0].readAs).toBe('k = 2, 3');
  });

  it('reads the pattern of the layers stated once at the letter as no meaning of its own', () => {
    // f_k = β_k + ω_k h_k in the prose states what the numbered lines say; index notation reads it as the entries of
    // an array f, but the numbered formulas are the network. ℓ = (f_2 - y)^2, h_1 = tanh(f_0), h_2 = exp(f_1).
    const doc = [
      '## Backward pass of a small chain', // line 1
      '$$f_0 = \\beta_0 + \\omega_0 x, \\quad h_1 = \\tanh(f_0), \\quad f_1 = \\beta_1 + \\omega_1 h_1$$',
      '$$h_2 = \\exp(f_1), \\quad f_2 = \\beta_2 + \\omega_2 h_2, \\quad \\ell = (f_2 - y)^2$$',
      'Every layer has the form $f_k = \\beta_k + \\omega_k h_k$, so',
      // ∂ℓ/∂ω_k = h_k ∂ℓ/∂f_k at k = 1, 2 (h_0 is not written): correct (sympy: 0 at both).
      '$$\\frac{\\partial \\ell}{\\partial \\omega_k} = h_k \\frac{\\partial \\ell}{\\partial f_k}$$', // line 5
      // ω_k in place of h_k, at k = 0, 1, 2: wrong at each (at k = 0 the factor is x, not ω_0): incorrect.
      '$$\\frac{\\partial \\ell}{\\partial \\omega_k} = \\omega_k \\frac{\\partial \\ell}{\\partial f_k}$$', // line 6
    ];
    expect(verdicts(doc)).toEqual([
      [5, 'correct'],
      [6, 'incorrect'],
    ]);
  });

  it('takes no letter for a layer where the question numbers only some of the names', () => {
    // v_k is written nowhere at a number: the line stays as it was read (unjudged, C does not depend on v_k).
    const doc = [
      '## Two units',
      '$$z_1 = w_1 x, \\quad z_2 = w_2 z_1$$',
      '$$C = z_2^2$$',
      '$$\\frac{\\partial C}{\\partial v_k} = 2 z_2 \\frac{\\partial z_2}{\\partial v_k}$$', // line 4
    ];
    expect(verdicts(doc)).toEqual([[4, 'unjudged']]);
    expect(check(doc).claims[0].readings).toBeUndefined();
  });
});
