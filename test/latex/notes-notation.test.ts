// Notation of blog-style backprop notes (issue 13): layers numbered by a bare superscript (`W^2`, `a^1`) in a
// document that differentiates by them, a period typed for a product (`\frac{..}{..} . \frac{..}{..}`), and an
// equation's number after an arrow (`\rightarrow (2)`), a computation graph's node (`x, W \rightarrow z = Wx`),
// a boxed equation. Every verdict is worked out by hand beside it and
// checked by finite differences (numpy, at x, y, W^1, W^2 ~ N(0, 1), seed 0: dL/dW^2 = 0.0970883 both ways,
// dL/dW^1 = 0.000614491 both ways; the variant without W^2 gives 0.00585787).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { parse, statements } from './helpers';
import { showStatement } from './print';

const verdicts = (lines: string[]) => checkSource(lines.join('\n') + '\n', 'notes.md').report.claims.map((c) => [c.line, c.verdict]);

// A 1-1-1 network of scalars: z^1 = W^1 x, a^1 = σ(z^1), L = ½ (W^2 a^1 - y)^2.
const setup = ['$$z^1 = W^1 x$$', '', '$$a^1 = \\sigma(z^1)$$', '', '$$L = \\frac{1}{2} (W^2 a^1 - y)^2$$', ''];

describe('layers numbered by a bare superscript', () => {
  it('reads W^2 as layer 2\'s W where the document differentiates by it, and checks the chain', () => {
    const doc = [
      ...setup,
      // line 7: dL/dW2 = (W2 a1 - y) a1: correct.
      '$$\\frac{\\partial L}{\\partial W^2} = (W^2 a^1 - y) a^1 \\quad \\rightarrow (1)$$', '',
      // line 9: the chain through a1 with periods for products; (W2 a1 - y) W2 · a1 (1 - a1) x: correct.
      '$$\\frac{\\partial L}{\\partial W^1} = \\frac{\\partial L}{\\partial a^1} . \\frac{\\partial a^1}{\\partial W^1} = (W^2 a^1 - y) W^2 . a^1 (1 - a^1) x \\to (2)$$', '',
      // line 11: W2 dropped: incorrect (0.00586 against 0.000614).
      '$$\\frac{\\partial L}{\\partial W^1} = (W^2 a^1 - y) a^1 (1 - a^1) x$$', '',
      // line 13: x is never differentiated with a digit superscript, so x^2 stays a square: d/dx x^2 = 2x, correct.
      '$$\\frac{d}{dx} x^2 = 2 x$$',
    ];
    expect(verdicts(doc)).toEqual([[7, 'correct'], [9, 'correct'], [11, 'incorrect'], [13, 'correct']]);
  });

  it('keeps W^2 a square where no derivative is taken by W^2', () => {
    // No ∂/∂W^2 anywhere: W^2 is W squared, so dL/dW of ½ (W^2 a - y)^2 = (W^2 a - y) 2 W a.
    const doc = ['$$L = \\frac{1}{2} (W^2 a - y)^2$$', '', '$$\\frac{\\partial L}{\\partial W} = (W^2 a - y) 2 W a$$'];
    expect(verdicts(doc)).toEqual([[3, 'correct']]);
  });
});

