// Reductions to a scalar: sum, mean, trace, norm (Euclidean / Frobenius, not squared), dot.
import type { Node } from '../ir/types';
import { ShapeError, formatShape, isScalarShape, shapesEqual, SCALAR } from '../ir/types';
import type { OpDef } from './types';
import { requireSquare, scalarShape } from './helpers';
import { fillValue, isScalar } from '../ir/inspect';
import { gridOf, isLiteralNode } from '../ir/literal';
import { scalar, sumAll, zip } from '../numeric/matrix';
import { call, latexCall, atom, type Printed } from './printing';
import type { Builder } from '../ir/build';

function addEntries(b: Builder, entries: readonly Node[]): Node {
  return entries.reduce((acc, x) => b.add(acc, x));
}

export const sumOp: OpDef = {
  name: 'sum',
  arity: 1,
  spellings: ['sum'],
  shape: scalarShape,
  rewrite: (b, [x]) => {
    if (isScalarShape(x.shape)) return x;
    const v = fillValue(x);
    if (v !== undefined) return b.hadamard(v, b.numel(x.shape));
    if (x.op === 'neg') return b.neg(b.sum(x.args[0]));
    if (x.op === 'hadamard' && isScalar(x.args[0])) return b.hadamard(x.args[0], b.sum(x.args[1]));
    if (x.op === 'div' && isScalar(x.args[1])) return b.div(b.sum(x.args[0]), x.args[1]);
    if (x.op === 'transpose' || x.op === 'sumrows' || x.op === 'sumcols') return b.sum(x.args[0]);
    if (x.op === 'embed') return x.args[0];
    if (isLiteralNode(x)) {
      const g = gridOf(b, x);
      if (g) return addEntries(b, g.flat());
    }
    return undefined;
  },
  evaluate: ([a]) => scalar(sumAll(a)),
  vjp: (b, node, g, wanted) => [wanted[0] ? b.broadcastTo(g, node.args[0].shape) : undefined],
  printCr: ({ args }) => call('sum', args),
  printLatex: ({ args }) => latexCall('\\operatorname{sum}', args),
};

export const meanOp: OpDef = {
  name: 'mean',
  arity: 1,
  spellings: ['mean'],
  shape: scalarShape,
  rewrite: (_b, [x]) => (isScalarShape(x.shape) ? x : undefined),
  evaluate: ([a]) => scalar(sumAll(a) / a.data.length),
  vjp: (b, node, g, wanted) => {
    const s = node.args[0].shape;
    return [wanted[0] ? b.broadcastTo(b.div(g, b.numel(s)), s) : undefined];
  },
  printCr: ({ args }) => call('mean', args),
  printLatex: ({ args }) => latexCall('\\operatorname{mean}', args),
};

export const traceOp: OpDef = {
  name: 'trace',
  arity: 1,
  spellings: ['trace', 'tr'],
  // Not LaTeX's own, but the macro every matrix-calculus text defines (`\newcommand{\tr}{\operatorname{tr}}`).
  latexCommands: ['\\tr', '\\Tr', '\\trace'],
  shape: ([s]) => {
    requireSquare('trace', s);
    return SCALAR;
  },
  rewrite: (b, [x]) => {
    if (isScalarShape(x.shape)) return x;
    if (x.op === 'transpose') return b.trace(x.args[0]);
    if (x.op === 'eye') return b.dim(x.shape[0]);
    if (x.op === 'neg') return b.neg(b.trace(x.args[0]));
    if (x.op === 'hadamard' && isScalar(x.args[0])) return b.hadamard(x.args[0], b.trace(x.args[1]));
    const v = fillValue(x);
    if (v !== undefined) return b.hadamard(v, b.dim(x.shape[0]));
    if (isLiteralNode(x)) {
      const g = gridOf(b, x);
      if (g) return addEntries(b, g.map((row, i) => row[i]));
    }
    return undefined;
  },
  evaluate: ([a]) => {
    let t = 0;
    for (let i = 0; i < a.rows; i++) t += a.data[i * a.cols + i];
    return scalar(t);
  },
  vjp: (b, node, g, wanted) => [wanted[0] ? b.hadamard(g, b.eye(node.args[0].shape[0])) : undefined],
  printCr: ({ args }) => call('trace', args),
  printLatex: ({ args }) => latexCall('\\operatorname{tr}', args),
};

export const normOp: OpDef = {
  name: 'norm',
  arity: 1,
  spellings: ['norm'],
  shape: scalarShape,
  rewrite: (b, [x]) => (isScalarShape(x.shape) ? b.apply('abs', x) : undefined),
  evaluate: ([a]) => {
    let s = 0;
    for (let k = 0; k < a.data.length; k++) s += a.data[k] * a.data[k];
    return scalar(Math.sqrt(s));
  },
  vjp: (b, node, g, wanted) => [wanted[0] ? b.div(b.hadamard(g, node.args[0]), node) : undefined],
  printCr: ({ args }) => call('norm', args),
  printLatex: ({ args: [a] }): Printed => atom(`\\left\\lVert ${a.text}\\right\\rVert`),
};

/** The inner product of two same-shaped arrays (vectors in SPEC; matrices give the Frobenius product). */
export const dotOp: OpDef = {
  name: 'dot',
  arity: 2,
  spellings: ['dot'],
  shape: ([a, c]) => {
    if (!shapesEqual(a, c)) throw new ShapeError('dot', [a, c], `dot needs two arrays of the same shape, not ${formatShape(a)} and ${formatShape(c)}`);
    return SCALAR;
  },
  rewrite: (b, [x, y]) => (isScalarShape(x.shape) ? b.hadamard(x, y) : undefined),
  evaluate: ([a, c]) => scalar(sumAll(zip(a, c, (p, q) => p * q))),
  vjp: (b, node, g, wanted) => {
    const [x, y] = node.args;
    return [wanted[0] ? b.hadamard(g, y) : undefined, wanted[1] ? b.hadamard(g, x) : undefined];
  },
  printCr: ({ args }) => call('dot', args),
  printLatex: ({ args: [l, r] }) => ({ text: `${l.text} \\cdot ${r.text}`, prec: 60 }),
};
