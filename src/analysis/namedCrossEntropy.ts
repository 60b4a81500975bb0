// A loss named, not written: `J = \text{CE}(y, \hat{y})`, `J = CrossEntropy(y, \hat{y})` with `\hat{y} =
// \text{softmax}(\theta)`. The words name one standard function, the cross-entropy of the labels and the predicted
// distribution, -Σ_k y_k log ŷ_k, and the maths says which argument is which: the softmax's output is the
// distribution the logarithm is taken of, and the other argument, which the question does not compute, the labels.
// A TA reads the line so; read as an unknown function of y and ŷ (src/analysis/unknownTargets.ts), every line that
// works the loss out (`\partial J / \partial \theta = \hat{y} - y`) was unjudged. Only that case: where neither or
// both arguments are a softmax's output, which is the distribution is the author's to say, and the call stays unknown.
import { warning } from '../diagnostics';
import { hasMeaning, type Scope } from '../resolve/scope';
import { rewriteExpr } from '../syntax/walk';
import { Graph } from '../ir/graph';
import { Builder } from '../ir/build';
import { formatShape, isScalarShape, shapesEqual, type Shape } from '../ir/types';
import { LowerError, Lowering } from '../resolve/lower';
import { indexNotation } from '../indexing/lower';
import type { Expr, Span } from '../syntax/ast';

/** The names of the cross-entropy as authors call it: `CE`, `CrossEntropy`, `cross_entropy`, `XEnt`. */
const CROSS_ENTROPY = /^(ce|xent|cross_?entropy)$/i;

type Call = Extract<Expr, { kind: 'call' }>;
type Name = Extract<Expr, { kind: 'name' }>;

/** The callee as written, without `\text{..}`, `\operatorname{..}` or `\mathrm{..}` around it. */
const bareWord = (text: string) => text.replace(/^\\(?:text|operatorname|mathrm)\s*\{\s*(.*?)\s*\}$/, '$1').replace(/\\_/g, '_');

/** Whether `e` is a softmax's output: a call of softmax, or a name the scope defines as one. */
function isSoftmaxOutput(e: Expr, scope: Scope): boolean {
  const formula = e.kind === 'name' ? scope.definitions.get(e.name)?.expr : e;
  return formula?.kind === 'call' && formula.callee === 'softmax' && formula.prime === 0;
}

/** Labels are given, never computed: a plain name the question defines by no formula. */
const isGivenName = (e: Expr, scope: Scope): e is Name => e.kind === 'name' && !scope.definitions.has(e.name) && !scope.functions.has(e.name);

/** The labels and the distribution of a cross-entropy call, when the maths tells them apart. */
function crossEntropyArguments(call: Call, scope: Scope): { labels: Name; distribution: Expr } | undefined {
  if (call.args.length !== 2 || call.prime !== 0 || !CROSS_ENTROPY.test(bareWord(call.calleeText)) || hasMeaning(scope, call.callee)) return undefined;
  const [first, second] = call.args;
  const softmaxFirst = isSoftmaxOutput(first, scope);
  if (softmaxFirst === isSoftmaxOutput(second, scope)) return undefined;
  const [labels, distribution] = softmaxFirst ? [second, first] : [first, second];
  return isGivenName(labels, scope) ? { labels, distribution } : undefined;
}

/** -Σ labels ⊙ log(distribution), placed at the call. */
function crossEntropyFormula(labels: Name, distribution: Expr, span: Span): Expr {
  const log: Expr = { kind: 'call', callee: 'log', calleeText: '\\log', prime: 0, args: [distribution], span };
  const weighted: Expr = { kind: 'binary', op: 'hadamard', left: labels, right: log, span };
  return { kind: 'neg', arg: { kind: 'call', callee: 'sum', calleeText: '\\sum', prime: 0, args: [weighted], span }, span };
}

/** The shape of `e` as the scope reads it, or undefined where it does not lower. */
function shapeIn(probe: Lowering, e: Expr): Shape | undefined {
  try {
    return probe.lower(e).shape;
  } catch (err) {
    if (err instanceof LowerError) return undefined;
    throw err;
  }
}

/**
 * Writes out, in the scope's definitions, each call of the cross-entropy by name whose labels and distribution the
 * maths tells apart, with a `reading` note at the call. The labels have the distribution's shape: a name whose shape
 * no line states takes it (it holds one label per class), and one stated at another shape leaves the call unread.
 */
export function writeOutNamedCrossEntropy(scope: Scope, textOf: (span: Span) => string): void {
  const probe = Lowering.forProblem({ ...scope, diagnostics: [] }, new Builder(new Graph()), { textOf, indexNotation });
  for (const [name, definition] of scope.definitions) {
    let read = false;
    const expr = rewriteExpr(definition.expr, (e) => {
      const roles = e.kind === 'call' ? crossEntropyArguments(e, scope) : undefined;
      const shape = roles && shapeIn(probe, roles.distribution);
      if (!roles || !shape || isScalarShape(shape)) return undefined;
      const { labels, distribution } = roles;
      // A shape the author states must be the distribution's; one solved for from other lines was a guess, which the
      // labels' own place corrects.
      const declared = scope.declarations.get(labels.name);
      const stated = declared && !declared.solved ? declared : undefined;
      if (stated ? !shapesEqual(stated.shape, shape) : !declared && !probe.isUndeclared(labels.name)) return undefined;
      const [y, p] = [labels.text.trim(), textOf(distribution.span).trim()];
      if (!stated) scope.declarations.set(labels.name, { name: labels.name, shape, span: labels.span, implied: true, solved: true });
      const shaped = stated ? '' : ` (so ${y} is ${formatShape(shape)}, as ${p} is)`;
      scope.diagnostics.push(
        warning('reading', `read ${textOf(e.span).trim()} as the cross-entropy -\\sum_k ${y}_k \\log ${p}_k: ${p} is a softmax's output, the distribution, and ${y} the labels${shaped}`, e.span, `write the loss out (e.g. \`${name} = -\\sum_k ${y}_k \\log ${p}_k\`) if it is another`),
      );
      read = true;
      return crossEntropyFormula(labels, distribution, e.span);
    });
    if (read) scope.definitions.set(name, { ...definition, expr });
  }
}
