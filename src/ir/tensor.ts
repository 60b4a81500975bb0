// Values with named axes, for vectorising index notation (docs/index-notation.md). Every IR value is a 2-D
// matrix; here each of its two axes carries a label: an index variable (`i`), or ROWS / COLS for the rows
// and columns of an un-indexed array (its "item": x^(i) is row i of X, an item of shape 1 x M). Axes of
// size 1 carry no label. Index expressions are einsums over these labels: elementwise operations take
// the union of the labels, sums and matrix products contract one.
//
// A product is kept as a list of factors until it must be one matrix, so that Σ_i a_ij x^(i) is the
// contraction A^T X and never the three-axis intermediate a_ij x^(i)_m.
import type { Dim, Node, Shape } from './types';
import { formatShape, isScalarShape } from './types';
import type { Builder } from './build';
import { broadcastShapes } from './dims';

/** The labels of an indexed truth's rows and columns (index variables, or ROWS / COLS for un-indexed axes). */
export interface Layout {
  rows?: string;
  cols?: string;
}

/** The rows / columns of an un-indexed array. */
export const ROWS = '#r';
export const COLS = '#c';

export interface Tensor {
  node: Node;
  rows?: string;
  cols?: string;
}

/** A product of factors, multiplied out only when needed. Never empty. */
export type Product = readonly Tensor[];

/** A mistake in index notation, reported as a shape error at the expression being lowered. */
export class IndexError extends Error {}

/**
 * What chainrule cannot read in index notation (more than two axes at once, a function of entries it cannot
 * vectorise, a range it cannot tell): a limit of chainrule's, never a mistake of the author's, so a step that
 * meets one is not checked rather than marked wrong.
 */
export class IndexLimit extends IndexError {}

export function isItemLabel(label: string): boolean {
  return label === ROWS || label === COLS;
}

/** Index labels (not item axes, not hidden contraction labels). */
export function isIndexLabel(label: string): boolean {
  return !label.startsWith('#');
}

/** How a label reads in messages. */
export function showLabel(label: string): string {
  return label === ROWS ? 'the rows' : label === COLS ? 'the columns' : label;
}

/** An un-indexed array: its rows and columns are item axes. */
export function plain(node: Node): Tensor {
  const t: Tensor = { node };
  if (node.shape[0] !== 1) t.rows = ROWS;
  if (node.shape[1] !== 1) t.cols = COLS;
  return t;
}

export function labelsOf(t: Tensor): string[] {
  return [t.rows, t.cols].filter((l): l is string => l !== undefined);
}

export function productLabels(p: Product): string[] {
  return [...new Set(p.flatMap(labelsOf))];
}

export function dimOf(t: Tensor, label: string): Dim | undefined {
  return t.rows === label ? t.node.shape[0] : t.cols === label ? t.node.shape[1] : undefined;
}

export function relabel(t: Tensor, map: Readonly<Record<string, string>>): Tensor {
  const out: Tensor = { node: t.node };
  if (t.rows !== undefined) out.rows = map[t.rows] ?? t.rows;
  if (t.cols !== undefined) out.cols = map[t.cols] ?? t.cols;
  return out;
}

export function relabelProduct(p: Product, map: Readonly<Record<string, string>>): Product {
  return p.map((t) => relabel(t, map));
}

/** The node of `t` with its labelled axes placed at `rows` and `cols` (labels it lacks become size-1 axes). */
export function arrange(b: Builder, t: Tensor, rows: string | undefined, cols: string | undefined): Node {
  const labels = labelsOf(t);
  if (labels.some((l) => l !== rows && l !== cols)) throw new Error(`internal: cannot place ${labels.join(', ')} at ${rows}, ${cols}`);
  const inPlace = (t.rows === undefined || t.rows === rows) && (t.cols === undefined || t.cols === cols);
  return inPlace ? t.node : b.transpose(t.node);
}

/** Where the labels of several tensors go together: item axes keep their side, indices the side they first had. */
function layout(tensors: readonly Tensor[]): [string | undefined, string | undefined] {
  const labels = [...new Set(tensors.flatMap(labelsOf))];
  if (labels.length > 2) {
    throw new IndexLimit(`this needs ${labels.length} axes at once (${labels.map(showLabel).join(', ')}); chainrule vectorises index expressions with at most two`);
  }
  const prefer = (label: string): 'rows' | 'cols' => {
    if (label === ROWS) return 'rows';
    if (label === COLS) return 'cols';
    const first = tensors.find((t) => t.rows === label || t.cols === label)!;
    return first.rows === label ? 'rows' : 'cols';
  };
  if (labels.length === 0) return [undefined, undefined];
  if (labels.length === 1) return prefer(labels[0]) === 'rows' ? [labels[0], undefined] : [undefined, labels[0]];
  const [a, c] = labels;
  const pa = prefer(a);
  const pc = prefer(c);
  // On a tie, an item axis keeps its side (an index moves around it); otherwise the first label does.
  const aWins = pa !== pc || !isItemLabel(c) || isItemLabel(a);
  const first = aWins ? pa : pc === 'rows' ? 'cols' : 'rows';
  return first === 'rows' ? [a, c] : [c, a];
}

