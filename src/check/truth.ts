// The true value a claim's steps are checked against (SPEC 1.4, 1.5).
import type { EvalEnv, Matrix, Node, Shape } from '../ir/types';
import { evaluate } from '../numeric/evaluate';
import type { Claim } from '../resolve/scope';
import type { Lowering } from '../resolve/lower';
import type { ClaimKind } from './report';
import { DerivativeMeaning, derivativeMeaning } from '../calculus/meaning';
import type { TruthFunction } from './evaluator';

export interface Truth {
  kind: ClaimKind;
  /** Accepted forms as expressions; the first is the usual one (printed as `expected`). */
  forms: Node[];
  shape: Shape;
  value: TruthFunction;
  meaning?: DerivativeMeaning;
}

export function truthOf(claim: Claim, lowering: Lowering): Truth {
  const target = claim.target.expr;
  if (target.kind === 'deriv') {
    const meaning = derivativeMeaning(target, lowering);
    const value: TruthFunction = meaning.forms.length
      ? (env, memo) => evaluate(meaning.forms[0], env, memo)
      : (env: EvalEnv): Matrix => meaning.evaluate!(env);
    return { kind: meaning.kind, forms: meaning.forms, shape: meaning.shape, value, meaning };
  }
  const node = lowering.lower(target);
  return {
    kind: claim.point ? 'value' : 'equality',
    forms: [node],
    shape: node.shape,
    value: (env, memo) => evaluate(node, env, memo),
  };
}
