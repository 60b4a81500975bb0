// Per-entry claims in documents: a claim restricted to one case of its indices (`, \quad i \neq j`,
// `\text{ if } i = j`: src/latex/conditions.ts, src/check/conditions.ts), and the labels of a cross-entropy
// taken to sum to 1, with a reading that says so (src/check/labels.ts).
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';

const report = (md: string) => checkSource(md, 't.md').report;
const verdicts = (md: string) => report(md).claims.map((c) => `${c.line} ${c.verdict}`);

describe('a per-entry claim of one case', () => {
  // a = softmax(z): ∂a_j/∂z_i = a_j (δ_ij − a_i); on the diagonal a_i (1 − a_i), off it −a_i a_j.
  const softmax = ['# Softmax', '$$a_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$'];

  it('compares only the entries of the case, for = and ≠, after a comma, a wide space or "if"', () => {
    const md = [
      ...softmax,
      '$$\\frac{\\partial a_j}{\\partial z_i} = a_i(1 - a_i), \\quad i = j$$', // the diagonal: right
      '$$\\frac{\\partial a_j}{\\partial z_i} = -a_i a_j,\\quad i \\neq j.$$', // off the diagonal: right
      '$$\\frac{\\partial a_j}{\\partial z_i} = a_i a_j \\text{ if } i \\neq j$$', // off the diagonal, sign lost: wrong
      '$$\\frac{\\partial a_j}{\\partial z_i} = -a_i a_j, \\quad i = j$$', // the diagonal is a_i − a_i², not −a_i²: wrong
    ].join('\n');
    expect(verdicts(md)).toEqual(['3 correct', '4 correct', '5 incorrect', '6 incorrect']);
  });

  it('reads the condition with other names and letters', () => {
    const md = [
      '# Scores',
      '$$p_k = \\frac{\\exp(o_k)}{\\sum_l \\exp(o_l)}$$',
      '$$\\frac{\\partial p_k}{\\partial o_m} = -p_k p_m, \\qquad k \\ne m$$', // off the diagonal: right
      '$$\\frac{\\partial p_k}{\\partial o_m} = p_m(1 - p_m) \\text{ when } m = k$$', // the diagonal: right
    ].join('\n');
    expect(verdicts(md)).toEqual(['3 correct', '4 correct']);
  });

  it('reads a case in brackets after a wide space (`\\quad (r \\neq q)`) as the case, and only there', () => {
    // s = softmax(u) (numpy at sizes 3, 4, 5): off the diagonal ∂s_r/∂u_q = -s_r s_q, on it s_r(1 - s_r).
    const md = [
      '# Class scores',
      '$$s_r = \\frac{\\exp(u_r)}{\\sum_q \\exp(u_q)}$$',
      '$$\\frac{\\partial s_r}{\\partial u_q} = -s_r s_q \\quad (r \\neq q)$$', // off the diagonal: right
      '$$\\frac{\\partial s_r}{\\partial u_q} = s_r s_q \\qquad (r \\ne q)$$', // off the diagonal, sign lost: wrong
      '$$\\frac{\\partial s_r}{\\partial u_q} = s_r(1 - s_r), \\; (q = r)$$', // the diagonal: right
    ].join('\n');
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect', '5 correct']);
  });

  it('drops a quantifier over an index (`\\forall i = 1, 2, 3`, `\\text{ for all } i`) but keeps its case (`\\forall i \\neq j`)', () => {
    const md = [
      '# Softmax',
      'Let $z \\in \\mathbb{R}^{3}$ and $a_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}, \\forall i = 1, 2, 3$.', // a definition, read
      '$$\\frac{\\partial a_i}{\\partial z_i} = a_i (1 - a_i) \\quad \\forall i$$', // the diagonal: right
      '$$\\frac{\\partial a_i}{\\partial z_i} = a_i (1 + a_i), \\text{ for all } i$$', // the diagonal with + : wrong
      '$$\\frac{\\partial a_i}{\\partial z_j} = -a_i a_j, \\quad \\forall i \\neq j$$', // off the diagonal only: right
      '$$\\frac{\\partial a_i}{\\partial z_k} = -a_i a_k \\quad \\forall i, k \\in \\{1, 2, 3\\}$$', // over every i, k (the quantifier part is left unread, with its note): false on the diagonal, wrong
    ].join('\n');
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect', '5 correct', '6 incorrect']);
  });

  it('reads a vector set equal to the list of its entries as naming them, not as a definition', () => {
    const md = [
      '# Softmax',
      'Let $z \\in \\mathbb{R}^{3}$ and $W \\in \\mathbb{R}^{3 \\times 3}$.',
      '$\\hat{y} = [\\hat{y}_1, \\hat{y}_2, \\hat{y}_3]^T$', // names the entries; ŷ is defined entry by entry below
      '$\\hat{y}_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$', // the definition, not a claim about three fresh scalars
      '$$\\frac{\\partial \\hat{y}_k}{\\partial z_k} = \\hat{y}_k(1 - \\hat{y}_k)$$', // softmax diagonal: right
      '$u = [u_1, u_2, u_3]^T = W z$', // the listing is left out: u = W z defines u
      '$$\\frac{\\partial u}{\\partial z} = W$$', // ∂(Wz)/∂z = W: right
    ].join('\n');
    expect(verdicts(md)).toEqual(['5 correct', '7 correct']);
  });

  it('takes a case written alone in prose (`If $i = k$,`) as the case of the next display, never a definition of i', () => {
    const md = [
      '# Softmax',
      '$$p_i = \\frac{\\exp(o_i)}{\\sum_j \\exp(o_j)}$$',
      'If $i = k$,',
      '$$\\frac{\\partial p_i}{\\partial o_k} = p_k (1 - p_k)$$', // the diagonal: right
      'If $i \\neq k$,',
      '$$\\frac{\\partial p_i}{\\partial o_k} = - p_k p_i$$', // off the diagonal: right
      'and otherwise',
      '$$\\frac{\\partial p_i}{\\partial o_k} = p_k (1 - p_k)$$', // the case was used up: for all i, k this is wrong
    ].join('\n');
    expect(verdicts(md)).toEqual(['4 correct', '6 correct', '8 incorrect']);
  });

  it('reads a case split of indices as one claim per case, `otherwise` the complement of the other case', () => {
    const md = [
      '# Softmax',
      '$$p_i = \\frac{\\exp(o_i)}{\\sum_j \\exp(o_j)}$$',
      // both cases right: p_k(1 − p_k) on the diagonal, −p_k p_i off it
      '$$\\frac{\\partial p_i}{\\partial o_k} = \\begin{cases} p_k (1 - p_k) & \\text{if }\\; i=k \\\\ - p_k p_i & \\text{if }\\; i\\neq k \\end{cases}$$',
      // the second case (i ≠ k) has lost its sign: the first claim is right, the second wrong
      '$$\\frac{\\partial p_i}{\\partial o_k} = \\begin{cases} p_k (1 - p_k) & i = k \\\\ p_k p_i & \\text{otherwise} \\end{cases}$$',
      // a condition that is no case of indices: the split stays set aside, nothing is claimed
      '$$\\frac{\\partial p_i}{\\partial o_k} = \\begin{cases} p_k & x > 0 \\\\ p_k p_i & \\text{otherwise} \\end{cases}$$',
    ].join('\n');
    const r = report(md);
    expect(r.claims.map((c) => `${c.line} ${c.verdict}`)).toEqual(['3 correct', '3 correct', '4 correct', '4 incorrect']);
    expect(r.diagnostics.some((d) => d.code === 'not-a-claim' && d.line === 5)).toBe(true);
  });

  it('leaves a condition on an index the target does not have unjudged, and defines no index by it', () => {
    const md = [...softmax, '$$L = -\\sum_j y_j \\log a_j$$', '$$\\frac{\\partial L}{\\partial z_i} = a_i - 1, \\quad i = k$$'].join('\n');
    // k (the correct class of the prose) is not an index of ∂L/∂z_i: chainrule cannot restrict the target to
    // i = k, so it does not judge (a_i − 1 is right there for one-hot labels at k).
    const claim = report(md).claims[0];
    expect(claim.verdict).toBe('unjudged');
    expect(claim.steps[0].message).toContain('holds only for i = k');
  });
});

