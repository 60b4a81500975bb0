// Recurrences: `h_t = \tanh(W h_{t-1} + U x_t)` writes h at two steps of t, so t counts time steps and h_t is
// the state at step t (a name of its own, given its sequence's shape by src/analysis/timeSteps.ts), not the
// entries of an array h defined one by one. Entries defined from a neighbouring entry of the same array
// (`x_i = x_{i-1} + 1`) are nothing index notation reads either, so no reading is lost.
import type { Expr } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';

/** Whether `rhs` writes the name written `lhsText` (`h_t`, `\mathbf{h}_{t}`) at a step of `letter` before or after it. */
export function writesNeighbouringStep(lhsText: string, letter: string, rhs: Expr): boolean {
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  const step = `${squeeze(lhsText.slice(0, lhsText.lastIndexOf('_')))}_{${letter}`;
  const found = findInExpr(rhs, (x) => {
    if (x.kind !== 'name') return false;
    const text = squeeze(x.text);
    return text.startsWith(step) && /^[+-]\d+\}$/.test(text.slice(step.length));
  });
  return found !== undefined;
}
