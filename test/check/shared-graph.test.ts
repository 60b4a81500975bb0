// The problems of a document share one graph: sampling a point for a claim of one problem must not
// need sizes for the arrays of another (it threw "no size given for dimension n").
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

describe('a document whose problems have different dimensions', () => {
  it('checks a later problem without the sizes of an earlier one', () => {
    const source = ['problem 3', 'h : n x 1', 's = softmax(h)', 'ds/dh = diag(s) - s s^T', 'problem 4', 't : scalar', 'g = sin(t)^2', 'dg/dt = 2 sin(t) cos(t)', 'dg/dt = 2 sin(t)'].join('\n');
    // ds/dh: the softmax Jacobian; dg/dt = 2 sin t cos t, and 2 sin t lacks the factor cos t.
    expect(checkSource(source, 'two.cr').report.claims.map((c) => c.verdict)).toEqual(['correct', 'correct', 'incorrect']);
  });
});