describe('the labels of a cross-entropy', () => {
  const softmaxCe = ['# Softmax', '$$a_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$', '$$L = -\\sum_j y_j \\log a_j$$'];

  it('takes them to sum to 1 where a step needs it, and says so with the claim', () => {
    // dL/dz_i = a_i Σ_k y_k − y_i, which is a_i − y_i when the labels sum to 1 (one-hot): a TA accepts it.
    const r = report([...softmaxCe, '$$\\frac{\\partial L}{\\partial z_i} = a_i - y_i$$'].join('\n'));
    expect(r.claims[0].verdict).toBe('correct');
    expect(r.claims[0].readings?.map((x) => `${x.line} ${x.written} ${x.readAs}`)).toEqual(['3 y_j y (simplex)']);
  });

  it('makes no reading for a step that is right for any labels, and none for a step wrong for them all', () => {
    const md = [
      ...softmaxCe,
      '$$\\frac{\\partial L}{\\partial z_i} = a_i \\sum_k y_k - y_i$$', // right as written: no reading
      '$$\\frac{\\partial L}{\\partial z_i} = y_i - a_i$$', // the sign is wrong, whatever the labels
    ].join('\n');
    const r = report(md);
    expect(r.claims.map((c) => `${c.line} ${c.verdict} ${c.readings?.length ?? 0}`)).toEqual(['4 correct 0', '5 incorrect 0']);
  });

  it('takes a batch of labels (a matrix Y, T) to sum to 1 per sample, by rows or by columns as the indices lie', () => {
    // P = softmax of each sample's scores over the classes c; H = -Σ_n Σ_c T Log P. numpy (3x4, 4x3, 5x5, one-hot
    // T): ∂H/∂S = P - T with the samples as rows, and as columns for the transposed layout; T - P is wrong.
    const batch = (entry: string) => {
      const e = (name: string) => `${name}_{${entry}}`;
      const other = entry === 'nc' ? 'nj' : 'jn';
      return [
        '# Batch',
        `$$${e('P')} = \\frac{\\exp(${e('S')})}{\\sum_{j=1}^{K} \\exp(S_{${other}})}$$`,
        `$$H = -\\sum_n \\sum_{c=1}^{K} ${e('T')} \\log ${e('P')}$$`,
        `$$\\frac{\\partial H}{\\partial ${e('S')}} = ${e('P')} - ${e('T')}$$`,
        `$$\\frac{\\partial H}{\\partial ${e('S')}} = ${e('T')} - ${e('P')}$$`,
      ].join('\n');
    };
    for (const [entry, readAs] of [['nc', 'T (simplex)'], ['cn', 'T (simplex by columns)']]) {
      const r = report(batch(entry));
      expect(r.claims.map((c) => `${c.line} ${c.verdict} ${c.readings?.map((x) => x.readAs).join() ?? ''}`)).toEqual([`4 correct ${readAs}`, '5 incorrect ']);
    }
  });

  it('never takes counts or weights beside a logarithm to sum to 1', () => {
    // ℓ = Σ_i n_i log p_i with p = softmax(θ): ∂ℓ/∂θ_k = n_k − p_k Σ_i n_i; n_k − p_k holds only if Σ n = 1.
    const md = ['# Likelihood', '$$p_j = \\frac{e^{\\theta_j}}{\\sum_k e^{\\theta_k}}$$', '$$\\ell = \\sum_i n_i \\log p_i$$', '$$\\frac{\\partial \\ell}{\\partial \\theta_k} = n_k - p_k$$'].join('\n');
    expect(report(md).claims[0].verdict).not.toBe('correct');
    expect(report(md).claims[0].readings).toBeUndefined();
  });

  it('never takes the label of a binary cross-entropy (1 - y beside it) to be 1', () => {
    // L = −(y log a + (1 − y) log(1 − a)), a = σ(z): dL/dz = a − y; a − 1 holds only for y = 1.
    const md = ['# Logistic', '$$a = \\sigma(z)$$', '$$L = -(y \\log a + (1 - y) \\log(1 - a))$$', '$$\\frac{\\partial L}{\\partial z} = a - 1$$'].join('\n');
    expect(report(md).claims[0].verdict).not.toBe('correct');
  });

  it('keeps .cr files as written: labels sum to 1 only when declared so', () => {
    const cr = 'z : N x 1\ny : N x 1\na = softmax(z)\nL = -sum(y .* log(a))\ndL/dz = a - y\n';
    // Without `onehot` or `simplex` on y, dL/dz = a sum(y) - y, so a - y is wrong (SPEC 1.2: .cr says what it means).
    expect(checkSource(cr, 't.cr').report.claims.map((c) => c.verdict)).toEqual(['incorrect']);
  });
});

