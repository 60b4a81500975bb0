// A function's parameter named like a declared array: `F(x) = x / 2` beside `x : 1 x M`. The function
// body is lowered on its own with x a scalar (to report errors in it); that scalar must not stand in for
// the declared x when claims about x are checked (sample points give each leaf a value by its name).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

describe('function parameters and declared names', () => {
  it('a claim on the declared x is checked whatever a function calls its parameter', () => {
    // h = x W is 1 x N; a = sigma(h); da/dh as an array is a .* (1 - a) (SPEC 1.5): right.
    const source = 'x : 1 x M\nW : M x N\nh = x W\na = sigma(h)\nda/dh = a .* (1 - a)\nF(x) = x / 2\n';
    const { report, exitCode } = checkSource(source, 'params.cr');
    expect(report.claims.map((c) => c.verdict)).toEqual(['correct']);
    expect(exitCode).toBe(0);
  });

  it('still reports an error inside the body, with the parameter a scalar', () => {
    // W1 W1 multiplies M x N by M x N: a shape error in the body, reported with x a scalar
    const { diagnostics } = checkSource('W1 : M x N\nF(x) = x + W1 W1\n', 'params.cr');
    expect(diagnostics.map((d) => d.code)).toContain('shape-mismatch');
  });
});
