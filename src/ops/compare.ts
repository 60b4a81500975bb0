// Elementwise max/min and comparisons. Comparisons give 0/1 masks with zero derivative; the VJPs of
// max and min route the adjoint through such masks (ties go to the first argument).
import type { OpDef } from './types';
import type { Builder } from '../ir/build';
import type { Node, Shape } from '../ir/types';
import { elementwiseShape } from './helpers';
import { fillValue } from '../ir/inspect';
import { elementwiseOnLiterals } from '../ir/literal';
import { zip } from '../numeric/matrix';
import { Prec, atLeast, atom, call, infix, latexCall, latexInfix, type Printed } from './printing';
import type { Comparison } from '../ir/build';

/** Constant folding, and entrywise application on small literals. */
function foldBinary(op: string, f: (p: number, q: number) => number) {
  return (bb: Builder, [x, y]: readonly Node[], _attrs: unknown, shape: Shape): Node | undefined => {
    const vx = fillValue(x);
    const vy = fillValue(y);
    if (vx !== undefined && vy !== undefined) return bb.fillOf(f(vx, vy), shape);
    return elementwiseOnLiterals(bb, [x, y], shape, ([p, q]) => bb.make(op, [p, q]));
  };
}

function extremumOp(name: 'max' | 'min', f: (p: number, q: number) => number, firstWins: Comparison, secondWins: Comparison): OpDef {
  const fold = foldBinary(name, f);
  return {
    name,
    arity: 2,
    spellings: [name],
    latexCommands: [`\\${name}`],
    elementwise: true,
    kink: true,
    shape: elementwiseShape(name),
    rewrite: (b, args, attrs, shape) => (args[0] === args[1] ? args[0] : fold(b, args, attrs, shape)),
    evaluate: ([a, c]) => zip(a, c, f),
    vjp: (b, node, g, wanted) => {
      const [x, y] = node.args;
      return [
        wanted[0] ? b.unbroadcast(b.hadamard(g, b.compare(firstWins, x, y)), x.shape) : undefined,
        wanted[1] ? b.unbroadcast(b.hadamard(g, b.compare(secondWins, x, y)), y.shape) : undefined,
      ];
    },
    printCr: ({ args }) => call(name, args),
    printLatex: ({ args }) => latexCall(`\\${name}`, args),
  };
}

export const maxOp = extremumOp('max', Math.max, 'ge', 'lt');
export const minOp = extremumOp('min', Math.min, 'le', 'gt');

const COMPARISONS: ReadonlyArray<[Comparison, string, string, (p: number, q: number) => boolean]> = [
  ['gt', '>', '>', (p, q) => p > q],
  ['ge', '>=', '\\geq', (p, q) => p >= q],
  ['lt', '<', '<', (p, q) => p < q],
  ['le', '<=', '\\leq', (p, q) => p <= q],
  ['eq', '=', '=', (p, q) => p === q],
  ['ne', '≠', '\\neq', (p, q) => p !== q],
];

function latexMask(l: Printed, sym: string, r: Printed): Printed {
  // Iverson bracket: [h > 0] is 1 where h > 0.
  return { text: `\\mathbb{1}\\left[${latexInfix(l, sym, r, Prec.Compare).text}\\right]`, prec: Prec.Atom };
}

const FLIPPED: Record<Comparison, Comparison> = { gt: 'lt', lt: 'gt', ge: 'le', le: 'ge', eq: 'eq', ne: 'ne' };

export const comparisonOps: OpDef[] = COMPARISONS.map(([name, sym, latexSym, test]) => {
  const f = (p: number, q: number) => (test(p, q) ? 1 : 0);
  const folded = foldBinary(name, f);
  // A constant goes on the right: 0 < h is written h > 0.
  const fold = (b: Builder, args: readonly Node[], attrs: unknown, shape: Shape): Node | undefined =>
    folded(b, args, attrs, shape) ?? (fillValue(args[0]) !== undefined && fillValue(args[1]) === undefined ? b.compare(FLIPPED[name], args[1], args[0]) : undefined);
  return {
    name,
    arity: 2,
    elementwise: true,
    kink: name !== 'eq' && name !== 'ne', // an equality mask changes only at exact equality, which samples miss
    shape: elementwiseShape(name),
    rewrite: fold,
    evaluate: ([a, c]) => zip(a, c, f),
    vjp: () => [undefined, undefined],
    // Comparisons do not chain in the grammar: (a < b) <= c keeps its parentheses. An equality is
    // only written as an indicator, 1(a = b).
    printCr: ({ args: [l, r] }) =>
      name === 'eq' || name === 'ne' ? atom(`1(${atLeast(l, Prec.Sum).text} ${sym} ${atLeast(r, Prec.Sum).text})`) : infix(atLeast(l, Prec.Sum), sym, r, Prec.Compare),
    printLatex: ({ args: [l, r] }) => latexMask(l, latexSym, r),
  };
});
