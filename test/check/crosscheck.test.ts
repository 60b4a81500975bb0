// The claim-level cross-check (check/crosscheck.ts): chainrule's own derivative is compared with finite
// differences; with respect to a defined name, they move that name's input alone, so a derivative that
// folding made wrong is caught, and the claim gets no verdict on the author (`error`), only the report.
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../src/analysis/source';
import { makeCalculus } from '../../src/calculus/index';
import { derivativeMeaning, type DerivativeMeaning, type DerivativeRef } from '../../src/calculus/meaning';
import { crossCheckGradient, crossCheckMeaning } from '../../src/check/crosscheck';
import { checkClaim } from '../../src/check/claim';
import { ClaimEvaluator, envOf } from '../../src/check/evaluator';
import type { Diagnostic } from '../../src/diagnostics';
import type { Expr } from '../../src/syntax/ast';
import { evaluate } from '../../src/numeric/evaluate';

const SOURCE = 'x, g : 1 x N\nxq = x / 2\nL = sum(g .* xq)\ndL/dxq = g\n';
const NOWHERE = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const name = (n: string): Expr => ({ kind: 'name', name: n, text: n, span: NOWHERE });
const ref: DerivativeRef = { kind: 'deriv', form: 'frac', of: name('L'), wrt: [name('xq')], span: NOWHERE };

function setUp(meaningOf = derivativeMeaning) {
  const analysis = analyzeSource(SOURCE, 'fold.cr', (b, g) => makeCalculus(b, g, meaningOf));
  const problem = analysis.problems[0];
  const meaning = derivativeMeaning(ref, problem.lowering);
  const truth = meaning.forms[0];
  const evaluator = new ClaimEvaluator(analysis.graph, problem.scope, new Map(), 1, (env, memo) => evaluate(truth, env, memo), [truth]);
  return { analysis, problem, meaning, env: envOf(evaluator.points[0]) };
}

describe('the cross-check of derivatives with respect to defined names', () => {
  it('accepts the right derivative and catches the folded one', () => {
    const { analysis, meaning, env } = setUp();
    expect(meaning.inputs).toBeDefined();
    expect(crossCheckMeaning(meaning, env, NOWHERE, 'dL/dxq')).toBeUndefined();
    // zeros(1, N) is what the adjoint of xq's node gave once x / 2 was folded into L.
    const folded: DerivativeMeaning = { ...meaning, forms: [analysis.builder.zerosOf(meaning.shape)] };
    expect(crossCheckMeaning(folded, env, NOWHERE, 'dL/dxq')?.code).toBe('internal-error');
    // Moving xq's node in L's graph moves nothing (no node of L is xq's): the old check agreed with the 0.
    expect(crossCheckGradient(meaning.of, meaning.wrt[0], folded.forms[0], env, NOWHERE, 'dL/dxq')).toBeUndefined();
  });

  it('makes a claim whose derivative fails it an error, not a verdict', () => {
    let zeros: DerivativeMeaning['forms'][number] | undefined;
    const wrong = (r: DerivativeRef, lowering: Parameters<typeof derivativeMeaning>[1]): DerivativeMeaning => {
      const right = derivativeMeaning(r, lowering);
      zeros ??= lowering.b.zerosOf(right.shape);
      return { ...right, forms: [zeros] };
    };
    const { analysis, problem } = setUp(wrong);
    const internalErrors: Diagnostic[] = [];
    const calculus = makeCalculus(analysis.builder, analysis.graph, wrong);
    const claim = checkClaim(problem.scope.claims[0], {
      lowering: problem.lowering, calculus, scope: problem.scope, seed: 1, textOf: analysis.textOf,
      display: (s) => s.text.trim(), earlier: [], internalErrors,
    });
    expect(claim.verdict).toBe('error');
    expect(claim.steps[0].message).toMatch(/disagrees with finite differences/);
    expect(internalErrors.map((d) => d.code)).toEqual(['internal-error']);
  });
});
