// A loss named, not written: `J = \text{CE}(y, \hat{y})` with `\hat{y} = \text{softmax}(\theta)`, `L = BCE(y, a)`
// with `a = \sigma(w^T x + b)`. The words name one standard function of the labels and the predicted probabilities,
// and the maths says which argument is which: the softmax's (sigmoid's) output is what the logarithm is taken of,
// and the other argument, which the question does not compute, the labels. A TA reads the line so; read as an
// unknown function of y and ŷ (src/analysis/unknownTargets.ts), every line that works the loss out (`\partial J /
// \partial \theta = \hat{y} - y`) was unjudged. Only where the reading is forced: where neither or both arguments
// are such an output, which is the prediction is the author's to say, and the call stays unknown; and only for one
// sample (a vector of classes, one probability), since over a batch the loss may be the sum or the mean.
import { warning } from '../diagnostics';
import { hasMeaning, type Scope } from '../resolve/scope';
import { rewriteExpr } from '../syntax/walk';
import { Graph } from '../ir/graph';
import { Builder } from '../ir/build';
import { formatShape, isScalarShape, shapesEqual, type Shape } from '../ir/types';
import { LowerError, Lowering } from '../resolve/lower';
import { indexNotation } from '../indexing/lower';
import type { Expr, Span } from '../syntax/ast';

type Call = Extract<Expr, { kind: 'call' }>;
type Name = Extract<Expr, { kind: 'name' }>;

interface NamedLoss {
  /** What the note calls it, and the names authors call it by. */
  title: string;
  names: RegExp;
  /** The functions whose output is the prediction. */
  outputOf: ReadonlySet<string>;
  /** The shapes of one sample's prediction. */
  fits: (shape: Shape) => boolean;
  formula: (labels: Name, prediction: Expr, span: Span) => Expr;
  /** The formula as the note writes it. */
  latex: (y: string, p: string) => string;
}

const call = (callee: string, calleeText: string, arg: Expr, span: Span): Expr => ({ kind: 'call', callee, calleeText, prime: 0, args: [arg], span });
const binary = (op: Extract<Expr, { kind: 'binary' }>['op'], left: Expr, right: Expr, span: Span): Expr => ({ kind: 'binary', op, left, right, span });
const one = (span: Span): Expr => ({ kind: 'number', value: 1, text: '1', span });
const isVector = ([rows, cols]: Shape) => (rows === 1) !== (cols === 1);

const LOSSES: readonly NamedLoss[] = [
  {
    title: 'the cross-entropy',
    names: /^(ce|xent|cross_?entropy)$/i,
    outputOf: new Set(['softmax']),
    fits: isVector,
    // -Σ y ⊙ log ŷ
    formula: (y, p, span) => ({ kind: 'neg', arg: call('sum', '\\sum', binary('hadamard', y, call('log', '\\log', p, span), span), span), span }),
    latex: (y, p) => `-\\sum_k ${y}_k \\log ${p}_k`,
  },
  {
    title: 'the binary cross-entropy',
    names: /^(bce|binary_?cross_?entropy)$/i,
    outputOf: new Set(['sigma', 'sigmoid']),
    fits: isScalarShape,
    // -(y log ŷ + (1 - y) log(1 - ŷ))
    formula: (y, p, span) => ({
      kind: 'neg',
      arg: binary('add', binary('mul', y, call('log', '\\log', p, span), span), binary('mul', binary('sub', one(span), y, span), call('log', '\\log', binary('sub', one(span), p, span), span), span), span),
      span,
    }),
    latex: (y, p) => `-(${y} \\log ${p} + (1 - ${y}) \\log(1 - ${p}))`,
  },
];

/** The callee as written, without `\text{..}`, `\operatorname{..}` or `\mathrm{..}` around it. */
const bareWord = (text: string) => text.replace(/^\\(?:text|operatorname|mathrm)\s*\{\s*(.*?)\s*\}$/, '$1').replace(/\\_/g, '_');

/** Whether `e` is the output of one of `functions`: a call of it, or a name the scope defines as one. */
function isOutputOf(e: Expr, functions: ReadonlySet<string>, scope: Scope): boolean {
  const formula = e.kind === 'name' ? scope.definitions.get(e.name)?.expr : e;
  return formula?.kind === 'call' && functions.has(formula.callee) && formula.prime === 0;
}

/** Labels are given, never computed: a plain name the question defines by no formula. */
const isGivenName = (e: Expr, scope: Scope): e is Name => e.kind === 'name' && !scope.definitions.has(e.name) && !scope.functions.has(e.name);

/** The loss a call names, its labels and its prediction, when the maths tells the two apart. */
function namedLossOf(e: Call, scope: Scope): { loss: NamedLoss; labels: Name; prediction: Expr } | undefined {
  const loss = LOSSES.find((l) => l.names.test(bareWord(e.calleeText)));
  if (!loss || e.args.length !== 2 || e.prime !== 0 || hasMeaning(scope, e.callee)) return undefined;
  const [first, second] = e.args;
  const predictionFirst = isOutputOf(first, loss.outputOf, scope);
  if (predictionFirst === isOutputOf(second, loss.outputOf, scope)) return undefined;
  const [labels, prediction] = predictionFirst ? [second, first] : [first, second];
  return isGivenName(labels, scope) ? { loss, labels, prediction } : undefined;
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
 * Writes out, in the scope's definitions, each call of a standard loss by name whose labels and prediction the maths
 * tells apart, with a `reading` note at the call. The labels have the prediction's shape: a name whose shape no line
 * states takes it (one label per class), and one stated at another shape leaves the call unread.
 */
export function writeOutNamedLosses(scope: Scope, textOf: (span: Span) => string): void {
  const probe = Lowering.forProblem({ ...scope, diagnostics: [] }, new Builder(new Graph()), { textOf, indexNotation });
  for (const [name, definition] of scope.definitions) {
    let read = false;
    const expr = rewriteExpr(definition.expr, (e) => {
      const named = e.kind === 'call' ? namedLossOf(e, scope) : undefined;
      const shape = named && shapeIn(probe, named.prediction);
      if (!named || !shape || !named.loss.fits(shape)) return undefined;
      const { loss, labels, prediction } = named;
      // A shape the author states must be the prediction's; one solved for from other lines was a guess, which the
      // labels' own place corrects.
      const declared = scope.declarations.get(labels.name);
      const stated = declared && !declared.solved ? declared : undefined;
      if (stated ? !shapesEqual(stated.shape, shape) : !declared && !probe.isUndeclared(labels.name)) return undefined;
      const [y, p] = [labels.text.trim(), textOf(prediction.span).trim()];
      const shaped = !stated && !isScalarShape(shape);
      if (shaped) scope.declarations.set(labels.name, { name: labels.name, shape, span: labels.span, implied: true, solved: true });
      scope.diagnostics.push(
        warning(
          'reading',
          `read ${textOf(e.span).trim()} as ${loss.title} ${loss.latex(y, p)}: ${p} is the prediction and ${y} the labels${shaped ? ` (so ${y} is ${formatShape(shape)}, as ${p} is)` : ''}`,
          e.span,
          `write the loss out (e.g. \`${name} = ${loss.latex(y, p)}\`) if it is another`,
        ),
      );
      read = true;
      return loss.formula(labels, prediction, e.span);
    });
    if (read) scope.definitions.set(name, { ...definition, expr });
  }
}
