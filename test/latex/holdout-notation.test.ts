// Notation of held-out documents (fixtures/real, the eighth set): equation-editor braces from textbook-solution
// sites, a loss whose function's argument is renamed, gates named f_t and u_{ft} in an LSTM, and a bare function
// word whose variable is followed by a bracket. Each document below is written in another author's style; every
// verdict is worked by hand and checked with sympy (the differences quoted), and each holds a wrong line.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const md = (...lines: string[]) => lines.join('\n') + '\n';
const run = (source: string) => checkSource(source, 'holdout.md').report;
const verdicts = (source: string) => run(source).claims.map((c) => `${c.line} ${c.verdict}`);
const errors = (source: string) => run(source).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);

describe('braces doubled by an equation editor', () => {
  it('reads \\frac{{dz}}{{dt}} as dz/dt, and {x^2} as x^2', () => {
    // z = x^2 y, x = cos t, y = sin t: dz/dt = 2xy(-sin t) + x^2 cos t (sympy: difference with d/dt cos^2 t sin t
    // is 0); with +sin t the difference is 4 cos t sin^2 t, not 0. Read as d·z/(d·t), the right line 5 was ✗.
    const doc = md(
      'Let $z = {x^2}y$, where $x = \\cos t$ and $y = \\sin t$.',
      '',
      '$$\\frac{{dz}}{{dt}} = \\frac{{\\partial z}}{{\\partial x}}\\frac{{dx}}{{dt}} + \\frac{{\\partial z}}{{\\partial y}}\\frac{{dy}}{{dt}}$$',
      '',
      '$$\\frac{{dz}}{{dt}} = 2xy\\left( { - \\sin t} \\right) + {x^2}\\cos t$$',
      '',
      '$$\\frac{{dz}}{{dt}} = 2xy\\sin t + {x^2}\\cos t$$',
    );
    expect(verdicts(doc)).toEqual(['3 correct', '5 correct', '7 incorrect']);
  });
});

describe('a function whose argument a chain renames', () => {
  it('defines nothing by L = l(y, yhat) = l(y, h) (it recursed without end), and checks the rest', () => {
    // h = tanh(a): dh/da = 1 - h^2 (sympy 0); 1 - h differs by h - h^2. The loss of an unstated l is unjudged.
    const doc = md('$$h = \\tanh(a)$$', '', '$$L = \\ell(y, \\hat{y}) = \\ell(y, h)$$', '', '$$\\frac{\\partial h}{\\partial a} = 1 - h^2$$', '', '$$\\frac{\\partial h}{\\partial a} = 1 - h$$');
    expect(verdicts(doc)).toEqual(['3 unjudged', '5 correct', '7 incorrect']);
  });
});

describe('names subscripted by a gate and a time step', () => {
  it('reads z_t = \\sigma(u_{zt}) as a name, not the entries of z over t', () => {
    // A GRU step h_t = (1 - z_t) h_{t-1} + z_t g_t: dh_t/dz_t = g_t - h_{t-1} (sympy 0; the reverse sign differs by
    // 2(g_t - h_{t-1})); dz_t/du_{zt} = z_t(1 - z_t) for the sigmoid (sympy 0). u_{zt} labels its name with z and t,
    // so z_t is no array indexed by t: the definitions were errors ("the right side does not depend on t").
    const doc = md(
      'A GRU step: $z_t = \\sigma(u_{zt})$, $g_t = \\tanh(u_{gt})$ and',
      '',
      '$$h_t = (1 - z_t) h_{t-1} + z_t g_t$$',
      '',
      '$$\\frac{\\partial h_t}{\\partial z_t} = g_t - h_{t-1}$$',
      '',
      '$$\\frac{\\partial h_t}{\\partial z_t} = h_{t-1} - g_t$$',
      '',
      '$$\\frac{\\partial z_t}{\\partial u_{zt}} = z_t(1 - z_t)$$',
    );
    expect(errors(doc)).toEqual([]);
    expect(verdicts(doc)).toEqual(['5 correct', '7 incorrect', '9 correct']);
  });
});

describe('a bare function word before a variable and a bracket', () => {
  it('reads \\sin y(2) as sin(y)·2, and keeps \\cos x(t) as cos of x at its variable', () => {
    // z = cos x sin y, x = 2t, y = t^3: dz/dx dx/dt = -sin x sin y · 2 and dz/dy dy/dt = cos x cos y · 3t^2 (sympy 0);
    // with 2t the difference is cos x cos y (3t^2 - 2t). w = sin x: dw/dt = 2 cos x (sympy 0). Read as sin(2y) and
    // cos(3t^2 y), the right lines 3 and 5 were ✗.
    const doc = md(
      'Let $z = \\cos x\\sin y$ with $x = 2t$ and $y = t^3$.',
      '',
      '$$\\frac{\\partial z}{\\partial x}\\frac{dx}{dt} = -\\sin x\\sin y(2)$$',
      '',
      '$$\\frac{\\partial z}{\\partial y}\\frac{dy}{dt} = \\cos x\\cos y(3t^2)$$',
      '',
      '$$\\frac{\\partial z}{\\partial y}\\frac{dy}{dt} = \\cos x\\cos y(2t)$$',
      '',
      'Let $w = \\sin x$. $$\\frac{dw}{dt} = 2\\cos x(t)$$',
    );
    expect(verdicts(doc)).toEqual(['3 correct', '5 correct', '7 incorrect', '9 correct']);
  });
});

describe('bold letters in both cases', () => {
  it('keeps \\mathbf{x} (a vector) and \\mathbf{X} (a matrix) apart, as an identity sheet sets them', () => {
    // d ln det X/dX = X^{-T}, d b^T X c/dX = b c^T (FD, 4 x 4, rel 1e-9); d x^T x/dx = 2x, so x is off by x; f = x^T B x
    // - c^T x has gradient (B + B^T) x - c (FD rel 1e-10). Read as slips for x (for X), the right lines 3 and 5 were
    // unjudged, and in the Matrix Cookbook vector identities were read as matrix ones.
    const doc = md(
      '## Identities',
      '',
      '$$\\frac{\\partial \\ln \\det(\\mathbf{X})}{\\partial \\mathbf{X}} = \\mathbf{X}^{-T}$$',
      '',
      '$$\\frac{\\partial \\mathbf{b}^T \\mathbf{X} \\mathbf{c}}{\\partial \\mathbf{X}} = \\mathbf{b} \\mathbf{c}^T$$',
      '',
      '$$\\frac{\\partial \\mathbf{x}^T \\mathbf{x}}{\\partial \\mathbf{x}} = \\mathbf{x}$$',
      '',
      '$$\\begin{aligned}',
      'f & = \\mathbf{x}^T \\mathbf{B} \\mathbf{x} - \\mathbf{c}^T \\mathbf{x} \\\\',
      '\\frac{\\partial f}{\\partial \\mathbf{x}} & = (\\mathbf{B} + \\mathbf{B}^T)\\mathbf{x} - \\mathbf{c}',
      '\\end{aligned}$$',
    );
    expect(verdicts(doc)).toEqual(['3 correct', '5 correct', '7 incorrect', '11 correct']);
  });
});
