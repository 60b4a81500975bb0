// `=>` typed for \Rightarrow, and a row that gives its reason in prose before the arrow (`\text{Base on (3), (4)}
// \Rightarrow ...`): the statement after the arrow is read on its own. Documents written for the test; the
// verdicts by hand and sympy (differences quoted beside them).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const verdicts = (source: string) => checkSource(source, 'doc.md').report.claims.map((c) => `${c.line} ${c.verdict}`);

describe('a statement after `=>` or after prose and an arrow', () => {
  it('reads `\\text{By (2)} => \\frac{d}{dt} ...` as the statement after the arrow', () => {
    // d/dt ln(1 + e^{-t}) = -e^{-t} / (1 + e^{-t}) (sympy: difference 0); with +e^{-t} it is wrong.
    const doc = [
      '# Log-loss',
      '$$\\text{By (2), (3)} => \\frac{d}{dt}\\ln(1 + e^{-t}) = \\frac{-e^{-t}}{1 + e^{-t}}$$',
      '$$\\text{Hence} \\Rightarrow \\frac{d}{dt}\\ln(1 + e^{-t}) = \\frac{e^{-t}}{1 + e^{-t}}$$',
      '$$\\text{Let } u = -t => \\frac{d}{dt}(1 + e^{-t}) = -e^{u}$$',
    ].join('\n');
    expect(verdicts(doc)).toEqual(['2 correct', '3 incorrect', '4 correct']);
  });

  it('keeps `>=` and `=` apart from `=>`', () => {
    const doc = ['# Cmp', '$$g(t) = t^2$$', "$$g'(t) = 2t \\quad (t >= 0)$$"].join('\n');
    expect(verdicts(doc)).toEqual(['3 correct']);
  });
});

describe('a condition written beside a line states where it holds', () => {
  it('sets `\\quad (t \\geq 0)`, `\\text{ for } t > 0` and `, t > 0` aside: a right line is ✓, a wrong one unjudged', () => {
    // g = t^3: g' = 3t^2 everywhere, so the three right lines hold on their domains too. Read into the expression,
    // the comparison was a 0/1 factor and a right line was a ✗. `2t^2 (t > 0)` differs from 3t^2 for every t > 0,
    // but chainrule does not check on the domain alone, so it stays unjudged, never a ✗ it cannot stand behind.
    const doc = [
      '# Domains',
      '$$g(t) = t^3$$',
      "$$g'(t) = 3t^2 \\quad (t \\geq 0)$$",
      "$$g'(t) = 3t^2 \\text{ for } t > 0$$",
      "$$g'(t) = 3t^2, \\quad t > 0$$",
      "$$g'(t) = 2t^2 \\quad (t > 0)$$",
    ].join('\n');
    expect(verdicts(doc)).toEqual(['3 correct', '4 correct', '5 correct', '6 unjudged']);
  });

  it('keeps a comparison that is the value (the derivative of ReLU written as a mask)', () => {
    // d/du max(0, u) = (u > 0) away from 0; as a 0/1 mask the comparison is the value, not a condition.
    const doc = ['# ReLU', '$$r(u) = \\max(0, u)$$', "$$r'(u) = (u > 0)$$"].join('\n');
    expect(verdicts(doc)).toEqual(['3 correct']);
  });
});
