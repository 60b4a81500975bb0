// The arrays a document's index notation implies. Nobody declares `y : N x 1` in Markdown or LaTeX; a
// question that writes `y_i` under `\sum_{i=1}^N` (or `\partial L / \partial z_i = p_i - y_i`) means that
// y is a vector over i. Each name written with a subscript of index letters, whose base means nothing in
// the question, is declared so: a column over its index's range (a matrix for two indices). The range is
// the upper bound of the question's summation signs over that index when they agree, else a size shared by
// such indices. The declarations are marked `implied`: a row meant where a column is implied (`\vec{s}`
// written whole in matrix form beside `s_i`) is possible, so a step judged wrong by its shape or a
// transpose is not trusted when it reaches one (src/check/doubts.ts).
// A sample superscript under a sum over its letter (Andrew Ng's `y^{(i)}`, `x_j^{(i)}` in
// `\sum_{i=1}^m`) names a row of the samples' array: the capital Y (m x 1) or X (m x n), as the textbooks
// stack samples. Bare `x` stays one sample (a number of its own), so `h_\theta(x)` beside the sum keeps
// its meaning; the superscript is a layer, not a sample, where no sum binds its letter.
import type { Expr, Statement } from '../syntax/ast';
import { normalizeName } from '../syntax/names';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';
import { indicesUsed, sampledNames, startOf, subscriptedNames, sumSigns } from './indexUses';
import { baseNameOf, kroneckerOf, subscriptsOf } from './indexNotation';
import { hasMeaning, isIndexLetter, type Scope } from './scope';
import { walkNames } from './names';
import { findInExpr } from '../syntax/walk';

/** Declares in `scope` the arrays that `statements` (a document question's) write in index notation. */
export function declareImpliedArrays(scope: Scope, statements: readonly Statement[]): void {
  const sides = statements.flatMap((st) => (st.kind === 'equation' ? [[st.lhs.expr, ...st.rhs.map((r) => r.expr)]] : []));
  const exprs = sides.flat();
  const isIndex = (i: string) => isIndexLetter(scope, i);
  const arrays = new Map<string, { indices: string[]; span: Expr['span'] } | 'conflict'>();
  for (const name of namesInBrackets(exprs)) arrays.set(name, 'conflict');
  const samples = sampleArrays(scope, sides);
  // `t_j`, `p_k`: an index letter as the base of an entry is an array when the question writes the letter
  // nowhere else: no index, bound or bare name of that letter (`\sum_{i=1}^n n_i` keeps n a size).
  const written = lettersWritten(exprs);
  const isIndexBase = (base: string) => isIndex(base) && written.has(base);
  // `x_j^{(i)}` is entry j of sample i (of X), not entry j of an array x.
  for (const use of samples.values()) if (use !== 'conflict') arrays.set(use.base, 'conflict');
  for (const e of exprs) {
    for (const use of subscriptedNames(e)) {
      if (use.indices.length > 2 || !use.indices.every(isIndex) || new Set(use.indices).size !== use.indices.length || kroneckerOf(use.text)) continue;
      const base = baseNameOf(use, use.name);
      if (hasMeaning(scope, base) || hasMeaning(scope, use.name) || hasMeaning(scope, capitalOf(base)) || BUILTIN_FUNCTIONS.has(base) || isIndexBase(base)) continue;
      const prior = arrays.get(base);
      if (prior === undefined) arrays.set(base, { indices: use.indices, span: e.span });
      else if (prior !== 'conflict' && prior.indices.length !== use.indices.length) arrays.set(base, 'conflict');
    }
  }
  if (arrays.size === 0 && samples.size === 0) return;
  const range = rangesOf(exprs, scope);
  const declare = (name: string, shape: [string | number, string | number], span: Expr['span'], samples?: true) => {
    for (const d of shape) if (typeof d === 'string') scope.dims.add(d);
    scope.declarations.set(name, samples ? { name, shape, span, implied: true, samples } : { name, shape, span, implied: true });
  };
  for (const [name, use] of arrays) {
    if (use !== 'conflict') declare(name, [range(use.indices[0]), use.indices.length === 2 ? range(use.indices[1]) : 1], use.span);
  }
  for (const [name, use] of samples) {
    if (use !== 'conflict') declare(name, [range(use.sample), use.entry === undefined ? 1 : range(use.entry)], use.span, true);
  }
}

type SampleArray = { base: string; sample: string; entry?: string; span: Expr['span'] } | 'conflict';

/**
 * The samples' arrays that sample superscripts imply, by capital name: `y^{(i)}` in a statement summing over
 * i makes Y a column over i, `x_j^{(i)}` makes X a matrix (rows i, columns j). Written both ways (or with
 * different letters), the name is a conflict and nothing is implied.
 */
