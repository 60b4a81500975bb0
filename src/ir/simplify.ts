// The algebraic simplifier for scalar and elementwise subexpressions, which makes gradients readable.
//
// An expression is normalised to a sum of terms (ir/polynomial): a rational coefficient times atoms with
// integer powers. Atoms are non-arithmetic nodes (matrix products, function applications, variables) and
// also sums that appear as factors or denominators. Because sums stay atoms at first, matching factors
// cancel between numerator and denominator before anything is expanded:
//
//     (-y / a2 + (1 - y) / (1 - a2)) .* a2 .* (1 - a2)  →  -y (1 - a2) + (1 - y) a2
//
// and only then are the remaining sums expanded and like terms collected (→ a2 - y). The unexpanded and
// the expanded forms are both rebuilt, with common factors pulled out, and the smallest is kept. Work is
// capped (term and factor counts); on the cap the unsimplified form is kept.
import type { Node, Shape } from './types';
import { ShapeError, isScalarShape, shapesEqual } from './types';
import type { Builder } from './build';
import { scalarConst } from './inspect';
import {
  CAP_EXCEEDED, CapExceeded, LIMITS, addPolys, atomPoly, collect, constantPoly, hasNegativePowers, invertTerm, mulPolys, powTerm, scalePoly, sumKey,
  type Factor, type Poly, type Term,
} from './polynomial';

const ARITHMETIC = new Set(['add', 'neg', 'hadamard', 'div', 'const']);

function integerExponent(n: Node): number | undefined {
  if (n.op !== 'pow') return undefined;
  const k = scalarConst(n.args[1]);
  return k !== undefined && Number.isInteger(k) && Math.abs(k) <= LIMITS.power ? k : undefined;
}

function isArithmetic(n: Node): boolean {
  return ARITHMETIC.has(n.op) || integerExponent(n) !== undefined;
}

export interface SimplifyOptions {
  /**
   * Node ids returned as they are: the forward graph, whose nodes carry the names a person defined
   * (rewriting h1 would lose "this is h1").
   */
  frozen?: ReadonlySet<number>;
}

/** Nesting beyond this is left alone instead of risking the call stack. */
const MAX_DEPTH = 300;

export class Simplifier {
  private readonly frozen: ReadonlySet<number>;
  private readonly memo = new Map<number, Node>();
  /** Nodes this simplifier produced: reused later (an earlier adjoint), they are opened only when that can cancel something. */
  private readonly outputs = new Set<number>();
  private readonly nfCache = new Map<number, Poly>();
  /** Sum atoms by their sign-free key: the node standing for the sum, and the sign relating it to the key. */
  private readonly sums = new Map<string, { node: Node; sign: number; poly: Poly }>();
  private readonly sumIds = new Map<string, string>();
  private readonly sizes = new Map<number, number>();
  private depth = 0;
  private root: Node | undefined;

  constructor(
    readonly b: Builder,
    options: SimplifyOptions = {},
  ) {
    this.frozen = options.frozen ?? new Set();
  }

  simplify(n: Node): Node {
    if (this.frozen.has(n.id)) return n;
    const known = this.memo.get(n.id);
    if (known) return known;
    if (this.depth > MAX_DEPTH) return n;
    this.depth++;
    const savedRoot = this.root;
    let result: Node;
    try {
      if (isArithmetic(n)) {
        this.root = n;
        result = this.simplifyArithmetic(n);
      } else {
        result = n.args.length === 0 ? n : this.b.make(n.op, n.args.map((a) => this.simplify(a)), n.attrs);
      }
    } finally {
      this.root = savedRoot;
      this.depth--;
    }
    if (!shapesEqual(result.shape, n.shape)) result = n;
    this.memo.set(n.id, result);
    this.memo.set(result.id, result);
    this.outputs.add(result.id);
    return result;
  }

