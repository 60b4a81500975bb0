// Printing expressions as .cr syntax (re-parses to the same expression) and as LaTeX. `names` maps node
// ids to the names a person defined, so results read `X^T ((a2 - y) W2^T .* a1 .* (1 - a1))` rather
// than the expanded forward expressions. The root itself is never replaced by its own name.
import type { Node } from './types';
import { getOp } from '../ops/index';
import { atom, latexName, type Printed } from '../ops/printing';

/** Printing stops with this error beyond this many characters (DAGs can print exponentially long). */
export const MAX_PRINTED_LENGTH = 4_000_000;

export class PrintLimitError extends Error {}

type Flavor = 'cr' | 'latex';

function printWith(root: Node, names: ReadonlyMap<number, string> | undefined, flavor: Flavor): string {
  const done = new Map<number, Printed>();
  const named = (n: Node) => n !== root && names?.has(n.id) === true;
  const stack: Array<{ node: Node; expanded: boolean }> = [{ node: root, expanded: false }];
  while (stack.length) {
    const top = stack.pop()!;
    const n = top.node;
    if (done.has(n.id)) continue;
    if (named(n)) {
      const name = names!.get(n.id)!;
      done.set(n.id, atom(flavor === 'cr' ? name : latexName(name)));
      continue;
    }
    if (!top.expanded) {
      stack.push({ node: n, expanded: true });
      for (let k = n.args.length - 1; k >= 0; k--) if (!done.has(n.args[k].id)) stack.push({ node: n.args[k], expanded: false });
      continue;
    }
    const args = n.args.map((a) => done.get(a.id)!);
    const def = getOp(n.op);
    const printed = flavor === 'cr' ? def.printCr({ node: n, args }) : def.printLatex({ node: n, args });
    if (printed.text.length > MAX_PRINTED_LENGTH) throw new PrintLimitError(`the expression is too large to print (over ${MAX_PRINTED_LENGTH} characters)`);
    done.set(n.id, printed);
  }
  return done.get(root.id)!.text;
}

/** `.cr` syntax with minimal parentheses: `^T`, `.*`, juxtaposition for products, `/`, SPEC function names. */
export function printCr(node: Node, names?: ReadonlyMap<number, string>): string {
  return printWith(node, names, 'cr');
}

export function printLatex(node: Node, names?: ReadonlyMap<number, string>): string {
  return printWith(node, names, 'latex');
}