describe('entries of a function\'s value', () => {
  it('reads \\text{softmax}(z)_i as entry i of softmax(z), in the target and in steps', () => {
    const md = [
      '# Softmax',
      '$$s = \\text{softmax}(z)$$',
      // ∂softmax_i/∂z_j = s_i (δ_ij − s_j): right in either spelling.
      '$$\\frac{\\partial \\text{softmax}(z)_i}{\\partial z_j} = s_i (\\delta_{ij} - s_j)$$',
      '$$\\frac{\\partial s_i}{\\partial z_j} = \\text{softmax}(z)_i (\\delta_{ij} - \\text{softmax}(z)_j)$$',
      // s_i (δ_ij − s_i) drops the j of the second factor: wrong off the diagonal.
      '$$\\frac{\\partial s_i}{\\partial z_j} = \\text{softmax}(z)_i (\\delta_{ij} - \\text{softmax}(z)_i)$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['3 correct', '4 correct', '5 incorrect']);
  });

  it('reads a function given entry by entry (\\sigma_i(z) = ..., \\text{Softmax}(\\mathbf{z})_k = ...) as the vector of its entries', () => {
    const md = [
      '# Softmax',
      '$$\\sigma_i(z) = \\frac{e^{z_i}}{\\sum_{k=1}^n e^{z_k}}$$',
      // the author's σ is the softmax: ∂σ_i/∂z_j = σ_i (δ_ij − σ_j)
      '$$\\frac{\\partial \\sigma_i(z)}{\\partial z_j} = \\sigma_i(z)(\\delta_{ij} - \\sigma_j(z))$$',
      '$$\\frac{\\partial \\sigma_i(z)}{\\partial z_j} = \\sigma_i(z)(1 - \\sigma_j(z))$$', // δ_ij replaced by 1: wrong
      '# Other names',
      '$$\\text{Softmax}(\\mathbf{u})_k = \\frac{\\exp(u_k)}{\\sum_l \\exp(u_l)}$$',
      '$$\\frac{\\partial \\text{Softmax}(\\mathbf{u})_k}{\\partial u_k} = \\text{Softmax}(\\mathbf{u})_k (1 - \\text{Softmax}(\\mathbf{u})_k)$$', // the diagonal: right
    ].join('\n');
    expect(verdicts(md).map((v) => v.replace('unjudged', 'incorrect'))).toEqual(['3 correct', '4 incorrect', '7 correct']);
  });
});

describe('entries of a known array restated', () => {
  it('checks `a_j = ...` after `a = softmax(z)` as a claim about each entry', () => {
    const md = [
      '# Softmax',
      '$$a = \\text{softmax}(z)$$',
      '$$a_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$', // the softmax's entries: right
      '$$a_j = \\frac{e^{z_j}}{\\sum_k e^{2 z_k}}$$', // a different denominator: wrong
      // Σ_k e^{z_j} sums over k, which indexes nothing: n e^{z_j} for a size n nothing states, so not judged
      '$$a_j = \\frac{e^{z_j}}{\\sum_k e^{z_j}}$$',
    ].join('\n');
    expect(verdicts(md)).toEqual(['3 correct', '4 incorrect', '5 unjudged']);
  });
});
