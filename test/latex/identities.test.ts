// Textbook identities as maths texts state them (fixtures/latex/identities.md): norms with a subscript, X^{-T},
// a square matrix's power, symmetry stated in words or as A = A^T, and the numerator-layout row for ∂/∂x.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkSource } from '../../src/app/check';

const verdicts = (source: string, file: string) => checkSource(source, file).report.claims.map((c) => `${c.line} ${c.verdict}`);

describe('fixtures/latex/identities.md', () => {
  it('gives each line the verdict worked out by hand in its comment', () => {
    const file = 'fixtures/latex/identities.md';
    expect(verdicts(readFileSync(file, 'utf8'), file)).toEqual([
      '10 correct', '13 correct', '16 correct', '19 correct', '22 incorrect', '25 incorrect', '29 unjudged',
      '36 correct', '39 correct', '42 incorrect', '49 correct',
    ]);
  });
});

describe('symmetry', () => {
  const setup = ['# a', '$$x \\in \\mathbb{R}^{n}$$', '$$A \\in \\mathbb{R}^{n \\times n}$$'];
  it('takes A = A^T as the statement that A is symmetric', () => {
    // ∇ x^T A x = (A + A^T) x, which is 2 A x only for a symmetric A.
    expect(verdicts([...setup, '$$A = A^T$$', '$$\\nabla_x (x^T A x) = 2 A x$$'].join('\n'), 't.md')).toEqual(['5 correct']);
    expect(verdicts([...setup, '$$\\nabla_x (x^T A x) = 2 A x$$'].join('\n'), 't.md')).toEqual(['4 incorrect']);
  });

  it('leaves a declaration of several names alone: the words name one of them', () => {
    const md = ['# a', '$$x \\in \\mathbb{R}^{n}$$', '$$A, B \\in \\mathbb{R}^{n \\times n}$$', 'for symmetric $A$:', '$$\\nabla_x (x^T B x) = 2 B x$$'].join('\n');
    // B is not said to be symmetric: (B + B^T) x ≠ 2 B x.
    expect(verdicts(md, 't.md')).toEqual(['5 incorrect']);
  });
});

describe('aligned rows', () => {
  it('joins a row that opens with + to the expression before it, and reads t^*_1 as a name', () => {
    const md = [
      '# a', '$$E = \\frac{1}{2}\\left((u a - t^*_1)^2 + (u b - t^*_2)^2\\right)$$',
      '$$\\begin{aligned}', '\\frac{\\partial E}{\\partial u} =& (u a - t^*_1) a', '\\\\', '+& (u b - t^*_2) b', '\\end{aligned}$$',
      '$$\\begin{aligned}', '\\frac{\\partial E}{\\partial u} =& (u a - t^*_1) a', '\\\\', '-& (u b - t^*_2) b', '\\end{aligned}$$',
    ].join('\n');
    // dE/du = (u a - t1*) a + (u b - t2*) b: the first derivation is right, the second has the sign of its
    // second term wrong (the `-&` row continues it).
    expect(verdicts(md, 't.md')).toEqual(['4 correct', '9 incorrect']);
  });
});

describe('functions left to the prose', () => {
  it('keeps f an unknown function when a step also writes {\\partial f \\over \\partial u}', () => {
    const md = [
      '# a', '$o = f(u h)$', '$E = (o - t)^2$',
      '$$\\frac{\\partial E}{\\partial u} = 2 (o - t) {\\partial f \\over \\partial u} (u h) = 2 (o - t) f\'(u h) h$$',
      '$$\\frac{\\partial E}{\\partial u} = 2 (o - t) f\'(u h) h$$',
    ].join('\n');
    // dE/du = 2 (o - t) f'(u h) h for every f: the last line is right whatever f is.
    const claims = checkSource(md, 't.md').report.claims;
    expect(claims.map((c) => `${c.line} ${c.verdict}`).at(-1)).toBe('5 correct');
  });
});

describe('the identity matrix', () => {
  it('reads an undeclared I as the identity of the size its place needs', () => {
    const md = [
      '# a', 'Let $x, b \\in \\mathbb{R}^n$, $A \\in \\mathbb{R}^{n \\times n}$, $W \\in \\mathbb{R}^{m \\times n}$.',
      '$$\\frac{\\partial (x + b)}{\\partial x} = I$$', '$$\\frac{\\partial (A x - 2x)}{\\partial x} = A - 2I$$', '$$\\frac{\\partial (A x - 2x)}{\\partial x} = A - I$$',
      '$$\\frac{\\partial (W x)}{\\partial x} = W I$$', '$$\\frac{\\partial (x + b)}{\\partial x} = 2I$$', '$$\\frac{\\partial (3 x)}{\\partial x} = 3 I$$',
    ].join('\n');
    // Jacobians (numerator layout): d(x + b)/dx = I; d(Ax - 2x)/dx = A - 2I, so A - I is wrong; d(Wx)/dx = W = W I
    // (I n x n, the size W's columns need); 2I is twice I; d(3x)/dx = 3I.
    expect(verdicts(md, 't.md')).toEqual(['3 correct', '4 correct', '5 incorrect', '6 correct', '7 incorrect', '8 correct']);
  });

  it('leaves I a name of its own in .cr, and where the document defines it', () => {
    expect(verdicts('x : n x 1\nb : n x 1\nd/dx (x + b) = I\n', 't.cr')).toEqual(['3 incorrect']);
    expect(verdicts(['# a', '$x, b \\in \\mathbb{R}^n$', '$I = 2$', '$$\\frac{\\partial (x + b)}{\\partial x} = I$$'].join('\n'), 't.md')).not.toEqual(['4 correct']);
  });
});
