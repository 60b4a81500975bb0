// One-argument elementwise functions (exp log sqrt abs sin cos tan sec csc cot arcsin arccos arctan tanh cosh sinh erf sigma relu
// softplus).
// Each entry is the whole primitive: how authors write it, its float64 value, its derivative as an
// expression (the VJP is g .* f'(x)), its LaTeX, and the local rewrites that are sound for it.
import { isScalarShape, type Node } from '../ir/types';
import type { OpDef } from './types';
import type { Builder } from '../ir/build';
import { foldsInRange, sameShape } from './helpers';
import { fillValue } from '../ir/inspect';
import { elementwiseOnLiterals } from '../ir/literal';
import { erf, map } from '../numeric/matrix';
import { atom, call, latexCall, type Printed } from './printing';

export interface UnaryFunctionSpec {
  name: string;
  /** Other spellings (`ln`, `sigmoid`). */
  aliases?: readonly string[];
  /** LaTeX operator commands read as this function (`\cosh`); every spelling is also read from `\operatorname{..}`. */
  commands?: readonly string[];
  f(x: number): number;
  /** f'(x) as an expression; `out` is the node f(x) itself, so σ' = σ (1 - σ) reuses a2 for σ(h2). */
  derivative(b: Builder, x: Node, out: Node): Node;
  /** `node` is the application printed: bars around an array would read back as its determinant or a length. */
  latex(arg: Printed, node: Node): Printed;
  /** f(-x) = f(x) or -f(x): the minus moves out, so cosh(-x) is the node cosh(x). */
  parity?: 'even' | 'odd';
  /** A sound rewrite of f(x) by what x is: log(exp(x)) = x, relu(relu(x)) = relu(x). */
  simplify?(b: Builder, x: Node): Node | undefined;
  /** Not differentiable at 0 (OpDef.kink). */
  kink?: boolean;
  /** Where f is exactly 0 (default: at 0), so that a folded 0 elsewhere is an underflow, not a value. */
  exactZero?(x: number): boolean;
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

export function softplus(x: number): number {
  // log(1 + e^x) without overflow.
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function named(cmd: string) {
  return (arg: Printed): Printed => latexCall(cmd, [arg]);
}

const idempotent = (name: string) => (_b: Builder, x: Node) => (x.op === name ? x : undefined);

export const UNARY_FUNCTIONS: readonly UnaryFunctionSpec[] = [
  {
    name: 'exp', commands: ['\\exp'], f: Math.exp, derivative: (_b, _x, out) => out, latex: named('\\exp'),
    simplify: (_b, x) => (x.op === 'log' ? x.args[0] : undefined),
  },
  {
    name: 'log', aliases: ['ln'], commands: ['\\log', '\\ln'], f: Math.log, exactZero: (x) => x === 1, derivative: (b, x) => b.div(1, x), latex: named('\\log'),
    // log |det A| is the log-determinant.
    simplify: (b, x) => (x.op === 'exp' ? x.args[0] : x.op === 'abs' && x.args[0].op === 'det' ? b.apply('logdet', x.args[0].args[0]) : undefined),
  },
  { name: 'sqrt', f: Math.sqrt, derivative: (b, _x, out) => b.div(1, b.hadamard(2, out)), latex: (a) => atom(`\\sqrt{${a.text}}`) },
  {
    name: 'abs', f: Math.abs, derivative: (b, x) => b.sub(b.compare('gt', x, 0), b.compare('lt', x, 0)), latex: (a, node) => (isScalarShape(node.shape) ? atom(`\\left|${a.text}\\right|`) : latexCall('\\operatorname{abs}', [a])),
    parity: 'even', simplify: idempotent('abs'), kink: true,
  },
  { name: 'sin', commands: ['\\sin'], f: Math.sin, derivative: (b, x) => b.apply('cos', x), latex: named('\\sin'), parity: 'odd' },
  { name: 'cos', commands: ['\\cos'], f: Math.cos, derivative: (b, x) => b.neg(b.apply('sin', x)), latex: named('\\cos'), parity: 'even' },
  { name: 'tan', commands: ['\\tan'], f: Math.tan, derivative: (b, _x, out) => b.add(1, b.pow(out, 2)), latex: named('\\tan'), parity: 'odd' },
  { name: 'sec', commands: ['\\sec'], f: (x) => 1 / Math.cos(x), derivative: (b, x, out) => b.hadamard(out, b.apply('tan', x)), latex: named('\\sec'), parity: 'even' },
  { name: 'csc', commands: ['\\csc'], f: (x) => 1 / Math.sin(x), derivative: (b, x, out) => b.neg(b.hadamard(out, b.apply('cot', x))), latex: named('\\csc'), parity: 'odd' },
  { name: 'cot', commands: ['\\cot'], f: (x) => 1 / Math.tan(x), derivative: (b, _x, out) => b.neg(b.add(1, b.pow(out, 2))), latex: named('\\cot'), parity: 'odd' },
  // Defined on [-1, 1] only: sample points outside are drawn again, as for log and sqrt.
  { name: 'arcsin', aliases: ['asin'], commands: ['\\arcsin'], f: Math.asin, derivative: (b, x) => b.div(1, b.apply('sqrt', b.sub(1, b.pow(x, 2)))), latex: named('\\arcsin'), parity: 'odd' },
  { name: 'arccos', aliases: ['acos'], commands: ['\\arccos'], f: Math.acos, exactZero: (x) => x === 1, derivative: (b, x) => b.neg(b.div(1, b.apply('sqrt', b.sub(1, b.pow(x, 2))))), latex: named('\\arccos') },
  { name: 'arctan', aliases: ['atan'], commands: ['\\arctan'], f: Math.atan, derivative: (b, x) => b.div(1, b.add(1, b.pow(x, 2))), latex: named('\\arctan'), parity: 'odd' },
  { name: 'tanh', commands: ['\\tanh'], f: Math.tanh, derivative: (b, _x, out) => b.sub(1, b.pow(out, 2)), latex: named('\\tanh'), parity: 'odd' },
  { name: 'cosh', commands: ['\\cosh'], f: Math.cosh, derivative: (b, x) => b.apply('sinh', x), latex: named('\\cosh'), parity: 'even' },
  { name: 'sinh', commands: ['\\sinh'], f: Math.sinh, derivative: (b, x) => b.apply('cosh', x), latex: named('\\sinh'), parity: 'odd' },
  {
    // erf'(x) = 2/√π exp(-x²).
    name: 'erf', f: erf, derivative: (b, x) => b.hadamard(2 / Math.sqrt(Math.PI), b.apply('exp', b.neg(b.pow(x, 2)))),
    latex: named('\\operatorname{erf}'), parity: 'odd',
  },
  { name: 'sigma', aliases: ['sigmoid', 'σ'], f: sigmoid, derivative: (b, _x, out) => b.hadamard(out, b.sub(1, out)), latex: named('\\sigma') },
  {
    name: 'relu', f: (x) => (x > 0 ? x : 0), exactZero: (x) => x <= 0, derivative: (b, x) => b.compare('gt', x, 0), latex: named('\\operatorname{relu}'),
    simplify: idempotent('relu'), kink: true,
  },
  { name: 'softplus', f: softplus, derivative: (b, x) => b.apply('sigma', x), latex: named('\\operatorname{softplus}') },
];

function rewrite(spec: UnaryFunctionSpec, b: Builder, x: Node): Node | undefined {
  if (spec.parity && x.op === 'neg') {
    const inner = b.apply(spec.name, x.args[0]);
    return spec.parity === 'even' ? inner : b.neg(inner);
  }
  return spec.simplify?.(b, x);
}

function unaryOp(spec: UnaryFunctionSpec): OpDef & { derivative: UnaryFunctionSpec['derivative'] } {
  return {
    name: spec.name,
    arity: 1,
    spellings: [spec.name, ...(spec.aliases ?? [])],
    latexCommands: spec.commands,
    elementwise: true,
    kink: spec.kink,
    derivative: spec.derivative,
    shape: sameShape,
    rewrite: (b, [x], _attrs, shape) => {
      const v = fillValue(x);
      if (v !== undefined) {
        const r = spec.f(v);
        if (foldsInRange(r, spec.exactZero ? spec.exactZero(v) : v === 0)) return b.fillOf(r, shape);
      }
      return rewrite(spec, b, x) ?? elementwiseOnLiterals(b, [x], shape, ([p]) => b.apply(spec.name, p));
    },
    evaluate: ([a]) => map(a, spec.f),
    vjp: (b, node, g, wanted) => [wanted[0] ? b.hadamard(g, spec.derivative(b, node.args[0], node)) : undefined],
    printCr: ({ args }) => call(spec.name, args),
    printLatex: ({ args: [a], node }) => spec.latex(a, node),
  };
}

export const unaryFunctionOps = UNARY_FUNCTIONS.map(unaryOp);

/** f'(x) for a one-argument builtin, as an expression (sigma'(x) = sigma(x) .* (1 - sigma(x))). */
export function unaryDerivative(b: Builder, name: string, x: Node): Node {
  const spec = UNARY_FUNCTIONS.find((s) => s.name === name);
  if (!spec) throw new Error(`${name} is not a one-argument elementwise function`);
  return spec.derivative(b, x, b.apply(name, x));
}