function sampleArrays(scope: Scope, sides: readonly Expr[][]): Map<string, SampleArray> {
  const isIndex = (i: string) => isIndexLetter(scope, i);
  const arrays = new Map<string, SampleArray>();
  for (const use of markSampleEntries(scope, sides)) {
    const s = subscriptsOf(use.written);
    if (s && (s.indices.length !== 1 || !isIndex(s.indices[0]) || s.indices[0] === use.sample)) continue;
    const base = normalizeName(s ? s.base : use.written);
    const capital = capitalOf(base);
    // A letter with a sample superscript is a quantity (`t^{(k)}`, a target), even one that indexes elsewhere.
    if (capital === base || [base, capital].some((n) => hasMeaning(scope, n)) || BUILTIN_FUNCTIONS.has(base)) continue;
    const entry = s?.indices[0];
    const prior = arrays.get(capital);
    if (prior === undefined) arrays.set(capital, { base, sample: use.sample, entry, span: use.expr.span });
    else if (prior !== 'conflict' && (prior.sample !== use.sample || (prior.entry === undefined) !== (entry === undefined))) arrays.set(capital, 'conflict');
  }
  return arrays;
}

/**
 * Marks in `scope` the sample superscripts written under a sum over their letter (`x^{(i)}` in `\sum_{i=1}^m`):
 * samples of an array, the question's own or one a grading problem declares. Returns those uses.
 */
export function markSampleEntries(scope: Scope, sides: readonly Expr[][]): ReturnType<typeof sampledNames> {
  const marked: ReturnType<typeof sampledNames> = [];
  for (const statement of sides) {
    const summed = new Set(statement.flatMap((e) => sumSigns(e).flatMap((sign) => sign.indices)));
    for (const use of statement.flatMap(sampledNames)) {
      if (!summed.has(use.sample) || !isIndexLetter(scope, use.sample)) continue;
      scope.sampleEntries.add(startOf(use.expr));
      marked.push(use);
    }
  }
  return marked;
}

/** The letters the expressions write as indices, summation bounds or names of their own. */
function lettersWritten(exprs: readonly Expr[]): Set<string> {
  const written = new Set<string>();
  for (const e of exprs) {
    indicesUsed(e).forEach((i) => written.add(i));
    for (const sign of sumSigns(e)) for (const bound of [sign.lower, sign.upper]) if (bound !== undefined) written.add(bound);
    walkNames(e, (n) => written.add(n));
  }
  return written;
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
 * Letters that index one array in the same place run over one range, and an array the question declares gives
 * its letters its size: in `p_i = e^{a_i} / \sum_{k=1}^N e^{a_k}`, i runs over N as k does (y_i beside p_i
 * was a clash "i runs over n in y_i but over N in p_i").
 */
function rangesOf(exprs: readonly Expr[], scope: Scope): (index: string) => string | number {
  const classes = new IndexClasses();
  for (const e of exprs) {
    for (const sign of sumSigns(e)) {
      for (const i of sign.indices) if (sign.upper !== undefined && sign.indices.length === 1) classes.bound(i, sign.upper);
    }
    for (const use of subscriptedNames(e)) {
      const base = baseNameOf(use, use.name);
      use.indices.forEach((index, place) => classes.join(index, `${base}#${place}`));
      const declared = scope.declarations.get(base);
      if (declared && !declared.implied && use.indices.length === (declared.shape[1] === 1 ? 1 : 2)) use.indices.forEach((index, place) => classes.bound(index, String(declared.shape[place])));
    }
  }
  const written = new Set<string>();
  // An index letter is written too (`P_{mn}`): a size named n would make n a dimension, no longer an index.
  for (const e of exprs) {
    walkNames(e, (n) => written.add(n));
    indicesUsed(e).forEach((i) => written.add(i));
  }
  const shared = SHARED_SIZES.find((n) => !written.has(n)) ?? 'n_';
  return (index) => {
    const bounds = classes.boundsOf(index);
    const upper = bounds.size === 1 ? [...bounds][0] : undefined;
    if (upper !== undefined && /^[1-9][0-9]{0,3}$/.test(upper)) return Number(upper);
    if (upper !== undefined && /^\\?\p{L}+$/u.test(upper)) return normalizeName(upper.replace(/^\\/, ''));
    return shared;
  };
}

/** Index letters joined into classes of one range (with the places of arrays they index), and each class's bounds. */
class IndexClasses {
  private readonly parent = new Map<string, string>();
  private readonly bounds = new Map<string, Set<string>>();

  join(a: string, b: string): void {
    const [ra, rb] = [this.root(a), this.root(b)];
    if (ra === rb) return;
    this.parent.set(rb, ra);
    for (const bound of this.bounds.get(rb) ?? []) this.bound(ra, bound);
  }

  bound(index: string, upper: string): void {
    const r = this.root(index);
    (this.bounds.get(r) ?? this.bounds.set(r, new Set()).get(r)!).add(upper);
  }

  boundsOf(index: string): ReadonlySet<string> {
    return this.bounds.get(this.root(index)) ?? new Set();
  }

  private root(x: string): string {
    let r = x;
    for (let up = this.parent.get(r); up !== undefined; up = this.parent.get(r)) r = up;
    return r;
  }
}

const SHARED_SIZES = ['n', 'N', 'm', 'M', 'K', 'D'];

function capitalOf(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
