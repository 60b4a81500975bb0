// Index notation read in the statements a part sees before its own (the question's stem, earlier parts) makes a
// name an array there too, since students build (b) on (a). But a part may set a name up again as a number:
// `(a)` writes the softmax's `L = -\sum_i y_i \log p_i`, `(b)` the binary case's `\ell = -y \log a - (1 - y)
// \log(1 - a)`. Where a formula of the part's own does not lower with the arrays read so, and does with those its
// own statements imply (with the formulas of the names they reach, as for borrowed formulas), those are kept,
// and the earlier formulas that only lower with the other arrays are set aside as the earlier parts' own.
import { hasMeaning, type Scope } from '../resolve/scope';
import type { Span, Statement } from '../syntax/ast';
import { declareReachedArrays } from './borrowedFormulas';
import { lowersIn } from './lowers';

export function keepArraysOwnFormulasFit(scope: Scope, before: readonly Statement[], own: readonly Statement[], textOf: (span: Span) => string): void {
  if (before.length === 0 || own.length === 0) return;
  const ownSpans = new Set(own.map((st) => st.span));
  const ownFormulas = [...scope.definitions].filter(([, d]) => ownSpans.has(d.span)).map(([name]) => name);
  const failing = ownFormulas.filter((name) => !lowersIn(scope, name, textOf));
  if (failing.length === 0) return;
  const written = new Map([...scope.declarations].filter(([, d]) => !d.implied));
  const trial: Scope = { ...scope, declarations: written, dims: new Set(scope.dims), sampleEntries: new Set(scope.sampleEntries) };
  declareReachedArrays(trial, before, own);
  if (!ownFormulas.every((name) => lowersIn(trial, name, textOf))) return;
  // The earlier parts' formulas written for their arrays (`p_i = e^{s_i} / ...`) are theirs, not this part's.
  const definitions = new Map([...scope.definitions].filter(([name, d]) => ownSpans.has(d.span) || lowersIn(trial, name, textOf)));
  Object.assign(scope, { definitions, declarations: trial.declarations, dims: trial.dims, sampleEntries: trial.sampleEntries });
  for (const name of [...scope.borrowed]) if (!hasMeaning(scope, name)) scope.borrowed.delete(name);
}
