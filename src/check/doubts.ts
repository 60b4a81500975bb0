// Honest verdicts on documents (SPEC 4.1): chainrule reads a Markdown or TeX document, splits it into
// questions and guesses what its names mean, so a step that does not match the truth may be chainrule's
// mistake rather than the author's. Such a step is `unjudged`, with the reason and what would make it
// checkable, never `incorrect`: a wrong ✗ on a right answer is the worst a grader can do.
import { restatedDefinitionReached } from './restatedReadings';
import { operandDefinitionReached } from './operandReadings';
import { genericViewOf } from '../analysis/genericLayers';
import { isCoefficientLetter, MATRIX_FUNCTIONS, questionExprs } from '../analysis/shapeUnification';
import type { Expr } from '../syntax/ast';
import { formatShape, isScalarShape, type Shape } from '../ir/types';
import { dependsOn, variablesUnder } from '../ir/inspect';
import type { Node } from '../ir/types';
import { namesReached } from '../resolve/names';
import { normalizeName } from '../syntax/names';
import { hasDecimals } from './numeric';
import { arrayNameOf, sampledNameOf, subscriptsOf } from '../resolve/indexNotation';
import { findInExpr, isSameExpr } from '../syntax/walk';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';
import type { StepJson } from './report';
import { declaredHere } from '../analysis/declaredHere';
import type { ClaimCheck } from './claim';
import { identitySizeOf } from './truth';
import { entriesReadAsScalars } from './entryScalars';
import { bareBuiltinValues } from './bareBuiltins';
import { composesTo, inNumeratorLayout, isVector, productFactors, questionInDenominatorLayout, questionInNumeratorLayout } from './chainLayouts';
import { wrongForEveryLoss } from './everyLoss';
import { isIndexedStep } from './indexed';
import type { BuiltinFormula, Scope } from '../resolve/scope';
import { definedInputs } from '../calculus/meaning';
import { passLimits } from '../limits/index';
import { wrongShapeWhateverTheGuess } from './impliedShapes';
import { softmaxOfNumber } from './softmaxOfNumber';
import { guessedBars } from './arrayBars';
import { forcedScalars } from './forcedScalars';
import { linearizationOf } from './linearizations';
import { conditionToSolve } from './conditionsToSolve';
import { declaredSampleUnderSum } from './declaredSamples';

interface Doubt {
  message: string;
  hint: string;
}

/** The steps, each `incorrect` one that rests on a doubt made `unjudged`. */
export function withholdDoubtful(check: ClaimCheck, steps: StepJson[]): StepJson[] {
  const independent = independence(check);
  const claimDoubt = readSlips(check) ?? independent;
  const lower = check.lowering.with({ identitySize: identitySizeOf(check.truth) }).editLowerer();
  const endsInNumber = isNumber(lower(check.claim.steps[check.claim.steps.length - 1].expr));
  const zero = check.truth.forms[0];
  const unrelated = zero?.op === 'const' && zero.attrs.value === 0 ? independent : undefined;
  const rowGradients = numeratorLayout(check, lower);
  return steps.map((step, i) => {
    const expr = check.claim.steps[i].expr;
    // A target that does not depend on its variable as chainrule reads it is 0; a step that is 0 only by the
    // same reading (a chain through that variable) is no more checked than a wrong one. A written 0 is.
    if (step.verdict === 'correct' && unrelated && !(expr.kind === 'number' && expr.value === 0)) {
      return { ...step, verdict: 'unjudged', diagnosis: null, message: unrelated.message, hint: unrelated.hint };
    }
    const scalarGuess = step.verdict === 'correct' ? scalarsUnderMatrixOperations(check, expr) : undefined;
    if (scalarGuess) return { ...step, verdict: 'unjudged', diagnosis: null, message: scalarGuess.message, hint: scalarGuess.hint };
    // Right or wrong, a step with a softmax of one number rests on reading it as 1.
    const entrySoftmax = step.verdict === 'correct' || step.verdict === 'incorrect' ? softmaxOfNumber(expr, lower, check.ctx.textOf) : undefined;
    if (entrySoftmax) return { ...step, verdict: 'unjudged', diagnosis: null, message: entrySoftmax.message, hint: entrySoftmax.hint };
    // Right or wrong, a step that reaches bars chainrule can only guess at (a vector's, a matrix's under a sum) rests on that guess.
    const arrayBars = step.verdict === 'correct' || step.verdict === 'incorrect' ? guessedBars(reachedFrom(check, expr).calls, lower, check.ctx.textOf) : undefined;
    if (arrayBars) return { ...step, verdict: 'unjudged', diagnosis: null, message: arrayBars.message, hint: arrayBars.hint };
    if (step.verdict !== 'incorrect') return step;
    const node = lower(expr);
    const doubt =
      claimDoubt ??
      bareFunctionValue(check) ??
      bareBuiltinValues(check, expr) ??
      linearizationOf(check.lowering.scope, check.claim.target.expr, expr) ??
      independentFactor(check, expr, lower) ??
      unknownFunctions(check, expr, node, step.diagnosis) ??
      ownFormulaForBuiltin(check, expr, lower) ??
      numberForArray(check, expr, node) ??
      (endsInNumber && i < steps.length - 1 ? shapeBeforeNumber(check, node, step) : undefined) ??
      (step.diagnosis === 'shape' ? entriesOfCapitals(check, expr) ?? unknownRange(step) : undefined) ??
      (rowGradients && failsByLayout(check, expr, node, lower) ? rowGradients : undefined) ??
      jacobianLayout(check, expr, node, step, lower) ??
      entriesReadAsScalars(check, expr) ??
      guessedNames(check, expr, step.diagnosis) ??
      guessedOrientation(check, expr) ??
      guessedHessian(check) ??
      borrowedNames(check, expr) ??
      filledLayers(check, expr) ??
      valuesReadAsNames(check, expr) ??
      restatedDefinitionReached(check.lowering.scope, reachedFrom(check, expr)) ??
      declaredSampleUnderSum(exprsReached(check, expr), (name) => check.lowering.scope.declarations.has(name)) ??
      operandDefinitionReached(check.lowering.scope, reachedFrom(check, expr).names, check.claim.target.span) ??
      unstatedValues(check, node) ??
      pointOnDefinedNames(check) ??
      parametersAlsoDefined(check) ??
      labelValuesPutIn(check, expr) ??
      conditionToSolve(check.lowering.scope, check.truth.forms, node, namesReached(check.claim.target.expr, meaningIn(check.lowering.scope)));
    return doubt ? { ...step, verdict: 'unjudged', diagnosis: null, message: doubt.message, hint: doubt.hint } : step;
  });
}

