// Honest verdicts on documents (SPEC 4.1): chainrule reads a Markdown or TeX document, splits it into
// questions and guesses what its names mean, so a step that does not match the truth may be chainrule's
// mistake rather than the author's. Such a step is `unjudged`, with the reason and what would make it
// checkable, never `incorrect`: a wrong ✗ on a right answer is the worst a grader can do.
import type { Expr } from '../syntax/ast';
import { isScalarShape } from '../ir/types';
import { dependsOn, topologicalOrder } from '../ir/inspect';
import type { Node } from '../ir/types';
import { namesReached } from '../resolve/names';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';
import type { StepJson } from './report';
import type { ClaimCheck } from './claim';

interface Doubt {
  message: string;
  hint: string;
}

/** The steps, each `incorrect` one that rests on a doubt made `unjudged`. */
export function withholdDoubtful(check: ClaimCheck, steps: StepJson[]): StepJson[] {
  const claimDoubt = readSlips(check) ?? independence(check);
  const lower = check.lowering.editLowerer();
  return steps.map((step, i) => {
    if (step.verdict !== 'incorrect') return step;
    const expr = check.claim.steps[i].expr;
    const doubt =
      claimDoubt ??
      unknownFunctions(check, expr) ??
      guessedNames(check, expr, step.diagnosis === 'shape' || step.diagnosis === 'transpose') ??
      borrowedNames(check, expr) ??
      unstatedValues(check, lower(expr));
    return doubt ? { ...step, verdict: 'unjudged', diagnosis: null, message: doubt.message, hint: doubt.hint } : step;
  });
}

