// Honest verdicts on documents (SPEC 4.1): chainrule reads a Markdown or TeX document, splits it into
// questions and guesses what its names mean, so a step that does not match the truth may be chainrule's
// mistake rather than the author's. Such a step is `unjudged`, with the reason and what would make it
// checkable, never `incorrect`: a wrong ✗ on a right answer is the worst a grader can do.
import type { Expr } from '../syntax/ast';
import { isScalarShape } from '../ir/types';
import { dependsOn } from '../ir/inspect';
import { walkNames } from '../resolve/names';
import type { StepJson } from './report';
import type { ClaimCheck } from './claim';

interface Doubt {
  message: string;
  hint: string;
}

/** The steps, each `incorrect` one that rests on a doubt made `unjudged`. */
export function withholdDoubtful(check: ClaimCheck, steps: StepJson[]): StepJson[] {
  const claimDoubt = independence(check);
  return steps.map((step, i) => {
    if (step.verdict !== 'incorrect') return step;
    const doubt = claimDoubt ?? assumedScalars(check, check.claim.steps[i].expr);
    return doubt ? { ...step, verdict: 'unjudged', diagnosis: null, message: doubt.message, hint: doubt.hint } : step;
  });
}

/** A derivative whose function does not depend on its variable here: most likely the wrong question's function. */
function independence({ truth, claim, ctx }: ClaimCheck): Doubt | undefined {
  const m = truth.meaning;
  if (!m || m.wrt.length === 0) return undefined;
  const of = m.inputs?.of ?? m.of;
  const wrt = m.inputs?.wrt ?? m.wrt;
  if (wrt.some((w) => dependsOn(of, w))) return undefined;
  const target = claim.target.expr;
  const [f, x] = target.kind === 'deriv' ? [ctx.textOf(target.of.span).trim(), target.wrt.map((w) => ctx.textOf(w.span).trim()).join(', ')] : ['the function', 'the variable'];
  return {
    message: `as chainrule reads this question, ${f} does not depend on ${x}, so it cannot check this line (the question may use a ${f} defined elsewhere)`,
    hint: `define ${f} in this question, or start the question with a heading of its own`,
  };
}

/** Names the step or its target use that no line gives a shape, in a document with arrays: chainrule took them as scalars. */
function assumedScalars({ claim, lowering }: ClaimCheck, step: Expr): Doubt | undefined {
  const scope = lowering.scope;
  if (![...scope.declarations.values()].some((d) => !isScalarShape(d.shape))) return undefined;
  const assumed = new Set<string>();
  const seen = new Set<string>();
  const visit = (e: Expr): void =>
    walkNames(e, (n) => {
      if (seen.has(n)) return;
      seen.add(n);
      if (lowering.isUndeclared(n)) assumed.add(n);
      const def = scope.definitions.get(n);
      if (def) visit(def.expr);
    });
  visit(step);
  visit(claim.target.expr);
  if (assumed.size === 0) return undefined;
  const names = [...assumed].sort();
  return {
    message: `no line gives the shape of ${names.join(', ')}, so chainrule took ${names.length === 1 ? 'it as a scalar' : 'them as scalars'} and cannot tell whether this line is wrong`,
    hint: `state the shape, e.g. ${names[0]} \\in \\mathbb{R}^{1 \\times N}`,
  };
}
