// Elementwise arithmetic with strict broadcasting: add, neg, hadamard (also scaling by a scalar), div, pow.
import type { Node, Shape } from '../ir/types';
import { isScalarShape } from '../ir/types';
import type { OpDef } from './types';
import type { Builder } from '../ir/build';
import { elementwiseShape, sameShape, attempt, foldsInRange } from './helpers';
import { fillValue, isScalar, scalarConst, splitCoefficient } from '../ir/inspect';
import { elementwiseOnLiterals } from '../ir/literal';
import { broadcastShapes } from '../ir/dims';
import { map, zip } from '../numeric/matrix';
import { Prec, atLeast, infix, juxtLeft, juxtRight, latexAtLeast, latexInfix, latexParens, latexRight, rightOperand, type Printed } from './printing';
import { passLimits } from '../limits/index';

/** Terms of a sum, looking through nested adds; bounded so repeated building stays cheap. */
function sumTerms(n: Node, budget: { left: number }, out: Node[]): void {
  if (n.op === 'add' && budget.left > 0) {
    budget.left--;
    sumTerms(n.args[0], budget, out);
    sumTerms(n.args[1], budget, out);
  } else out.push(n);
}

/** x + y with like terms collected (x + x = 2 x, 2 x - 3 x = -x, x - x = 0, 2 + 3 = 5). */
function collectLikeTerms(b: Builder, x: Node, y: Node, shape: Shape): Node | undefined {
  const terms: Node[] = [];
  const budget = { left: 8 };
  sumTerms(x, budget, terms);
  sumTerms(y, budget, terms);
  const groups = new Map<string, { coef: number; rest: Node | undefined }>();
  let repeated = false;
  for (const t of terms) {
    const { coef, rest } = splitCoefficient(t);
    const key = rest ? String(rest.id) : 'const';
    const g = groups.get(key);
    if (g) {
      g.coef += coef;
      repeated = true;
    } else groups.set(key, { coef, rest });
  }
  if (!repeated) return undefined;
  const rebuilt: Node[] = [];
  for (const { coef, rest } of groups.values()) {
    if (coef === 0) continue;
    rebuilt.push(rest === undefined ? b.constant(coef) : b.hadamard(coef, rest));
  }
  return attempt(shape, () => b.addAll(rebuilt, shape));
}

function printAdd(left: Printed, right: Printed): Printed {
  // a + (-q) prints as a - q; so does a + (-2 q), when what follows the sign binds at least as tightly as a product.
  if (right.negated) return { text: `${atLeast(left, Prec.Sum).text} - ${rightOperand(right.negated, Prec.Sum).text}`, prec: Prec.Sum, form: 'other' };
  if (right.text.startsWith('-') && right.prec >= Prec.Product) {
    return { text: `${atLeast(left, Prec.Sum).text} - ${right.text.slice(1)}`, prec: Prec.Sum, form: 'other' };
  }
  return infix(left, '+', right, Prec.Sum);
}

function printAddLatex(left: Printed, right: Printed): Printed {
  if (right.negated) return { text: `${latexAtLeast(left, Prec.Sum).text} - ${latexRight(right.negated, Prec.Sum).text}`, prec: Prec.Sum };
  if (right.text.startsWith('-') && right.prec >= Prec.Product) {
    return { text: `${latexAtLeast(left, Prec.Sum).text} - ${right.text.slice(1)}`, prec: Prec.Sum };
  }
  return latexInfix(left, '+', right, Prec.Sum);
}

export const addOp: OpDef = {
  name: 'add',
  arity: 2,
  elementwise: true,
  shape: elementwiseShape('add'),
  rewrite: (b, [x, y], _attrs, shape) => {
    const vx = fillValue(x);
    const vy = fillValue(y);
    if (vx !== undefined && vy !== undefined) return b.fillOf(vx + vy, shape);
    if (vx === 0) return b.broadcastTo(y, shape);
    if (vy === 0) return b.broadcastTo(x, shape);
    const r = elementwiseOnLiterals(b, [x, y], shape, ([p, q]) => b.add(p, q)) ?? collectLikeTerms(b, x, y, shape);
    if (r) return r;
    // Sums associate to the left: x y + (y - x) is x y + y - x.
    if (y.op === 'add') return attempt(shape, () => b.add(b.add(x, y.args[0]), y.args[1]));
    return undefined;
  },
  evaluate: ([a, c]) => zip(a, c, (p, q) => p + q),
  vjp: (b, node, g, wanted) => node.args.map((a, i) => (wanted[i] ? b.unbroadcast(g, a.shape) : undefined)),
  printCr: ({ args: [l, r] }) => printAdd(l, r),
  printLatex: ({ args: [l, r] }) => printAddLatex(l, r),
};

