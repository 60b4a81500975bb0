// A sum over a question's sample label (src/resolve/indexUses.ts `sampleLabels`): a question that writes
// `r = w x_i - y_i` for one sample reads x_i as a number of its own, so under `\sum_{i=1}^{3}` nothing in the
// summand changes with i, and the sum would read as 3 times one term, which is not what the author sums
// (the three points). Such a sum is a limit of the reading, never a verdict.
import { IndexLimit, productLabels, type Product } from '../ir/tensor';

/** Throws when `index` is one of the question's sample labels and no factor of the summand runs over it. */
export function requireSummandOverLabel(summand: Product, index: string, labels: ReadonlySet<string>): void {
  if (!labels.has(index) || productLabels(summand).includes(index)) return;
  throw new IndexLimit(`${index} is one sample's label in this question (a line writes it bound by no sum), so nothing in the summand runs over it and chainrule cannot read the sum`);
}