  private simplifyArithmetic(n: Node): Node {
    try {
      return this.best(this.nf(n), n.shape) ?? this.shallow(n);
    } catch (e) {
      if (e instanceof CapExceeded) return this.shallow(n);
      throw e;
    }
  }

  /** The node with simplified arguments (used when the normal form is over budget). */
  private shallow(n: Node): Node {
    try {
      return this.b.make(
        n.op,
        n.args.map((a) => this.simplify(a)),
        n.attrs,
      );
    } catch (e) {
      if (e instanceof ShapeError) return n;
      throw e;
    }
  }

  // ---- normal form ----

  private nf(n: Node): Poly {
    const cached = this.nfCache.get(n.id);
    if (cached) return cached;
    let p: Poly;
    const k = integerExponent(n);
    switch (k !== undefined ? 'integer-power' : n.op === 'pow' ? 'atom' : n.op) {
      case 'const':
        p = constantPoly(n.attrs.value!);
        break;
      case 'add':
        p = addPolys(this.open(n.args[0], 'term'), this.open(n.args[1], 'term'));
        break;
      case 'neg':
        p = scalePoly(this.open(n.args[0], 'term'), -1);
        break;
      case 'hadamard':
        p = this.chunked(n, idempotentMasks(mulPolys(this.open(n.args[0], 'factor'), this.open(n.args[1], 'factor'))), () => this.open(n.args[1], 'factor'));
        break;
      case 'div':
        p = this.chunked(n, mulPolys(this.open(n.args[0], 'factor'), this.reciprocal(n.args[1])), () => this.reciprocal(n.args[1]));
        break;
      case 'integer-power':
        p = this.power(n.args[0], k!);
        break;
      default:
        p = this.atom(n);
    }
    this.nfCache.set(n.id, p);
    return p;
  }

  /**
   * The normal form of a child, or the child as one atom. A sum as a factor stays an atom unless it holds
   * fractions that may cancel; an earlier result (an adjoint simplified before) is opened only when small.
   */
  private open(n: Node, context: 'term' | 'factor'): Poly {
    const p = this.nf(n);
    const sealed = n !== this.root && this.outputs.has(n.id);
    if (p.length <= 1) {
      if (sealed && p.length === 1 && p[0].factors.size > 6 && !hasNegativePowers(p)) return atomPoly(`n${n.id}`, n);
      return p;
    }
    if (context === 'factor') {
      if (hasNegativePowers(p) && p.length <= (sealed ? 4 : 8)) return p;
      return this.sumAtom(n, p, 1);
    }
    if (sealed && p.length > 6) return this.sumAtom(n, p, 1);
    return p;
  }

  /**
   * A product of more than LIMITS.chunk atoms keeps its left operand as one atom (as written, with its own
   * simplification): a chain of products, such as the adjoints of a deep elementwise network, then costs
   * linear work instead of renormalising every prefix.
   */
  private chunked(n: Node, p: Poly, right: () => Poly): Poly {
    if (p.length !== 1 || p[0].factors.size <= LIMITS.chunk || hasNegativePowers(p)) return p;
    const left = n.args[0];
    return mulPolys(atomPoly(`n${left.id}`, left), right());
  }

  private reciprocal(n: Node): Poly {
    const p = this.nf(n);
    if (p.length === 0) throw CAP_EXCEEDED; // division by zero: leave as written
    if (p.length === 1) return [invertTerm(p[0])];
    return this.sumAtom(n, p, -1);
  }

  private power(base: Node, k: number): Poly {
    const p = this.nf(base);
    if (p.length === 0) {
      if (k > 0) return [];
      throw CAP_EXCEEDED;
    }
    if (p.length === 1) return [powTerm(p[0], k)];
    return this.sumAtom(base, p, k);
  }

  /** A non-arithmetic node as an atom (its arguments simplified). */
  private atom(n: Node): Poly {
    const s = this.simplify(n);
    if (s !== n && isArithmetic(s)) return this.nf(s);
    return atomPoly(`n${s.id}`, s);
  }