/**
 * An elementwise operation on tensors: the result carries the union of their labels. Operands are laid
 * out alike; those that strict broadcasting cannot stretch (a column against a row) are repeated first.
 */
export function combine(b: Builder, tensors: readonly Tensor[], make: (nodes: Node[]) => Node): Tensor {
  const [rows, cols] = layout(tensors);
  const dims = new Map<string, Dim>();
  for (const t of tensors) {
    for (const l of labelsOf(t)) {
      const d = dimOf(t, l)!;
      const known = dims.get(l);
      if (known !== undefined && known !== d) throw new IndexError(`${showLabel(l)} run over ${known} in one operand and over ${d} in another`);
      dims.set(l, d);
    }
  }
  const full: Shape = [rows ? dims.get(rows)! : 1, cols ? dims.get(cols)! : 1];
  let nodes = tensors.map((t) => arrange(b, t, rows, cols));
  const isFull = (n: Node) => n.shape[0] === full[0] && n.shape[1] === full[1];
  if (!nodes.some(isFull)) nodes = nodes.map((n) => (isScalarShape(n.shape) ? n : b.broadcastTo(n, full)));
  const out: Tensor = { node: make(nodes) };
  if (rows) out.rows = rows;
  if (cols) out.cols = cols;
  return out;
}

/** Sums `t` over its axis `label`. */
function reduce(b: Builder, t: Tensor, label: string): Tensor {
  if (t.rows === label) return t.cols ? { node: b.sumrows(t.node), cols: t.cols } : { node: b.sum(t.node) };
  return t.rows ? { node: b.sumcols(t.node), rows: t.rows } : { node: b.sum(t.node) };
}

function union(a: Tensor, c: Tensor): Set<string> {
  return new Set([...labelsOf(a), ...labelsOf(c)]);
}

/** Merges the two factors whose product has the fewest axes (ties: the first pair). */
function mergeClosest(b: Builder, factors: Tensor[]): Tensor[] {
  let best: [number, number] | undefined;
  for (let i = 0; i < factors.length; i++) {
    for (let j = i + 1; j < factors.length; j++) {
      if (!best || union(factors[i], factors[j]).size < union(factors[best[0]], factors[best[1]]).size) best = [i, j];
    }
  }
  const [i, j] = best!;
  const merged = combine(b, [factors[i], factors[j]], ([x, y]) => b.hadamard(x, y));
  return [...factors.filter((_, k) => k !== i && k !== j), merged];
}

/** The product multiplied out into one tensor. */
export function multiply(b: Builder, p: Product): Tensor {
  let factors = [...p];
  while (factors.length > 1) factors = mergeClosest(b, factors);
  return factors[0];
}

/**
 * Σ over `label`: factors without it stay as they are; one factor is summed along the axis; two are
 * contracted by a matrix product (or multiplied and summed when they share another axis). `size` is the
 * label's range, needed when no factor has the label (Σ_i c = n c).
 */
export function contract(b: Builder, p: Product, label: string, size: Dim | undefined): Product {
  let withLabel = p.filter((t) => labelsOf(t).includes(label));
  const without = p.filter((t) => !labelsOf(t).includes(label));
  if (withLabel.length === 0) {
    if (size === undefined) throw new IndexError(`the range of ${label} is not known: it subscripts nothing in the sum`);
    return [...without, { node: b.dim(size) }];
  }
  while (withLabel.length > 2) withLabel = mergeClosest(b, withLabel);
  if (withLabel.length === 1) return [...without, reduce(b, withLabel[0], label)];
  const [x, y] = withLabel;
  const otherX = labelsOf(x).filter((l) => l !== label);
  const otherY = labelsOf(y).filter((l) => l !== label);
  if (otherX.some((l) => otherY.includes(l))) {
    const merged = combine(b, [x, y], ([u, v]) => b.hadamard(u, v));
    return [...without, reduce(b, merged, label)];
  }
  const left = arrange(b, x, otherX[0], label);
  const right = arrange(b, y, label, otherY[0]);
  const out: Tensor = { node: b.matmul(left, right) };
  if (otherX[0]) out.rows = otherX[0];
  if (otherY[0]) out.cols = otherY[0];
  return [...without, out];
}

/** The shape of a product's item (its un-indexed part), checked for strict broadcasting between factors. */
export function itemShape(p: Product): Shape {
  let shape: Shape = [1, 1];
  for (const t of p) {
    const own: Shape = [dimOf(t, ROWS) ?? 1, dimOf(t, COLS) ?? 1];
    shape = broadcastShapes('hadamard', shape, own);
  }
  return shape;
}

/** Describes a product's axes for messages: `(i, j)` and the item shape. */
export function describeAxes(p: Product): string {
  const indices = productLabels(p).filter(isIndexLabel);
  const item = itemShape(p);
  const parts = [];
  if (indices.length) parts.push(`one value per ${indices.join(', ')}`);
  if (!isScalarShape(item)) parts.push(`each ${formatShape(item)}`);
  return parts.join(', ') || 'a scalar';
}
