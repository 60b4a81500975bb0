// A subscripted name chainrule took as a number of its own although its base is one of the question's arrays:
// `S_{n\ell}` beside the matrix S, with a letter (`\ell`) it does not read as an index. The author means an entry
// of S; taken as an independent scalar it is a constant where S varies, so the truth itself is misread and a
// step that does not match it may well be right. The undeclared scalars of doubts.ts are a special case of
// arrays (a step wrong for them is wrong for arrays too); an entry misread is not, so such a step is unjudged.
import type { Expr } from '../syntax/ast';
import { isScalarShape } from '../ir/types';
import { namesReached } from '../resolve/names';
import { normalizeName } from '../syntax/names';
import { baseNameOf, subscriptsOf } from '../resolve/indexNotation';
import type { ClaimCheck } from './claim';

// A subscript of letters with a LaTeX letter command among them (`S_{n\ell}`, `w_{\alpha}`), which index notation
// does not read (docs/index-notation.md §1): digits (`W_1`, a name of its own) never match.
const COMMAND_SUBSCRIPT = /^(\\?\p{L}[^_{}]*?)_\{((?:\s*(?:\p{L}|\\[a-zA-Z]+))+\s*)\}$/u;

/** Why a wrong step is not judged when its target or itself reaches an entry read as a scalar; undefined otherwise. */
export function entriesReadAsScalars({ claim, lowering }: ClaimCheck, step: Expr): { message: string; hint: string } | undefined {
  const scope = lowering.scope;
  const isArray = (name: string) => {
    const declared = scope.declarations.get(name);
    return (declared !== undefined && !isScalarShape(declared.shape)) || scope.definitions.has(name);
  };
  const misread = new Map<string, string>();
  const onName = (x: Extract<Expr, { kind: 'name' }>) => {
    const written = COMMAND_SUBSCRIPT.exec(x.text.trim());
    if (!written || !written[2].includes('\\') || !lowering.isUndeclared(x.name)) return;
    const base = normalizeName(written[1]);
    if (base !== x.name && isArray(base)) misread.set(x.text.trim(), written[1]);
  };
  // An entry (`P_{nc}`) reaches the definition of its array (P), which an entry-by-entry definition keys by P.
  const meaningOf = (n: string) => scope.definitions.get(entryOf.get(n) ?? n)?.expr ?? scope.functions.get(n)?.body;
  const entryOf = new Map<string, string>();
  const onEntry = (x: Extract<Expr, { kind: 'name' }>) => {
    const entry = subscriptsOf(x.text);
    if (entry) entryOf.set(x.name, baseNameOf(entry, x.name));
    onName(x);
  };
  namesReached(claim.target.expr, meaningOf, onEntry);
  namesReached(step, meaningOf, onEntry);
  const [first] = misread;
  if (!first) return undefined;
  const [text, base] = first;
  return {
    message: `chainrule read ${text} as a number of its own, not as an entry of ${base} (it does not read a LaTeX command in a subscript as an index), so it cannot tell whether this line is wrong`,
    hint: `write the entry's indices with letters such as i, j, k (e.g. ${base}_{ij})`,
  };
}
