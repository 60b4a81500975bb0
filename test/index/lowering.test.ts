// Vectorising index notation (src/indexing/lower.ts, tensor.ts) and its diagnostics: what each written form
// lowers to, checked by value against the matrix form, and the messages for what cannot be read.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { analyzeSource } from '../../src/analysis/source';
import { makeCalculus } from '../../src/calculus/index';
import { printCr } from '../../src/ir/print';

function verdicts(source: string): string[] {
  return checkSource(source, 'v.cr').report.claims.flatMap((c) => c.steps.map((s) => (s.diagnosis ? `${s.verdict}:${s.diagnosis}` : s.verdict)));
}

function messages(source: string): string[] {
  return checkSource(source, 'v.cr').report.claims.flatMap((c) => c.steps.map((s) => s.message));
}

function errors(source: string): string[] {
  return checkSource(source, 'v.cr').diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
}

/** The printed node of a definition (its vectorised form). */
function lowered(source: string, name: string): string {
  const analysis = analyzeSource(source, 'v.cr', (b, g) => makeCalculus(b, g));
  const { lowering } = analysis.problems[0];
  const node = lowering.definitionNode(name);
  return printCr(node, lowering.names);
}

describe('vectorised forms', () => {
  it('contracts sums into matrix products and reductions', () => {
    const decls = 'X : B x M\na : B x 1\nw, x : M x 1\nr : 1 x M\n';
    expect(lowered(decls + 'z = sum_i w_i x_i\n', 'z')).toBe('w^T x');
    expect(lowered(decls + 'z = sum_j r_j\n', 'z')).toBe('sum(r)');
    expect(lowered(decls + 'G = sum_n a_n X^(n)\n', 'G')).toBe('a^T X');
    expect(lowered(decls + 'q = sum_i sum_j X_ij X_ij\n', 'q')).toBe('sum(X^2)');
    // Σ_i of a term without i multiplies by the range: Σ_{i=1}^M 1 = M.
    expect(lowered(decls + 'c = sum_{i=1}^M 1\n', 'c')).toBe('M');
  });

  it('reads W_ii as the diagonal, an indexed array before a bracket as a product, and sums of transposed samples', () => {
    const decls = 'V : M x M\nX : B x M\na : 1 x N\n';
    expect(lowered(decls + 't = sum_i V_ii\n', 't')).toBe('sum(V .* eye(M))'); // the trace
    expect(lowered(decls + 'q = sum_j a_j(1 - a_j)\n', 'q')).toBe('a (1 - a)^T');
    expect(lowered(decls + 'c = sum(i, (X^(i))^T)\n', 'c')).toBe('(ones(1, B) X)^T'); // a column again
  });

  it('keeps a sum to the product after its sign, as written: ½ Σ_i r_i^2 and λ Σ_j w_j^2', () => {
    const decls = 'r : B x 1\nw : M x 1\nlambda : scalar\n';
    expect(lowered(decls + 'E = ½ sum_i r_i^2\n', 'E')).toBe('0.5 sum(r^2)');
    expect(lowered(decls + 'R = lambda sum_j w_j^2 + 1\n', 'R')).toBe('lambda sum(w^2) + 1');
  });

  it('applies entrywise functions entry by entry, cosh, sinh and erf too', () => {
    const decls = 'w, x : M x 1\nX : B x M\n';
    // Σ_i cosh(w_i) x_i contracts i between the columns cosh(w) and x.
    expect(lowered(decls + 'z = sum_i cosh(w_i) x_i\n', 'z')).toBe('cosh(w)^T x');
    // Σ_j sinh(X_nj w_j) keeps n, so a definition must sum it too: Σ_n Σ_j.
    expect(lowered(decls + 'q = sum_n sum_j sinh(X_nj w_j)\n', 'q')).toBe('sum(sinh(X .* w^T))');
    expect(lowered(decls + 'e = ½ sum_i erf(w_i)^2\n', 'e')).toBe('0.5 sum(erf(w)^2)');
  });

  it('makes the Kronecker delta an identity and one-hot indicators the labels', () => {
    const source = 's : 1 x C\nY : B x C onehot\nS : B x C\nJ1 = sum_j sum_k s_j delta_jk s_k\nJ2 = sum_i sum_j 1(y^(i) = j) S_ij\n';
    expect(lowered(source, 'J1')).toBe('s s^T');
    expect(lowered(source, 'J2')).toBe('sum(Y .* S)');
  });

  it('agrees by value with the matrix forms it stands for', () => {
    const source = `X : B x M
W : M x C
b : 1 x C
H = X W + ones(B, 1) b
dH/dX = 0
H2 = sum_i X_ni W_ij
`;
    // H2 has free n, j: a definition needs none, so it is an error; the claim form checks by value.
    expect(errors(source)).toEqual(['shape-mismatch: sum_i X_ni W_ij: the indices n, j are free here: sum over them, or write the left side with them']);
  });
});

