// Derivative references to abstract functions (docs/index-notation.md). `∂f2/∂f1` is the partial
// derivative of f2 with respect to the argument slot that f1's value fills, at the point where f2 is
// called; `∂f1/∂w1` the partial in the slot that holds w1. The call is found in the graph of the claim's
// function (Lowering.callRoots), so the reference means what the author sees in their own formula.
import type { Expr } from '../syntax/ast';
import type { Node } from '../ir/types';
import { isScalarShape } from '../ir/types';
import { isVectorShape } from '../ir/dims';
import { topologicalOrder } from '../ir/inspect';
import { error } from '../diagnostics';
import { LowerError, type Lowering } from '../resolve/lower';
import type { DerivativeMeaning, DerivativeRef } from './meaning';
import { meaningOfNodes } from './meaning';

/** A call (not a derivative) of the abstract function `name`. */
function isCallOf(n: Node, name?: string): boolean {
  return ((n.op === 'abstract' && !n.attrs.path) || n.op === 'abstract_scalar') && (name === undefined || n.attrs.name === name);
}

function abstractName(e: Expr, lowering: Lowering): string | undefined {
  return e.kind === 'name' && lowering.scope.abstractFunctions.has(e.name) ? e.name : undefined;
}

/** The nodes searched for calls: the claim's function, else every definition that lowers. */
function rootsOf(lowering: Lowering): readonly Node[] {
  if (lowering.callRoots) return lowering.callRoots;
  const roots: Node[] = [];
  for (const name of lowering.scope.definitions.keys()) {
    try {
      roots.push(lowering.definitionNode(name));
    } catch (err) {
      if (!(err instanceof LowerError)) throw err;
    }
  }
  return roots;
}

/** The one call of `name` (narrowed by `wants` when several), or an error naming the problem. */
function findCall(name: string, text: string, lowering: Lowering, span: Expr['span'], wants: (call: Node) => boolean): Node {
  const calls = topologicalOrder(rootsOf(lowering)).filter((n) => isCallOf(n, name));
  const narrowed = calls.length > 1 ? calls.filter(wants) : calls;
  if (narrowed.length === 1) return narrowed[0];
  if (calls.length === 0) throw new LowerError(error('unknown-function', `${text} is not called in the function being differentiated, so ∂${text} has no point to be taken at`, span));
  throw new LowerError(error('unknown-function', `${text} is called ${calls.length} times with different arguments, so ∂${text} is ambiguous`, span, `name the call you mean (a = ${text}(…)) and differentiate a`));
}

/**
 * The meaning of a reference whose function or variable is an abstract function, or undefined when it names
 * none (then it is an ordinary derivative).
 */
export function abstractMeaning(ref: DerivativeRef, lowering: Lowering): DerivativeMeaning | undefined {
  if (ref.wrt.length !== 1 || (ref.form !== 'frac' && ref.form !== 'operator')) return undefined;
  const [wrtExpr] = ref.wrt;
  const ofName = abstractName(ref.of, lowering);
  const wrtName = abstractName(wrtExpr, lowering);
  if (!ofName && !wrtName) return undefined;
  const b = lowering.b;
  const textOf = (e: Expr) => lowering.options.textOf(e.span).trim();
  // The variable: a call of an abstract function (`∂E/∂f1`, `∂f2/∂f1`), or an ordinary expression.
  const wrtCalls = (call: Node) => call.args.some((a) => isCallOf(a, wrtName));
  const wrtNode = (within?: Node): Node => {
    if (!wrtName) return lowering.lower(wrtExpr);
    if (within) {
      const slots = within.args.filter((a) => isCallOf(a, wrtName));
      if (slots.length === 1) return slots[0];
    }
    return findCall(wrtName, textOf(wrtExpr), lowering, wrtExpr.span, () => true);
  };
  if (!ofName) {
    const of = lowering.lower(ref.of);
    return meaningOfNodes(ref, of, [wrtNode()], lowering);
  }
  const plainWrt = wrtName ? undefined : lowering.lower(wrtExpr);
  const call = findCall(ofName, textOf(ref.of), lowering, ref.of.span, (c) => (plainWrt ? c.args.includes(plainWrt) : wrtCalls(c)));
  const x = plainWrt ?? wrtNode(call);
  const slots = call.args.flatMap((a, k) => (a.id === x.id ? [k] : []));
  // Not an argument of the call itself (∂f2/∂w1 through f1): the total derivative of the call's value.
  if (slots.length !== 1) return meaningOfNodes(ref, call, [x], lowering);
  const [k] = slots;
  const partial = call.op === 'abstract' ? b.make('abstract', call.args, { name: ofName, path: String(k) }) : b.make('abstract_dir', call.args, { name: ofName, path: `;${k}` });
  if (isScalarShape(partial.shape) || call.op === 'abstract_scalar') return { kind: 'gradient', of: call, wrt: [x], forms: [partial], shape: partial.shape };
  // Entry by entry over a vectorised call: the diagonal of the Jacobian, as an array (SPEC 1.5); shaped like
  // the argument only when that is not broadcast.
  const forms = isVectorShape(partial.shape) && partial.shape[1] === 1 && x.shape[0] === partial.shape[0] && x.shape[1] === 1 ? [partial, b.diag(partial)] : [partial];
  return { kind: 'elementwise', of: call, wrt: [x], forms, shape: partial.shape };
}
