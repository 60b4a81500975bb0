// Maths typed as plain text in Markdown, with no `$` (src/latex/plainMaths.ts), and a defining chain whose
// first member goes back to the name it defines (src/resolve/scope.ts breakCycles).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { plainMathsOf } from '../../src/latex/plainMaths';

const verdicts = (md: string) => checkSource(md, 't.md').report.claims.map((c) => `${c.line} ${c.steps.map((s) => s.verdict).join(' ')}`);

describe('plain-text maths lines', () => {
  it('reads an equation line of names, numbers and function words, and never prose', () => {
    expect(plainMathsOf('* a_h1 = σ(h1) = 1/(1+exp(-h1))')).toEqual({ offset: 2, text: 'a_h1 = σ(h1) = 1/(1+exp(-h1))' });
    // δ on both sides of a `/` is the ∂ of a derivative (same length, so positions stay right)
    expect(plainMathsOf('- δE_total/δw5 = δ(E1 + E2)/δw5')).toEqual({ offset: 2, text: '∂E_total/∂w5 = ∂(E1 + E2)/∂w5' });
    // a left side over δ and a name is a derivative whose first δ was left out; a bracket may hold brackets
    expect(plainMathsOf('* C/δq1 = δ(1/2*(q1-y1)^2)/δq1')).toEqual({ offset: 2, text: 'C/∂q1 = ∂(1/2*(q1-y1)^2)/∂q1' });
    expect(plainMathsOf('h1 and h2 are the first layer neurons')).toBeUndefined(); // no equation
    expect(plainMathsOf('* n = 10 samples of x1 = 2')).toBeUndefined(); // prose words
    expect(plainMathsOf('Set x = $y$')).toBeUndefined(); // other maths on the line
  });

  it('checks a plain-text backward pass, each verdict worked by hand', () => {
    // z1 = w1 x1 + b1, a1 = σ(z1), z2 = w2 a1, L = (y - z2)²/2. numpy at w1 = 0.3, x1 = -0.7, b1 = 0.2, w2 = 1.3,
    // y = 0.4: central differences give ∂L/∂w1 = -0.0561342 (the line 12 formula: -0.0561342) and ∂L/∂b1 = 0.0801918
    // (line 13 keeps the factor x1 of ∂z1/∂w1: -0.0561342, wrong).
    const md = [
      '# Network',
      '* z1 = w1 * x1 + b1',
      '* a1 = σ(z2) = 1/(1+exp(-z1))', // a slip: σ(z2) goes back to a1 through z2; the formula after it defines a1
      '* z2 = w2 * a1',
      '* L = 1/2 * (y - z2)^2',
      '',
      'The output z2 and the activation a1 are kept for the backward pass.',
      '',
      '* ∂L/∂z2 = z2 - y', // 9: right
      '* δz2/δa1 = w2', // 10: right
      '* δa1/δz1 = a1*(1-a1)', // 11: σ' = σ(1 - σ), right
      '* δL/δw1 = (z2 - y) * w2 * a1 * (1 - a1) * x1', // 12: right
      '* δL/δb1 = (z2 - y) * w2 * a1 * (1 - a1) * x1', // 13: wrong (∂z1/∂b1 = 1, not x1)
    ].join('\n');
    // Line 3's slip σ(z2) = 1/(1+e^{-z1}) is a claim; w2 is declared nowhere, so it is left unjudged, not ✗.
    expect(verdicts(md)).toEqual(['3 unjudged', '9 correct', '10 correct', '11 correct', '12 correct', '13 incorrect']);
  });

  it('reads `C/δq1 = ...` as ∂C/∂q1, checked like any derivative', () => {
    // q1 = tanh(s1), C = (q1 - y1)²/2: ∂C/∂q1 = q1 - y1 (by hand; numpy central differences at q1 = 0.3, y1 = -0.2:
    // 0.5), and 2(q1 - y1) is twice that (1.0), wrong. Read as C / (δ·q1), both would rest on an unknown δ.
    const md = ['* s1 = v1 * x1', '* q1 = tanh(s1)', '* C = 1/2 * (q1 - y1)^2', '', '* C/δq1 = δ(1/2*(q1-y1)^2)/δq1 = q1 - y1', '* C/δq1 = 2*(q1 - y1)'].join('\n');
    expect(verdicts(md)).toEqual(['5 correct correct', '6 incorrect']);
  });
});
