// A worked example split over headings (src/resolve/questions.ts setupStatements): a section that names no
// problem and differentiates nothing (`## Forward computation`) sets up the sections after it, as a preamble
// does, so their lines are checked against its formulas instead of being left unjudged as borrowed.
// Network used below: s1 = u1 x1 + u2 x2, p1 = σ(s1), C = ½ (p1 - y1)². By hand, ∂C/∂u1 = (p1 - y1) p1 (1 - p1) x1;
// numpy (central differences at three random points in [-1.5, 1.5]) agrees to 1e-9, and the same product with x2
// for x1 differs there (e.g. -0.1871 against 0.2359), so it is wrong.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const verdicts = (lines: string[]) => checkSource(lines.join('\n') + '\n', 'notes.md').report.claims.map((c) => [c.line, c.verdict]);

const forward = ['## Forward computation', '$$s_1 = u_1 x_1 + u_2 x_2$$', '$$p_1 = \\sigma{(s_1)}$$', '$$C = \\frac{1}{2} (p_1 - y_1)^2$$'];

describe('set-up sections', () => {
  it('lend their formulas to the sections after them, so a wrong line is wrong', () => {
    const doc = [...forward, '## Gradients', '$$\\frac{\\partial C}{\\partial u_1} = (p_1 - y_1) p_1 (1 - p_1) x_1$$', '$$\\frac{\\partial C}{\\partial u_1} = (p_1 - y_1) p_1 (1 - p_1) x_2$$'];
    expect(verdicts(doc)).toEqual([[6, 'correct'], [7, 'incorrect']]);
  });

  it('read `\\sigma{(s_1)}` as the call σ(s_1), not σ times s_1', () => {
    // With p1 = σ·s1 (a product with an unknown σ) the right line above would not match; here the section
    // itself states ∂p1/∂s1 = p1 (1 - p1), true for the sigmoid only.
    const doc = ['## Forward computation', '$$s_1 = u_1 x_1$$', '$$p_1 = \\sigma{(s_1)}$$', '$$\\frac{\\partial p_1}{\\partial s_1} = p_1 (1 - p_1)$$'];
    expect(verdicts(doc)).toEqual([[4, 'correct']]);
  });

  it('keep borrowed a name another section defines too, and a question named as a problem', () => {
    // C is defined again in "Another loss" (C = p1 - y1): which C the last section means is not sure, so its
    // wrong line stays unjudged. A heading `# Problem 1` is a question of its own: also borrowed, so unjudged.
    const twice = [...forward, '## Another loss', '$$C = p_1 - y_1$$', '$$\\frac{\\partial C}{\\partial p_1} = 1$$', '## Gradients', '$$\\frac{\\partial C}{\\partial u_1} = (p_1 - y_1) p_1 (1 - p_1) x_2$$'];
    expect(verdicts(twice)).toEqual([[7, 'correct'], [9, 'unjudged']]);
    const named = ['# Problem 1', ...forward.slice(1), '# Problem 2', '$$\\frac{\\partial C}{\\partial u_1} = (p_1 - y_1) p_1 (1 - p_1) x_2$$'];
    expect(verdicts(named)).toEqual([[6, 'unjudged']]);
  });
});