/** A claim chainrule read differently from what was written (OCR slips): its reading may be the mistake. */
function readSlips({ claim }: ClaimCheck): Doubt | undefined {
  const readings = claim.readings ?? [];
  if (readings.length === 0) return undefined;
  const read = readings.map((r) => `${r.written} as ${r.readAs}`).join(', ');
  return {
    message: `chainrule read ${read} (a slip of OCR or handwriting); read so, this line does not match, but the slip may be read wrongly`,
    hint: 'write the line with the symbols meant, or check the readings chainrule made',
  };
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

/**
 * Names no line of the question defines or declares, which chainrule took as scalars: any of them, where the
 * question declares arrays or the step's shape is what is wrong; otherwise those of the step that the target
 * does not use (a symbol the author defined only in prose).
 */
function guessedNames({ claim, lowering }: ClaimCheck, step: Expr, shapeIsWrong: boolean): Doubt | undefined {
  const scope = lowering.scope;
  // Arrays the index notation implies say nothing of the other names: a step wrong with them taken as
  // scalars is wrong for arrays too (a special case of a true identity is true).
  const hasArrays = [...scope.declarations.values()].some((d) => !d.implied && !isScalarShape(d.shape));
  const inTarget = undeclaredIn(claim.target.expr, lowering);
  const inStep = undeclaredIn(step, lowering);
  const guessed = hasArrays || shapeIsWrong ? new Set([...inTarget, ...inStep]) : new Set([...inStep].filter((n) => !inTarget.has(n)));
  // A shape that index notation implied or use suggested is chainrule's guess too: a step wrong by its shape may
  // be right with another.
  const implied = shapeIsWrong ? [...impliedIn(claim.target.expr, lowering, step)].sort() : [];
  if (guessed.size === 0 && implied.length > 0) {
    return {
      message: `no line of this question states the shape of ${implied.join(', ')}; chainrule guessed it from the notation, so it cannot tell whether this line's shape is wrong`,
      hint: `state the shape, e.g. ${implied[0]} \\in \\mathbb{R}^{1 \\times N}`,
    };
  }
  if (guessed.size === 0) return undefined;
  const names = [...guessed].sort();
  const them = names.length === 1 ? 'it' : 'them';
  return {
    message: `no line of this question defines or declares ${names.join(', ')}, so chainrule took ${them} as ${names.length === 1 ? 'a scalar' : 'scalars'} of ${names.length === 1 ? 'its' : 'their'} own and cannot tell whether this line is wrong`,
    hint: hasArrays || shapeIsWrong ? `state the shape, e.g. ${names[0]} \\in \\mathbb{R}^{1 \\times N}, or define ${names[0]}` : `define ${names[0]} in the maths (e.g. \`${names[0]} = ...\`)`,
  };
}

/**
 * Names the maths never defines that chainrule took as unknown functions (src/analysis/unknownTargets.ts): the
 * step fails for some function, but may hold for the one the author's prose means.
 */
function unknownFunctions({ claim, lowering }: ClaimCheck, step: Expr): Doubt | undefined {
  const scope = lowering.scope;
  const meaningOf = meaningIn(scope);
  const reached = new Set([...namesReached(claim.target.expr, meaningOf), ...namesReached(step, meaningOf)]);
  const unknown = [...reached].filter((n) => scope.definitions.get(n)?.unknownOf).sort();
  if (unknown.length === 0) return undefined;
  const [name] = unknown;
  const text = lowering.options.textOf(scope.definitions.get(name)!.span).trim();
  return {
    message: `${text} is not defined in the maths, so chainrule took it as an unknown function; this line does not hold for every ${text}, but may for the one the text means`,
    hint: `define ${text} in the maths (e.g. \`${text} = ...\`)`,
  };
}

/** Names the step or its target reads from another question's formulas: this question may mean them otherwise. */
function borrowedNames({ claim, lowering }: ClaimCheck, step: Expr): Doubt | undefined {
  const scope = lowering.scope;
  if (scope.borrowed.size === 0) return undefined;
  const meaningOf = meaningIn(scope);
  const reached = new Set([...namesReached(claim.target.expr, meaningOf), ...namesReached(step, meaningOf)]);
  const names = [...scope.borrowed].filter((n) => reached.has(n)).sort();
  if (names.length === 0) return undefined;
  const lines = [...new Set(names.map((n) => (scope.definitions.get(n) ?? scope.functions.get(n) ?? scope.declarations.get(n))!.span.line))].sort((a, b) => a - b).join(', ');
  return {
    message: `this question does not define ${names.join(', ')}; chainrule used the definition or shape of an earlier question (line ${lines}), which this question may not mean, so it cannot tell whether this line is wrong`,
    hint: `define ${names[0]} in this question`,
  };
}

/** What a name stands for in the scope: its definition, or the body of the function it names. */
function meaningIn(scope: ClaimCheck['lowering']['scope']): (name: string) => Expr | undefined {
  return (n) => scope.definitions.get(n)?.expr ?? scope.functions.get(n)?.body;
}

/** The names with implied shapes (src/resolve/indexArrays.ts) that the target or the step reach. */
function impliedIn(target: Expr, lowering: ClaimCheck['lowering'], step: Expr): Set<string> {
  const meaningOf = meaningIn(lowering.scope);
  const reached = new Set([...namesReached(target, meaningOf), ...namesReached(step, meaningOf)]);
  return new Set([...lowering.scope.declarations.values()].filter((d) => d.implied && reached.has(d.name)).map((d) => d.name));
}

/** The undeclared names an expression uses, through the definitions of the names it uses (entries `y_i` of arrays are not names). */
function undeclaredIn(e: Expr, lowering: ClaimCheck['lowering']): Set<string> {
  const entries = new Set<string>();
  const reached = namesReached(e, meaningIn(lowering.scope), (x) => {
    if (lowering.indexReader.involves(x)) entries.add(x.name);
  });
  return new Set([...reached].filter((n) => !entries.has(n) && lowering.isUndeclared(n) && !BUILTIN_FUNCTIONS.has(n)));
}

/**
 * A step that is a number, or any step of a numeric question, where the truth still has variables with no
 * stated values: the values are in prose, or nowhere, and chainrule's own are random.
 */
function unstatedValues({ truth, claim }: ClaimCheck, node: Node | undefined): Doubt | undefined {
  const point = claim.point;
  if (!node || truth.forms.length === 0 || (!point && leaves(node).length > 0)) return undefined;
  const free = leaves(truth.forms[0]).map((n) => n.attrs.name!).filter((n) => !point?.exact.has(n) && !point?.rounded.has(n) && !n.startsWith('__'));
  if (free.length === 0) return undefined;
  const names = [...new Set(free)].sort();
  return {
    message: `this line is a number, but this question states no value${names.length === 1 ? '' : 's'} for ${names.join(', ')} that chainrule could read, so it cannot check it`,
    hint: `state the values in the maths, e.g. \`${names[0]} = 1\`, before this line`,
  };
}

function leaves(node: Node): Node[] {
  return topologicalOrder([node]).filter((n) => n.op === 'var');
}
