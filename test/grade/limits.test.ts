// Lines that would make chainrule compute huge matrices are refused before anything is evaluated.
import { describe, expect, it } from 'vitest';
import { gradeText, LOGREG } from './helpers';

describe('size limits on submissions', () => {
  it('refuses a declaration of a huge concrete shape', () => {
    const result = gradeText(LOGREG, 'problem 1\nZ : 4000 x 4000\nz = sum(Z .* Z)\ndL/dW = X^T (a - y)\n');
    expect(result.notes.find((n) => n.code === 'limit-exceeded')).toMatchObject({ line: 2, message: 'this line asks for a matrix of 16000000 entries; the limit is 250000, so it is not read' });
    expect(result.asks[0].outcome).toBe('correct');
  });

  it('refuses a step that builds a huge constant', () => {
    // The refused line is the submission's only line, so nothing of it is read: an error result (exit 1).
    const result = gradeText(LOGREG, 'problem 1\ndL/dW = X^T (a - y) + 0 sum(ones(5000, 5000))\n');
    expect(result.notes.map((n) => [n.code, n.line])).toEqual([['nothing-read', null], ['limit-exceeded', 2]]);
    expect(result.status).toBe('error');
    expect(result.asks[0].outcome).toBe('error');
  });

  it('refuses a huge constant and grades the other lines', () => {
    const result = gradeText(LOGREG, 'problem 1\nz = sum(ones(5000, 5000))\ndL/dW = X^T (a - y)\n');
    expect(result.notes.map((n) => [n.code, n.line])).toEqual([['limit-exceeded', 2]]);
    expect(result.asks[0].outcome).toBe('correct');
  });

  it('lets small constants through', () => {
    const result = gradeText(LOGREG, 'problem 1\ndL/dW = X^T (a - y) + 0 sum(eye(3))\n');
    expect(result.notes).toEqual([]);
    expect(result.asks[0].outcome).toBe('correct');
  });
});
