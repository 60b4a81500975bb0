// Calls of abstract functions (docs/index-notation.md): `f1(w1, x)` applies its instance entry by entry over
// the broadcast arguments, `C(w)` is a scalar of whole arrays. `f'(x)` of an entrywise function of one
// argument is its derivative, entry by entry.
import type { Expr } from '../syntax/ast';
import type { Node } from '../ir/types';
import { ShapeError, formatShape } from '../ir/types';
import { error } from '../diagnostics';
import type { AbstractFunction } from './scope';
import { LowerError, type Lowering } from './lower';

export function lowerAbstractCall(lowering: Lowering, fn: AbstractFunction, e: Extract<Expr, { kind: 'call' }>, args: Node[]): Node {
  if (fn.params && fn.params.length !== args.length) {
    throw new LowerError(error('arity', `${e.calleeText} takes ${fn.params.length} argument${fn.params.length === 1 ? '' : 's'}, not ${args.length}`, e.span));
  }
  if (args.length === 0) throw new LowerError(error('arity', `${e.calleeText} needs an argument`, e.span));
  if (e.prime > 0 && (fn.kind !== 'entrywise' || args.length !== 1)) {
    throw new LowerError(error('arity', `${e.calleeText}' is defined only for functions of one variable applied entry by entry`, e.span));
  }
  try {
    if (fn.kind === 'scalar') return lowering.b.make('abstract_scalar', args, { name: fn.name });
    const path = Array.from({ length: e.prime }, () => '0').join(',');
    return lowering.b.make('abstract', args, { name: fn.name, path });
  } catch (err) {
    if (!(err instanceof ShapeError)) throw err;
    const shapes = args.map((a) => formatShape(a.shape)).join(', ');
    throw new LowerError(
      error('shape-mismatch', `${e.calleeText} applies entry by entry, so its arguments must broadcast together, not ${shapes}`, e.span, `declare it \`${e.calleeText}(…) : scalar\` for a scalar function of whole arrays`),
    );
  }
}
