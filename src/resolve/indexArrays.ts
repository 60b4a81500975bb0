// The arrays a document's index notation implies. Nobody declares `y : N x 1` in Markdown or LaTeX; a
// question that writes `y_i` under `\sum_{i=1}^N` (or `\partial L / \partial z_i = p_i - y_i`) means that
// y is a vector over i. Each name written with a subscript of index letters, whose base means nothing in
// the question, is declared so: a column over its index's range (a matrix for two indices). The range is
// the upper bound of the question's summation signs over that index when they agree, else a size shared by
// such indices. The declarations are marked `implied`: a row meant where a column is implied (`\vec{s}`
// written whole in matrix form beside `s_i`) is possible, so a step judged wrong by its shape or a
// transpose is not trusted when it reaches one (src/check/doubts.ts).
import type { Expr, Statement } from '../syntax/ast';
import { normalizeName } from '../syntax/names';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';
import { subscriptedNames, sumSigns } from './indexUses';
import { baseNameOf, kroneckerOf } from './indexNotation';
import { hasMeaning, isIndexLetter, type Scope } from './scope';
import { walkNames } from './names';
import { findInExpr } from '../syntax/walk';

/** Declares in `scope` the arrays that `statements` (a document question's) write in index notation. */
export function declareImpliedArrays(scope: Scope, statements: readonly Statement[]): void {
  const exprs = statements.flatMap((st) => (st.kind === 'equation' ? [st.lhs.expr, ...st.rhs.map((r) => r.expr)] : []));
  const isIndex = (i: string) => isIndexLetter(scope, i);
  const arrays = new Map<string, { indices: string[]; span: Expr['span'] } | 'conflict'>();
  for (const name of namesInBrackets(exprs)) arrays.set(name, 'conflict');
  for (const e of exprs) {
    for (const use of subscriptedNames(e)) {
      if (use.indices.length > 2 || !use.indices.every(isIndex) || new Set(use.indices).size !== use.indices.length || kroneckerOf(use.text)) continue;
      const base = baseNameOf(use, use.name);
      if (hasMeaning(scope, base) || hasMeaning(scope, use.name) || hasMeaning(scope, capitalOf(base)) || BUILTIN_FUNCTIONS.has(base) || isIndex(base)) continue;
      const prior = arrays.get(base);
      if (prior === undefined) arrays.set(base, { indices: use.indices, span: e.span });
      else if (prior !== 'conflict' && prior.indices.length !== use.indices.length) arrays.set(base, 'conflict');
    }
  }
  if (arrays.size === 0) return;
  const range = rangesOf(exprs);
  const declare = (name: string, shape: [string | number, string | number], span: Expr['span']) => {
    for (const d of shape) if (typeof d === 'string') scope.dims.add(d);
    scope.declarations.set(name, { name, shape, span, implied: true });
  };
  for (const [name, use] of arrays) {
    if (use !== 'conflict') declare(name, [range(use.indices[0]), use.indices.length === 2 ? range(use.indices[1]) : 1], use.span);
  }
}

/**
 * The bases of subscripted names written inside a bracket literal: `f[x_i, \phi]` and `\ell[f_3, y_i]`
 * are a function's arguments in square brackets, not a matrix of arrays, so x and y there are numbers.
 */
function namesInBrackets(exprs: readonly Expr[]): Set<string> {
  const names = new Set<string>();
  for (const e of exprs) {
    findInExpr(e, (x) => {
      if (x.kind === 'matrix') for (const entry of x.rows.flat()) for (const use of subscriptedNames(entry)) names.add(baseNameOf(use, use.name));
      return false;
    });
  }
  return names;
}

/**
 * Each index's range: the one upper bound its summation signs give it (a name or a whole number), else one
 * size shared by every such index of the question (`n`, or another letter the question does not use):
 * nothing says the sizes differ, and a size of their own for each letter would make `y_i` and `y_k` clash.
 */
function rangesOf(exprs: readonly Expr[]): (index: string) => string | number {
  const uppers = new Map<string, Set<string>>();
  for (const e of exprs) {
    for (const sign of sumSigns(e)) {
      for (const i of sign.indices) if (sign.upper !== undefined && sign.indices.length === 1) (uppers.get(i) ?? uppers.set(i, new Set()).get(i)!).add(sign.upper);
    }
  }
  const written = new Set<string>();
  for (const e of exprs) walkNames(e, (n) => written.add(n));
  const shared = SHARED_SIZES.find((n) => !written.has(n)) ?? 'n_';
  return (index) => {
    const bounds = uppers.get(index);
    const upper = bounds?.size === 1 ? [...bounds][0] : undefined;
    if (upper !== undefined && /^[1-9][0-9]{0,3}$/.test(upper)) return Number(upper);
    if (upper !== undefined && /^\\?\p{L}+$/u.test(upper)) return normalizeName(upper.replace(/^\\/, ''));
    return shared;
  };
}

const SHARED_SIZES = ['n', 'N', 'm', 'M', 'K', 'D'];

function capitalOf(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