describe('index diagnostics', () => {
  const LOGREG = 'x, w : M x 1\nW : M x N\ny : scalar binary\na = sigma(w^T x)\nL = -y log(a) - (1 - y) log(1 - a)\n';

  it('says when an expression needs three axes', () => {
    expect(errors(LOGREG + 'q = x_i x_j + x_k\n')[0]).toMatch(/needs 3 axes at once \(i, j, k\)/);
  });

  it('names a free index, and a missing sum', () => {
    expect(messages(LOGREG + 'dL/dw = (a - y) x_j\n')).toEqual(['free index j on the right side that is not on the left: dL/dw has no j']);
    expect(verdicts(LOGREG + 'dL/dw_j = (a - y) x_j\ndL/dw = (a - y) x_j\n')).toEqual(['correct', 'incorrect:shape']);
  });

  it('says which index clashes, and where', () => {
    expect(errors(LOGREG + 'q = sum_i sum_j x_i W_ji\n')).toEqual(['shape-mismatch: W_ji: the index i runs over M in x_i but over N in W_ji']);
  });

  it('needs the range of a Kronecker delta', () => {
    expect(errors('x : M x 1\nq = delta_ij\n')[0]).toMatch(/the range of i and j is not known/);
  });

  it('needs one-hot labels for 1(y = j)', () => {
    expect(errors('y : 1 x C\nS : 1 x C\nq = sum_j 1(y = j) S_j\n')[0]).toMatch(/declare y onehot/);
  });

  it('needs a summand after a summation sign', () => {
    expect(errors('x : M x 1\nq = sum_i\n')[0]).toMatch(/needs its summand after it/);
  });
});

describe('derivatives with respect to expressions', () => {
  const SOURCE = 'z, y : scalar\nL = -y log(sigma(z)) - (1 - y) log(1 - sigma(z))\n';

  it('differentiates with respect to an intermediate found in the graph', () => {
    expect(verdicts(SOURCE + 'dL/dσ(z) = -y / sigma(z) + (1 - y) / (1 - sigma(z))\n')).toEqual(['correct']);
  });

  it('refuses an expression that does not occur in the function', () => {
    const { report } = checkSource(SOURCE + 'dL/dσ(2 z) = 1\n', 'v.cr');
    expect(report.claims[0].verdict).toBe('error');
    expect(report.claims[0].steps[0].message).toMatch(/σ\(2 z\) does not occur in L/);
  });

  it('keeps dL/dW(x + y) a product when W is a variable', () => {
    // (dL/dW)(x + y) = 2 W (x + y): an equality, whose two sides agree.
    const { report } = checkSource('W, x, y : scalar\nL = W^2\ndL/dW(x + y) = 2 W (x + y)\n', 'v.cr');
    expect(report.claims.map((c) => [c.kind, c.verdict])).toEqual([['equality', 'correct']]);
  });
});
