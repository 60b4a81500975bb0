// An English connective typed in maths mode without `\text` (`\quad and \quad`, `{and}`, `{\rm so}`) is prose
// between two formulas, as `\text{and}` is. Read as the product a·n·d it joined two claims into one chain, and
// a right second formula was compared with the first one's target: a right line marked wrong. The document is
// written for the test (a calculus exercise sheet), not taken from the corpus.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const verdicts = (source: string) => checkSource(source, 'doc.md').report.claims.map((c) => `${c.steps[0].line}: ${c.steps.map((s) => s.verdict).join(', ')}`);

describe('a connective typed as letters separates two claims', () => {
  it('checks each side of "and", "{and}" and "{\\rm so}" on its own', () => {
    // g = u^2 e^u. sympy: g' = (u^2 + 2u) e^u and g'' = (u^2 + 4u + 2) e^u (both differences simplify to 0);
    // 2u e^u for g' is off by u^2 e^u, so that claim is incorrect while the g'' beside it stays correct.
    const doc = [
      'Let $g(u) = u^2 e^{u}$.',
      '',
      "$$g'(u) = (u^2 + 2u) e^{u} \\quad and \\quad g''(u) = (u^2 + 4u + 2) e^{u}$$",
      '',
      '$$\\frac{dg}{du} = 2u e^{u} {and} \\frac{d^2 g}{du^2} = (u^2 + 4u + 2) e^{u}$$',
      '',
      '$$\\frac{dg}{du} = (u^2 + 2u) e^{u} \\quad {\\rm so} \\quad \\frac{d^2 g}{du^2} = (u^2 + 4u + 2) e^{u}$$',
      '',
    ].join('\n');
    expect(verdicts(doc)).toEqual(['3: correct', '3: correct', '5: incorrect', '5: correct', '7: correct', '7: correct']);
  });
});
