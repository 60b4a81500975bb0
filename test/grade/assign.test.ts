// Real documents graded against assignments written from their questions alone (fixtures/assign/expected.json,
// hand-worked per ask): asks graded as a TA would, never a confidently wrong score, and `check --assignment`
// never confidently wrong on the keyed lines of fixtures/real/.
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { measureCase, type AssignmentCase } from '../../src/app/assignCorpus';
import { ROOT } from './helpers';

const { cases } = JSON.parse(fs.readFileSync(path.join(ROOT, 'fixtures/assign/expected.json'), 'utf8')) as { cases: AssignmentCase[] };
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const keyOf = (c: AssignmentCase) => {
  const file = path.join(ROOT, c.submission.replace(/\.[a-z]+$/, '.key.json'));
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
};

// Asks that get another score than the TA's, flagged for review: the seed's dL/db2 (its answer sits in a line
// OCR turned into an integral, which chainrule cannot read), and 19 asks of the other documents of
// fixtures/real/ (fixtures/assign/README.md): answers not found (per-entry answers by a generic layer `w^l_{jk}`,
// `\nabla_W =` with no function, `\otimes` alone, a part holding a problem's derivation and the next problem's
// example), answers unjudged where they rest on chainrule's reading (rows of a matrix written u_k, `^t`, W for
// W^{(2)}; a problem's name with a word for a subscript, E_{total}, is now read as the name, and so is a student's name for a problem's formula that they differentiate by), answers that cannot be checked (a name defined in terms of itself), and `sum` over the samples of a
// matrix read as the sum of all its entries (elcapo's dL/dbh). When one is fixed, lower this.
// The sixth, held-out set added four more of the kind "rows of a matrix written u_k" (the negative-sampling dJ/dvc
// and dJ/dUk of leehanchung's and stevring's word2vec homework, whose u_k chainrule reads as the problem's Uk).
// u_k is now read as row k of Uk (rowNames.ts); left of that kind: stevring's two answers (a sign inside σ, graded
// 0 where the key gives the `sign` row's half) and physicsd00d's dJ/dUk (u_k v_c with its ^T left out). fahadsultan's
// \ell_i, defined by the student, is now read as the problem's l for one sample; gauravreddy08's a^{L-2} as the input x;
// kwichmann's dσ_i(z)/dz_j, after y_i = σ_i(z), as dy_i/dz_j.
// The seventh, held-out set added five more, answers not found: the per-entry answers of a 2-2-1 network with primed
// and superscripted weights (`w_{11}'`, `w_{11}^2`, rudra's four asks), and `\nabla f(x) = \nabla g(a^Tx) = ...` with no
// variable on the gradient (coockoo's d). Its two confidently wrong asks (homeworksource's `1 dz/ds`, `1 dz/dt`, "missing"
// `sure` where the answers are written `z/s = ...` in a text that lost its partial signs) are now flagged: a line of
// text setting a ratio of names equal to something is unread maths (grader.ts unreadLines), and a claim on `z/s` may be
// the answer to dz/ds. Two more here.
// Entries of a layer counted from the last, `w_{jk}^{L}`, `a_k^{L-1}`, `n_L` (layerEntries.ts), now answer xannotzan's dC/dW2
// and dC/db2; its dC/dW1 and dC/db1, written at a generic layer l with δ^l, are left.
// A gradient of nothing written, `\nabla_W = ...`, is now the gradient of the function the problem's asks by W
// differentiate (unnamedGradients.ts): x35yao's softmax dL/dW and dL/db are answered (needs-review, the reading).
// A bare W beside W^{(1)}, W^{(2)} in a line that does not read is the layer whose shapes fit (entry 9 of the OCR
// confusions): physicsd00d's dJ/db1 `(ŷ - y) W^T ∘ σ'(t)` is answered with W2 (needs-review, the reading).
// A bare `\sum` of a matrix in an answer for a vector is the sum over the samples where only that sum has the ask's shape
// (sampleSums.ts): elcapo's dL/dbh, `\frac{1}{m} \sum \frac{\partial L}{\partial Z_h}`, is graded by its 1/m (scale, 1/2).
const FLAGGED_AT_MOST = 19;

describe('grading real documents against an assignment', () => {
  const results = cases.map((c) => ({ c, ...measureCase(c, read, keyOf(c)) }));

  it.each(results.map((r) => [path.basename(r.c.submission), r] as const))('%s: no ask confidently wrong, no keyed line confidently wrong', (_name, r) => {
    expect(r.asks.filter((a) => a.outcome === 'wrong').map((a) => a.id)).toEqual([]);
    expect((r.lines?.lines ?? []).filter((l) => l.outcome === 'wrong').map((l) => l.line)).toEqual([]);
  });

  it('grades the asks as a TA would, except those it flags for review', () => {
    const asks = results.flatMap((r) => r.asks);
    expect(asks.filter((a) => a.outcome === 'review').length).toBeLessThanOrEqual(FLAGGED_AT_MOST);
    expect(asks.filter((a) => a.outcome === 'agree').length).toBeGreaterThanOrEqual(asks.length - FLAGGED_AT_MOST);
  });
});
