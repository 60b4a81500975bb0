// Arrays the prose names without a size, `column vectors $a$ and $b$`, `a square matrix $M$`: their shapes are
// solved from the formulas with that kind (src/latex/proseKinds.ts, src/analysis/shapeUnification.ts).
import { describe, expect, it } from 'vitest';
import { proseKinds } from '../../src/latex/proseKinds';
import { PositionMap } from '../../src/latex/positions';
import { stepsOf } from './helpers';

const kinds = (line: string, lead = '') =>
  proseKinds(line, 0, new PositionMap(line, { file: 't.md', line: 1, column: 1 }), 't.md', lead).map((st) =>
    st.kind === 'decl' ? `${st.names.map((n) => n.name).join(',')} ${st.kindOnly}${st.domain ? ` ${st.domain.name}` : ''}` : st.kind,
  );

describe('kinds of arrays stated in prose', () => {
  it('reads the nouns and the kind words', () => {
    expect(kinds('given column vectors $a$ and $b,$ and symmetric matrix $C$,')).toEqual(['a column', 'b column', 'C square symmetric']);
    expect(kinds('Here $p$ and $q$ are row vectors.')).toEqual(['p row', 'q row']);
    expect(kinds('where $W$ is a matrix of weights')).toEqual(['W matrix']);
    expect(kinds('Let $M$ be a square matrix, where $X$ is the matrix whose rows are samples')).toEqual(['M square', 'X matrix']);
  });

  it('leaves alone kinds that restrict the values, and one name for several vectors', () => {
    // A diagonal, orthogonal or unit array taken as any array would make lines true only for those wrong.
    expect(kinds('for a diagonal matrix $D$, an orthogonal matrix $Q$ and a unit vector $e$')).toEqual([]);
    expect(kinds('the one-hot vector $y$ and the identity matrix $I$')).toEqual([]);
    // `the outside vectors $U$`: U holds them all, a matrix, not a vector.
    expect(kinds('it computes the whole outside vectors $U$')).toEqual([]);
    // Maths that is not one name (`$x \in \mathbb{R}^D$` declares itself).
    expect(kinds('an input vector $x \\in \\mathbb{R}^D$')).toEqual([]);
  });

  it('reads a noun that ends the line before, once', () => {
    expect(kinds('$C,$', 'given vectors $a$ and $b,$ and a symmetric matrix')).toEqual(['C square symmetric']);
  });

  it('checks a derivation with the stated kinds', () => {
    // Another author's style: the kinds in a sentence, no shapes anywhere. f = u^T M v with u, v columns and M
    // square. sympy (3 x 3 symbols): df/dv = M^T u (line 5 right); df/du = M v, not M^T v (line 6 wrong: it holds
    // only for a symmetric M, which nothing says). Without the kinds, M (u, v) were numbers and line 6 passed.
    const doc = [
      '# Bilinear form', // 1
      '', // 2
      'Given column vectors $u$ and $v$, and a square matrix $M$, let', // 3
      '$$f = u^T M v$$', // 4
      '$$\\frac{\\partial f}{\\partial v} = M^T u$$', // 5
      '$$\\frac{\\partial f}{\\partial u} = M^T v$$', // 6
    ].join('\n');
    const steps = stepsOf(doc);
    expect(steps[0]).toEqual(['5 correct']);
    // The shapes are chainrule's solution, so a wrong line is at most unjudged; it is never correct.
    expect(['6 incorrect', '6 unjudged']).toContain(steps[1][0]);
  });

  it('makes a symmetric matrix square and symmetric, and a line that needs it right', () => {
    // Textbook identity (tylerneylon's CS229 notes): grad_b (a-b)^T C (a-b) = -2 C (a-b) for symmetric C (sympy with
    // C = C^T: equal; without symmetry it is -(C + C^T)(a-b)). `C (a-b)` is a product once C is a matrix, not a call.
    const doc = [
      'First, given column vectors $a$ and $b,$ and symmetric matrix', // 1
      '$C,$', // 2
      '', // 3
      '$$\\nabla_b [ (a-b)^T C (a-b) ] = -2C(a-b).$$', // 4: right
      '$$\\nabla_a [ (a-b)^T C (a-b) ] = -2C(a-b).$$', // 5: wrong sign (it is +2C(a-b))
    ].join('\n');
    const steps = stepsOf(doc);
    expect(steps[0]).toEqual(['4 correct']);
    expect(['5 incorrect', '5 unjudged']).toContain(steps[1][0]);
  });

  it('takes a name the question always writes with an arrow as a column vector', () => {
    // A least-squares risk in the style of course notes (R(w) = ||X w - y||^2 / n, no shapes stated). sympy with X
    // 3 x 2, w 2 x 1, y 3 x 1: grad R = 2/n X^T (X w - y), so line 3 is right and line 4 (the factor 2 dropped) wrong.
    // Read as numbers, w, y and X made X^T do nothing and line 3 was unjudged.
    const doc = [
      '$$R(\\vec w) = \\frac{1}{n} (X \\vec w - \\vec y)^T (X \\vec w - \\vec y)$$', // 1
      'where $X$ is the matrix whose $i$-th row is the $i$-th sample.', // 2
      '$$\\nabla_{\\vec w} R(\\vec w) = \\frac{2}{n} X^T (X \\vec w - \\vec y)$$', // 3: right
      '$$\\nabla_{\\vec w} R(\\vec w) = \\frac{1}{n} X^T (X \\vec w - \\vec y)$$', // 4: wrong
    ].join('\n');
    expect(stepsOf(doc)).toEqual([['3 correct'], ['4 incorrect']]);
  });
});