/**
 * A transpose, trace, determinant or inverse: on a scalar, each is the scalar itself. Not one of a Jacobian by a
 * list of variables (`\det \frac{\partial (x, y)}{\partial (r, \theta)}`), a matrix whatever its variables are.
 */
function isMatrixOperation(e: Expr): boolean {
  if (e.kind === 'transpose') return true;
  if (e.kind !== 'call' || !MATRIX_FUNCTIONS.has(e.callee)) return false;
  const [arg] = e.args;
  return !(e.args.length === 1 && arg.kind === 'deriv' && arg.form === 'jacobian' && arg.wrt.length > 1);
}

/**
 * `\frac{\partial}{\partial X} \tr(X^T A) = A^T` with X and A declared nowhere: taken as scalars, as chainrule takes
 * undeclared names, the line holds, since transposes and traces then do nothing; for the matrices the author means
 * it may not. A ✓ that rests on that guess is no verdict.
 */
function scalarsUnderMatrixOperations({ claim, lowering }: ClaimCheck, step: Expr): Doubt | undefined {
  // A name the question transposes in any line is a matrix to its author, even in a step that writes it without one
  // (`(w \delta) \odot \sigma'(z)` beside `(w^T \delta) \odot \sigma'(z)`).
  const matrices = namesUnderMatrixOperations(lowering);
  const guessed = new Set<string>();
  for (const root of [claim.target.expr, step]) {
    findInExpr(root, (e) => {
      if (isMatrixOperation(e)) undeclaredIn(e, lowering).forEach((n) => guessed.add(n));
      // `U^{(l)}(...)`, a variable before a bracket, is a product (its call), and is written without the transpose too.
      const written = e.kind === 'name' ? e.name : e.kind === 'call' ? e.callee : undefined;
      if (root === step && written !== undefined && matrices.has(written)) guessed.add(written);
      return false;
    });
  }
  if (guessed.size === 0) return undefined;
  const names = [...guessed].sort();
  return {
    message: `no line of this question states the shape of ${names.join(', ')}, so chainrule took ${names.length === 1 ? 'it as a scalar' : 'them as scalars'}, where transposes and traces do nothing; read so the line holds, but it may not for the matrices the author means`,
    hint: `state the shape, e.g. ${names[0]} \\in \\mathbb{R}^{n \\times n}`,
  };
}

const underMatrixOperations = new WeakMap<Scope, Set<string>>();

/** The undeclared names the question's lines write under a transpose, trace, determinant or inverse. */
function namesUnderMatrixOperations(lowering: ClaimCheck['lowering']): Set<string> {
  const scope = lowering.scope;
  const known = underMatrixOperations.get(scope);
  if (known) return known;
  const names = new Set<string>();
  for (const root of questionExprs(scope)) {
    findInExpr(root, (e) => {
      if (isMatrixOperation(e)) {
        // An entry in index notation (`u_k` of a declared array) has its array's shape, stated or not.
        findInExpr(e, (x) => (x.kind === 'name' && lowering.isUndeclared(x.name) && !lowering.indexReader.involves(x) && names.add(x.name), false));
      }
      return false;
    });
  }
  underMatrixOperations.set(scope, names);
  return names;
}

/**
 * `\sum_k e^{z_j}`: a sum over an index nothing else sizes is n e^{z_j} for a size n the document never states, so
 * the failure to read it is chainrule's (src/ir/tensor.ts says "the range of k is not known"), not the author's.
 */
function unknownRange(step: StepJson): Doubt | undefined {
  const index = /the range of (\S+) is not known/.exec(step.message)?.[1];
  if (!index) return undefined;
  return {
    message: `this line sums over ${index}, which indexes nothing in the sum, and chainrule cannot tell its range, so it cannot check it`,
    hint: `write the bounds of the sum (\\sum_{${index}=1}^{n}) or a term with ${index} in it`,
  };
}

/** A claim chainrule read differently from what was written (OCR slips): its reading may be the mistake. */
function readSlips({ claim }: ClaimCheck): Doubt | undefined {
  // A reading the assignment's declarations force (its name in another case or font) is no slip to doubt.
  const readings = (claim.readings ?? []).filter((r) => !r.forced);
  if (readings.length === 0) return undefined;
  if (readings.every((r) => r.domain)) {
    const where = readings.map((r) => r.written).join(', ');
    return { message: `this line holds where ${where}, as written; chainrule checks it everywhere and there it does not match, so it may hold only there`, hint: 'check the line by hand on that domain' };
  }
  const read = readings.map((r) => `${r.written} as ${r.readAs}`).join(', ');
  return {
    message: `chainrule read ${read} (a slip of OCR or handwriting); read so, this line does not match, but the slip may be read wrongly`,
    hint: 'write the line with the symbols meant, or check the readings chainrule made',
  };
}

