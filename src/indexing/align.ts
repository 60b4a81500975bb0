// Laying a step written with indices out like the truth it is checked against (docs/index-notation.md):
// the step's axis labelled i goes where the truth's axis labelled i is. What cannot be laid out says why:
// a free index the left side does not have (and whether summing over it fits), or index ranges that
// are the left side's exchanged (W_ji written for W_ij).
import type { Node, Shape } from '../ir/types';
import { ShapeError, formatShape } from '../ir/types';
import type { Builder } from '../ir/build';
import { COLS, IndexError, IndexLimit, ROWS, arrange, contract, describeAxes, isIndexLabel, isItemLabel, labelsOf, multiply, productLabels, type Product } from '../ir/tensor';
import type { Layout } from '../ir/tensor';

export type Alignment =
  | { kind: 'aligned'; node: Node }
  /** The step's index ranges are the truth's exchanged; `node` is the step with its axes exchanged to fit. */
  | { kind: 'swapped'; node: Node; message: string }
  /** Free indices the truth does not have; `summed` is the step summed over them, laid out, when that fits. */
  | { kind: 'extra'; indices: string[]; summed?: Node }
  | { kind: 'mismatch'; message: string };

/** The layout of a truth written without indices: its rows and columns are item axes. */
export function plainLayout(shape: Shape): Layout {
  const layout: Layout = {};
  if (shape[0] !== 1) layout.rows = ROWS;
  if (shape[1] !== 1) layout.cols = COLS;
  return layout;
}

export function alignStep(b: Builder, value: Product, layout: Layout, shape: Shape): Alignment {
  const truthLabels = [layout.rows, layout.cols];
  const truthIndices = truthLabels.filter((l): l is string => l !== undefined && isIndexLabel(l));
  const stepIndices = productLabels(value).filter(isIndexLabel);
  const extra = stepIndices.filter((i) => !truthIndices.includes(i));
  if (extra.length) return { kind: 'extra', indices: extra, summed: summedOver(b, value, extra, layout, shape) };
  let t;
  try {
    t = multiply(b, value);
  } catch (err) {
    if (err instanceof IndexError && !(err instanceof IndexLimit)) return { kind: 'mismatch', message: err.message };
    throw err;
  }
  const stepItems = labelsOf(t).filter(isItemLabel);
  const truthItems = truthLabels.filter((l) => l !== undefined && isItemLabel(l));
  // A whole array written for an indexed left side (∂L/∂W_ij = x^T δ): compared as the array it is.
  if (stepIndices.length === 0 && stepItems.length > 0 && truthIndices.length > 0) {
    const node = arrange(b, t, t.rows, t.cols);
    return node.shape[0] === shape[0] && node.shape[1] === shape[1] ? { kind: 'aligned', node } : { kind: 'mismatch', message: `this is ${formatShape(node.shape)} but the left side is ${formatShape(shape)}` };
  }
  if (stepItems.length !== truthItems.length) {
    return { kind: 'mismatch', message: `this has ${describeAxes(value)}, but the left side has ${describeLayout(layout, shape)}` };
  }
  // Item axes: a vector's orientation is not written in index notation (x^(i) is a row of X, a column in
  // the textbook), so one item axis meets the other side's whichever way; two keep their sides.
  const place = (label: string | undefined): string | undefined => {
    if (label === undefined) return undefined;
    if (isIndexLabel(label)) return stepIndices.includes(label) ? label : undefined;
    return stepItems.length === 1 ? stepItems[0] : label;
  };
  const rows = place(layout.rows);
  const cols = place(layout.cols);
  const node = arrange(b, t, rows, cols);
  const fits = (n: Node) => [0, 1].every((k) => n.shape[k] === shape[k] || (n.shape[k] === 1 && [rows, cols][k] === undefined));
  if (fits(node)) return { kind: 'aligned', node: b.broadcastTo(node, shape) };
  const exchanged = rows !== undefined && cols !== undefined ? arrange(b, t, cols, rows) : undefined;
  if (exchanged && fits(exchanged)) {
    const message = `the indices are exchanged: here ${rows} runs over ${node.shape[0]} and ${cols} over ${node.shape[1]}, but on the left side ${rows} runs over ${shape[0]} and ${cols} over ${shape[1]}`;
    return { kind: 'swapped', node: exchanged, message };
  }
  return { kind: 'mismatch', message: `this has ${describeAxes(value)}, but the left side has ${describeLayout(layout, shape)}` };
}

function summedOver(b: Builder, value: Product, indices: readonly string[], layout: Layout, shape: Shape): Node | undefined {
  try {
    let p = value;
    for (const i of indices) p = contract(b, p, i, undefined);
    const a = alignStep(b, p, layout, shape);
    return a.kind === 'aligned' ? a.node : undefined;
  } catch (err) {
    if (err instanceof IndexError || err instanceof ShapeError) return undefined;
    throw err;
  }
}

function describeLayout(layout: Layout, shape: Shape): string {
  const indices = [layout.rows, layout.cols].filter((l): l is string => l !== undefined && isIndexLabel(l));
  const item: Shape = [layout.rows === ROWS ? shape[0] : 1, layout.cols === COLS ? shape[1] : 1];
  const parts = [];
  if (indices.length) parts.push(`one value per ${indices.join(', ')}`);
  if (item[0] !== 1 || item[1] !== 1) parts.push(`each ${formatShape(item)}`);
  return parts.join(', ') || 'a scalar';
}
