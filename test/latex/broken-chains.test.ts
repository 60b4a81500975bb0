// A chain of `=` links with one member chainrule cannot read keeps the links around it
// (src/latex/brokenChains.ts): the first link still defines its name (the loss a later line differentiates),
// and the links after the member go on from those before it. Expectations worked out by hand and checked
// with sympy (E = (p - 2q)^2: E - (p^2 - 4pq + 4q^2) expands to 0; dE/dq = -4(p - 2q); dE/dp = 2(p - 2q);
// E - (p^2 + 4q^2) = -4pq, which is 10.89 vs 7.25 at p = 0.7, q = -1.3).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const check = (lines: string[]) => checkSource(lines.join('\n') + '\n', 'doc.md');
const verdicts = (lines: string[]) => check(lines).report.claims.map((c) => [c.line, c.target, c.verdict]);
const stepVerdicts = (lines: string[]) => check(lines).report.claims.map((c) => c.steps.map((s) => `${s.line} ${s.verdict}`));

describe('a chain with an unreadable member', () => {
  it('keeps the definition before a refused member, so the loss can be differentiated', () => {
    // `\max\{..\}` is refused (sets are not read). Without the first link E would be defined nowhere (dE/dq an
    // error); with it, dE/dq = -4(p - 2q) is right and 4(p - 2q) wrong by its sign. The link after the refused
    // member, p^2 - 4pq + 4q^2, is (p - 2q)^2 expanded: right.
    const doc = [
      '$$E = (p - 2q)^2 = \\max\\{0, (p - 2q)^2\\} = p^2 - 4pq + 4q^2$$', // 1
      '',
      '$$\\frac{\\partial E}{\\partial q} = -4(p - 2q)$$', // 3
      '',
      '$$\\frac{\\partial E}{\\partial q} = 4(p - 2q)$$', // 5
    ];
    expect(verdicts(doc)).toEqual([
      [1, 'E', 'correct'],
      [3, 'dE/dq', 'correct'],
      [5, 'dE/dq', 'incorrect'],
    ]);
    expect(check(doc).diagnostics.filter((d) => d.code === 'parse-error')).toHaveLength(1);
  });

  it('checks the links after a member the grammar cannot read against the name, and reads a definition of a later question', () => {
    // `p^2 - 4pq + 4q^2 +` ends too early: left out. `= p^2 - 4pq + 4q^2` (right) and `= p^2 + 4q^2` (wrong:
    // it drops -4pq) go on from E. Part (b) borrows E from (a): dE/dp = 2(p - 2q) is right.
    const doc = [
      '(a) Expand the error.', // 1
      '$$E = (p - 2q)^2 = p^2 - 4pq + 4q^2 + = p^2 - 4pq + 4q^2 = p^2 + 4q^2$$', // 2
      '(b) Differentiate it.', // 3
      '$$\\frac{\\partial E}{\\partial p} = 2(p - 2q)$$', // 4
    ];
    expect(stepVerdicts(doc)).toEqual([['2 correct', '2 incorrect'], ['4 correct']]);
  });

  it('reads nothing of a row whose bad member is its first, and an arrow typed as `=>` as the arrow', () => {
    // `G = \max\{..\}` leaves no link to keep: G stays undefined in the maths, so dG/dr is unjudged, not a verdict.
    // `u = -r => \frac{d}{dr} ..` is an arrow typed as `=>`, not a link: keeping `u = -r` and going on with
    // `= \frac{d}{dr} e^u` would claim u equals a derivative. It is read as \Rightarrow (normalize.ts): two
    // statements, the definition u = -r and the claim d/dr (1 + e^{-r}) = d/dr e^u, both -e^{-r} (by hand).
    const first = ['$$G = \\max\\{0, r\\} = r$$', '', '$$\\frac{d G}{d r} = 1$$'];
    expect(verdicts(first)).toEqual([[3, 'dG/dr', 'unjudged']]);
    const arrow = ['$$u = -r => \\frac{d}{dr}(1 + e^{-r}) = \\frac{d}{dr} e^u$$'];
    expect(verdicts(arrow)).toEqual([[1, 'd/dr (1 + exp(-r))', 'correct']]);
  });
});