describe('periods and arrows', () => {
  it('reads a period between factors as a product and keeps a sentence\'s period out', () => {
    expect(statements('y = a . b').map(showStatement)).toEqual(statements('y = a \\cdot b').map(showStatement));
    expect(statements('y = (a.b) + c').map(showStatement)).toEqual(statements('y = (a \\cdot b) + c').map(showStatement));
    // A period outside brackets before another `=` ends a sentence: not a product, so the row is not
    // read as the chain y = a · z = c.
    expect(parse('y = a . z = c').statements.map(showStatement)).not.toEqual(statements('y = a \\cdot z = c').map(showStatement));
  });

  it('reads an arrow to a number at the end of a row as the equation\'s number', () => {
    expect(statements('y = 2 x \\quad \\rightarrow (4.1)').map(showStatement)).toEqual(statements('y = 2 x \\tag{4.1}').map(showStatement));
    expect(statements('y = 2 x \\to (\\mathbf{a})').map(showStatement)).toEqual(statements('y = 2 x \\tag{a}').map(showStatement));
  });

  it('reads the definition of a computation graph\'s node after its inputs and arrow', () => {
    expect(statements("x, W^{(1)}, b' \\rightarrow z = W^{(1)} x + b'").map(showStatement)).toEqual(statements("z = W^{(1)} x + b'").map(showStatement));
    // Not an input list (a sum before the arrow): the arrow is still not read.
    expect(parse('x + y \\rightarrow z = x').diagnostics.map((d) => d.message)).toEqual(['cannot read this maths: an arrow (→) is not an equation']);
  });

  it('reads a boxed equation as the equation, and a boxed term as the term', () => {
    expect(statements('\\boxed{y = 3 x^2}').map(showStatement)).toEqual(statements('y = 3 x^2').map(showStatement));
    expect(statements('y = 2 \\boxed{x + 1}').map(showStatement)).toEqual(statements('y = 2 (x + 1)').map(showStatement));
  });

  it('reads a word the document defines or differentiates by as one name, and other letter runs as products', () => {
    // loss = (scores_0 - 1)^2 + 3 scores_1: d loss / d scores_0 = 2 (scores_0 - 1) (FD at 0.3: -1.4 both ways).
    const doc = ['$$loss = (scores_0 - 1)^2 + 3 scores_1$$', '', '$$\\frac{\\partial loss}{\\partial scores_0} = 2 (scores_0 - 1)$$', '',
      '$$\\frac{\\partial{loss}}{\\partial{scores_0}} = 2 scores_0$$', '', '$$y = ab x$$', '', '$$\\frac{dy}{dx} = a b$$'];
    // line 3 correct; line 5 drops the -1: incorrect; ab multiplies (no line defines or differentiates by it): dy/dx = a b, correct.
    expect(verdicts(doc)).toEqual([[3, 'correct'], [5, 'incorrect'], [9, 'correct']]);
  });

  it('reads a prime on a bracket in a chain about f\'(x) as the derivative by x', () => {
    // σ'(x) = (1/(1+e^{-x}))' = e^{-x}/(1+e^{-x})^2: right (FD at x = 0.3: 0.244458). Without the square,
    // e^{-x}/(1+e^{-x}) = 0.425557 at 0.3: the second step is wrong.
    const steps = (chain: string) => checkSource(`$$${chain}$$\n`, 'p.md').report.claims.flatMap((c) => c.steps.map((st) => st.verdict));
    expect(steps("\\sigma'(x) = \\left(\\frac{1}{1+e^{-x}}\\right)' = \\frac{e^{-x}}{(1+e^{-x})^2}")).toEqual(['correct', 'correct']);
    expect(steps("\\sigma'(x) = \\left(\\frac{1}{1+e^{-x}}\\right)' = \\frac{e^{-x}}{1+e^{-x}}")).toEqual(['correct', 'incorrect']);
  });

  it('reads y\' as dy/dx for a quantity defined in one variable, and keeps a transpose elsewhere', () => {
    // y = x^2: y' = 2x is dy/dx (right; read as a transpose it claimed x^2 = 2x and was marked ✗), y' = x wrong.
    expect(verdicts(['$$y = x^2$$', '', "$$y' = 2x$$", '', "$$y' = x$$"])).toEqual([[3, 'correct'], [5, 'incorrect']]);
    // z = w x has two variables: z' keeps the transpose reading, a ✓ only with w and x taken as scalars, which
    // no line says, so it is withheld (unjudged), never read as a derivative by a guessed variable.
    expect(verdicts(['$$z = w x$$', '', "$$z' = w x$$"])).toEqual([[3, 'unjudged']]);
  });
});
