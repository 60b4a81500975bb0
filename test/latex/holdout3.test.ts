// Notation of held-out machine-learning documents (fixtures/real, Gaussian gradients and word2vec): a density
// written with its parameters after a conditional bar, `p(x \mid \mu, \sigma)`, and given only by its logarithm,
// `\log p(x \mid \mu, \sigma) = ...`. Each document below is in another author's style; every verdict is worked by
// hand and checked with sympy (the differences quoted), and each holds a wrong line.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const md = (...lines: string[]) => lines.join('\n') + '\n';
const run = (source: string) => checkSource(source, 'holdout3.md').report;
const verdicts = (source: string) => run(source).claims.map((c) => `${c.line} ${c.verdict}`);
const warnings = (source: string) => run(source).diagnostics.map((d) => d.message);

describe('a density given by its logarithm, with its parameters after a bar', () => {
  it('reads ln f(x | lambda) = ln lambda - lambda x as the definition of f, and checks its derivatives', () => {
    // The exponential density: d/dlambda (ln lambda - lambda x) = 1/lambda - x (sympy 0); d/dx = -lambda, so the
    // line's +lambda differs by 2 lambda. Before, the bar was unread and every line with f(x \mid \lambda) with it.
    const doc = md(
      'The exponential model, on the log scale:',
      '',
      '$$\\ln f(x \\mid \\lambda) = \\ln \\lambda - \\lambda x$$',
      '',
      '$$\\frac{\\partial}{\\partial \\lambda} \\ln f(x \\mid \\lambda) = \\frac{1}{\\lambda} - x$$',
      '',
      '$$\\frac{\\partial}{\\partial x} \\ln f(x \\mid \\lambda) = \\lambda$$',
    );
    expect(verdicts(doc)).toEqual(['5 correct', '7 incorrect']);
  });

  it('keeps the later steps of the defining chain as claims (a Bernoulli log-likelihood)', () => {
    // log p(y | theta) = y log theta + (1 - y) log(1 - theta): d/dtheta = y/theta - (1 - y)/(1 - theta)
    // = (y - theta)/(theta(1 - theta)) (sympy 0 for both); (y - theta)/theta differs by (theta - y)/(theta - 1), not 0.
    const doc = md(
      '## Bernoulli',
      '',
      '$$\\log p(y \\mid \\theta) = y \\log \\theta + (1 - y) \\log (1 - \\theta)$$',
      '',
      '$$\\begin{aligned}',
      '\\frac{\\partial \\log p(y \\mid \\theta)}{\\partial \\theta} &= \\frac{y}{\\theta} - \\frac{1 - y}{1 - \\theta} \\\\',
      '&= \\frac{y - \\theta}{\\theta (1 - \\theta)} \\\\',
      '&= \\frac{y - \\theta}{\\theta}',
      '\\end{aligned}$$',
    );
    const steps = run(doc).claims.flatMap((c) => c.steps.map((s) => `${s.line} ${s.verdict}`));
    expect(steps).toEqual(['6 correct', '7 correct', '8 incorrect']);
  });

  it('leaves a log line a claim where the document defines the function itself', () => {
    // p(x) = e^{-x} is defined, so log p(x) = -x is a claim (sympy 0), not a second definition of p; then
    // d/dx log p(x) = -1, so the line's 1 differs by 2.
    const doc = md('$$p(x) = e^{-x}$$', '', '$$\\log p(x) = -x$$', '', '$$\\frac{d}{dx} \\log p(x) = 1$$');
    expect(verdicts(doc)).toEqual(['3 correct', '5 incorrect']);
  });

  it('leaves the bar of a primed call unread: f\'(x | theta) is a derivative in x alone', () => {
    // f(x | theta) = theta x^2: d/dtheta = x^2 (sympy 0), so the line's x differs by x^2 - x. Read with a comma,
    // f'(x, theta) would be the derivative of a function of two variables, an error blaming the right line 3.
    const doc = md('$$f(x \\mid \\theta) = \\theta x^2$$', '', "$$f'(x \\mid \\theta) = 2 \\theta x$$", '', '$$\\frac{\\partial f(x \\mid \\theta)}{\\partial \\theta} = x$$');
    expect(verdicts(doc)).toEqual(['5 incorrect']);
    expect(warnings(doc).some((m) => m.includes('conditional bars'))).toBe(true);
  });

  it('reads a bar only inside a call: elsewhere it stays unread, with its reason', () => {
    const doc = md('$$a \\mid b = c$$');
    expect(verdicts(doc)).toEqual([]);
    expect(warnings(doc).some((m) => m.includes('conditional bars'))).toBe(true);
  });
});
