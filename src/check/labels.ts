// The labels of a cross-entropy. A softmax cross-entropy derivation (`L = -\sum_k y_k \log a_k`) ends in
// `a_i - y_i` by using that the labels sum to 1 (`a_i \sum_k y_k - y_i = a_i - y_i`); a TA accepts that,
// since y is one-hot or a distribution. chainrule does not assume it silently: in a document, a step that is
// wrong for arbitrary y but right whenever the labels sum to 1 is correct with a reading that says so.
import type { Expr } from '../syntax/ast';
import type { Node } from '../ir/types';
import { isScalarShape } from '../ir/types';
import { findInExpr } from '../syntax/walk';
import { arrayNameOf } from '../resolve/indexNotation';
import type { Scope } from '../resolve/scope';
import { holdsUnder } from './evaluator';
import type { ReadingJson } from './report';
import type { ClaimCheck } from './claim';

interface Labels {
  name: string;
  /** The name as written in the loss, and where. */
  written: Extract<Expr, { kind: 'name' }>;
}

const stripNeg = (e: Expr): Expr => (e.kind === 'neg' ? stripNeg(e.arg) : e);
const hasLog = (e: Expr) => findInExpr(e, (x) => x.kind === 'call' && (x.callee === 'log' || x.callee === 'ln')) !== undefined;

/** `y^T \log a` is the same weighting as `\sum_k y_k \log a_k`. */
const stripTranspose = (e: Expr): Expr => (e.kind === 'transpose' && !e.prime ? e.arg : e);

/** `y_k \log a_k`, `\log(a) y`, `y^T \log a`: the name multiplying a logarithm in a product. */
function labelOfProduct(e: Expr): Extract<Expr, { kind: 'name' }> | undefined {
  if (e.kind !== 'binary' || (e.op !== 'mul' && e.op !== 'hadamard')) return undefined;
  const [left, right] = [stripTranspose(stripNeg(e.left)), stripTranspose(stripNeg(e.right))];
  if (left.kind === 'name' && hasLog(right)) return left;
  if (right.kind === 'name' && hasLog(left)) return right;
  return undefined;
}

/** `1 - y`: the labels of a binary cross-entropy, which are not a distribution over classes. */
function complemented(e: Expr, name: string): boolean {
  return findInExpr(e, (x) => x.kind === 'binary' && x.op === 'sub' && x.right.kind === 'name' && arrayNameOf(x.right.name, x.right.text) === name) !== undefined;
}

// The names of labels and target distributions (`-\sum y \log a`, `H(p, q) = -\sum p \log q`); weights or counts
// beside a logarithm (`\sum_i n_i \log p_i`, a likelihood of counts) do not sum to 1. A batch's labels are a
// matrix `Y_{ic}` (`T_{nk}`), one row per sample: each row sums to 1, as the domain `simplex` samples them.
const LABEL_NAMES = /^[ytpqYT]$/;

/**
 * The arrays (never scalars) that multiply a logarithm in one of the scope's definitions or function bodies (`L(W) =
 * -y^T \log p`), without a `1 - y` beside them.
 */
export function crossEntropyLabels(scope: Scope): Labels[] {
  const found = new Map<string, Labels>();
  const bodies = [...[...scope.definitions.values()].map((d) => d.expr), ...[...scope.functions.values()].flatMap((f) => (f.body ? [f.body] : []))];
  for (const body of bodies) {
    findInExpr(body, (x) => {
      const written = labelOfProduct(x);
      const name = written && arrayNameOf(written.name, written.text);
      const declared = name ? scope.declarations.get(name) : undefined;
      if (written && name && LABEL_NAMES.test(name) && declared && !declared.domain && !isScalarShape(declared.shape) && !complemented(body, name) && !found.has(name)) {
        found.set(name, { name, written });
      }
      return false;
    });
  }
  return [...found.values()];
}

/** The reading under which a wrong step holds (the labels of a cross-entropy sum to 1), or undefined. */
export function labelsReading({ truth, ctx }: ClaimCheck, node: Node): ReadingJson | undefined {
  const scope = ctx.scope;
  for (const labels of crossEntropyLabels(scope)) {
    const declared = scope.declarations.get(labels.name)!;
    // A matrix of labels has one sample per row (`Y_{ic}`) or, classes first (`Y_{ci}`, Y : C x m), per column.
    const matrix = declared.shape[0] !== 1 && declared.shape[1] !== 1;
    for (const domain of matrix ? (['simplex', 'simplex-columns'] as const) : (['simplex'] as const)) {
      const declarations = new Map(scope.declarations);
      declarations.set(labels.name, { ...declared, domain });
      if (!holdsUnder(ctx.lowering.b.graph, { ...scope, declarations }, ctx.calculus.derivedLeaves, ctx.seed, truth.value, truth.forms, node)) continue;
      const { span, text } = labels.written;
      const byColumns = domain === 'simplex-columns';
      return {
        line: span.line, column: span.column, written: text.trim(), readAs: `${labels.name} (simplex${byColumns ? ' by columns' : ''})`,
        why: `${labels.name} taken as the labels of the cross-entropy, which sum to 1 (one-hot${byColumns ? ', one sample per column' : ''}): this step holds only then`,
      };
    }
  }
  return undefined;
}
