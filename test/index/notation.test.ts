// Reading index notation: the written forms (notation.ts), the grammar's new statements and expressions,
// and which names a scope reads as index notation (names.ts).
import { describe, expect, it } from 'vitest';
import { kroneckerOf, sampleIndexOf, subscriptsOf, sumSignOf } from '../../src/resolve/indexNotation';
import { countParses, parseFile } from '../../src/syntax/parse';
import { analyzeSource } from '../../src/analysis/source';
import type { Expr } from '../../src/syntax/ast';
import { checkSource } from '../../src/app/check';

describe('written forms', () => {
  it('reads subscripts of letters only', () => {
    expect(subscriptsOf('w_i')).toEqual({ base: 'w', indices: ['i'] });
    expect(subscriptsOf('W_ij')).toEqual({ base: 'W', indices: ['i', 'j'] });
    expect(subscriptsOf('W_{ij}')).toEqual({ base: 'W', indices: ['i', 'j'] });
    expect(subscriptsOf('W_{i,j}')).toEqual({ base: 'W', indices: ['i', 'j'] });
    expect(subscriptsOf('W1_ij')).toEqual({ base: 'W1', indices: ['i', 'j'] });
    expect(subscriptsOf('W_1_ij')).toEqual({ base: 'W_1', indices: ['i', 'j'] });
    expect(subscriptsOf('θ_j')).toEqual({ base: 'θ', indices: ['j'] });
    expect(subscriptsOf('W_{ab,c}')).toEqual({ base: 'W', indices: ['ab', 'c'] });
    // Digits are never indices: W_1 is the name W1.
    expect(subscriptsOf('W_1')).toBeUndefined();
    expect(subscriptsOf('a_2i')).toBeUndefined();
    expect(subscriptsOf('W')).toBeUndefined();
  });

  it('reads summation signs with their bounds', () => {
    expect(sumSignOf('sum_i')).toEqual({ indices: ['i'] });
    expect(sumSignOf('sum_{i=1}^m')).toEqual({ indices: ['i'], lower: '1', upper: 'm' });
    expect(sumSignOf('Σ_{i=1}^{B}')).toEqual({ indices: ['i'], lower: '1', upper: 'B' });
    expect(sumSignOf('∑_{i,j}')).toEqual({ indices: ['i', 'j'] });
    expect(sumSignOf('sum_ij')).toEqual({ indices: ['i', 'j'] });
    expect(sumSignOf('summary_i')).toBeUndefined();
  });

  it('reads Kronecker deltas and sample superscripts', () => {
    expect(kroneckerOf('delta_ij')).toEqual(['i', 'j']);
    expect(kroneckerOf('δ_{i,k}')).toEqual(['i', 'k']);
    expect(kroneckerOf('delta_i')).toBeUndefined();
    expect(sampleIndexOf('(i)')).toBe('i');
    expect(sampleIndexOf('{(n)}')).toBe('n');
    expect(sampleIndexOf('i')).toBeUndefined();
  });
});

describe('grammar', () => {
  it.each([
    'f1, f2 : function', 'C(w) : scalar', 'C(w), R(w, v) : scalar', 'g(x) : function', 'i, j : index',
    'E = ½ sum_{i=1}^m (y^(i) - f2(w2, f1(w1, x^(i))))^2', 'k = 1(y^(i) = j) + 𝟙(a ≠ b) + 1(a != b)',
    'dL/dσ(z) = 3', 'g = ∑_{i=1}^{n} x_i', 'q = sum(i, w_i x_i) + delta_ij + W_{i,j}', 'dE/dŷ^(i) = ŷ^(i) - y^(i)',
    'dsoftmax_j/dh_i = softmax_j (delta_ij - softmax_i)',
  ])('%j has exactly one parse', (statement) => {
    expect(countParses(statement)).toBe(1);
  });

  it('makes declarations of abstract functions and index variables', () => {
    const parsed = parseFile('f1, f2 : function\nC(w) : scalar\ni, j : index\n', 'd.cr');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.statements.map((s) => s.kind)).toEqual(['function-decl', 'function-decl', 'index-decl']);
    const scalar = parsed.statements[1];
    expect(scalar.kind === 'function-decl' && scalar.heads[0].params?.map((p) => p.name)).toEqual(['w']);
  });

  it('reads 1(a = b) as an equality mask and ½ as a number', () => {
    const parsed = parseFile('k = 1(a = b) + ½\n', 'd.cr');
    const st = parsed.statements[0];
    const rhs = st.kind === 'equation' ? st.rhs[0].expr : undefined;
    expect(rhs?.kind === 'binary' && rhs.left.kind === 'binary' && rhs.left.op).toBe('eq');
    expect(rhs?.kind === 'binary' && rhs.right.kind === 'number' && rhs.right.value).toBe(0.5);
  });

  it('reports an index declaration with parameters', () => {
    const parsed = parseFile('i(x) : index\n', 'd.cr');
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['parse-error']);
  });
});