  /** A sum used as a factor: one atom per sum up to sign, so (1 - a) and -(a - 1) cancel. */
  private sumAtom(n: Node, p: Poly, power: number): Poly {
    const canonical = sumKey(p);
    const sign = canonical.sign;
    // Interned: the canonical text of a sum holds its factors' keys, so nested sums would otherwise
    // give keys that grow exponentially with depth.
    let key = this.sumIds.get(canonical.key);
    if (key === undefined) {
      key = `s${this.sumIds.size}`;
      this.sumIds.set(canonical.key, key);
    }
    let entry = this.sums.get(key);
    if (!entry) {
      let node = this.frozen.has(n.id) || this.outputs.has(n.id) ? n : this.simplify(n);
      let poly = p;
      // The sum stands for itself or its negation, whichever reads better: 1 - y rather than y - 1.
      if (prefersNegation(p)) {
        node = this.simplify(this.b.neg(node));
        poly = scalePoly(p, -1);
      }
      entry = { node, sign: sumKey(poly).sign, poly };
      this.sums.set(key, entry);
    }
    const coef = Math.pow(sign * entry.sign, power);
    return atomPoly(key, entry.node, power, coef);
  }

  // ---- expansion ----

  /** Sums with positive powers multiplied out (denominators stay). */
  private expand(p: Poly, depth = 0): Poly {
    if (depth > 4) throw CAP_EXCEEDED;
    let out: Poly = [];
    for (const t of p) {
      let acc: Poly = [{ coef: t.coef, factors: new Map() }];
      for (const [key, f] of t.factors) {
        const sum = this.sums.get(key);
        if (sum && f.power > 0 && f.power <= 4) {
          const inner = this.expand(sum.poly, depth + 1);
          for (let i = 0; i < f.power; i++) acc = mulPolys(acc, inner, LIMITS.expandedTerms);
        } else acc = mulPolys(acc, [{ coef: 1, factors: new Map([[key, f]]) }], LIMITS.expandedTerms);
      }
      out = collect([...out, ...acc]);
      if (out.length > LIMITS.expandedTerms) throw CAP_EXCEEDED;
    }
    return out;
  }

  // ---- rebuilding ----

  /** The smallest of the candidate forms, or undefined when none can be built. */
  private best(p: Poly, shape: Shape): Node | undefined {
    const candidates: Poly[] = [p];
    // Only sums in numerators can be expanded (their atom keys are the parenthesised sum keys).
    const expandable = p.some((t) => [...t.factors].some(([key, f]) => f.power > 0 && this.sums.has(key)));
    if (expandable) {
      try {
        const e = this.expand(p);
        // Building a candidate makes nodes; an expansion estimated to be larger is not worth building.
        if (this.estimate(e) < this.estimate(p)) candidates.push(e);
      } catch (err) {
        if (!(err instanceof CapExceeded)) throw err;
      }
    }
    let best: Node | undefined;
    let bestSize = Infinity;
    for (const c of candidates) {
      for (const factored of [false, true]) {
        const node = this.tryRebuild(c, shape, factored);
        if (!node) continue;
        // Factoring must pay for itself: 6 x y - 15 y^2 rather than 3 y (2 x - 5 y).
        const size = this.treeSize(node) + (factored ? 1.5 : 0);
        if (size < bestSize) {
          best = node;
          bestSize = size;
        }
      }
    }
    return best;
  }

  private tryRebuild(p: Poly, shape: Shape, factored: boolean): Node | undefined {
    try {
      const node = factored ? this.rebuildFactored(p) : this.rebuildSum(p);
      if (!node) return undefined;
      return this.b.broadcastTo(node, shape);
    } catch (e) {
      if (e instanceof ShapeError || e instanceof CapExceeded) return undefined;
      if (e instanceof Error && e.message.startsWith('internal: cannot broadcast')) return undefined;
      throw e;
    }
  }