function isDifference(n: Node): boolean {
  return n.op === 'add' && splitCoefficient(n.args[1]).coef < 0;
}

function printNeg(p: Printed): Printed {
  // -(y log(a)) prints as -y log(a): the builder pulls a negated first factor out of any product.
  // Not before a parenthesis or a literal: -(a - b) c would read back as (b - a) c, and -[1, 2] x with
  // the sign folded into the literal.
  if (p.prec >= Prec.Product && !/^[-([]/.test(p.text)) return { text: `-${p.text}`, prec: Math.min(Prec.Unary, p.prec), negated: p };
  return { text: `-(${p.text})`, prec: Prec.Unary, negated: p };
}

export const negOp: OpDef = {
  name: 'neg',
  arity: 1,
  elementwise: true,
  shape: sameShape,
  rewrite: (b, [x], _attrs, shape) => {
    const v = fillValue(x);
    if (v !== undefined) return b.fillOf(-v, shape);
    if (x.op === 'neg') return x.args[0];
    if (x.op === 'hadamard') {
      const c = scalarConst(x.args[0]);
      if (c !== undefined) return b.hadamard(-c, x.args[1]);
    }
    // -(p - q) = q - p
    if (isDifference(x)) return attempt(shape, () => b.sub(b.neg(x.args[1]), x.args[0]));
    return elementwiseOnLiterals(b, [x], shape, ([p]) => b.neg(p));
  },
  evaluate: ([a]) => map(a, (p) => -p),
  vjp: (b, _node, g, wanted) => [wanted[0] ? b.neg(g) : undefined],
  printCr: ({ args: [a] }) => printNeg(a),
  printLatex: ({ args: [a] }) =>
    a.prec >= Prec.Product && !/^(-|\\left)/.test(a.text) ? { text: `-${a.text}`, prec: Math.min(Prec.Unary, a.prec), negated: a } : { text: `-${latexParens(a).text}`, prec: Prec.Unary, negated: a },
};

function broadcasts(a: Shape, c: Shape): boolean {
  try {
    broadcastShapes('hadamard', a, c);
    return true;
  } catch (err) {
    passLimits(err);
    return false;
  }
}

function rewriteHadamard(b: Builder, x: Node, y: Node, shape: Shape): Node | undefined {
  const vx = fillValue(x);
  const vy = fillValue(y);
  if (vx !== undefined && vy !== undefined && foldsInRange(vx * vy, vx === 0 || vy === 0)) return b.fillOf(vx * vy, shape);
  if (vx === 0 || vy === 0) return b.zerosOf(shape);
  if (vx === 1) return b.broadcastTo(y, shape);
  if (vy === 1) return b.broadcastTo(x, shape);
  // A filled constant's value is a coefficient: x .* (2 ones(M, N)) = 2 (x broadcast).
  if (vy !== undefined && !isScalar(y)) return b.hadamard(vy, b.broadcastTo(x, shape));
  if (vx !== undefined && !isScalar(x)) return b.hadamard(vx, b.broadcastTo(y, shape));
  // Canonical order: a scalar constant first, then scalars before arrays.
  if (scalarConst(y) !== undefined) return b.hadamard(y, x);
  if (isScalar(y) && !isScalar(x)) return b.hadamard(y, x);
  const cx = scalarConst(x);
  if (cx !== undefined) {
    if (cx === -1) return b.neg(y);
    if (y.op === 'neg') return b.hadamard(-cx, y.args[0]);
    if (y.op === 'hadamard') {
      const cy = scalarConst(y.args[0]);
      if (cy !== undefined) return b.hadamard(cx * cy, y.args[1]);
    }
    return elementwiseOnLiterals(b, [x, y], shape, ([p, q]) => b.hadamard(p, q));
  }
  // Signs and numeric coefficients move to the front of a product.
  if (x.op === 'neg') return b.neg(b.hadamard(x.args[0], y));
  if (y.op === 'neg') return b.neg(b.hadamard(x, y.args[0]));
  if (x.op === 'hadamard' && scalarConst(x.args[0]) !== undefined) return b.hadamard(x.args[0], b.hadamard(x.args[1], y));
  if (y.op === 'hadamard' && scalarConst(y.args[0]) !== undefined) return b.hadamard(y.args[0], b.hadamard(x, y.args[1]));
  // Divisions move outside products: (p / q) .* y = p .* y / q, x .* (1 / q) = x / q.
  if (y.op === 'div') {
    const r = attempt(shape, () => b.div(scalarConst(y.args[0]) === 1 ? x : b.hadamard(x, y.args[0]), y.args[1]));
    if (r) return r;
  }
  if (x.op === 'div') {
    const r = attempt(shape, () => b.div(scalarConst(x.args[0]) === 1 ? y : b.hadamard(x.args[0], y), x.args[1]));
    if (r) return r;
  }
  // Powers of one base.
  if (x === y) return b.pow(x, 2);
  if (x.op === 'pow' && x.args[0] === y) return attempt(shape, () => b.pow(y, b.add(x.args[1], 1)));
  if (y.op === 'pow' && y.args[0] === x) return attempt(shape, () => b.pow(x, b.add(y.args[1], 1)));
  // Scalar factors gather at the front: s (t Z) = (s t) Z; other chains associate to the left.
  if (y.op === 'hadamard') {
    const [p, q] = y.args;
    if (isScalar(x) && !isScalar(y) && isScalar(p)) return b.hadamard(b.hadamard(x, p), q);
    if ((isScalar(x) === isScalar(y)) && broadcasts(x.shape, p.shape)) return attempt(shape, () => b.hadamard(b.hadamard(x, p), q));
  }
  return elementwiseOnLiterals(b, [x, y], shape, ([p, q]) => b.hadamard(p, q));
}

/** How a scalar times an array, or two scalars, print: juxtaposition. */
function printProduct(node: Node, l: Printed, r: Printed, latex: boolean): Printed {
  const [x, y] = node.args;
  const scaling = isScalarShape(x.shape) || isScalarShape(y.shape);
  const at = latex ? (p: Printed) => latexAtLeast(p, Prec.Product) : juxtLeft;
  const right = latex ? latexRight : (p: Printed, _level: number) => juxtRight(p);
  if (!scaling) return latex ? latexInfix(l, '\\odot', r, Prec.Product) : infix(l, '.*', r, Prec.Product);
  // s R needs no parentheses when R is itself a product by juxtaposition: s A B reads back as s (A B).
  // Only when R's first factor is plain (a name, call or transpose): (s A) B must rebuild as s (A B), which
  // fails for 2 [1, 0] B (2 folds into the literal) or s (p / q) B (the division moves outside).
  // After a numeric coefficient any juxtaposed product reads back the same (3 (x - 5 y) x y).
  const plainStart = scalarConst(x) !== undefined ? /^[A-Za-z(]/ : /^[A-Za-z]/;
  const scaled =
    isScalarShape(x.shape) && (!isScalarShape(y.shape) || scalarConst(x) !== undefined) && r.form === 'juxt' && r.prec === Prec.Product && plainStart.test(r.text) ? r : right(r, Prec.Product);
  // A column times a scalar sum reads naturally as a matrix product: a1^T (a2 - y), but lambda w.
  const column = y.shape[1] === 1 && y.shape[0] !== 1 && l.prec <= Prec.Sum;
  if (column && !latex) return { text: `${at(r).text} ${right(l, Prec.Product).text}`, prec: Prec.Product, form: 'juxt' };
  const sep = latex && /^[0-9.]/.test(scaled.text) ? ' \\cdot ' : ' ';
  return { text: `${at(l).text}${sep}${scaled.text}`, prec: Prec.Product, form: 'juxt' };
}

export const hadamardOp: OpDef = {
  name: 'hadamard',
  arity: 2,
  elementwise: true,
  shape: elementwiseShape('hadamard'),
  rewrite: (b, [x, y], _attrs, shape) => rewriteHadamard(b, x, y, shape),
  evaluate: ([a, c]) => zip(a, c, (p, q) => p * q),
  vjp: (b, node, g, wanted) => {
    const [x, y] = node.args;
    return [wanted[0] ? b.unbroadcast(b.hadamard(g, y), x.shape) : undefined, wanted[1] ? b.unbroadcast(b.hadamard(g, x), y.shape) : undefined];
  },
  printCr: ({ node, args: [l, r] }) => printProduct(node, l, r, false),
  printLatex: ({ node, args: [l, r] }) => printProduct(node, l, r, true),
};

export const divOp: OpDef = {
  name: 'div',
  arity: 2,
  elementwise: true,
  shape: elementwiseShape('div'),
  rewrite: (b, [x, y], _attrs, shape) => {
    const vx = fillValue(x);
    const vy = fillValue(y);
    if (vx !== undefined && vy !== undefined && vy !== 0 && foldsInRange(vx / vy, vx === 0)) return b.fillOf(vx / vy, shape);
    if (vx === 0) return b.zerosOf(shape);
    if (vy === 1) return b.broadcastTo(x, shape);
    if (x === y) return b.onesOf(shape);
    if (x.op === 'neg') return b.neg(b.div(x.args[0], y));
    if (vx !== undefined && vx < 0) return b.neg(b.div(b.fillOf(-vx, x.shape), y));
    // A negative coefficient leaves the fraction: -3 t / 2 = -(3 t / 2), so sums print it as a subtraction.
    if (x.op === 'hadamard' && (scalarConst(x.args[0]) ?? 0) < 0) return b.neg(b.div(b.neg(x), y));
    if (y.op === 'neg') return b.neg(b.div(x, y.args[0]));
    if (vy !== undefined && vy !== 0 && x.op === 'div') return attempt(shape, () => b.div(x.args[0], b.hadamard(vy, x.args[1])));
    if (y.op === 'div' && scalarConst(y.args[0]) === 1) return attempt(shape, () => b.hadamard(x, y.args[1]));
    if (x.op === 'div') return attempt(shape, () => b.div(x.args[0], b.hadamard(x.args[1], y)));
    if (y.op === 'div') return attempt(shape, () => b.div(b.hadamard(x, y.args[1]), y.args[0]));
    return elementwiseOnLiterals(b, [x, y], shape, ([p, q]) => b.div(p, q));
  },
  evaluate: ([a, c]) => zip(a, c, (p, q) => p / q),
  vjp: (b, node, g, wanted) => {
    const [x, y] = node.args;
    return [
      wanted[0] ? b.unbroadcast(b.div(g, y), x.shape) : undefined,
      // d(x / y)/dy = -(x / y) / y, written with the node itself so it shares the forward value.
      wanted[1] ? b.unbroadcast(b.neg(b.div(b.hadamard(g, node), y)), y.shape) : undefined,
    ];
  },
  printCr: ({ args: [l, r] }) => infix(l, '/', r, Prec.Product),
  printLatex: ({ args: [l, r] }) => atomFrac(l, r),
};

function atomFrac(l: Printed, r: Printed): Printed {
  return { text: `\\frac{${l.text}}{${r.text}}`, prec: Prec.Atom };
}

function isSimpleExponent(p: Printed): boolean {
  // `x^T` would read as a transpose, so an exponent named T keeps its parentheses.
  return /^([0-9]+(\.[0-9]+)?|[A-Za-z][A-Za-z0-9_]*)$/.test(p.text) && p.text !== 'T';
}

export const powOp: OpDef = {
  name: 'pow',
  arity: 2,
  elementwise: true,
  shape: elementwiseShape('pow'),
  rewrite: (b, [x, e], _attrs, shape) => {
    const k = scalarConst(e);
    const vx = fillValue(x);
    const ve = fillValue(e);
    if (vx !== undefined && ve !== undefined) {
      const v = Math.pow(vx, ve);
      if (foldsInRange(v, vx === 0)) return b.fillOf(v, shape);
    }
    if (k === undefined) return elementwiseOnLiterals(b, [x, e], shape, ([p, q]) => b.pow(p, q));
    if (k === 1) return b.broadcastTo(x, shape);
    if (k === 0) return b.onesOf(shape);
    if (k === -1) return b.div(1, x);
    if (k < 0 && Number.isInteger(k)) return b.div(1, b.pow(x, -k));
    if (Number.isInteger(k)) {
      // (z^m)^k = z^(m k) for integer k; (-z)^k by parity.
      if (x.op === 'pow' && scalarConst(x.args[1]) !== undefined) return attempt(shape, () => b.pow(x.args[0], scalarConst(x.args[1])! * k));
      if (x.op === 'neg') return k % 2 === 0 ? b.pow(x.args[0], k) : b.neg(b.pow(x.args[0], k));
    }
    return elementwiseOnLiterals(b, [x, e], shape, ([p, q]) => b.pow(p, q));
  },
  evaluate: ([a, c]) => zip(a, c, (p, q) => Math.pow(p, q)),
  vjp: (b, node, g, wanted) => {
    const [x, e] = node.args;
    const k = scalarConst(e);
    return [
      wanted[0]
        ? b.unbroadcast(b.hadamard(g, k !== undefined ? b.hadamard(k, b.pow(x, k - 1)) : b.hadamard(e, b.pow(x, b.sub(e, 1)))), x.shape)
        : undefined,
      wanted[1] ? b.unbroadcast(b.hadamard(g, b.hadamard(node, b.apply('log', x))), e.shape) : undefined,
    ];
  },
  printCr: ({ args: [base, exp] }) => ({
    text: `${atLeast(base, Prec.Atom).text}^${isSimpleExponent(exp) ? exp.text : `(${exp.text})`}`,
    prec: Prec.Power,
  }),
  printLatex: ({ args: [base, exp] }) => ({ text: `${latexAtLeast(base, Prec.Atom).text}^{${exp.text}}`, prec: Prec.Power }),
};
