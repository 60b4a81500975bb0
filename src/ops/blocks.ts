// Entries and blocks: entry (a scalar entry of a matrix), embed (its adjoint), hcat/vcat (matrix
// literals and block matrices), sumrows/sumcols (the adjoints of broadcasting).
import type { Dim, Node, Shape } from '../ir/types';
import { ShapeError, formatShape, isScalarShape, shapesEqual, SCALAR } from '../ir/types';
import type { OpDef } from './types';
import type { Builder } from '../ir/build';
import { addDims, isConcreteDim, resolveDim } from '../ir/dims';
import { fillValue, isScalar } from '../ir/inspect';
import { MAX_LITERAL_ENTRIES, buildLiteral, gridOf, isLiteralNode } from '../ir/literal';
import { place, scalar, sumCols, sumRows, zeros } from '../numeric/matrix';
import { Prec, juxtLeft, juxtRight, atom, call, latexAtLeast, latexRight, type Printed } from './printing';

function checkIndex(op: string, s: Shape, i: number | undefined, j: number | undefined): void {
  const ok = (idx: number | undefined, d: Dim) => idx !== undefined && Number.isInteger(idx) && idx >= 0 && (isConcreteDim(d) ? idx < d : idx === 0);
  if (!ok(i, s[0]) || !ok(j, s[1])) throw new ShapeError(op, [s], `entry (${i}, ${j}) is outside ${formatShape(s)}`);
}

export const entryOp: OpDef = {
  name: 'entry',
  arity: 1,
  shape: ([s], attrs) => {
    checkIndex('entry', s, attrs.i, attrs.j);
    return SCALAR;
  },
  rewrite: (b, [x], attrs) => {
    const i = attrs.i!;
    const j = attrs.j!;
    if (isScalarShape(x.shape)) return x;
    const v = fillValue(x);
    if (v !== undefined) return b.constant(v);
    if (x.op === 'eye') return b.constant(i === j ? 1 : 0);
    if (x.op === 'transpose') return b.entry(x.args[0], j, i);
    if (x.op === 'neg') return b.neg(b.entry(x.args[0], i, j));
    if (x.op === 'embed') return x.attrs.i === i && x.attrs.j === j ? x.args[0] : b.constant(0);
    if (x.op === 'hadamard' && isScalar(x.args[0])) return b.hadamard(x.args[0], b.entry(x.args[1], i, j));
    if (isLiteralNode(x)) {
      const g = gridOf(b, x);
      if (g) return g[i][j];
    }
    return undefined;
  },
  evaluate: ([a], attrs) => scalar(a.data[attrs.i! * a.cols + attrs.j!]),
  vjp: (b, node, g, wanted) => {
    const s = node.args[0].shape;
    return [wanted[0] ? b.embed(g, node.attrs.i!, node.attrs.j!, s[0], s[1]) : undefined];
  },
  // Printed 1-based, as people index.
  printCr: ({ node, args: [a] }) => call('entry', [a, atom(String(node.attrs.i! + 1)), atom(String(node.attrs.j! + 1))]),
  printLatex: ({ node, args: [a] }) => atom(`\\left[${a.text}\\right]_{${node.attrs.i! + 1},${node.attrs.j! + 1}}`),
};

export const embedOp: OpDef = {
  name: 'embed',
  arity: 1,
  shape: ([s], attrs) => {
    if (!isScalarShape(s)) throw new ShapeError('embed', [s], `embed places a scalar, not ${formatShape(s)}`);
    if (attrs.rows === undefined || attrs.cols === undefined) throw new Error('embed needs rows and cols');
    const shape: Shape = [attrs.rows, attrs.cols];
    checkIndex('embed', shape, attrs.i, attrs.j);
    return shape;
  },
  rewrite: (b, [s], attrs, shape) => {
    if (isScalarShape(shape)) return s;
    if (fillValue(s) === 0) return b.zerosOf(shape);
    // Small concrete embeds become literals, so gradients by vector arguments read [df/dx1; df/dx2].
    if (isConcreteDim(shape[0]) && isConcreteDim(shape[1]) && shape[0] * shape[1] <= MAX_LITERAL_ENTRIES) {
      const zero = b.constant(0);
      return buildLiteral(
        b,
        Array.from({ length: shape[0] }, (_, r) => Array.from({ length: shape[1] as number }, (_, c) => (r === attrs.i && c === attrs.j ? s : zero))),
      );
    }
    return undefined;
  },
  evaluate: ([a], attrs, ctx) => {
    const out = zeros(ctx.rows, ctx.cols);
    out.data[attrs.i! * ctx.cols + attrs.j!] = a.data[0];
    return out;
  },
  vjp: (b, node, g, wanted) => [wanted[0] ? b.entry(g, node.attrs.i!, node.attrs.j!) : undefined],
  printCr: ({ node, args: [a] }) => call('embed', [a, atom(String(node.attrs.i! + 1)), atom(String(node.attrs.j! + 1)), atom(String(node.attrs.rows)), atom(String(node.attrs.cols))]),
  printLatex: ({ node, args: [a] }) => atom(`${latexAtLeast(a, Prec.Atom).text}\\, e_{${node.attrs.i! + 1}} e_{${node.attrs.j! + 1}}^\\top`),
};

