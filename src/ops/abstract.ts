// Abstract functions (docs/index-notation.md): functions with no formula, `f1, f2 : function` and
// `C(w) : scalar`. Their values come from fixed smooth instances (numeric/abstract.ts); their derivatives
// are ops of the same family, so reverse mode works to any order and results print as derivative
// references (`df2/df1`) instead of the instance's formula.
//
//  - abstract      f(x_1, ..., x_n) entry by entry over the broadcast arguments; attrs.path lists the
//                  argument slots differentiated ('' the value, '1' d/dx_2, '0,1' d^2/dx_1 dx_2).
//  - abstract_scalar  C(x_1, ..., x_n), a scalar of whole arrays.
//  - abstract_dir  derivatives of C: args (g_1, ..., g_m, x_1, ..., x_n), attrs.path 'k_1,...,k_m;l': the
//                  derivative of order m + 1 contracted with g_j along slot k_j, shaped like x_l (m = 0: the
//                  gradient with respect to x_l).
import type { Node, Shape } from '../ir/types';
import { ShapeError, formatShape, shapesEqual, SCALAR } from '../ir/types';
import type { OpDef } from './types';
import { broadcastShapes } from '../ir/dims';
import { evaluateEntrywise, evaluateScalarDerivative, evaluateScalarFunction } from '../numeric/abstract';
import { atom, latexName, type Printed } from './printing';

function slotsOf(path: string | undefined): number[] {
  return path ? path.split(',').map(Number) : [];
}

/** `k_1,...,k_m;l` → the contracted slots and the output slot. */
function directionsOf(path: string): { slots: number[]; output: number } {
  const [slots, output] = path.split(';');
  return { slots: slotsOf(slots), output: Number(output) };
}

const IDENTIFIER = /^\p{L}[\p{L}\p{N}]*$/u;

