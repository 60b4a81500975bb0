// Each kind of concrete fix the foundation issue asks hints to give: swapped operand order, a missing ^T,
// .* for *, `x y` for `xy`; messages name the operands by their source text and shapes.
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../src/analysis/source';
import { shapesOf } from '../../src/app/shapes';
import { makeCalculus } from '../../src/calculus/index';

function firstError(source: string) {
  const d = shapesOf(analyzeSource(source, 'h.cr', makeCalculus)).diagnostics.find((x) => x.severity === 'error');
  if (!d) throw new Error('no error');
  return { code: d.code, message: d.message, hint: d.hint, line: d.span.line, column: d.span.column };
}

describe('shape hints', () => {
  it('suggests swapping the operands', () => {
    // W1 (M x N) times X (1 x M) does not fit; X W1 is 1 x N.
    expect(firstError('X : 1 x M\nW1 : M x N\nh = W1 X\n')).toEqual({
      code: 'shape-mismatch', message: 'cannot multiply W1 (M x N) by X (1 x M)', hint: 'X W1 is 1 x N', line: 3, column: 5,
    });
  });

  it('suggests the missing transpose, preferring the declared shape', () => {
    // a1 (1 x N) times d (1 x C): a1^T d is N x C, the declared shape of G.
    expect(firstError('a1 : 1 x N\nd : 1 x C\nG : N x C\nG = a1 d\n').hint).toBe('a1^T d is N x C, the shape of G');
  });

  it('suggests .* for a product of two same-shaped rows', () => {
    // a (1 x N) times b (1 x N): a^T b (N x N) and a b^T (scalar) fit as products, but only a .* b has
    // c's declared shape 1 x N, so that is the fix offered.
    const e = firstError('a, b : 1 x N\nc : 1 x N\nc = a b\n');
    expect(e.message).toBe('cannot multiply a (1 x N) by b (1 x N)');
    expect(e.hint).toBe('a .* b is 1 x N, the shape of c');
  });

  it('refuses a row plus a column, unlike numpy', () => {
    const e = firstError('r : 1 x N\nc : N x 1\ns = r + c\n');
    expect(e.message).toBe('cannot add r (1 x N) and c (N x 1)');
    expect(e.hint).toBe('r + c^T is 1 x N');
  });

  it('reads xy whole and suggests x y', () => {
    expect(firstError('x, y : scalar\nz = 2 xy\n')).toEqual({
      code: 'unknown-name', message: 'unknown name xy', hint: 'did you mean x y? names are read whole, so write a space between factors', line: 2, column: 7,
    });
  });
});
