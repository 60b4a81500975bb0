// A name written as one entry of another name of the question (`scores_0` beside `scores`, `z_j` beside `z`), or as
// one of a function's numbered parameters (`loss(scores_0, scores_1, scores_2)`). An entry of an array is a number, so `\text{softmax}(scores_0)` is the author's shorthand for entry 0 of the
// softmax, never a sign that scores_0 is a vector of its own (src/analysis/shapeUnification.ts).
import type { FunctionDefinition } from '../resolve/scope';
import type { Expr } from '../syntax/ast';
import { normalizeName } from '../syntax/names';

/** `\mathit{scores_0}`, `{z_{j}}`: the written base and its one subscript, a number or a letter. */
const ONE_SUBSCRIPT = /^(\\?\p{L}+)_(\d+|\p{L})$/u;

/** The name a written `base_k` is an entry of, when its subscript is one number or one letter. */
function entryBaseOf(text: string): string | undefined {
  const bare = text.replace(/\\(?:mathit|mathrm|mathbf|boldsymbol|bm)\b|[{}\s]/g, '');
  const m = ONE_SUBSCRIPT.exec(bare);
  return m ? normalizeName(m[1].replace(/^\\/, '')) : undefined;
}

/** Whether `e` is a name written as an entry of one of `names` (the base itself, not the entry, being a name there). */
export function isEntryOfName(e: Expr, names: ReadonlySet<string>): boolean {
  if (e.kind !== 'name') return false;
  const base = entryBaseOf(e.text);
  return base !== undefined && base !== e.name && names.has(base);
}

/**
 * The parameters of functions written on two or more numbered entries of one name (`E(a_0, a_1, a_2)`): the
 * author states the function takes that many numbers.
 */
export function numberedParameters(functions: Iterable<FunctionDefinition>): Set<string> {
  const found = new Set<string>();
  for (const f of functions) {
    const bases = f.header.map((h) => (h.kind === 'name' && /_\{?\d+\}?\}?$/.test(h.text) ? entryBaseOf(h.text) : undefined));
    if (bases.length >= 2 && bases[0] !== undefined && bases.every((b) => b === bases[0])) f.params.forEach((p) => found.add(p));
  }
  return found;
}