/** The adjoint of block k of a concatenation: a slice of g, entrywise for small literals, else a selector product. */
function blockSlice(b: Builder, g: Node, blocks: readonly Node[], k: number, axis: 'cols' | 'rows'): Node {
  const offsets = blocks.slice(0, k).map((x) => (axis === 'cols' ? x.shape[1] : x.shape[0]));
  const target = blocks[k].shape;
  const grid = gridOf(b, g);
  if (grid && offsets.every(isConcreteDim)) {
    const off = offsets.reduce((a: number, d) => a + (d as number), 0);
    const rows = target[0] as number;
    const cols = target[1] as number;
    return buildLiteral(
      b,
      Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (axis === 'cols' ? grid[i][off + j] : grid[off + i][j]))),
    );
  }
  // Selector: [0; I; 0] picks block k's columns (G S), [0, I, 0] picks its rows (S G).
  const size = axis === 'cols' ? target[1] : target[0];
  const parts = blocks.map((x, m) => {
    const d = axis === 'cols' ? x.shape[1] : x.shape[0];
    if (m === k) return b.eye(size);
    return axis === 'cols' ? b.zeros(d, size) : b.zeros(size, d);
  });
  return axis === 'cols' ? b.matmul(g, b.vcat(parts)) : b.matmul(b.hcat(parts), g);
}

function concatOp(name: 'hcat' | 'vcat'): OpDef {
  const along = name === 'hcat' ? 1 : 0;
  const across = 1 - along;
  return {
    name,
    arity: 'variadic',
    shape: (args) => {
      const first = args[0][across];
      for (const s of args) {
        if (s[across] !== first) {
          throw new ShapeError(name, args, `${name === 'hcat' ? 'blocks side by side need the same number of rows' : 'stacked blocks need the same number of columns'}: ${args.map(formatShape).join(', ')}`);
        }
      }
      const total = addDims(args.map((s) => s[along]));
      return name === 'hcat' ? [first, total] : [total, first];
    },
    rewrite: (b, args) => {
      if (args.length === 1) return args[0];
      // Flatten nested concatenations along the same axis, and write small all-scalar literals canonically.
      if (args.some((a) => a.op === name)) return b.make(name, args.flatMap((a) => (a.op === name ? a.args : [a])));
      if (args.every((a) => isScalarShape(a.shape) || isLiteralNode(a))) {
        const grids = args.map((a) => gridOf(b, a));
        if (grids.every((g) => g !== undefined)) {
          const gs = grids as Node[][][];
          const grid = name === 'vcat' ? gs.flat() : gs[0].map((_, i) => gs.flatMap((g) => g[i]));
          return buildLiteral(b, grid);
        }
      }
      return undefined;
    },
    evaluate: (args, _attrs, ctx) => {
      const out = zeros(ctx.rows, ctx.cols);
      let offset = 0;
      for (const a of args) {
        if (name === 'hcat') place(out, a, 0, offset);
        else place(out, a, offset, 0);
        offset += name === 'hcat' ? a.cols : a.rows;
      }
      return out;
    },
    vjp: (b, node, g, wanted) => node.args.map((_, k) => (wanted[k] ? blockSlice(b, g, node.args, k, name === 'hcat' ? 'cols' : 'rows') : undefined)),
    printCr: ({ node, args }) => atom(`[${literalBody(node, args, name, ', ', '; ')}]`),
    printLatex: ({ node, args }) => atom(`\\begin{bmatrix} ${literalBody(node, args, name, ' & ', ' \\\\ ')} \\end{bmatrix}`),
  };
}

