// A per-entry claim of one case (`∂a_j/∂z_i = -a_i a_j` for i ≠ j, `= a_i(1 - a_i)` for i = j) says nothing
// about the other entries. Its truth is laid out by the two indices (rows one, columns the other), so the step
// is compared only where the case holds: outside it the step is replaced by the truth itself,
// step ⊙ M + truth ⊙ (1 − M) with M the case's mask (the identity for i = j, its complement for i ≠ j).
import type { Node } from '../ir/types';
import type { IndexCondition } from '../syntax/ast';
import type { StepJson } from './report';
import type { ClaimCheck } from './claim';
import type { Claim } from '../resolve/scope';

export type RestrictedStep = { node: Node } | { verdict: Pick<StepJson, 'shape' | 'verdict' | 'diagnosis' | 'message'> };

/** The step with the entries outside the claim's case taken from the truth; unjudged when that cannot be done. */
export function restrictToCase(condition: IndexCondition, node: Node, { truth, lowering }: ClaimCheck): RestrictedStep {
  const [i, j] = condition.indices;
  const layout = truth.layout;
  const labels = new Set([layout?.rows, layout?.cols]);
  const form = truth.forms[0];
  const [rows, cols] = node.shape;
  const square = rows === cols && form !== undefined && form.shape[0] === rows && form.shape[1] === cols;
  if (!labels.has(i) || !labels.has(j) || !square) {
    const which = caseText(condition);
    return {
      verdict: {
        shape: null, verdict: 'unjudged', diagnosis: null,
        message: `this line holds only for ${which}, and chainrule cannot restrict its target to those entries, so it cannot check it`,
      },
    };
  }
  const b = lowering.b;
  const eye = b.eye(rows);
  const offDiagonal = b.sub(b.onesOf(node.shape), eye);
  const [inCase, outside] = condition.equal ? [eye, offDiagonal] : [offDiagonal, eye];
  return { node: b.add(b.hadamard(node, inCase), b.hadamard(form, outside)) };
}

const caseText = ({ indices: [i, j], equal }: IndexCondition) => `${i} ${equal ? '=' : '≠'} ${j}`;

/** A wrong step of a claim of one case says which entries it was compared on. */
export function inCase(claim: Claim, step: StepJson): StepJson {
  return claim.condition && step.verdict === 'incorrect' ? { ...step, message: `for ${caseText(claim.condition)}: ${step.message}` } : step;
}
