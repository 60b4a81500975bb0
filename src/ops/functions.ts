// One-argument elementwise functions (exp log sqrt abs sin cos tan tanh sigma relu softplus). Each entry
// gives its float64 value and its derivative as an expression; the VJP is g .* f'(x).
import type { Node } from '../ir/types';
import type { OpDef } from './types';
import type { Builder } from '../ir/build';
import { sameShape } from './helpers';
import { fillValue } from '../ir/inspect';
import { elementwiseOnLiterals } from '../ir/literal';
import { map } from '../numeric/matrix';
import { atom, call, latexCall, type Printed } from './printing';

export interface UnaryFunctionSpec {
  name: string;
  f(x: number): number;
  /** f'(x) as an expression; `out` is the node f(x) itself, so σ' = σ (1 - σ) reuses a2 for σ(h2). */
  derivative(b: Builder, x: Node, out: Node): Node;
  latex(arg: Printed): Printed;
  /** Inverse pairs that cancel: log(exp(x)) = x. */
  cancels?: string;
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

export const UNARY_FUNCTIONS: readonly UnaryFunctionSpec[] = [
  { name: 'exp', f: Math.exp, derivative: (_b, _x, out) => out, latex: named('\\exp'), cancels: 'log' },
  { name: 'log', f: Math.log, derivative: (b, x) => b.div(1, x), latex: named('\\log'), cancels: 'exp' },
  { name: 'sqrt', f: Math.sqrt, derivative: (b, _x, out) => b.div(1, b.hadamard(2, out)), latex: (a) => atom(`\\sqrt{${a.text}}`) },
  { name: 'abs', f: Math.abs, derivative: (b, x) => b.sub(b.compare('gt', x, 0), b.compare('lt', x, 0)), latex: (a) => atom(`\\left|${a.text}\\right|`) },
  { name: 'sin', f: Math.sin, derivative: (b, x) => b.apply('cos', x), latex: named('\\sin') },
  { name: 'cos', f: Math.cos, derivative: (b, x) => b.neg(b.apply('sin', x)), latex: named('\\cos') },
  { name: 'tan', f: Math.tan, derivative: (b, _x, out) => b.add(1, b.pow(out, 2)), latex: named('\\tan') },
  { name: 'tanh', f: Math.tanh, derivative: (b, _x, out) => b.sub(1, b.pow(out, 2)), latex: named('\\tanh') },
  { name: 'sigma', f: sigmoid, derivative: (b, _x, out) => b.hadamard(out, b.sub(1, out)), latex: named('\\sigma') },
  { name: 'relu', f: (x) => (x > 0 ? x : 0), derivative: (b, x) => b.compare('gt', x, 0), latex: named('\\operatorname{relu}') },
  { name: 'softplus', f: softplus, derivative: (b, x) => b.apply('sigma', x), latex: named('\\operatorname{softplus}') },
];

function unaryOp(spec: UnaryFunctionSpec): OpDef & { derivative: UnaryFunctionSpec['derivative'] } {
  return {
    name: spec.name,
    arity: 1,
    elementwise: true,
    derivative: spec.derivative,
    shape: sameShape,
    rewrite: (b, [x], _attrs, shape) => {
      const v = fillValue(x);
      if (v !== undefined) {
        const r = spec.f(v);
        if (Number.isFinite(r)) return b.fillOf(r, shape);
      }
      if (spec.cancels && x.op === spec.cancels) return x.args[0];
      if ((spec.name === 'abs' || spec.name === 'relu') && x.op === spec.name) return x;
      return elementwiseOnLiterals(b, [x], shape, ([p]) => b.apply(spec.name, p));
    },
    evaluate: ([a]) => map(a, spec.f),
    vjp: (b, node, g, wanted) => [wanted[0] ? b.hadamard(g, spec.derivative(b, node.args[0], node)) : undefined],
    printCr: ({ args }) => call(spec.name, args),
    printLatex: ({ args: [a] }) => spec.latex(a),
  };
}

export const unaryFunctionOps = UNARY_FUNCTIONS.map(unaryOp);

/** f'(x) for a one-argument builtin, as an expression (sigma'(x) = sigma(x) .* (1 - sigma(x))). */
export function unaryDerivative(b: Builder, name: string, x: Node): Node {
  const spec = UNARY_FUNCTIONS.find((s) => s.name === name);
  if (!spec) throw new Error(`${name} is not a one-argument elementwise function`);
  return spec.derivative(b, x, b.apply(name, x));
}