  private rebuildSum(p: Poly): Node {
    if (p.length === 0) return this.b.constant(0);
    if (p.some((t) => !Number.isFinite(t.coef))) throw CAP_EXCEEDED;
    // Positive terms first (a2 - y rather than -y + a2), a constant after the other positive terms (x + 1, 1 - a2).
    const positive = p.filter((t) => t.coef > 0);
    const constantLast = positive.length > 1 ? [...positive.filter((t) => t.factors.size > 0), ...positive.filter((t) => t.factors.size === 0)] : positive;
    const ordered = [...constantLast, ...p.filter((t) => !(t.coef > 0))];
    const nodes = ordered.map((t) => this.rebuildTerm(t));
    return this.combine(nodes, (x, y) => this.b.add(x, y));
  }

  /** Folds left; on a broadcasting conflict, retries with the largest operands first. */
  private combine(nodes: readonly Node[], op: (x: Node, y: Node) => Node): Node {
    try {
      return nodes.reduce(op);
    } catch (e) {
      if (!(e instanceof ShapeError)) throw e;
      const rank = (n: Node) => (isScalarShape(n.shape) ? 2 : n.shape[0] === 1 || n.shape[1] === 1 ? 1 : 0);
      return [...nodes].sort((x, y) => rank(x) - rank(y)).reduce(op);
    }
  }

  private rebuildTerm(t: Term): Node {
    const b = this.b;
    const factors = [...t.factors.values()];
    // Scalars lead a product, plain scalar variables first and alphabetically: 6 x y, (a2 - y) W2^T .* a1 .* (1 - a1).
    const scalars = factors.filter((f) => isScalarShape(f.node.shape));
    const variables = scalars.filter((f) => f.node.op === 'var').sort((p, q) => (p.node.attrs.name! < q.node.attrs.name! ? -1 : 1));
    const ordered = [...variables, ...scalars.filter((f) => f.node.op !== 'var'), ...factors.filter((f) => !isScalarShape(f.node.shape))];
    const num = ordered.filter((f) => f.power > 0).map((f) => this.powerNode(f.node, f.power));
    const den = ordered.filter((f) => f.power < 0).map((f) => this.powerNode(f.node, -f.power));
    const { p, q } = displayCoefficient(t.coef);
    let top: Node = num.length ? this.combine(num, (x, y) => b.hadamard(x, y)) : b.constant(1);
    top = b.hadamard(p, top);
    if (!den.length && q === 1) return top;
    let bottom: Node = den.length ? this.combine(den, (x, y) => b.hadamard(x, y)) : b.constant(1);
    if (q !== 1) bottom = b.hadamard(q, bottom);
    return b.div(top, bottom);
  }

  private powerNode(n: Node, k: number): Node {
    return k === 1 ? n : this.b.pow(n, k);
  }

  /** Common atoms (and an integer content) pulled out of every term: a x + b x → (a + b) x. */
  private rebuildFactored(p: Poly): Node | undefined {
    if (p.length < 2) return undefined;
    const common = new Map<string, Factor>();
    for (const [key, f] of p[0].factors) {
      let power = f.power;
      let ok = true;
      for (const t of p.slice(1)) {
        const g = t.factors.get(key);
        if (!g || Math.sign(g.power) !== Math.sign(f.power)) {
          ok = false;
          break;
        }
        power = f.power > 0 ? Math.min(power, g.power) : Math.max(power, g.power);
      }
      if (ok) common.set(key, { node: f.node, power });
    }
    const content = integerContent(p);
    if (common.size === 0 && content === 1) return undefined;
    const rest: Term[] = p.map((t) => {
      const factors = new Map(t.factors);
      for (const [key, f] of common) {
        const left = factors.get(key)!.power - f.power;
        if (left === 0) factors.delete(key);
        else factors.set(key, { node: f.node, power: left });
      }
      return { coef: t.coef / content, factors };
    });
    const outside = this.rebuildTerm({ coef: content, factors: common });
    const inside = this.rebuildSum(collect(rest));
    return this.combine([outside, inside], (x, y) => this.b.hadamard(x, y));
  }