describe('which names are index notation', () => {
  const scopeOf = (source: string) => {
    const problem = analyzeSource(source, 's.cr').problems[0];
    return problem.lowering.indexReader;
  };
  const name = (text: string): Extract<Expr, { kind: 'name' }> => ({ kind: 'name', name: text.replace(/[_{},]/g, ''), text, span: { line: 1, column: 1, endLine: 1, endColumn: 1 } });

  it('indexes a known array by index letters that mean nothing else', () => {
    const reader = scopeOf('W : M x N\nw : M x 1\nt : scalar\n');
    expect(reader.indexedName(name('W_ij'))?.indices).toEqual(['i', 'j']);
    expect(reader.indexedName(name('w_i'))?.base).toBe('w');
    // t is declared, so w_t is a name; W_1 has a digit; x is unknown.
    expect(reader.indexedName(name('w_t'))).toBeUndefined();
    expect(reader.indexedName(name('W_1'))).toBeUndefined();
    expect(reader.indexedName(name('x_i'))).toBeUndefined();
  });

  it('keeps names the scope knows, and declared index names count', () => {
    const reader = scopeOf('w : M x 1\nwi : scalar\nu : index\n');
    expect(reader.indexedName(name('w_i'))).toBeUndefined(); // the name wi is declared
    expect(reader.indexedName(name('w_u'))?.indices).toEqual(['u']);
  });

  it('reads a lowercase name as the capital matrix (x^(i) is row i of X, θ_j column j of Θ)', () => {
    const reader = scopeOf('X : B x M\nΘ : M x C\n');
    expect(reader.arrayOf('x')).toBe('X');
    expect(reader.indexedName(name('θ_j'))?.base).toBe('Θ');
  });

  it('reads summation signs and deltas only over index variables', () => {
    const reader = scopeOf('x : M x 1\nk : scalar\n');
    expect(reader.sumSign(name('sum_i'))).toBeDefined();
    expect(reader.sumSign(name('sum_k'))).toBeUndefined();
    expect(reader.kronecker(name('delta_ij'))).toBeDefined();
  });

  it('lets an index that nothing else sizes run over the axis its capital names (k over K)', () => {
    // L = Σ_k exp(u_k · x): ∂L/∂u_k = exp(u_k · x) x, row k of dL/dU. U_k is row k because U has K rows (without
    // the rule it would be column k, K x 1, and U_k x a product of the wrong shape); U_k in place of x is wrong.
    const source = 'U : K x d\nx : d x 1\nL = sum(exp(U x))\ndL/dU_k = exp(U_k x) x\ndL/dU_k = exp(U_k x) U_k\n';
    const { report } = checkSource(source, 's.cr');
    expect(report.claims.map((c) => c.verdict)).toEqual(['correct', 'incorrect']);
  });

  it('leaves files without index notation as they were', () => {
    const { report, diagnostics } = checkSource('y = x_1^2 sin(x_i)\ndy/dx_1 = 2 x_1 sin(x_i)\n', 's.cr');
    expect(report.claims[0].verdict).toBe('correct');
    expect(diagnostics).toEqual([]); // x_i is the scalar xi: no array to index, no warning in a file without arrays
  });
});
