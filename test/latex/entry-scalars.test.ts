// An entry whose subscript holds a LaTeX letter command (`V_{b\ell}`) is not read as index notation, so chainrule
// takes it as a number of its own: a wrong-looking step then rests on that misreading and is unjudged, never ✗
// (src/check/entryScalars.ts).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const verdicts = (md: string) => checkSource(md, 't.md').report.claims.map((c) => `${c.line} ${c.verdict}`);

describe('an entry read as a scalar of its own', () => {
  // Q = softmax of each row b of V over k; E = -Σ_b Σ_k R_bk ln Q_bk with any weights R (numpy, 3x4, 4x3, 5x5):
  // ∂E/∂V_bk = Q_bk Σ_j R_bj - R_bk. Right as written; the sign flipped is wrong.
  const doc = (letter: string) =>
    [
      '# Scores',
      `$$Q_{bk} = \\frac{\\exp(V_{bk})}{\\sum_{${letter}} \\exp(V_{b${letter}})}$$`,
      '$$E = -\\sum_b \\sum_k R_{bk} \\ln Q_{bk}$$',
      '$$\\frac{\\partial E}{\\partial V_{bk}} = Q_{bk} \\sum_j R_{bj} - R_{bk}$$',
      '$$\\frac{\\partial E}{\\partial V_{bk}} = R_{bk} - Q_{bk} \\sum_j R_{bj}$$',
    ].join('\n');

  it('judges the lines when the sum runs over a letter index notation reads', () => {
    expect(verdicts(doc('j'))).toEqual(['4 correct', '5 incorrect']);
  });

  it('leaves them unjudged when the sum runs over \\ell, which it does not: the truth itself is misread', () => {
    const report = checkSource(doc('\\ell'), 't.md').report;
    expect(report.claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(['4 unjudged', '5 unjudged']);
    expect(report.claims[0].steps[0].message).toContain('V_{b\\ell} as a number of its own, not as an entry of V');
  });
});
