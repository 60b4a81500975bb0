// Matrix literals ([a, b; c, d]) as grids of scalar nodes. Small literals with concrete sizes are kept
// entrywise, so arithmetic on them (Jacobians of vector functions, embeds of gradient entries) gives
// readable literals such as [6 x y - 15 y^2, 3 x^2 - 30 x y; y - 1, x + 1].
import type { Node, Shape } from './types';
import { isScalarShape } from './types';
import type { Builder } from './build';

/** Literals larger than this are left as they are (no entrywise expansion). */
export const MAX_LITERAL_ENTRIES = 64;

export type Grid = Node[][];

export function isLiteralNode(n: Node): boolean {
  return n.op === 'hcat' || n.op === 'vcat';
}

function smallConcrete(s: Shape): boolean {
  return typeof s[0] === 'number' && typeof s[1] === 'number' && s[0] * s[1] <= MAX_LITERAL_ENTRIES;
}

/** The entries of `n` as scalar nodes, when `n` is a small literal, scalar, constant or identity. */
export function gridOf(b: Builder, n: Node): Grid | undefined {
  if (isScalarShape(n.shape)) return [[n]];
  if (!smallConcrete(n.shape)) return undefined;
  const rows = n.shape[0] as number;
  const cols = n.shape[1] as number;
  if (n.op === 'const') {
    const c = b.constant(n.attrs.value!);
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => c));
  }
  if (n.op === 'eye') {
    const one = b.constant(1);
    const zero = b.constant(0);
    return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === j ? one : zero)));
  }
  if (n.op === 'hcat' || n.op === 'vcat') {
    const parts: Grid[] = [];
    for (const a of n.args) {
      const g = gridOf(b, a);
      if (!g) return undefined;
      parts.push(g);
    }
    if (n.op === 'vcat') return parts.flat();
    return Array.from({ length: rows }, (_, i) => parts.flatMap((p) => p[i]));
  }
  return undefined;
}

/** The canonical literal node for a grid: a scalar, a row hcat, a column vcat, or a vcat of row hcats. */
export function buildLiteral(b: Builder, grid: Grid): Node {
  const g = b.graph;
  const rowNodes = grid.map((row) => (row.length === 1 ? row[0] : g.node('hcat', row)));
  return rowNodes.length === 1 ? rowNodes[0] : g.node('vcat', rowNodes);
}

/**
 * Applies a scalar combination entry by entry when at least one argument is a literal and all have
 * small grids (broadcast operands repeat their row or column).
 */
export function elementwiseOnLiterals(b: Builder, args: readonly Node[], shape: Shape, combine: (entries: Node[]) => Node): Node | undefined {
  if (!args.some(isLiteralNode) || !smallConcrete(shape) || isScalarShape(shape)) return undefined;
  const grids: Grid[] = [];
  for (const a of args) {
    const g = gridOf(b, a);
    if (!g) return undefined;
    grids.push(g);
  }
  const rows = shape[0] as number;
  const cols = shape[1] as number;
  const grid = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => combine(grids.map((g) => g[g.length === 1 ? 0 : i][g[0].length === 1 ? 0 : j]))),
  );
  return buildLiteral(b, grid);
}

/** The product of two small literals, entry by entry. */
export function literalProduct(b: Builder, x: Node, y: Node): Node | undefined {
  if (!isLiteralNode(x) && !isLiteralNode(y)) return undefined;
  if (!smallConcrete(x.shape) || !smallConcrete(y.shape) || (x.shape[1] as number) > 16) return undefined;
  const gx = gridOf(b, x);
  const gy = gridOf(b, y);
  if (!gx || !gy) return undefined;
  const inner = gx[0].length;
  const grid = gx.map((row) =>
    gy[0].map((_, j) => {
      let acc: Node | undefined;
      for (let k = 0; k < inner; k++) {
        const term = b.mul(row[k], gy[k][j]);
        acc = acc === undefined ? term : b.add(acc, term);
      }
      return acc!;
    }),
  );
  return buildLiteral(b, grid);
}

export function transposeGrid(grid: Grid): Grid {
  return grid[0].map((_, j) => grid.map((row) => row[j]));
}
