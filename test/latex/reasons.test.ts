// Reason clauses: `\because z = w x + b` after a step says why the step holds; the chain goes on from the
// step, not from the reason (src/latex/rows.ts withoutReason).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const stepsOf = (source: string) => checkSource(source, 'doc.md').report.claims.map((c) => c.steps.map((s) => `${s.line} ${s.verdict}`));

describe('reason clauses', () => {
  it('ends a row at `\\because`, so the next row continues the step before the reason', () => {
    const doc = [
      'Let $w, x, b \\in \\mathbb{R}$ and $z = w x + b$.', // 1
      '$$',
      '\\begin{aligned}',
      '\\frac{dz}{dw} &= \\frac{d}{dw}[w x + b] \\quad \\because z = w x + b \\\\', // 4: the derivative of z restated: right
      '&= x + 0 \\\\', // 5: dz/dw = x: right (read as z = x + 0 it would be wrong)
      '&= x \\quad ∵ \\frac{d b}{d w} = 0', // 6: right; the reason after ∵ is left out
      '\\end{aligned}',
      '$$',
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['4 correct', '5 correct', '6 correct']]);
  });

  it('reads a row that opens with `\\because` as a statement of its own', () => {
    // Line 2 restates z's definition as a reason: a claim that z equals its own formula, right; line 3 is ∂z/∂b = 1, right.
    const doc = ['Let $w, x, b \\in \\mathbb{R}$ and $z = w x + b$.', '$$\\because z = w x + b$$', '$$\\frac{dz}{db} = 1$$'].join('\n');
    expect(stepsOf(doc)).toEqual([['2 correct'], ['3 correct']]);
  });
});
