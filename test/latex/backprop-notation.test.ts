// Notation of matrix-form backprop write-ups that declare the weights but not the biases: indicators for the
// derivative of ReLU (`\mathbb{1}[u > 0]`, `\mathbf{1}\{u > 0\}`, `I(u > 0)`, `\mathbb{1}_{u > 0}`), a bias
// added to a layer (`u = W_1 x + c_1`: c_1 has the layer's shape), the argument of a softmax (a vector), and
// one-hot labels stated in prose or left to the cross-entropy `-t^T \log q`.
// The network: x ∈ R^d, u = W_1 x + c_1, g = ReLU(u), o = V g + c_2, q = softmax(o), L = -t^T log q with t
// one-hot. By hand, ∂L/∂o = q - t, ∂L/∂u = V^T (q - t) ⊙ 1[u > 0], ∂L/∂W_1 = (V^T (q - t) ⊙ 1[u > 0]) x^T;
// numpy (d, m, k = 3, 4, 5, central differences h = 1e-6): max error 2e-10 for ∂L/∂W_1 and ∂L/∂c_1, while
// V^T (q - t) without the indicator is off by 1.2.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const NO_CLOCK = { timeMs: Infinity, memoryMb: 512 };
const check = (md: string) => checkSource(md, 't.md', 1, NO_CLOCK);
const verdicts = (md: string) => check(md).report.claims.map((c) => `${c.line} ${c.verdict}`);

const network = (labels: string) => [
  '## Problem 3',
  'Let $u = W_1 x + c_1$, $g = \\max(0, u)$, $o = V g + c_2$, $q = \\text{softmax}(o)$ and $L = -t^T \\log q$,',
  `with $x \\in \\mathbb{R}^{d}$, $W_1 \\in \\mathbb{R}^{m \\times d}$, $V \\in \\mathbb{R}^{k \\times m}$, ${labels}.`,
];

describe('indicators of a comparison', () => {
  it('reads each spelling of the indicator as the 0/1 mask of ReLU’s derivative', () => {
    const spellings = ['\\mathbb{1}[u > 0]', '\\mathbf{1}\\{u > 0\\}', 'I(u > 0)', '\\mathbb{1}_{u > 0}', '\\mathbb{1}\\left[u \\geq 0\\right]'];
    const md = [...network('$t \\in \\mathbb{R}^k$ is one-hot'),
      ...spellings.map((s) => `$$\\frac{\\partial L}{\\partial u} = V^T (q - t) \\odot ${s}$$`),
      '$$\\frac{\\partial L}{\\partial u} = V^T (q - t)$$',
    ].join('\n');
    // Every spelling is the mask (u ≥ 0 differs from u > 0 only where u = 0, which random points never hit);
    // without the mask the step is wrong (numpy: off by 1.2).
    expect(verdicts(md)).toEqual(['4 correct', '5 correct', '6 correct', '7 correct', '8 correct', '9 incorrect']);
  });

  it('does not read a bold 1 without a bracket or a size as the number 1', () => {
    const md = ['# 1', 'Let $x \\in \\mathbb{R}^n$ and $f = \\mathbf{1}^T x$.', '$$\\nabla_x f = \\mathbf{1}$$'].join('\n');
    // ∇_x (1^T x) = 1, the vector of ones: right. Read as the number 1 it was ✗ ("this step is scalar"); with no
    // size to make it a vector (f's 1 takes x's length; the step's stands alone), the step is not checked.
    const steps = check(md).report.claims.flatMap((c) => c.steps);
    expect(steps.map((st) => st.verdict)).toEqual(['error']);
    expect(steps[0].message).toContain('a bold 1 is a vector of ones, and nothing beside it here says its length');
  });
});

describe('shapes no line states in a network', () => {
  it('gives a bias the shape of the layer it is added to, so the layer’s gradients are checked', () => {
    const md = [...network('$t \\in \\mathbb{R}^k$ is one-hot'),
      '$$\\frac{\\partial L}{\\partial W_1} = \\left(V^T (q - t) \\odot \\mathbb{1}[u > 0]\\right) x^T$$',
      '$$\\frac{\\partial L}{\\partial W_1} = x \\left(V^T (q - t) \\odot \\mathbb{1}[u > 0]\\right)^T$$',
    ].join('\n');
    // c_1 is m x 1 and c_2 k x 1 (a scalar bias would leave the layer's shapes to guesswork); the second answer is
    // the transpose of the first (d x m for an m x d W_1), so it is wrong whatever c_1 is. chainrule's doubt about
    // shapes it guessed keeps that ✗ from being sure, but the wrong answer is never ✓.
    const result = check(md);
    const got = result.report.claims.map((c) => `${c.line} ${c.verdict}`);
    expect(got[0]).toBe('4 correct');
    expect(got[1]).not.toBe('5 correct');
    expect(result.diagnostics.map((d) => d.message)).toContain('c_1 is not declared; chainrule takes it as m x 1, the most general shape its use in this question allows');
  });

  it('reads the argument of a softmax as a vector', () => {
    const md = ['# 2', 'For $p = \\text{softmax}(s)$:', '$$\\frac{\\partial p}{\\partial s} = \\text{diag}(p) - p p^T$$', '$$\\frac{\\partial p}{\\partial s} = \\text{diag}(p) - p^T p$$'].join('\n');
    // The softmax Jacobian is diag(p) - p p^T (numpy at 4 entries: error 1e-10); p^T p is a number, so the
    // second subtracts a scalar from every entry: wrong (its ✗ rests on s being a column, chainrule's reading,
    // so it may stay unjudged, but it is never correct).
    const got = verdicts(md);
    expect(got[0]).toBe('3 correct');
    expect(got[1]).not.toBe('4 correct');
  });
});

describe('one-hot labels', () => {
  it('takes labels stated one-hot in prose, on the line of their shape', () => {
    const md = [...network('$t \\in \\mathbb{R}^k$ is one-hot'), '$$\\frac{\\partial L}{\\partial o} = q - t$$'].join('\n');
    // -t^T log softmax(o) has gradient sum(t) q - t, which is q - t for a one-hot t.
    const result = check(md);
    expect(result.report.claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(['4 correct']);
    expect(result.report.claims[0].readings ?? []).toEqual([]);
  });

  it('takes the labels of -t^T log q as summing to 1 when the prose says nothing, and says so', () => {
    const md = [...network('$t \\in \\mathbb{R}^k$'), '$$\\frac{\\partial L}{\\partial o} = q - t$$'].join('\n');
    const claim = check(md).report.claims[0];
    expect(`${claim.line} ${claim.verdict}`).toBe('4 correct');
    expect(claim.readings?.map((r) => r.readAs)).toEqual(['t (simplex)']);
  });
});