/**
 * A derivative written in the step whose function does not depend on its variable as chainrule reads the
 * question (`\frac{\partial L}{\partial a^{(2)}}` where the question's L is written with ŷ): that factor is 0 by
 * chainrule's reading, not by the author's.
 */
function independentFactor({ ctx, lowering }: ClaimCheck, step: Expr, lower: (e: Expr) => Node | undefined): Doubt | undefined {
  const found = findInExpr(step, (x) => {
    if (x.kind !== 'deriv' || x.form !== 'frac' || x.wrt.length !== 1 || isEntryByOwnEntry(x, lowering)) return false;
    const [of, variable] = [lower(x.of), lower(x.wrt[0])];
    if (of !== undefined && variable !== undefined) return !dependsThroughName(x, of, variable, lowering);
    // An entry under a sum (`\hat{x}_j` of `\sum_j`) lowers only inside it: compare the names reached instead.
    const wrt = x.wrt[0];
    if (x.of.kind !== 'name' || wrt.kind !== 'name' || !lowering.isUndeclared(wrt.name)) return false;
    const reached = namesReached({ ...x.of, name: entryDefinedArray(x.of, lowering) ?? x.of.name }, meaningIn(lowering.scope));
    return !reached.has(wrt.name) && !reached.has(arrayNameOf(wrt.name, wrt.text));
  });
  if (found?.kind !== 'deriv') return undefined;
  const [f, x] = [writtenText(found.of, ctx), writtenText(found.wrt[0], ctx)];
  return {
    message: `as chainrule reads this question, ${f} does not depend on ${x}, so the step's ∂${f}/∂${x} is 0 by chainrule's reading; it cannot check this line`,
    hint: `define ${f} in this question in terms of ${x}, or start the question with a heading of its own`,
  };
}

/**
 * Whether `of` depends on `variable` as the derivative's meaning takes it: by a defined name (`q = x + y`),
 * only a function written with that name does (calculus/meaning.ts `definedInputs`), so f(x, y, z) = (x + y) z
 * does not depend on q although it holds q's node.
 */
function dependsThroughName(x: Extract<Expr, { kind: 'deriv' }>, of: Node, variable: Node, lowering: ClaimCheck['lowering']): boolean {
  try {
    const inputs = definedInputs(x, [variable], lowering);
    return inputs ? dependsOn(inputs.of, inputs.wrt[0]) : dependsOn(of, variable);
  } catch (err) {
    passLimits(err);
    return dependsOn(of, variable);
  }
}

/** `net_k` of an array defined entry by entry (`net_k = \sum_j w_{jk} L_j`): that array, whose definition it reaches. */
function entryDefinedArray(e: Extract<Expr, { kind: 'name' }>, lowering: ClaimCheck['lowering']): string | undefined {
  const array = arrayNameOf(e.name, e.text);
  return lowering.isUndeclared(e.name) && lowering.scope.definitions.get(array)?.entries ? array : undefined;
}

/** `∂X_{ij}/∂X_{kl}`: entries of one array, a product of Kronecker deltas (src/indexing/lower.ts), never 0 by a reading. */
function isEntryByOwnEntry(x: Extract<Expr, { kind: 'deriv' }>, lowering: ClaimCheck['lowering']): boolean {
  const [of, wrt] = [x.of, x.wrt[0]];
  if (of.kind !== 'name' || wrt.kind !== 'name') return false;
  const [a, b] = [lowering.indexReader.indexedName(of), lowering.indexReader.indexedName(wrt)];
  return a !== undefined && b !== undefined && a.base === b.base;
}

/** A name as written (a derivative read from `\delta^{(2)}` has the δ's place but its own names); else its source text. */
function writtenText(e: Expr, ctx: ClaimCheck['ctx']): string {
  return e.kind === 'name' ? e.text : ctx.textOf(e.span).trim();
}

