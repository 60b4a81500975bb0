// diag (vector → diagonal matrix), inv, det, logdet.
import type { Shape } from '../ir/types';
import { ShapeError, formatShape, isScalarShape, SCALAR } from '../ir/types';
import type { OpDef } from './types';
import { requireSquare } from './helpers';
import { fillValue } from '../ir/inspect';
import { determinant, inverse, scalar, zeros } from '../numeric/matrix';
import { Prec, atom, call, latexAtLeast, latexCall } from './printing';

function diagShape([s]: readonly Shape[]): Shape {
  if (isScalarShape(s)) return SCALAR;
  if (s[1] === 1) return [s[0], s[0]];
  if (s[0] === 1) return [s[1], s[1]];
  throw new ShapeError('diag', [s], `diag takes a vector, not ${formatShape(s)}`);
}

export const diagOp: OpDef = {
  name: 'diag',
  arity: 1,
  spellings: ['diag'],
  shape: diagShape,
  rewrite: (b, [x]) => {
    if (isScalarShape(x.shape)) return x;
    const v = fillValue(x);
    if (v === 1) return b.eye(x.shape[0] === 1 ? x.shape[1] : x.shape[0]);
    return undefined;
  },
  evaluate: ([a]) => {
    const n = a.data.length;
    const out = zeros(n, n);
    for (let i = 0; i < n; i++) out.data[i * n + i] = a.data[i];
    return out;
  },
  // The diagonal of the adjoint, shaped like the vector: (G .* I) summed along the other axis.
  vjp: (b, node, g, wanted) => {
    if (!wanted[0]) return [undefined];
    const v = node.args[0];
    const masked = b.hadamard(g, b.eye(node.shape[0]));
    return [v.shape[1] === 1 ? b.sumcols(masked) : b.sumrows(masked)];
  },
  printCr: ({ args }) => call('diag', args),
  printLatex: ({ args }) => latexCall('\\operatorname{diag}', args),
};

export const invOp: OpDef = {
  name: 'inv',
  arity: 1,
  spellings: ['inv'],
  shape: ([s]) => {
    requireSquare('inv', s);
    return s;
  },
  rewrite: (b, [x]) => {
    if (isScalarShape(x.shape)) return b.div(1, x);
    if (x.op === 'inv') return x.args[0];
    if (x.op === 'eye') return x;
    return undefined;
  },
  evaluate: ([a]) => inverse(a),
  // d(X^-1) = -X^-1 dX X^-1, so the adjoint is -Y^T G Y^T with Y = X^-1 (the node itself).
  vjp: (b, node, g, wanted) => [wanted[0] ? b.neg(b.matmul(b.matmul(b.transpose(node), g), b.transpose(node))) : undefined],
  printCr: ({ args }) => call('inv', args),
  printLatex: ({ args: [a] }) => ({ text: `${latexAtLeast(a, Prec.Atom).text}^{-1}`, prec: Prec.Power }),
};

/** The shape rule of a scalar function of a square matrix. */
function scalarOfSquare(op: string) {
  return ([s]: readonly Shape[]): Shape => {
    requireSquare(op, s);
    return SCALAR;
  };
}

export const detOp: OpDef = {
  name: 'det',
  arity: 1,
  spellings: ['det'],
  latexCommands: ['\\det'],
  shape: scalarOfSquare('det'),
  rewrite: (b, [x]) => {
    if (isScalarShape(x.shape)) return x;
    if (x.op === 'eye') return b.constant(1);
    return undefined;
  },
  evaluate: ([a]) => scalar(determinant(a)),
  // d det X = det X tr(X^-1 dX): the adjoint is g det(X) X^-T.
  vjp: (b, node, g, wanted) => [wanted[0] ? b.hadamard(b.hadamard(g, node), b.transpose(b.inv(node.args[0]))) : undefined],
  printCr: ({ args }) => call('det', args),
  printLatex: ({ args: [a] }) => atom(`\\det\\left(${a.text}\\right)`),
};

/**
 * log |det A| of a square matrix, finite wherever A is invertible. LaTeX `\log\det A` is read as it (the
 * textbooks write it for positive definite A, where the two agree); it prints with the bars.
 */
export const logdetOp: OpDef = {
  name: 'logdet',
  arity: 1,
  spellings: ['logdet'],
  latexCommands: ['\\log\\det'],
  shape: scalarOfSquare('logdet'),
  rewrite: (b, [x]) => {
    if (isScalarShape(x.shape)) return b.apply('log', b.apply('abs', x));
    if (x.op === 'transpose') return b.apply('logdet', x.args[0]); // det A^T = det A
    if (x.op === 'inv') return b.neg(b.apply('logdet', x.args[0])); // det A^-1 = 1 / det A
    if (x.op === 'eye') return b.constant(0);
    return undefined;
  },
  evaluate: ([a]) => scalar(Math.log(Math.abs(determinant(a)))),
  // d log|det X| = tr(X^-1 dX) for either sign of det X: the adjoint is g X^-T.
  vjp: (b, node, g, wanted) => [wanted[0] ? b.hadamard(g, b.transpose(b.inv(node.args[0]))) : undefined],
  printCr: ({ args }) => call('logdet', args),
  // Looser than a power: `\log` without brackets takes the next power, so (log|det A|)^2 needs brackets.
  printLatex: ({ args: [a] }) => ({ text: `\\log\\left|\\det\\left(${a.text}\\right)\\right|`, prec: Prec.Unary }),
};