/** The name a function is printed by: a loss the maths never defines is op `C#unknown` (src/analysis/unknownTargets.ts), written C. */
function shownName(node: Node): string {
  return node.attrs.name!.replace(/#.*$/, '');
}

/** How argument slot k is named in `df/dSLOT`: its printed name, or the function whose value fills it. */
function slotName(node: Node, args: readonly Printed[], k: number): string | undefined {
  if (IDENTIFIER.test(args[k].text)) return args[k].text;
  const arg = node.args[k];
  const isCall = (arg.op === 'abstract' && !arg.attrs.path) || arg.op === 'abstract_scalar';
  return isCall ? shownName(arg) : undefined;
}

/**
 * A partial derivative in .cr syntax that reads back with the meaning of docs/index-notation.md:
 * `f'(x)` for a function of one argument, `df2/df1` when the slot is named, else `d(f2(a, b))/d(b)`.
 */
function printPartial(node: Node, args: readonly Printed[], path: readonly number[], head: string): string {
  const fn = shownName(node);
  if (args.length === 1) return `${fn}${"'".repeat(path.length)}(${args[0].text})`;
  let text = head;
  path.forEach((k, order) => {
    const slot = slotName(node, args, k);
    text = order === 0 && slot ? `d${fn}/d${slot}` : `d(${text})/d(${args[k].text})`;
  });
  return text;
}

function printLatexPartial(node: Node, args: readonly Printed[], path: readonly number[]): Printed {
  const fn = latexName(shownName(node));
  const slots = path.map((k) => `\\partial ${slotName(node, args, k) ? latexName(slotName(node, args, k)!) : `\\left(${args[k].text}\\right)`}`);
  const order = path.length > 1 ? `^{${path.length}}` : '';
  return atom(`\\frac{\\partial${order} ${fn}}{${slots.join(' ')}}`);
}

function callText(node: Node, args: readonly Printed[]): string {
  return `${shownName(node)}(${args.map((a) => a.text).join(', ')})`;
}

export const abstractOp: OpDef = {
  name: 'abstract',
  arity: 'variadic',
  elementwise: true,
  shape: (args) => args.reduce((acc, s) => broadcastShapes('abstract', acc, s)),
  evaluate: (args, attrs, ctx) => evaluateEntrywise(attrs.name!, slotsOf(attrs.path), args, ctx.rows, ctx.cols),
  vjp: (b, node, g, wanted) =>
    node.args.map((x, l) => {
      if (!wanted[l]) return undefined;
      const path = node.attrs.path ? `${node.attrs.path},${l}` : String(l);
      return b.unbroadcast(b.hadamard(g, b.make('abstract', node.args, { name: node.attrs.name, path })), x.shape);
    }),
  printCr: ({ node, args }) => {
    const path = slotsOf(node.attrs.path);
    return atom(path.length ? printPartial(node, args, path, callText(node, args)) : callText(node, args));
  },
  printLatex: ({ node, args }) => {
    const path = slotsOf(node.attrs.path);
    if (path.length) return printLatexPartial(node, args, path);
    return atom(`${latexName(shownName(node))}\\left(${args.map((a) => a.text).join(', ')}\\right)`);
  },
};

export const abstractScalarOp: OpDef = {
  name: 'abstract_scalar',
  arity: 'variadic',
  shape: () => SCALAR,
  evaluate: (args, attrs) => evaluateScalarFunction(attrs.name!, args),
  vjp: (b, node, g, wanted) => node.args.map((_, l) => (wanted[l] ? b.hadamard(g, b.make('abstract_dir', node.args, { name: node.attrs.name, path: `;${l}` })) : undefined)),
  printCr: ({ node, args }) => atom(callText(node, args)),
  printLatex: ({ node, args }) => atom(`${latexName(shownName(node))}\\left(${args.map((a) => a.text).join(', ')}\\right)`),
};

function checkDirections(args: readonly Shape[], slots: readonly number[], output: number): Shape {
  const m = slots.length;
  const x = args.slice(m);
  const out = x[output];
  if (!out) throw new ShapeError('abstract_dir', args, `no argument ${output + 1}`);
  slots.forEach((k, j) => {
    if (!x[k] || !shapesEqual(args[j], x[k])) throw new ShapeError('abstract_dir', args, `direction ${j + 1} is ${formatShape(args[j])}, not shaped like argument ${k + 1}`);
  });
  return out;
}

export const abstractDirOp: OpDef = {
  name: 'abstract_dir',
  arity: 'variadic',
  shape: (args, attrs) => {
    const { slots, output } = directionsOf(attrs.path ?? ';0');
    return checkDirections(args, slots, output);
  },
  evaluate: (args, attrs) => {
    const { slots, output } = directionsOf(attrs.path!);
    return evaluateScalarDerivative(attrs.name!, slots, output, args.slice(0, slots.length), args.slice(slots.length));
  },
  vjp: (b, node, g, wanted) => {
    const { slots, output } = directionsOf(node.attrs.path!);
    const m = slots.length;
    const directions = node.args.slice(0, m);
    const xs = node.args.slice(m);
    const name = node.attrs.name;
    return node.args.map((_, i) => {
      if (!wanted[i]) return undefined;
      if (i < m) {
        // Symmetric in its directions: trading g_i for the cotangent moves slot k_i to the output.
        const rest = directions.filter((_, j) => j !== i);
        const restSlots = slots.filter((_, j) => j !== i);
        return b.make('abstract_dir', [...rest, g, ...xs], { name, path: `${[...restSlots, output].join(',')};${slots[i]}` });
      }
      return b.make('abstract_dir', [...directions, g, ...xs], { name, path: `${[...slots, output].join(',')};${i - m}` });
    });
  },
  printCr: ({ node, args }) => {
    const { slots, output } = directionsOf(node.attrs.path!);
    const m = slots.length;
    const xs = args.slice(m);
    const inner = { ...node, args: node.args.slice(m) };
    // Slots in the order they are differentiated: the contracted ones, then the output.
    const order = [...slots, output];
    const first = slotName(inner, xs, order[0]);
    let text = first ? `d${shownName(node)}/d${first}` : `d(${shownName(node)}(${xs.map((a) => a.text).join(', ')}))/d(${xs[order[0]].text})`;
    // Higher orders (rare): the gradient of the inner product of a direction with the lower derivative.
    for (let j = 0; j < m; j++) text = `d(sum(${args[j].text} .* ${text}))/d(${xs[order[j + 1]].text})`;
    return atom(text);
  },
  printLatex: ({ node, args }) => {
    const { slots, output } = directionsOf(node.attrs.path!);
    const xs = args.slice(slots.length);
    return printLatexPartial({ ...node, args: node.args.slice(slots.length) }, xs, [output, ...slots]);
  },
};