/** [a, b; c, d]: a vcat whose rows are hcats prints as one literal. Printed children include their brackets, so strip them for rows. */
function literalBody(node: Node, args: readonly Printed[], name: string, colSep: string, rowSep: string): string {
  if (name === 'hcat') return args.map((a) => a.text).join(colSep);
  // Rows are written entry by entry only when they all have the same number of entries (as the parser
  // requires); otherwise each block keeps its brackets: [A; [p, q, r]].
  const counts = new Set(node.args.map((row) => (row.op === 'hcat' ? row.args.length : 1)));
  const merge = counts.size === 1;
  return node.args
    .map((row, k) => {
      const t = args[k].text;
      const bracketed = colSep === ', ' ? t.startsWith('[') && t.endsWith(']') : t.startsWith('\\begin{bmatrix}');
      if (merge && row.op === 'hcat' && bracketed) {
        // The child printed itself as [x, y] (or \begin{bmatrix} x & y \end{bmatrix}); reuse the inside.
        return colSep === ', ' ? t.slice(1, -1) : t.slice('\\begin{bmatrix} '.length, -' \\end{bmatrix}'.length);
      }
      return t;
    })
    .join(rowSep);
}

export const hcatOp = concatOp('hcat');
export const vcatOp = concatOp('vcat');

function sumAxisOp(name: 'sumrows' | 'sumcols'): OpDef {
  const rows = name === 'sumrows';
  return {
    name,
    arity: 1,
    shape: ([s]) => (rows ? [1, s[1]] : [s[0], 1]),
    rewrite: (b, [x], _attrs, shape) => {
      if (rows ? x.shape[0] === 1 : x.shape[1] === 1) return x;
      if (x.op === 'eye') return b.onesOf(shape);
      if (isLiteralNode(x)) {
        const g = gridOf(b, x);
        if (g) {
          const sums = rows ? g[0].map((_, j) => g.map((row) => row[j])) : g;
          const entries = sums.map((line) => line.reduce((acc, e) => b.add(acc, e)));
          return buildLiteral(b, rows ? [entries] : entries.map((e) => [e]));
        }
      }
      const v = fillValue(x);
      if (v !== undefined) return b.hadamard(b.hadamard(v, b.dim(rows ? x.shape[0] : x.shape[1])), b.onesOf(shape));
      if (x.op === 'neg') return b.neg(b.make(name, [x.args[0]]));
      if (x.op === 'hadamard' && isScalar(x.args[0])) return b.hadamard(x.args[0], b.make(name, [x.args[1]]));
      if (x.op === 'div' && isScalar(x.args[1])) return b.div(b.make(name, [x.args[0]]), x.args[1]);
      if (x.op === 'transpose') return b.transpose(b.make(rows ? 'sumcols' : 'sumrows', [x.args[0]]));
      // The sums of diag(v) along either axis are v, as matmul reads ones(1, k) diag(v) (how this prints).
      if (x.op === 'diag') return shapesEqual(x.args[0].shape, shape) ? x.args[0] : b.transpose(x.args[0]);
      // The sum of a broadcast row (ones(B, 1) r) is B r; likewise for columns.
      if (x.op === 'matmul' && fillValue(rows ? x.args[0] : x.args[1]) === 1 && (rows ? x.args[0].shape[1] : x.args[1].shape[0]) === 1) {
        return b.hadamard(b.dim(rows ? x.shape[0] : x.shape[1]), rows ? x.args[1] : x.args[0]);
      }
      return undefined;
    },
    evaluate: ([a]) => (rows ? sumRows(a) : sumCols(a)),
    vjp: (b, node, g, wanted) => [wanted[0] ? b.broadcastTo(g, node.args[0].shape) : undefined],
    // Written with ones so the output is .cr syntax: ones(1, B) X and X ones(B, 1).
    printCr: ({ node, args: [a] }) => {
      const s = node.args[0].shape;
      return rows
        ? { text: `ones(1, ${s[0]}) ${juxtRight(a).text}`, prec: Prec.Product, form: 'juxt' }
        : { text: `${juxtLeft(a).text} ones(${s[1]}, 1)`, prec: Prec.Product, form: 'juxt' };
    },
    printLatex: ({ node, args: [a] }) => {
      const s = node.args[0].shape;
      return rows
        ? { text: `\\mathbf{1}_{${s[0]}}^\\top ${latexRight(a, Prec.Product).text}`, prec: Prec.Product }
        : { text: `${latexAtLeast(a, Prec.Product).text} \\mathbf{1}_{${s[1]}}`, prec: Prec.Product };
    },
  };
}

export const sumrowsOp = sumAxisOp('sumrows');
export const sumcolsOp = sumAxisOp('sumcols');

export { resolveDim };
