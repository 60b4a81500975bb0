// Where a step of an aligned derivation is reported. Authors often put `&=` on a line of its own, or end a
// line with `=`, and write the expression below; a TA points at such a step by its `=`, so chainrule does too.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const stepsOf = (source: string) => checkSource(source, 'doc.md').report.claims.map((c) => c.steps.map((s) => [s.line, s.column, s.verdict]));

describe('step lines in aligned derivations', () => {
  it('reports a step whose expression starts below its `=` at the `=`, and others at their expression', () => {
    const doc = [
      'Let $x \\in \\mathbb{R}$ and $f = x^3 + 2x$.', // 1
      '',
      '$$',
      '\\begin{aligned}',
      '\\frac{df}{dx}', // 5
      '&=', // 6: step 1 starts here; 3x^2 + 2 is f' (right)
      '3x^2 + 2 \\\\', // 7
      '&= 3 x^2 + 3 \\\\', // 8: step 2 on its own line; 3x^2 + 3 differs from f' by 1 (wrong)
      '&= 3 x^2 +', // 9: step 3 starts on this line and continues below; 3x^2 + 2 (right)
      '2',
      '\\end{aligned}',
      '$$',
    ].join('\n');
    expect(stepsOf(doc)).toEqual([
      [
        [6, 2, 'correct'],
        [8, 4, 'incorrect'],
        [9, 4, 'correct'],
      ],
    ]);
  });

  it('reports a step after a trailing `=` at that `=`', () => {
    // Line 2 ends with `=`; the expression 2x (the derivative of x^2) is on line 3.
    const doc = ['Let $x \\in \\mathbb{R}$ and $g = x^2$.', '$$\\frac{dg}{dx} = x + x =', '2 x$$'].join('\n');
    expect(stepsOf(doc)).toEqual([
      [
        [2, 19, 'correct'],
        [2, 25, 'correct'],
      ],
    ]);
  });
});
