// Visiting every subexpression of an AST expression, iteratively (a submission's expressions may be deep).
import type { Expr } from './ast';

/** Every name `e` writes (not through definitions), added to `into`. */
export function namesIn(e: Expr, into: Set<string> = new Set()): Set<string> {
  findInExpr(e, (x) => (x.kind === 'name' && into.add(x.name), false));
  return into;
}

/** Calls `visit` on `root` and each subexpression; stops early, returning that node, when `visit` returns true. */
export function findInExpr(root: Expr, visit: (e: Expr) => boolean): Expr | undefined {
  const stack: Expr[] = [root];
  while (stack.length) {
    const e = stack.pop()!;
    if (visit(e)) return e;
    pushChildren(e, stack);
  }
  return undefined;
}

/** Pushes the expression's direct subexpressions, in order, onto `stack` (findInExpr runs this per node of every walk: no array per node). */
function pushChildren(e: Expr, stack: Expr[]): void {
  switch (e.kind) {
    case 'call':
      for (const a of e.args) stack.push(a);
      return;
    case 'neg':
    case 'transpose':
    case 'entry':
      stack.push(e.arg);
      return;
    case 'binary':
      stack.push(e.left, e.right);
      return;
    case 'power':
      stack.push(e.base, e.exponent);
      return;
    case 'matrix':
      for (const row of e.rows) for (const x of row) stack.push(x);
      return;
    case 'pattern':
      stack.push(e.entry);
      return;
    case 'deriv':
      stack.push(e.of, ...e.wrt);
      return;
  }
}

/** The expression's direct subexpressions. */
export function childrenOf(e: Expr): Expr[] {
  const out: Expr[] = [];
  pushChildren(e, out);
  return out;
}

/**
 * The expression rewritten: `replace` is tried on every node from the root down; where it gives a node,
 * that node is used as it is, elsewhere the children are rewritten. Trees deeper than MAX_REWRITE_DEPTH
 * (only a ```cr fence builds them; LaTeX rows are bounded) are left as they are below it.
 */
export function rewriteExpr(e: Expr, replace: (x: Expr) => Expr | undefined, depth = 0): Expr {
  const replaced = replace(e);
  if (replaced) return replaced;
  if (depth > MAX_REWRITE_DEPTH) return e;
  const r = (x: Expr) => rewriteExpr(x, replace, depth + 1);
  switch (e.kind) {
    case 'call':
      return { ...e, args: e.args.map(r) };
    case 'neg':
    case 'transpose':
    case 'entry':
      return { ...e, arg: r(e.arg) };
    case 'binary':
      return { ...e, left: r(e.left), right: r(e.right) };
    case 'power':
      return { ...e, base: r(e.base), exponent: r(e.exponent) };
    case 'matrix':
      return { ...e, rows: e.rows.map((row) => row.map(r)) };
    case 'pattern':
      return { ...e, entry: r(e.entry) };
    case 'deriv':
      return { ...e, of: r(e.of), wrt: e.wrt.map(r) };
    default:
      return e;
  }
}

const MAX_REWRITE_DEPTH = 4000;

/**
 * Whether two expressions are the same as read, however they were written (spans and source text aside):
 * exactly whether their JSON without those keys is the same text (key order included), compared node by
 * node without writing it out. Graders ask this of every claim against every ask: the JSON strings were a
 * tenth of a batch's CPU.
 */
export function isSameExpr(a: Expr, b: Expr): boolean {
  return sameJson(a, b);
}

/** A text two expressions share exactly when isSameExpr holds: to look many up at once, by a Map. */
export function sameExprKey(e: Expr): string {
  return JSON.stringify(e, dropUnread);
}

/** Keys JSON leaves out of the comparison: where and how a node was written, not what it is. */
const UNREAD_KEYS = new Set(['span', 'text', 'calleeText']);

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = jsonScalar(a);
  const y = jsonScalar(b);
  if (x !== NOT_SCALAR || y !== NOT_SCALAR) return x === y;
  if (!isPlain(a as object) || !isPlain(b as object)) return JSON.stringify(a, dropUnread) === JSON.stringify(b, dropUnread); // a Map, a Date: JSON's own rules
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(inArray(a[i]), inArray(b[i]))) return false;
    return true;
  }
  return sameObjects(a as Record<string, unknown>, b as Record<string, unknown>);
}

/** The keys JSON writes, in its order, walked side by side (no filtered copies: this runs per node). */
function sameObjects(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < keysA.length && !written(keysA[i], a[keysA[i]])) i++;
    while (j < keysB.length && !written(keysB[j], b[keysB[j]])) j++;
    if (i === keysA.length || j === keysB.length) return i === keysA.length && j === keysB.length;
    if (keysA[i] !== keysB[j] || !sameJson(a[keysA[i]], b[keysB[j]])) return false;
    i++;
    j++;
  }
}

const NOT_SCALAR = Symbol('object');

/** What JSON writes for a value that is not an object: a non-finite number is null; an object is NOT_SCALAR. */
function jsonScalar(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return v !== null && typeof v === 'object' ? NOT_SCALAR : v;
}

/** JSON writes nothing for these in an object, and null in an array. */
function unwritten(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function inArray(v: unknown): unknown {
  return unwritten(v) ? null : v;
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === Array.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** Whether JSON writes this key of an object. */
function written(key: string, value: unknown): boolean {
  return !UNREAD_KEYS.has(key) && !unwritten(value);
}

function dropUnread(key: string, value: unknown): unknown {
  return UNREAD_KEYS.has(key) ? undefined : value;
}
