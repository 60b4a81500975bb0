// softmax and logsumexp: over all entries of a row or column vector; per row of a B x C matrix
// (samples are rows), where softmax keeps the shape and logsumexp gives B x 1.
import type { Matrix, Shape } from '../ir/types';
import { isScalarShape, SCALAR } from '../ir/types';
import type { OpDef } from './types';
import type { Node } from '../ir/types';
import type { Builder } from '../ir/build';
import { sameShape } from './helpers';
import { zeros } from '../numeric/matrix';
import { call, latexCall } from './printing';

/** Whether the op works over every entry (vectors) or row by row (a B x C matrix). */
export function softmaxAxis(s: Shape): 'all' | 'rows' {
  return s[0] === 1 || s[1] === 1 ? 'all' : 'rows';
}

/** Runs `f` over each group of flat indices the op normalises over. */
function groups(a: Matrix, s: 'all' | 'rows', f: (start: number, stride: number, count: number) => void): void {
  if (s === 'all') f(0, 1, a.data.length);
  else for (let i = 0; i < a.rows; i++) f(i * a.cols, 1, a.cols);
}

function logSumExpOf(a: Matrix, start: number, stride: number, count: number): number {
  let m = -Infinity;
  for (let k = 0; k < count; k++) m = Math.max(m, a.data[start + k * stride]);
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (let k = 0; k < count; k++) s += Math.exp(a.data[start + k * stride] - m);
  return m + Math.log(s);
}

/** The per-group sum of `t` (scalar for vectors, B x 1 per row). */
function groupSum(b: Builder, t: Node, axis: 'all' | 'rows'): Node {
  return axis === 'all' ? b.sum(t) : b.sumcols(t);
}

export const softmaxOp: OpDef = {
  name: 'softmax',
  arity: 1,
  spellings: ['softmax'],
  shape: sameShape,
  rewrite: (b, [x]) => (isScalarShape(x.shape) ? b.constant(1) : undefined),
  evaluate: ([a]) => {
    const out = zeros(a.rows, a.cols);
    groups(a, softmaxAxis([a.rows, a.cols]), (start, stride, count) => {
      const lse = logSumExpOf(a, start, stride, count);
      for (let k = 0; k < count; k++) out.data[start + k * stride] = Math.exp(a.data[start + k * stride] - lse);
    });
    return out;
  },
  // s .* (g - <g, s>) per group, with s the node itself.
  vjp: (b, node, g, wanted) => [wanted[0] ? b.hadamard(node, b.sub(g, groupSum(b, b.hadamard(g, node), softmaxAxis(node.shape)))) : undefined],
  printCr: ({ args }) => call('softmax', args),
  printLatex: ({ args }) => latexCall('\\operatorname{softmax}', args),
};

export const logsumexpOp: OpDef = {
  name: 'logsumexp',
  arity: 1,
  spellings: ['logsumexp'],
  shape: ([s]) => (softmaxAxis(s) === 'all' ? SCALAR : [s[0], 1]),
  rewrite: (_b, [x]) => (isScalarShape(x.shape) ? x : undefined),
  evaluate: ([a]) => {
    const axis = softmaxAxis([a.rows, a.cols]);
    const out = zeros(axis === 'all' ? 1 : a.rows, 1);
    let r = 0;
    groups(a, axis, (start, stride, count) => (out.data[r++] = logSumExpOf(a, start, stride, count)));
    return out;
  },
  vjp: (b, node, g, wanted) => [wanted[0] ? b.hadamard(g, b.softmax(node.args[0])) : undefined],
  printCr: ({ args }) => call('logsumexp', args),
  printLatex: ({ args }) => latexCall('\\operatorname{logsumexp}', args),
};
