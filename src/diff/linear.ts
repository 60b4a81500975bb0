// The Jacobian as a matrix expression, read off a VJP. A pullback p = vjp(f, u, x) is linear in its
// cotangent u, so its DAG writes p as a sum of terms  c L u R  (u^T for the other orientation), with the
// scalar c and the matrices L, R free of u. For vectors f and x, vec(p) = J^T vec(u), so each term gives its
// share of the Jacobian J (numerator layout) as a product of the author's own nodes: A, diag(exp(A x)) A,
// diag(s) - s s^T. Works at symbolic sizes; a node the walk does not know gives up (undefined).
import type { Dim, Node, Shape } from '../ir/types';
import { isScalarShape, shapesEqual } from '../ir/types';
import type { Builder } from '../ir/build';
import { fillValue, topologicalOrder } from '../ir/inspect';
import { Simplifier } from '../ir/simplify';

/**
 * What stands between L and R: u as a column vector ('col': u, or u^T for a row u), u as a row ('row'), or
 * diag(t) for a term t whose value is a column (pullbacks through diag(x), or a vector broadcast against
 * a matrix and multiplied elementwise).
 */
type Middle = 'col' | 'row' | Term;

interface Term {
  /** A scalar factor free of u. */
  readonly scale: Node;
  /** The factors of L and of R, in product order (empty: the identity). */
  readonly left: readonly Node[];
  readonly right: readonly Node[];
  readonly middle: Middle;
}

/** A u-dependent node as a sum of terms. */
type Form = readonly Term[];

/** More terms than this and the walk gives up: the expression would not be read anyway. */
const MAX_TERMS = 64;

class Unsupported extends Error {}

function unsupported(): never {
  throw new Unsupported();
}

function entryCount(s: Shape): Dim {
  return s[0] === 1 ? s[1] : s[0];
}

/**
 * The Jacobian J (entries of u by entries of p) with vec(p) = J^T vec(u), for a pullback `p` of vector or
 * scalar shape that is linear in the vector `u`; undefined when p holds a node the walk does not read.
 * `frozen`: the forward graph, left as written by the simplifier so names stay attached.
 */