  /** The tree size a normal form would rebuild to, roughly, without making any node. */
  private estimate(p: Poly): number {
    let size = Math.max(0, p.length - 1);
    for (const t of p) {
      size += t.coef === 1 || t.coef === -1 ? 0 : 2;
      for (const [key, f] of t.factors) {
        const sum = this.sums.get(key);
        size += (sum ? this.estimate(sum.poly) : this.treeSize(f.node)) + (f.power === 1 ? 1 : 3);
      }
    }
    return size;
  }

  /** Nodes in the expression tree (not the DAG): what a reader sees. Saturates to stay cheap. */
  private treeSize(n: Node): number {
    // Iterative post-order that stops at sizes already known, so each node is sized once per simplifier.
    const stack: Array<{ node: Node; expanded: boolean }> = [{ node: n, expanded: false }];
    while (stack.length) {
      const top = stack.pop()!;
      if (this.sizes.has(top.node.id)) continue;
      if (!top.expanded) {
        stack.push({ node: top.node, expanded: true });
        for (const a of top.node.args) if (!this.sizes.has(a.id)) stack.push({ node: a, expanded: false });
        continue;
      }
      let s = 1;
      for (const a of top.node.args) s += this.sizes.get(a.id)!;
      this.sizes.set(top.node.id, Math.min(s, 1e9));
    }
    return this.sizes.get(n.id)!;
  }
}

const MASKS = new Set(['gt', 'ge', 'lt', 'le', 'eq', 'ne']);

/** 0/1 masks are idempotent: (h > 0) .* (h > 0) = (h > 0). */
function idempotentMasks(p: Poly): Poly {
  if (!p.some((t) => [...t.factors.values()].some((f) => f.power > 1 && MASKS.has(f.node.op)))) return p;
  return collect(
    p.map((t) => ({
      coef: t.coef,
      factors: new Map([...t.factors].map(([k, f]) => [k, MASKS.has(f.node.op) && f.power > 1 ? { node: f.node, power: 1 } : f])),
    })),
  );
}

/** A sum whose constant term is negative, or with no positive term, reads better negated. */
function prefersNegation(p: Poly): boolean {
  const constant = p.find((t) => t.factors.size === 0);
  if (constant) return constant.coef < 0;
  return p.every((t) => t.coef < 0);
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The gcd of integer coefficients, negative when every coefficient is negative; 1 otherwise. */
function integerContent(p: Poly): number {
  if (!p.every((t) => Number.isInteger(t.coef) && Math.abs(t.coef) < 1e9)) return 1;
  const g = p.reduce((acc, t) => gcd(acc, Math.abs(t.coef)), 0);
  const sign = p.every((t) => t.coef < 0) ? -1 : 1;
  return g === 0 ? 1 : g * sign;
}

/** A coefficient as p / q for display: x / 2 and 2 x / 3, but 0.3 x as written. */
export function displayCoefficient(c: number): { p: number; q: number } {
  if (Number.isInteger(c)) return { p: c, q: 1 };
  if (Number.isInteger(c * 2)) return { p: c * 2, q: 2 };
  if (String(c).length <= 6) return { p: c, q: 1 };
  for (let q = 3; q <= 1000; q++) {
    const p = Math.round(c * q);
    if (p / q === c && Math.abs(p) <= 100000) return { p, q };
  }
  return { p: c, q: 1 };
}

/** Simplifies `node` once with a fresh simplifier (see Simplifier for repeated use over one sweep). */
export function simplify(b: Builder, node: Node, options: SimplifyOptions = {}): Node {
  return new Simplifier(b, options).simplify(node);
}