/** A derivative whose function does not depend on its variable here: most likely the wrong question's function. */
function independence({ truth, claim, ctx }: ClaimCheck): Doubt | undefined {
  const m = truth.meaning;
  if (!m || m.wrt.length === 0) return undefined;
  const of = m.inputs?.of ?? m.of;
  const wrt = m.inputs?.wrt ?? m.wrt;
  if (wrt.some((w) => dependsOn(of, w))) return undefined;
  const target = claim.target.expr;
  const [f, x] = target.kind === 'deriv' ? [writtenText(target.of, ctx), target.wrt.map((w) => writtenText(w, ctx)).join(', ')] : ['the function', 'the variable'];
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
function guessedNames(check: ClaimCheck, step: Expr, diagnosis: StepJson['diagnosis']): Doubt | undefined {
  const { claim, lowering } = check;
  const shapeIsWrong = diagnosis === 'shape' || diagnosis === 'transpose';
  const scope = lowering.scope;
  // Arrays the index notation implies say nothing of the other names: a step wrong with them taken as
  // scalars is wrong for arrays too (a special case of a true identity is true). Nor do arrays an earlier
  // question declared that this one never writes (src/analysis/declaredHere.ts).
  const here = new Set(declaredHere(scope));
  const hasArrays = [...scope.declarations.values()].some((d) => here.has(d.name) && !isScalarShape(d.shape));
  // A coefficient letter (`+ \lambda \beta`, `\eta g`) is a number whatever the question declares; not a function's
  // parameter (`s'(\gamma) = s(\gamma)(1 - s(\gamma))`), which stands for what the function is applied to.
  const parameters = new Set([...scope.functions.values()].flatMap((f) => f.params));
  const numbersAside = (names: Set<string>) => new Set([...names].filter((n) => parameters.has(n) || !isCoefficientLetter(n)));
  const inTarget = numbersAside(undeclaredIn(claim.target.expr, lowering));
  const inStep = numbersAside(undeclaredIn(step, lowering));
  const guessed = hasArrays || shapeIsWrong ? new Set([...inTarget, ...inStep]) : new Set([...inStep].filter((n) => !inTarget.has(n)));
  // Names the formulas force to be numbers (forcedScalars.ts) are no guess where the question declares arrays.
  if (hasArrays && !shapeIsWrong && guessed.size > 0) for (const n of forcedScalars(lowering)) guessed.delete(n);
  // A shape that index notation implied or use suggested is chainrule's guess too: a step wrong by its shape may
  // be right with another.
  const implied = shapeIsWrong ? [...impliedIn(claim.target.expr, lowering, step)].sort() : [];
  // A transpose of the right shape (a square matrix) may be right with other shapes: only a shape that differs is
  // tried with numbers in place of the guesses.
  if (guessed.size === 0 && implied.length > 0 && !(diagnosis === 'shape' && wrongShapeWhateverTheGuess(check, step, implied))) {
    return {
      message: `no line of this question states the shape of ${implied.join(', ')}; chainrule guessed it from the notation, so it cannot tell whether this line's shape is wrong`,
      hint: `state the shape, e.g. ${implied[0]} \\in \\mathbb{R}^{1 \\times N}`,
    };
  }
  if (guessed.size === 0) return undefined;
  // Names taken as numbers that the step's operands do not reach leave its shape what it is (impliedShapes.ts);
  // not when grading, where the problem sizes names the author may mean otherwise (a sample x for the problem's X).
  if (diagnosis === 'shape' && !check.ctx.grading && wrongShapeWhateverTheGuess(check, step, implied, guessed)) return undefined;
  const names = [...guessed].sort();
  const them = names.length === 1 ? 'it' : 'them';
  return {
    message: `no line of this question defines or declares ${names.join(', ')}, so chainrule took ${them} as ${names.length === 1 ? 'a scalar' : 'scalars'} of ${names.length === 1 ? 'its' : 'their'} own and cannot tell whether this line is wrong`,
    hint: hasArrays || shapeIsWrong ? `state the shape, e.g. ${names[0]} \\in \\mathbb{R}^{1 \\times N}, or define ${names[0]}` : `define ${names[0]} in the maths (e.g. \`${names[0]} = ...\`)`,
  };
}

/**
 * A wrong step that multiplies a vector whose orientation chainrule guessed by its own transpose: `s^T s` is a number
 * for a column and the outer product for a row, and a text that writes row vectors (`\text{diag}(s) - s^T s`)
 * means the latter. Which one the author means is the guess, so no verdict.
 */
function guessedOrientation({ lowering }: ClaimCheck, step: Expr): Doubt | undefined {
  const vectors = new Set([...lowering.scope.declarations.values()].filter((d) => d.implied && !isScalarShape(d.shape) && (d.shape[0] === 1 || d.shape[1] === 1)).map((d) => d.name));
  if (vectors.size === 0) return undefined;
  const meaningOf = meaningIn(lowering.scope);
  // A function written bare (`s` of `s(x)_i = ...`) is its value at its parameters.
  const guessedIn = (e: Expr) => [...namesReached(e, meaningOf)].flatMap((r) => [r, ...(lowering.scope.functions.get(r)?.params ?? [])]).filter((n) => vectors.has(n));
  const selfProduct = (a: Expr, b: Expr) => a.kind === 'transpose' && isSameExpr(a.arg, b);
  const guessed = new Set<string>();
  findInExpr(step, (e) => {
    if (e.kind === 'binary' && e.op === 'mul' && (selfProduct(e.left, e.right) || selfProduct(e.right, e.left))) guessedIn(e).forEach((n) => guessed.add(n));
    return false;
  });
  if (guessed.size === 0) return undefined;
  const names = [...guessed].sort();
  return {
    message: `no line of this question states whether ${names.join(', ')} ${names.length === 1 ? 'is a row or a column' : 'are rows or columns'}; this step multiplies a vector by its own transpose, a number or a matrix as that guess goes, so chainrule cannot tell whether it is wrong`,
    hint: `state the shape, e.g. ${names[0]} \\in \\mathbb{R}^{1 \\times N}`,
  };
}

/**
 * A second derivative by a name no line declares, which chainrule took as a scalar: a Hessian by a vector is a
 * matrix (`\sum_i \sigma_i (1 - \sigma_i) x_i x_i^T + 2 \lambda I`), so the scalar reading decides the line.
 * The arguments of a function of several named arguments (`f(x, y) = ...`) are its scalars, as written.
 */
function guessedHessian({ claim, lowering }: ClaimCheck): Doubt | undefined {
  const target = claim.target.expr;
  if (target.kind !== 'deriv' || target.of.kind !== 'deriv') return undefined;
  const scalars = new Set([...lowering.scope.functions.values()].filter((f) => f.params.length > 1).flatMap((f) => f.params));
  const variables = [...target.wrt, ...target.of.wrt].filter((w): w is Extract<Expr, { kind: 'name' }> => w.kind === 'name' && lowering.isUndeclared(w.name) && !scalars.has(w.name));
  if (variables.length === 0) return undefined;
  const x = variables[0].text;
  return {
    message: `no line of this question states the shape of ${x}, so chainrule took it as a scalar; a second derivative by a vector is a matrix, so it cannot tell whether this line is wrong`,
    hint: `state the shape, e.g. ${x} \\in \\mathbb{R}^{n}`,
  };
}

/**
 * Names the maths never defines that chainrule took as unknown functions (src/analysis/unknownTargets.ts): the
 * step fails for some function, but may hold for the one the author's prose means.
 */
function unknownFunctions(check: ClaimCheck, step: Expr, node: Node | undefined, diagnosis: StepJson['diagnosis']): Doubt | undefined {
  const scope = check.lowering.scope;
  const { names, calls } = reachedFrom(check, step);
  const unknown = [...names].filter((n) => scope.definitions.get(n)?.unknownOf).sort();
  const called = calls.filter((x) => scope.abstractFunctions.get(x.callee)?.implied).map((x) => x.calleeText);
  if (unknown.length === 0 && called.length === 0) return undefined;
  // Only a step compared as lowered: a case of entries or index layout compares another node (claim.ts checkStep).
  const asLowered = !check.claim.condition && !isIndexedStep(step, check.truth, check.lowering);
  const losses = called.length === 0 && asLowered ? lossesOf(scope, unknown) : undefined;
  // A step of the wrong shape is wrong whatever scalar the loss is: ∂L/∂S has S's shape for every L.
  if (losses && (diagnosis === 'shape' || (node && wrongForEveryLoss(check, node, losses)))) return undefined;
  const text = unknown.length ? check.lowering.options.textOf(scope.definitions.get(unknown[0])!.span).trim() : called.sort()[0];
  if (unknown.length && genericViewOf(unknown[0]) !== undefined) {
    return {
      message: `seen from the generic layer l, ${text} is whatever the layers above make of it, so chainrule took it as an unknown function there; this line does not hold for every such function, but may for the network the text means`,
      hint: `write the line in terms of the quantities of layer l and l+1 (\delta^{(l+1)}, W^{(l+1)})`,
    };
  }
  return {
    message: `${text} is not defined in the maths, so chainrule took it as an unknown function; this line does not hold for every ${text}, but may for the one the text means`,
    hint: `define ${text} in the maths (e.g. \`${text} = ...\`)`,
  };
}

/**
 * The functions of the unknown losses `names` (`C#unknown`), when each is a scalar function of the quantities the
 * question computes last; a view of a loss from a generic layer, or an activation left to prose, is not. Nor is a
 * loss differentiated by a name the question never computes (`\partial L / \partial y` with y only declared, or
 * `\nabla_a C` with a bare): the prose may make it another name of the output, which chainrule reads as an input.
 */
function lossesOf(scope: Scope, names: readonly string[]): Set<string> | undefined {
  const fns = new Set<string>();
  for (const name of names) {
    const { expr, unknownOf } = scope.definitions.get(name)!;
    if (unknownOf?.some((arg) => !scope.definitions.has(arg))) return undefined;
    if (genericViewOf(name) !== undefined || expr.kind !== 'call' || scope.abstractFunctions.get(expr.callee)?.kind !== 'scalar') return undefined;
    fns.add(expr.callee);
  }
  return fns;
}

/**
 * One number written for a target chainrule reads as an array (`\sigma'(z) = 0.6028 \times 0.3972` where an
 * earlier part made z a vector): the author means another quantity by the name here, an entry or this part's own.
 */
function numberForArray({ truth, targetText, claim }: ClaimCheck, step: Expr, node: Node | undefined): Doubt | undefined {
  // Only in a computation with decimals, or a value stated for a name (`z = 0`, the point of what follows):
  // `\partial h / \partial b = 1` for a vector b is the author's slip.
  if (!node || isScalarShape(truth.shape) || !isNumber(node) || !(hasDecimals(step) || claim.target.expr.kind === 'name')) return undefined;
  return {
    message: `this line gives one number, but chainrule reads ${targetText} as ${formatShape(truth.shape)} here (from the names' definitions elsewhere in the document), so the author likely means another quantity by it; chainrule cannot check it`,
    hint: `name this part's quantities apart, or state them in this part`,
  };
}

/**
 * A step of the wrong shape in a line the author carries on to a number (`\delta^{(1)} x = -0.0549 \times 1.0`):
 * the number shows which quantities the author computes with, so the shape is chainrule's reading of the names.
 */
function shapeBeforeNumber({ truth }: ClaimCheck, node: Node | undefined, step: StepJson): Doubt | undefined {
  const wrongShape = step.diagnosis === 'shape' || (node !== undefined && (node.shape[0] !== truth.shape[0] || node.shape[1] !== truth.shape[1]));
  if (!wrongShape) return undefined;
  return {
    message: `as chainrule reads the names of this step it has the wrong shape, but the line goes on to a number, so the author computes with other quantities than chainrule reads; it cannot tell whether this step is wrong`,
    hint: `name this part's quantities apart, or state them in this part`,
  };
}

/**
 * A wrong shape where a lowercase name stands for entries of the matrix in capitals (`x_i` of X): whether x_i
 * is a row (a sample) or a column of X is chainrule's guess, so the shape may be its reading, not the author's.
 */
function entriesOfCapitals({ claim, lowering }: ClaimCheck, step: Expr): Doubt | undefined {
  const found = new Set<string>();
  const reader = lowering.indexReader;
  const note = (x: Extract<Expr, { kind: 'name' }>) => {
    const info = reader.indexedName(x);
    if (info && !info.implicitCall && info.base !== info.baseText && info.base.toLowerCase() === info.baseText.toLowerCase()) found.add(`${x.text} (of ${info.base})`);
  };
  namesReached(claim.target.expr, meaningIn(lowering.scope), note);
  namesReached(step, meaningIn(lowering.scope), note);
  if (found.size === 0) return undefined;
  return {
    message: `chainrule read ${[...found].sort().join(', ')} as entries of the matrix in capitals, and the shapes do not fit as it reads them; the author may mean rows where it took columns, so it cannot tell whether this line is wrong`,
    hint: 'state the shape of the entry, e.g. x_i \\in \\mathbb{R}^{D}',
  };
}

/**
 * A Jacobian of a vector by a vector written in denominator layout (`\partial z / \partial x = W^T` for
 * z = W x), or a chain of derivatives multiplied in that layout's order: both layouts are taught, and chainrule
 * checks numerator layout (SPEC 1.5), so a transposed Jacobian may be the document's convention, not a slip.
 */
function jacobianLayout({ truth, claim, lowering }: ClaimCheck, step: Expr, node: Node | undefined, s: StepJson, lower: (e: Expr) => Node | undefined): Doubt | undefined {
  const m = truth.meaning;
  const byVector = m !== undefined && m.wrt.length === 1 && !isScalarShape(m.wrt[0].shape);
  // \frac{\partial}{\partial x}(x^T x) of an expression by a vector is a row in numerator layout, as maths texts
  // write identities; ML's ∂L/∂w of a loss by weights has the weights' shape, so a transpose there is a slip.
  const written = claim.target.expr;
  const operator = written.kind === 'deriv' && written.form === 'operator' && m !== undefined && m.wrt.length === 1 && isVector(m.wrt[0].shape);
  const scalarByVector = byVector && isScalarShape(m.of.shape);
  const jacobian = byVector && (!scalarByVector || operator);
  const [r, c] = truth.shape;
  const transposed = jacobian && node !== undefined && r !== c && node.shape[0] === c && node.shape[1] === r;
  const chain = s.diagnosis === 'shape' && chainInDenominatorLayout(step, truth, lower);
  // A gradient transposed in a question whose Jacobians are written in denominator layout: that layout's gradient.
  const gradient = scalarByVector && !operator && node !== undefined && r !== c && node.shape[0] === c && node.shape[1] === r && questionInDenominatorLayout(lowering.scope.claims, lower);
  if (gradient) {
    return {
      message: 'this is the gradient transposed, and its question writes Jacobians transposed (denominator layout), where the gradient by a row is a column, so chainrule cannot tell whether this line is wrong',
      hint: 'say which layout the document uses, or write the gradient in the shape of the variable',
    };
  }
  if (!transposed && !chain) return undefined;
  if (transposed && scalarByVector) {
    return {
      message: 'this is the gradient written as a row: in numerator layout the derivative of a scalar by a column vector is a row, where chainrule gives it the vector\'s shape, so it cannot tell whether this line is wrong',
      hint: 'say which layout the document uses, or write the gradient with ∇ (a column)',
    };
  }
  return {
    message: `${transposed ? 'this is the Jacobian transposed' : 'the derivatives of this chain multiply in the other order'}: the document may write Jacobians in denominator layout, where chainrule uses numerator layout (rows follow the function), so it cannot tell whether this line is wrong`,
    hint: 'say which layout the document uses, or write the Jacobian with rows that follow the function',
  };
}

/**
 * A gradient of a scalar by a column worked out in numerator layout (src/check/chainLayouts.ts), by this claim or
 * another of its question, where it is a row: `\frac{\partial J}{\partial \theta}\frac{\partial \theta}{\partial v_c} = (\hat y - y)^T U^T` holds there.
 */
function numeratorLayout({ truth, claim, lowering }: ClaimCheck, lower: (e: Expr) => Node | undefined): Doubt | undefined {
  const m = truth.meaning;
  if (m === undefined || m.wrt.length !== 1 || !isScalarShape(m.of.shape)) return undefined;
  const [n, one] = truth.shape;
  if (one !== 1 || n === 1) return undefined;
  if (!claim.steps.some((s) => inNumeratorLayout(s.expr, truth.shape, lower)) && !questionInNumeratorLayout(lowering.scope.claims, lower)) return undefined;
  return {
    message: 'this line works the gradient out in numerator (Jacobian) layout, where the derivative of a scalar by a column is a row; chainrule gives it the column\'s shape, so a step that fails by its shape may be right in the author\'s layout, and it cannot tell whether this line is wrong',
    hint: 'write the gradient as a column (∂J/∂v = (∂θ/∂v)^T ∂J/∂θ), or say which layout the document uses',
  };
}

/**
 * A step of such a claim that may be right in numerator layout: the target transposed (a row), or itself a step
 * of the chain in that layout. A product that does not conform in any layout (`(\hat y - y) v_c`) is not.
 */
function failsByLayout({ truth }: ClaimCheck, expr: Expr, node: Node | undefined, lower: (e: Expr) => Node | undefined): boolean {
  const [r, c] = truth.shape;
  return (node !== undefined && node.shape[0] === c && node.shape[1] === r) || inNumeratorLayout(expr, truth.shape, lower);
}

/**
 * Whether a product of derivatives composes in denominator layout: each factor transposed, in the order written
 * (`\partial z_1/\partial x \; \partial h/\partial z_1` is D x H times H x H there), to the target's shape or its transpose.
 */
function chainInDenominatorLayout(step: Expr, truth: ClaimCheck['truth'], lower: (e: Expr) => Node | undefined): boolean {
  const factors = productFactors(step);
  if (factors.length < 2 || !factors.every((f) => f.kind === 'deriv')) return false;
  // A factor that does not lower alone (a derivative of a call, `\partial CE(y, \hat y)`) is left out: at worst
  // a wrong chain is then unjudged, never a right one marked wrong.
  const shapes = factors.flatMap((f): Shape[] => { const sh = lower(f)?.shape; return sh ? [[sh[1], sh[0]]] : []; });
  return composesTo(shapes, truth.shape);
}

/** One number, or an array of numbers: a node with no variable under it that is scalar. */
function isNumber(node: Node | undefined): boolean {
  return node !== undefined && isScalarShape(node.shape) && variablesUnder(node).length === 0;
}

/**
 * A built-in function the document gives a formula of its own (`\sigma(A_{ic}) = e^{A_{ic}} / \sum_j e^{A_{ij}}`,
 * `\text{softmax}(A) = \sigma(A)`): the author may mean another function by its name (σ for the softmax), so a
 * step that uses it and fails is not shown wrong.
 */
function ownFormulaForBuiltin(check: ClaimCheck, step: Expr, lower: (e: Expr) => Node | undefined): Doubt | undefined {
  const given = check.lowering.scope.builtinFormulas;
  if (given.size === 0) return undefined;
  const calls = reachedFrom(check, step).calls.map((x) => x.callee);
  const [name] = calls.filter((callee) => given.has(callee) && !restatesBuiltin(check, given.get(callee)!, lower)).sort();
  if (name === undefined) return undefined;
  return {
    message: `the document gives ${name} a formula of its own (line ${given.get(name)!.line}), so it may mean another function by it than chainrule's built-in ${name}; chainrule cannot tell whether this line is wrong`,
    hint: `use another name for the document's own function, or define it as a new name`,
  };
}

/**
 * Every line that gives the built-in a formula holds as chainrule reads it, built-in and all (`\sigma(z) = 1/(1 +
 * e^{-z})`): the formula is the built-in's own, so the document means the built-in by its name.
 */
function restatesBuiltin({ evaluator }: ClaimCheck, formula: BuiltinFormula, lower: (e: Expr) => Node | undefined): boolean {
  return formula.equations.every((equation) => {
    const [first, ...rest] = [equation.lhs, ...equation.rhs].map((member) => lower(member.expr));
    const values = first && evaluator.values(first);
    return values !== undefined && rest.length > 0 && rest.every((node) => node !== undefined && evaluator.agrees(node, values));
  });
}

/** The names the step and the claim's target reach through the definitions, and the calls written on the way. */
function reachedFrom({ claim, lowering }: ClaimCheck, step: Expr): { names: Set<string>; calls: Extract<Expr, { kind: 'call' }>[] } {
  const meaningOf = meaningIn(lowering.scope);
  // An entry (`\ell_j`) reaches its array's definition (`\ell`), read entry by entry.
  const names = new Set<string>();
  const entryOf = (x: Extract<Expr, { kind: 'name' }>) => names.add(arrayNameOf(x.name, x.text));
  for (const root of [claim.target.expr, step]) namesReached(root, meaningOf, entryOf).forEach((n) => names.add(n));
  const calls: Extract<Expr, { kind: 'call' }>[] = [];
  for (const root of [claim.target.expr, step, ...[...names].flatMap((n) => meaningOf(n) ?? [])]) {
    findInExpr(root, (x) => {
      if (x.kind === 'call') calls.push(x);
      return false;
    });
  }
  return { names, calls };
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

/** Names whose formula chainrule filled in from the forward pass written at layer l (src/analysis/genericLayers.ts). */
function filledLayers(check: ClaimCheck, step: Expr): Doubt | undefined {
  const scope = check.lowering.scope;
  const filled = [...reachedFrom(check, step).names].filter((n) => scope.definitions.get(n)?.atLayer).sort();
  if (filled.length === 0) return undefined;
  const layers = [...new Set(filled.map((n) => scope.definitions.get(n)!.atLayer))].join(', ');
  return {
    message: `chainrule read the forward pass written at layer l at layer ${layers}; read so, this line does not match, but the author may mean another formula there, so it cannot tell whether this line is wrong`,
    hint: `write the formula at layer ${layers} in this question`,
  };
}

/**
 * A formula the step or its target reaches in which chainrule read a written value as the name it is the
 * value of (`\sigma(0.5)` as σ(z₁), src/latex/numericInstances.ts, whose names keep the number as their text):
 * the author may have meant the number.
 */
function valuesReadAsNames(check: ClaimCheck, step: Expr): Doubt | undefined {
  const meaningOf = meaningIn(check.lowering.scope);
  for (const n of [...reachedFrom(check, step).names].sort()) {
    const meaning = meaningOf(n);
    const read = meaning && findInExpr(meaning, (x) => x.kind === 'name' && /^-?[0-9.]/.test(x.text));
    if (read?.kind !== 'name') continue;
    return {
      message: `chainrule read ${read.text} in the formula of ${n} (line ${read.span.line}) as ${read.name}, whose value it is; read so, this line does not match, but the number may be meant as it stands`,
      hint: `write the formula with ${read.name} where its value stands for it`,
    };
  }
  return undefined;
}

/** What a name stands for in the scope: its definition, or the body of the function it names. */
/** The target, the step and the definitions they reach. */
function exprsReached(check: ClaimCheck, step: Expr): Expr[] {
  const meaningOf = meaningIn(check.lowering.scope);
  return [check.claim.target.expr, step, ...[...reachedFrom(check, step).names].flatMap((n) => meaningOf(n) ?? [])];
}

function meaningIn(scope: ClaimCheck['lowering']['scope']): (name: string) => Expr | undefined {
  // A built-in restated entry by entry (`Softmax(z)_i = ...`) is the built-in where it is called otherwise,
  // and its body's names are its parameter's entries: it reaches no name of the question.
  const builtinRestated = (n: string) => scope.functions.get(n)?.entries !== undefined && BUILTIN_FUNCTIONS.has(n);
  return (n) => scope.definitions.get(n)?.expr ?? (builtinRestated(n) ? undefined : scope.functions.get(n)?.body);
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
 * `\frac{\partial f}{\partial y}\Big|_{(1, 0)}` where the question also defines y (`y = e^{2x} \cos x`): the point
 * gives y a value while chainrule works y out from its definition, which the line may not mean.
 */
function pointOnDefinedNames({ claim, lowering }: ClaimCheck): Doubt | undefined {
  const defined = (claim.pointedAt ?? []).filter((n) => lowering.scope.definitions.has(n)).sort();
  if (defined.length === 0) return undefined;
  return {
    message: `this line is at a point that gives ${defined.join(', ')} a value, but this question defines ${defined.length === 1 ? 'it' : 'them'}, so chainrule cannot tell which the line means`,
    hint: `rename the point's variable or the defined quantity`,
  };
}

/**
 * `f(x, y) = x^2 y` and `y = e^{2x}` in one question: in `\frac{\partial f}{\partial x} = 2xy` the author may hold y
 * fixed (a partial) or mean y(x) (a total derivative), and the step's y may be either; chainrule cannot tell.
 */
function parametersAlsoDefined({ claim, lowering }: ClaimCheck): Doubt | undefined {
  const { scope } = lowering;
  const called = new Set<string>();
  findInExpr(claim.target.expr, (e) => ((e.kind === 'name' || e.kind === 'call') && called.add(e.kind === 'name' ? e.name : e.callee), false));
  const both = [...called].flatMap((f) => scope.functions.get(f)?.params.filter((p) => scope.definitions.has(p)) ?? []);
  if (both.length === 0) return undefined;
  const names = [...new Set(both)].sort();
  const one = names.length === 1;
  return {
    message: `${names.join(', ')} ${one ? 'is' : 'are'} both ${one ? 'a parameter' : 'parameters'} of the function differentiated and ${one ? 'a quantity' : 'quantities'} this question defines, so chainrule cannot tell which this line means`,
    hint: `give the parameter or the quantity another name`,
  };
}

/**
 * `f = 0.73` where the question defines a function f(w, x): the value of f at a point the line does not say, which
 * chainrule cannot know (it was ✗ against f at chainrule's own random point), unless the question states a value
 * for every variable of f's formula.
 */
function bareFunctionValue({ claim, lowering, truth }: ClaimCheck): Doubt | undefined {
  const target = claim.target.expr;
  const fn = target.kind === 'name' && !lowering.scope.definitions.has(target.name) ? lowering.scope.functions.get(target.name) : undefined;
  if (!fn || target.kind !== 'name') return undefined;
  // The question states the value of every variable of the function's formula (`w_0 = 2, x_0 = -1, ...`): that point.
  const point = claim.point;
  const valued = (x: Node) => x.attrs.name !== target.name && (point?.exact.has(x.attrs.name!) === true || point?.rounded.has(x.attrs.name!) === true);
  if (truth.forms.length > 0 && variablesUnder(truth.forms[0]).every(valued)) return undefined;
  return {
    message: `${target.text} is a function of ${fn.params.join(', ')} in this question, and this line gives its value without saying at which point, so chainrule cannot tell whether it is wrong`,
    hint: `write the point, as in ${target.text}(${fn.params.map(() => '1').join(', ')}) = ...`,
  };
}

/**
 * A step that is a number, or any step of a numeric question, where the truth still has variables with no
 * stated values: the values are in prose, or nowhere, and chainrule's own are random.
 */
function unstatedValues({ truth, claim }: ClaimCheck, node: Node | undefined): Doubt | undefined {
  const point = claim.point;
  if (!node || truth.forms.length === 0) return undefined;
  const unstated = (n: Node) => [...new Set(variablesUnder(n).map((x) => x.attrs.name!).filter((x) => !point?.exact.has(x) && !point?.rounded.has(x) && !x.startsWith('__')))].sort();
  const inTruth = unstated(truth.forms[0]);
  const inStep = unstated(node);
  if (inTruth.length > 0 && (point || variablesUnder(node).length === 0)) {
    return {
      message: `this line is a number, but this question states no value${inTruth.length === 1 ? '' : 's'} for ${inTruth.join(', ')} that chainrule could read, so it cannot check it`,
      hint: `state the values in the maths, e.g. \`${inTruth[0]} = 1\`, before this line`,
    };
  }
  // Every quantity of the target is given, but the step uses a name whose value the question does not fix.
  if (inTruth.length === 0 && inStep.length > 0) {
    return {
      message: `the question gives every value ${claim.target.text.trim()} depends on, but this line uses ${inStep.join(', ')}, whose value chainrule could not read, so it cannot check it`,
      hint: `state the value of ${inStep[0]} in the maths before this line`,
    };
  }
  return undefined;
}

/**
 * A derivative by one entry whose target depends on the labels (a one-hot or binary y, or a name y or t) while
 * the step does not: the author may have put their values in (`\hat{y}_k - 1` for the correct class k, y_k = 1),
 * as the prose says.
 */
function labelValuesPutIn({ claim, lowering }: ClaimCheck, step: Expr): Doubt | undefined {
  // Only for one entry (`\partial L / \partial o_k`): where k may be the correct class the prose names.
  const target = claim.target.expr;
  if (target.kind !== 'deriv' || !target.wrt.some((w) => w.kind === 'name' && subscriptsOf(w.text) !== undefined)) return undefined;
  const scope = lowering.scope;
  const isLabel = (name: string) => {
    const domain = scope.declarations.get(name)?.domain;
    return domain === 'onehot' || domain === 'binary' || /^[yt]$/.test(name);
  };
  const meaningOf = meaningIn(scope);
  // Arrays count as used by their entries and samples too (`y_i`, `y^{(i)}` are y).
  const arrayOf = (name: string, text: string) => {
    const sampled = sampledNameOf(text);
    return sampled ? arrayNameOf(normalizeName(sampled.written), sampled.written) : arrayNameOf(name, text);
  };
  const used = (e: Expr): Set<string> => {
    const names = new Set<string>();
    namesReached(e, meaningOf, (x) => names.add(arrayOf(x.name, x.text)));
    return names;
  };
  const inStep = used(step);
  const labels = [...used(claim.target.expr)].filter((n) => isLabel(n) && !inStep.has(n)).sort();
  if (labels.length === 0) return undefined;
  return {
    message: `the step does not use ${labels.join(', ')}, on which the target depends: the author may have put in the labels' values (y_k = 1 for the correct class k), which chainrule cannot read from the prose`,
    hint: `write the step with ${labels[0]}, or state its values in the maths`,
  };
}