export function jacobianOfPullback(b: Builder, p: Node, u: Node, frozen: ReadonlySet<number>): Node | undefined {
  let form: Form | undefined;
  try {
    form = linearForm(b, p, u);
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
  const m = entryCount(u.shape);
  const shape: Shape = [m, entryCount(p.shape)];
  if (!form) return fillValue(p) === 0 ? b.zerosOf(shape) : undefined;
  const terms = form.map((t) => jacobianTerm(b, withoutDiagonals(b, t, p.shape[1] === 1), m));
  return new Simplifier(b, { frozen }).simplify(b.addAll(gatherDiagonals(b, terms), shape));
}

/**
 * Diagonal terms gathered into one diag, whose entries the simplifier can then combine:
 * (a2 - y) diag(p) - (a2 - y) diag(q) = diag((a2 - y) (p - q)).
 */
function gatherDiagonals(b: Builder, terms: readonly Node[]): readonly Node[] {
  const diagonals = terms.map((t) => diagonalOf(b, t));
  const gathered = diagonals.filter((d): d is Node => d !== undefined);
  if (gathered.length < 2) return terms;
  const [first] = gathered;
  const sum = b.addAll(
    gathered.map((d) => (shapesEqual(d.shape, first.shape) ? d : b.transpose(d))),
    first.shape,
  );
  return [b.diag(sum), ...terms.filter((_, k) => !diagonals[k])];
}

/**
 * The share of one term. With u a column in the middle, vec(L u R) = R^T L u once the value is a vector
 * (R is 1 x 1 for a column value, L is 1 x 1 for a row), so J = L^T R; with u a row in the middle, J = R L^T.
 * `mul` is juxtaposition: a 1 x 1 side scales. `m`: the entries of u.
 */
function jacobianTerm(b: Builder, t: Term, m: Dim): Node {
  const column = t.middle === 'col';
  const lt = product(b, [...t.left].reverse().map((f) => b.transpose(f)), column ? m : 1);
  const r = product(b, t.right, column ? 1 : m);
  return b.mul(t.scale, column ? b.mul(lt, r) : b.mul(r, lt));
}

/**
 * The term, of a vector value (a column when `column`), with its diag(v) middles removed: L diag(v) R with
 * R a column is L diag(R) v; with L a row it is (diag(L) v)^T R.
 */
function withoutDiagonals(b: Builder, t: Term, column: boolean): Term {
  const inner = t.middle;
  if (typeof inner === 'string') return t;
  if (column) return withoutDiagonals(b, { ...inner, scale: b.mul(t.scale, inner.scale), left: [...t.left, b.diag(product(b, t.right, 1)), ...inner.left] }, true);
  const flipped = transposed(b, withoutDiagonals(b, { ...inner, left: [b.diag(product(b, t.left, 1)), ...inner.left] }, true));
  return { ...flipped, scale: b.mul(t.scale, flipped.scale), right: [...flipped.right, ...t.right] };
}

/** v when `n` is diag(v) up to a sign, a scalar factor or a scalar divisor (eye(k) is diag(ones(k, 1))). */
function diagonalOf(b: Builder, n: Node): Node | undefined {
  const inner = (k: number, wrap: (v: Node) => Node) => {
    const v = diagonalOf(b, n.args[k]);
    return v && wrap(v);
  };
  if (n.op === 'diag') return n.args[0];
  if (n.op === 'eye') return b.ones(n.shape[0], 1);
  if (n.op === 'neg') return inner(0, (v) => b.neg(v));
  if (n.op === 'hadamard' && isScalarShape(n.args[0].shape)) return inner(1, (v) => b.hadamard(n.args[0], v));
  if (n.op === 'div' && isScalarShape(n.args[1].shape)) return inner(0, (v) => b.div(v, n.args[1]));
  return undefined;
}

/**
 * The product of a chain of factors (`size`: of the identity, when there are none). Adjacent pairs the
 * builder can rewrite are multiplied first, wherever they sit (diag(s) ones(k, 1) = s, ones(1, k) diag(s)
 * = s^T); the rest associate to the left.
 */
function product(b: Builder, factors: readonly Node[], size: Dim): Node {
  if (factors.length === 0) return b.eye(size);
  const fs = [...factors];
  for (let i = 0; i + 1 < fs.length; ) {
    const m = b.matmul(fs[i], fs[i + 1]);
    if (m.op === 'matmul' && m.args[0] === fs[i] && m.args[1] === fs[i + 1]) i++;
    else {
      fs.splice(i, 2, m);
      i = Math.max(0, i - 1);
    }
  }
  return fs.reduce((acc, f) => b.matmul(acc, f));
}

/** (c L M R)^T = c R^T M^T L^T; diag(v) is its own transpose. */
function transposed(b: Builder, t: Term): Term {
  const flip = (fs: readonly Node[]) => [...fs].reverse().map((f) => b.transpose(f));
  return { scale: t.scale, left: flip(t.right), right: flip(t.left), middle: t.middle === 'col' ? 'row' : t.middle === 'row' ? 'col' : t.middle };
}

/** The form of every u-dependent node of p's DAG, bottom up; undefined when p does not depend on u. */
function linearForm(b: Builder, p: Node, u: Node): Form | undefined {
  const middle: Middle = u.shape[0] === 1 && u.shape[1] !== 1 ? 'row' : 'col';
  const forms = new Map<number, Form>([[u.id, [{ scale: b.constant(1), left: [], right: [], middle }]]]);
  for (const n of topologicalOrder([p])) {
    if (n.id === u.id || !n.args.some((a) => forms.has(a.id))) continue;
    const form = formOf(b, n, n.args.map((a) => forms.get(a.id)));
    if (form.length > MAX_TERMS) unsupported();
    forms.set(n.id, form);
  }
  return forms.get(p.id);
}

/** The single argument that depends on u, with its index; both depending on u is not linear. */
function oneDependent(args: readonly (Form | undefined)[]): { form: Form; k: number } {
  const ks = args.flatMap((f, k) => (f ? [k] : []));
  if (ks.length !== 1) unsupported();
  return { form: args[ks[0]]!, k: ks[0] };
}

function formOf(b: Builder, n: Node, args: readonly (Form | undefined)[]): Form {
  const [x, y] = n.args;
  switch (n.op) {
    case 'add':
      return n.args.flatMap((a, k) => {
        const f = args[k];
        // A term free of u would make p affine, not linear: never a pullback.
        if (!f) return fillValue(a) === 0 ? [] : unsupported();
        return broadcast(b, f, a.shape, n.shape);
      });
    case 'neg':
      return args[0]!.map((t) => ({ ...t, scale: b.neg(t.scale) }));
    case 'hadamard': {
      const { form, k } = oneDependent(args);
      return multiplyElementwise(b, form, n.args[k].shape, n.args[1 - k], n.shape);
    }
    case 'div': {
      if (!args[0] || args[1]) unsupported();
      const v = fillValue(y);
      if (v !== undefined || isScalarShape(y.shape)) return broadcast(b, args[0], x.shape, n.shape).map((t) => ({ ...t, scale: b.div(t.scale, v ?? y) }));
      return multiplyElementwise(b, args[0], x.shape, b.div(1, y), n.shape);
    }
    case 'matmul': {
      const { form, k } = oneDependent(args);
      return k === 1 ? form.map((t) => ({ ...t, left: [x, ...t.left] })) : form.map((t) => ({ ...t, right: [...t.right, y] }));
    }
    case 'transpose':
      return args[0]!.map((t) => transposed(b, t));
    case 'sum':
      return sumRows(b, sumCols(b, args[0]!, x.shape), x.shape);
    case 'sumrows':
      return sumRows(b, args[0]!, x.shape);
    case 'sumcols':
      return sumCols(b, args[0]!, x.shape);
    default:
      return unsupported();
  }
}

/** ones(1, r) N: the sums of N's columns. */
function sumRows(b: Builder, form: Form, s: Shape): Form {
  return s[0] === 1 ? form : form.map((t) => ({ ...t, left: [b.ones(1, s[0]), ...t.left] }));
}

/** N ones(c, 1): the sums of N's rows. */
function sumCols(b: Builder, form: Form, s: Shape): Form {
  return s[1] === 1 ? form : form.map((t) => ({ ...t, right: [...t.right, b.ones(s[1], 1)] }));
}

/** N repeated to `to` by the strict broadcasting rule: ones(r, 1) N for a row or scalar, N ones(1, c) for a column or scalar. */
function broadcast(b: Builder, form: Form, from: Shape, to: Shape): Form {
  if (shapesEqual(from, to)) return form;
  const down = from[0] === 1 && to[0] !== 1;
  const across = from[1] === 1 && to[1] !== 1;
  return form.map((t) => ({
    ...t,
    left: down ? [b.ones(to[0], 1), ...t.left] : t.left,
    right: across ? [...t.right, b.ones(1, to[1])] : t.right,
  }));
}

/**
 * N .* V for the u-dependent N (shaped `from`) and V free of u, the result shaped `to`: a filled or scalar V
 * scales; a column V scales rows (diag(V) N), a row V columns (N diag(V)); a matrix V times a broadcast
 * column N is diag(N) V (a row N: V diag(N^T)), and times a matrix N see matrixTimes.
 */
function multiplyElementwise(b: Builder, form: Form, from: Shape, v: Node, to: Shape): Form {
  const filled = fillValue(v);
  if (filled !== undefined || isScalarShape(v.shape)) return broadcast(b, form, from, to).map((t) => ({ ...t, scale: b.mul(t.scale, filled ?? v) }));
  if (v.shape[1] === 1) return broadcast(b, form, from, to).map((t) => ({ ...t, left: [b.diag(v), ...t.left] }));
  if (v.shape[0] === 1) return broadcast(b, form, from, to).map((t) => ({ ...t, right: [...t.right, b.diag(v)] }));
  if (shapesEqual(from, to)) return form.map((t) => matrixTimes(b, t, v));
  if (from[0] === 1 && from[1] !== 1) return form.map((t) => ({ scale: b.constant(1), left: [v], right: [], middle: transposed(b, t) }));
  return broadcast(b, form, from, [to[0], 1]).map((t) => ({ scale: b.constant(1), left: [], right: [v], middle: t }));
}

/**
 * A matrix-valued term times a matrix V entry by entry. With u a column in the middle, L u is a column and
 * R a row, so (L u R) .* V = diag(L u) V diag(R); with u a row, (L u R) .* V = diag(L) V diag(R^T u^T).
 * A diagonal middle with only diagonal factors on one side takes V on the other: (D diag(v) R) .* V =
 * D diag(v) (R .* V).
 */
function matrixTimes(b: Builder, t: Term, v: Node): Term {
  const one = b.constant(1);
  if (t.middle === 'col') return { scale: t.scale, left: [], right: [v, b.diag(product(b, t.right, 1))], middle: { scale: one, left: t.left, right: [], middle: 'col' } };
  if (t.middle === 'row') return { scale: t.scale, left: [b.diag(product(b, t.left, 1)), v], right: [], middle: transposed(b, { scale: one, left: [], right: t.right, middle: 'row' }) };
  if (t.left.every(isDiagonal) && t.right.length > 0) return { ...t, right: [b.hadamard(product(b, t.right, 1), v)] };
  if (t.right.every(isDiagonal) && t.left.length > 0) return { ...t, left: [b.hadamard(product(b, t.left, 1), v)] };
  // diag(v) .* eye(k) = diag(v); any other V would pick entries off the diagonal.
  return v.op === 'eye' && t.left.length === 0 ? t : unsupported();
}

function isDiagonal(n: Node): boolean {
  return n.op === 'diag' || n.op === 'eye';
}
