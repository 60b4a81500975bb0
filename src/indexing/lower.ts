// Lowering expressions written in index notation (docs/index-notation.md) to vectorised IR: an expression
// with free indices (i, j) becomes a matrix whose axes run over them (tensor.ts), never an unrolled sum,
// since sizes are symbolic here. Sub-expressions without index notation go through the ordinary lowering.
import type { Expr } from '../syntax/ast';
import type { Dim, Node } from '../ir/types';
import { ShapeError, isScalarShape } from '../ir/types';
import { getOp } from '../ops/index';
import type { Comparison } from '../ir/build';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';
import { error } from '../diagnostics';
import { LowerError, type IndexNotation, type Lowering } from '../resolve/lower';
import { lowerAbstractCall } from '../resolve/abstract';
import type { IndexedName, IndexReader } from '../resolve/indexNames';
import { normalizeName } from '../syntax/names';
import { isBareSumSign, type SumSign } from '../resolve/indexNotation';
import { repeatedIndices } from '../resolve/indexUses';
import { isEntrywiseFunction } from './entrywise';
import { requireSummandOverLabel } from './labelSums';
import { findInExpr } from '../syntax/walk';
import { dependsOn } from '../ir/inspect';
import {
  COLS, IndexError, IndexLimit, ROWS, arrange, combine, contract, dimOf, isIndexLabel, itemShape, labelsOf, multiply, plain,
  productLabels, relabel, relabelProduct, type Product, type Tensor,
} from '../ir/tensor';

type Binary = Extract<Expr, { kind: 'binary' }>;
type Call = Extract<Expr, { kind: 'call' }>;
type ChainLink = { op: Binary['op']; style?: Binary['style']; expr: Expr };

export class IndexLowering {
  /** Index → its range, and where it was first seen (for messages). */
  private readonly sizes = new Map<string, { dim: Dim; where: string }>();
  /** Indices bound by the sums being lowered, innermost last. */
  private readonly bound: string[] = [];
  private hidden = 0;
  /** The arguments of the entrywise user-function calls being lowered, by parameter, innermost last. */
  private readonly arguments: Map<string, Tensor>[] = [];

  private readonly reader: IndexReader;
  /** Ranges of indices known from elsewhere (the claim's target), used only when the expression does not fix them. */
  private readonly hints: ReadonlyMap<string, Dim>;
  /** The indices of the entry being defined (`p_i = ..`), the left side there instead of the claim's target. */
  private defined: readonly string[] | undefined;

  constructor(private readonly lowering: Lowering) {
    this.reader = lowering.indexReader;
    this.hints = lowering.indexHints;
  }

  private get b() {
    return this.lowering.b;
  }

  private text(e: Expr): string {
    return this.lowering.options.textOf(e.span).trim();
  }

  /** The ranges this expression gave its indices. */
  indexSizes(): Map<string, Dim> {
    return new Map([...this.sizes].map(([k, v]) => [k, v.dim]));
  }

  /** The expression as a (lazy) product of labelled factors. */
  lowerValue(e: Expr): Product {
    return guarded(e, () => {
      this.collectSizes(e);
      return this.lower(e);
    });
  }

  /** The expression as one node; free indices are an error here (a definition, a plain context). */
  lowerNode(e: Expr): Node {
    let p = this.lowerValue(e);
    return guarded(e, () =>
      this.at(e, () => {
        const free = productLabels(p).filter(isIndexLabel);
        if (free.length && this.lowering.scope.summationConvention && repeatedIndices(e, free)) {
          for (const index of free) p = contract(this.b, p, index, this.sizeOf(index));
        } else if (free.length) {
          throw new IndexError(`${free.length === 1 ? 'the index' : 'the indices'} ${free.join(', ')} ${free.length === 1 ? 'is' : 'are'} free here: sum over ${free.length === 1 ? 'it' : 'them'}, or write the left side with ${free.length === 1 ? 'it' : 'them'}`);
        }
        const t = multiply(this.b, p);
        const labels = labelsOf(t);
        // Item axes back on their own sides: (x^(i))^T summed over i is a column again.
        return arrange(this.b, t, labels.includes(ROWS) ? ROWS : undefined, labels.includes(COLS) ? COLS : undefined);
      }),
    );
  }

  /** The array whose entries `indices` are `e` (`p_i = \sigma(z_i)`): its free indices laid out as rows, then columns. */
  lowerEntries(e: Expr, indices: readonly string[]): Node {
    this.defined = indices;
    const p = this.lowerValue(e);
    return guarded(e, () =>
      this.at(e, () => {
        const labels = productLabels(p);
        const stray = labels.filter((l) => !indices.includes(l));
        if (stray.length) throw new IndexError(`each entry must be a number, but it has ${stray.filter(isIndexLabel).length ? `the free ${stray.join(', ')}` : 'rows or columns of its own'}`);
        const missing = indices.filter((i) => !labels.includes(i));
        if (missing.length) throw new IndexError(`the right side does not depend on ${missing.join(', ')}`);
        return arrange(this.b, multiply(this.b, p), indices[0], indices[1]);
      }),
    );
  }

  /** Runs `make`, reporting index and shape mistakes at `e`. */
  private at<T>(e: Expr, make: () => T): T {
    try {
      return make();
    } catch (err) {
      if (err instanceof IndexLimit) throw new LowerError(error('reading', `${this.text(e)}: ${err.message}`, e.span));
      if (err instanceof IndexError) throw new LowerError(error('shape-mismatch', `${this.text(e)}: ${err.message}`, e.span));
      if (err instanceof ShapeError) throw new LowerError(error('shape-mismatch', `${this.text(e)}: ${err.message}`, e.span));
      throw err;
    }
  }

  // ---- index ranges

  private record(index: string, dim: Dim, where: string): void {
    const known = this.sizes.get(index);
    if (known && known.dim !== dim) throw new IndexError(`the index ${index} runs over ${known.dim} in ${known.where} but over ${dim} in ${where}`);
    if (!known) this.sizes.set(index, { dim, where });
  }

  private sizeOf(index: string): Dim | undefined {
    return this.sizes.get(index)?.dim ?? this.hints.get(index);
  }

  /** A first pass that fixes index ranges from unambiguous uses, so `W_j` of a matrix and δ_ij know theirs. */
  private collectSizes(e: Expr): void {
    const visit = (x: Expr): void => {
      try {
        this.collectFrom(x);
      } catch (err) {
        if (!(err instanceof IndexError) && !(err instanceof LowerError)) throw err; // reported by the real pass
      }
      switch (x.kind) {
        case 'call':
          x.args.forEach(visit);
          return;
        case 'neg':
        case 'transpose':
        case 'entry':
          visit(x.arg);
          return;
        case 'binary':
          visit(x.left);
          visit(x.right);
          return;
        case 'power':
          visit(x.base);
          visit(x.exponent);
          return;
        case 'matrix':
          x.rows.forEach((r) => r.forEach(visit));
          return;
        default:
          return;
      }
    };
    visit(e);
  }

  private collectFrom(x: Expr): void {
    if (x.kind === 'name' && this.argument(x.name)) return;
    if (x.kind === 'entry' && !this.reader.involves(x.arg)) this.indexArray(this.lowering.lower(x.arg), x.indices, undefined, this.text(x), 'collect');
    if (x.kind === 'name') {
      const info = this.reader.indexedName(x);
      if (info) this.indexArray(this.baseNode(x, info), info.indices, info.sample, x.text, 'collect');
      const sign = this.reader.sumSign(x);
      if (sign) this.sumRange(sign, x.text);
    } else if (x.kind === 'power') {
      const sample = this.reader.sampleIndex(x);
      if (sample && x.base.kind === 'name') {
        const info = this.reader.indexedName(x.base);
        this.indexArray(info ? this.baseNode(x.base, info) : this.sampleBase(x.base), info?.indices ?? [], sample, this.text(x), 'collect');
      }
    }
  }

  /** The range a sum sign states: its upper bound, when that is a dimension name or a number. */
  private sumRange(sign: SumSign, where: string): Dim | undefined {
    if (sign.lower !== undefined && sign.lower !== '1') throw new IndexLimit(`sums are read from 1 to the range of their index; ${where} starts at ${sign.lower}`);
    const upper = sign.upper;
    if (upper === undefined) return undefined;
    const dim: Dim | undefined = /^\d+$/.test(upper) ? Number(upper) : this.lowering.scope.dims.has(upper) ? upper : undefined;
    if (dim !== undefined && sign.indices.length === 1) this.record(sign.indices[0], dim, where);
    return dim;
  }

  // ---- expressions

  private lower(e: Expr): Product {
    if (!this.indexed(e)) return this.at(e, () => [this.bindSamples(e, plain(this.lowering.lower(e)))]);
    return this.at(e, () => this.lowerIndexed(e));
  }

  /** Index notation, or a parameter of an entrywise call being lowered (whose argument has indices). */
  private indexed(e: Expr): boolean {
    return this.reader.involves(e) || (this.arguments.length > 0 && findInExpr(e, (x) => x.kind === 'name' && this.argument(x.name) !== undefined) !== undefined);
  }

  private argument(name: string): Tensor | undefined {
    for (let k = this.arguments.length - 1; k >= 0; k--) {
      const t = this.arguments[k].get(name);
      if (t) return t;
    }
    return undefined;
  }

  private tensor(e: Expr): Tensor {
    const p = this.lower(e);
    return this.at(e, () => multiply(this.b, p));
  }

  private lowerIndexed(e: Expr): Product {
    switch (e.kind) {
      case 'name':
        return [this.argument(e.name) ?? this.lowerName(e)];
      case 'neg': {
        const [first, ...rest] = this.lower(e.arg);
        return [{ ...first, node: this.b.neg(first.node) }, ...rest];
      }
      case 'transpose':
        return relabelProduct(this.lower(e.arg), { [ROWS]: COLS, [COLS]: ROWS });
      case 'entry':
        return [this.expressionEntry(e)];
      case 'power':
        return [this.lowerPower(e)];
      case 'binary':
        return this.lowerBinary(e);
      case 'call':
        return this.lowerCall(e);
      case 'deriv':
        return this.entryByEntry(e) ?? [this.lowerDerivative(e)];
      case 'matrix':
        throw new IndexLimit('index notation inside a matrix literal is not supported');
      case 'pattern': // never index notation itself (IndexReader.involves): a whole array
        return [plain(this.lowering.lower(e))];
      case 'number':
        return [plain(this.b.constant(e.value))];
    }
  }

  /**
   * `(BA)_{qp}`, `(A^T)_{kl}`: the bracket's value as a whole array, its entries labelled as an indexed name's
   * are. A bracket that itself holds index notation (`(y_i)_t`) would need an axis per index: not read.
   */
  private expressionEntry(e: Extract<Expr, { kind: 'entry' }>): Tensor {
    const stray = e.indices.find((index) => !this.reader.isIndexVariable(index));
    if (stray !== undefined) throw new LowerError(error('reading', `${this.text(e)}: ${stray} has a meaning of its own here, so it cannot index the bracket`, e.span));
    if (this.reader.involves(e.arg)) throw new LowerError(error('reading', `${this.text(e)}: an entry of a bracket that is itself written with indices is not supported`, e.span));
    return this.indexArray(this.lowering.lower(e.arg), e.indices, undefined, this.text(e), 'lower');
  }

  private lowerName(e: Extract<Expr, { kind: 'name' }>): Tensor {
    if (this.reader.sumSign(e)) throw new IndexError(`a summation sign needs its summand after it, as in ${e.text} x_i`);
    const delta = this.reader.kronecker(e);
    if (delta) return this.kronecker(delta, e.text);
    const info = this.reader.indexedName(e)!;
    return asSampleColumn(this.indexArray(this.baseNode(e, info), info.indices, info.sample, e.text, 'lower'), info);
  }

  private baseNode(e: Expr, info: IndexedName): Node {
    return info.implicitCall ? this.lowering.implicitCall(info.base, e.span) : this.lowering.nameNode(info.base, e.span);
  }

  /** The array of `x^(i)`: x itself, or X when x is unknown (names.ts arrayOf). */
  private sampleBase(e: Extract<Expr, { kind: 'name' }>): Node {
    return this.lowering.nameNode(this.reader.arrayOf(e.name) ?? e.name, e.span);
  }

  /** δ_ij: the identity over the common range of i and j. */
  private kronecker([a, c]: [string, string], text: string): Tensor {
    const size = this.sizeOf(a) ?? this.sizeOf(c);
    if (size === undefined) throw new IndexError(`the range of ${a} and ${c} is not known; use them as subscripts of an array in the same expression`);
    this.record(a, size, text);
    this.record(c, size, text);
    if (a === c || size === 1) return plain(this.b.constant(1));
    return { node: this.b.eye(size), rows: a, cols: c };
  }

  /**
   * The entries of an array: `x^(i)` is row i (sample i) of a matrix or column, entry i of a row; then each
   * subscript takes the next item axis (`W_ij`: rows i, columns j). One subscript on a matrix takes the axis
   * of its range, else the axis named by the index's capital (k of K x d), else the columns (θ_j is column j of Θ).
   */
  private indexArray(node: Node, indices: readonly string[], sample: string | undefined, text: string, mode: 'collect' | 'lower'): Tensor {
    const [r, c] = node.shape;
    if (isScalarShape(node.shape)) throw new IndexError(`${text} indexes a scalar, which has no entries`);
    const t = plain(node);
    const take = (index: string, side: 'rows' | 'cols') => {
      this.record(index, side === 'rows' ? r : c, text);
      t[side] = index;
    };
    if (sample) take(sample, r !== 1 ? 'rows' : 'cols');
    indices.forEach((index, k) => {
      const free = (['rows', 'cols'] as const).filter((side) => t[side] === (side === 'rows' ? ROWS : COLS));
      // More indices than axes is a reading doubt, not the author's slip: `x_{ij}` after `x_i \in R^d` is entry j of
      // sample i, an array no line sizes.
      if (free.length === 0) throw new IndexLimit(`${text} has more indices than ${node.shape[0]} x ${node.shape[1]} has axes, so it may index samples and entries together (as x_{ij} for entry j of a sample x_i), an array no line of this question sizes`);
      if (free.length === 1) return take(index, free[0]);
      if (indices.length - k >= 2) return take(index, 'rows');
      const size = this.sizeOf(index) ?? capitalAxis(index, r, c);
      if (size === undefined && mode === 'collect') return; // the first pass learns ranges only from unambiguous uses
      if (size === r && size !== c) return take(index, 'rows');
      if (size !== undefined && size !== c && mode === 'lower') throw new IndexError(`the index ${index} runs over ${size}, which is neither axis of ${text}`);
      return take(index, 'cols');
    });
    // W_ii: the diagonal (the range check above has made W square), one value per i.
    if (t.rows !== undefined && t.rows === t.cols) return { node: this.b.sumrows(this.b.hadamard(node, this.b.eye(r))), cols: t.cols };
    return t;
  }

  private lowerPower(e: Extract<Expr, { kind: 'power' }>): Tensor {
    const derivative = this.reader.sampledDerivative(e);
    if (derivative) return this.lowerDerivative(derivative);
    const sample = this.reader.sampleIndex(e);
    if (sample) {
      const base = e.base as Extract<Expr, { kind: 'name' }>;
      const info = this.reader.indexedName(base);
      const node = info ? this.baseNode(base, info) : this.sampleBase(base);
      const entries = this.indexArray(node, info?.indices ?? [], sample, this.text(e), 'lower');
      return info ? asSampleColumn(entries, info) : entries;
    }
    const base = this.tensor(e.base);
    const exponent = this.tensor(e.exponent);
    return combine(this.b, [base, exponent], ([x, y]) => this.b.pow(x, y));
  }

  // ---- products and sums

  private lowerBinary(e: Binary): Product {
    if (e.op === 'mul' || e.op === 'hadamard' || e.op === 'div') return this.lowerChain(flattenChain(e));
    if (e.op === 'eq' || e.op === 'ne') {
      const indicator = this.indicator(e);
      if (indicator) return [indicator];
    }
    const b = this.b;
    const op = e.op;
    const [left, right] = [this.lower(e.left), this.lower(e.right)];
    const additive = op === 'add' || op === 'sub';
    const l = this.at(e.left, () => multiply(b, additive ? this.sumOwnRepeated(e.left, left, right) : left));
    const r = this.at(e.right, () => multiply(b, additive ? this.sumOwnRepeated(e.right, right, left) : right));
    return [combine(b, [l, r], ([x, y]) => (op === 'add' ? b.add(x, y) : op === 'sub' ? b.sub(x, y) : b.compare(op as Comparison, x, y)))];
  }

  /**
   * A term of a sum under Einstein's convention (documents): an index the term writes twice, that the other
   * term lacks and nothing else binds, is summed within the term (`P_{mk} Q_{nk} + P_{mj} Q_{jn}`), not
   * over the whole sum, where it would multiply the other term by its range.
   */
  private sumOwnRepeated(term: Expr, value: Product, other: Product): Product {
    if (!this.lowering.scope.summationConvention) return value;
    const others = productLabels(other);
    const own = productLabels(value).filter((l) => isIndexLabel(l) && !others.includes(l) && !this.bound.includes(l) && !this.hints.has(l) && repeatedIndices(term, [l]));
    return own.reduce((p, index) => contract(this.b, p, index, this.sizeOf(index)), value);
  }

  /** A product chain; a summation sign in it sums everything after it (`½ Σ_i r_i^2`, `λ Σ_j w_j^2`). */
  private lowerChain(links: ChainLink[]): Product {
    const k = links.findIndex((l) => this.sumSignIn(l.expr) !== undefined);
    if (k < 0) return links.slice(1).reduce((acc, link) => this.applyLink(link, acc, this.lower(link.expr)), this.lower(links[0].expr));
    const signExpr = links[k].expr;
    const { sign, negated } = this.sumSignIn(signExpr)!;
    const body = links.slice(k + 1);
    if (body.length === 0) throw new IndexError(`${this.text(signExpr)} needs its summand after it`);
    let summed = this.sum(sign, this.text(signExpr), () => this.lowerChain(body));
    if (negated) summed = [{ ...summed[0], node: this.b.neg(summed[0].node) }, ...summed.slice(1)];
    if (k === 0) return summed;
    const left = this.lowerChain(links.slice(0, k));
    return this.applyLink(links[k], left, summed);
  }

  private sumSignIn(e: Expr): { sign: SumSign; negated: boolean } | undefined {
    if (e.kind === 'name') {
      const sign = this.reader.sumSign(e);
      return sign && { sign, negated: false };
    }
    if (e.kind === 'neg' && e.arg.kind === 'name') {
      const sign = this.reader.sumSign(e.arg);
      return sign && { sign, negated: true };
    }
    return undefined;
  }

  /** Σ over the sign's indices of the summand. */
  private sum(sign: SumSign, where: string, summand: () => Product): Product {
    const range = this.sumRange(sign, where);
    this.bound.push(...sign.indices);
    let p: Product;
    try {
      p = summand();
    } finally {
      this.bound.splice(this.bound.length - sign.indices.length);
    }
    for (const index of sign.indices) {
      requireSummandOverLabel(p, index, this.lowering.scope.labelLetters);
      p = contract(this.b, p, index, this.sizeOf(index) ?? range);
    }
    return p;
  }

  private applyLink(link: ChainLink, left: Product, right: Product): Product {
    if (link.op === 'hadamard') {
      itemShape([...left, ...right]); // checks that the items broadcast
      return [...left, ...right];
    }
    if (link.op === 'div') return [combine(this.b, [multiply(this.b, left), multiply(this.b, right)], ([x, y]) => this.b.div(x, y))];
    return this.matrixProduct(left, right, link.style === 'cdot');
  }

  /**
   * The product of two items: scaling when one is a scalar, the dot product for `·` between equal vectors,
   * else the matrix product, which contracts the left item's columns with the right item's rows.
   */
  private matrixProduct(left: Product, right: Product, cdot: boolean): Product {
    const li = itemShape(left);
    const ri = itemShape(right);
    if (isScalarShape(li) || isScalarShape(ri)) return [...left, ...right];
    const h = `#h${this.hidden++}`;
    if (cdot && li[0] === ri[0] && li[1] === ri[1] && (li[0] === 1) !== (li[1] === 1)) {
      const axis = li[0] === 1 ? COLS : ROWS;
      return contract(this.b, [...relabelProduct(left, { [axis]: h }), ...relabelProduct(right, { [axis]: h })], h, li[0] === 1 ? li[1] : li[0]);
    }
    getOp('matmul').shape([li, ri], {}); // the usual message for mismatched inner dimensions
    if (li[1] === 1) return [...left, ...right]; // an outer product: nothing to contract
    return contract(this.b, [...relabelProduct(left, { [COLS]: h }), ...relabelProduct(right, { [ROWS]: h })], h, li[1]);
  }

  /**
   * `1(y^(i) = j)` for a one-hot y is y's entry at class j; `1(i = j)` is δ_ij. Other equalities are masks
   * (left to the general case).
   */
  private indicator(e: Binary): Tensor | undefined {
    const asIndex = (x: Expr) => (x.kind === 'name' && this.reader.isIndexVariable(x.name) ? x.name : undefined);
    const li = asIndex(e.left);
    const ri = asIndex(e.right);
    if (li === undefined && ri === undefined) return undefined;
    let t: Tensor;
    if (li !== undefined && ri !== undefined) t = this.kronecker([li, ri], this.text(e));
    else {
      const index = (li ?? ri)!;
      const other = li === undefined ? e.left : e.right;
      if (!this.isOneHot(other)) throw new IndexLimit(`this compares a class with the index ${index}, which needs the labels one-hot: declare ${this.oneHotName(other) ?? this.text(other)} onehot`);
      const value = this.tensor(other);
      const axis = value.cols === COLS ? 'cols' : value.rows === ROWS ? 'rows' : undefined;
      if (!axis) throw new IndexError(`${this.text(other)} has no classes left to compare with ${index}`);
      this.record(index, dimOf(value, axis === 'cols' ? COLS : ROWS)!, this.text(e));
      t = relabel(value, { [axis === 'cols' ? COLS : ROWS]: index });
    }
    return e.op === 'ne' ? { ...t, node: this.b.sub(1, t.node) } : t;
  }

  /** The declared array behind `y` or `y^(i)` (names.ts arrayOf). */
  private oneHotName(e: Expr): string | undefined {
    const name = e.kind === 'name' ? e : e.kind === 'power' && e.base.kind === 'name' ? e.base : undefined;
    return name && this.reader.arrayOf(name.name);
  }

  private isOneHot(e: Expr): boolean {
    const name = this.oneHotName(e);
    return name !== undefined && this.lowering.scope.declarations.get(name)?.domain === 'onehot';
  }

  // ---- calls

  /**
   * `h_\theta(x^{(i)})`, `Cost(h_\theta(x^{(i)}), y^{(i)})`: a user function of numbers called on entries.
   * Entry by entry it is the function of the whole arrays when its body acts on each entry alone
   * (entrywise.ts) and each argument's entries are numbers; anything else stays unread.
   */
  private entrywiseCall(e: Call): Product {
    const fn = this.lowering.scope.functions.get(e.callee)!;
    if (e.prime > 0 || e.args.length !== fn.params.length || !isEntrywiseFunction(this.lowering.scope, e.callee)) {
      throw new IndexLimit(`${e.calleeText} of an indexed argument is read only when it acts on each entry alone; write it with whole arrays`);
    }
    const args = e.args.map((a) => this.tensor(a));
    this.arguments.push(new Map(fn.params.map((p, k) => [p, args[k]])));
    try {
      return this.lower(fn.body);
    } finally {
      this.arguments.pop();
    }
  }

  private lowerCall(e: Call): Product {
    const product = this.reader.indexedProduct(e);
    if (product) return this.lowerIndexed(product);
    const sum = this.reader.sumCall(e);
    if (sum) return this.sum(sum.sign, this.text(e), () => this.lower(sum.summand));
    const subscripted = this.reader.subscriptedCall(e);
    if (subscripted) {
      const inner: Call = { ...e, callee: subscripted.callee, calleeText: subscripted.calleeText };
      return [this.subscriptItem(this.tensor(inner), subscripted.indices, this.text(e))];
    }
    if (!e.args.some((a) => this.indexed(a))) return [plain(this.lowering.lower(e))];
    const abstract = this.lowering.scope.abstractFunctions.get(e.callee);
    if (abstract) {
      if (abstract.kind !== 'entrywise') throw new IndexError(`${e.calleeText} takes whole arrays; call it on arrays, not on indexed entries`);
      return [combine(this.b, e.args.map((a) => this.tensor(a)), (nodes) => lowerAbstractCall(this.lowering, abstract, e, nodes))];
    }
    if (this.lowering.scope.functions.has(e.callee)) return this.entrywiseCall(e);
    const atSample = this.definedAtSample(e);
    if (atSample) return [atSample];
    const builtin = BUILTIN_FUNCTIONS.get(e.callee);
    if (!builtin || e.args.length !== builtin.arity) throw new IndexLimit(`${e.calleeText} of an indexed argument is not supported; write it with whole arrays`);
    const name = builtin.name;
    // Entrywise functions keep every axis (builtin.kind comes from the op's `elementwise`).
    if (builtin.kind === 'elementwise' && builtin.arity === 1) {
      const arg = this.tensor(e.args[0]);
      const calculus = this.lowering.options.calculus;
      const apply = (x: Node) => (e.prime > 0 && calculus ? calculus.primeOfBuiltin(name, x) : this.b.apply(name, x));
      return [{ ...arg, node: apply(arg.node) }];
    }
    if (builtin.kind === 'elementwise') return [combine(this.b, e.args.map((a) => this.tensor(a)), (nodes) => this.b.apply(name, nodes))];
    if (name === 'sum' && isBareSumSign(e.calleeText)) return this.bareSum(this.lower(e.args[0]));
    if (name === 'sum' || name === 'mean') return this.itemSum(this.lower(e.args[0]), name === 'mean');
    if (name === 'dot') return this.matrixProduct(this.lower(e.args[0]), this.lower(e.args[1]), true);
    if (name === 'softmax' || name === 'logsumexp') return [this.itemwise(name, this.tensor(e.args[0]), this.text(e))];
    throw new IndexLimit(`${e.calleeText} of an indexed argument is not supported; write it with whole arrays`);
  }

  /**
   * `h(x^{(i)})` for a defined h (`h = sigma(X theta)`): h at sample i, as `h(x)` is h (Lowering's function
   * notation). Only when h is computed from the sample's array and both count the samples along the same size.
   */
  private definedAtSample(e: Call): Tensor | undefined {
    const arg = e.args.length === 1 && e.prime === 0 && this.lowering.scope.definitions.has(e.callee) ? e.args[0] : undefined;
    const sample = arg && this.sampleOf(arg);
    if (!sample) return undefined;
    const value = this.lowering.nameNode(e.callee, e.span);
    const array = this.lowering.nameNode(sample.array, e.span);
    const samplesOf = ([r, c]: readonly Dim[]) => (r !== 1 ? r : c);
    if (!dependsOn(value, array) || isScalarShape(value.shape) || samplesOf(value.shape) !== samplesOf(array.shape)) return undefined;
    return this.indexArray(value, [], sample.index, this.text(e), 'lower');
  }

  /** `x^{(i)}`: sample i of an array, and no entry of it. */
  private sampleOf(e: Expr): { array: string; index: string } | undefined {
    const info = e.kind === 'name' ? this.reader.indexedName(e) : undefined;
    return info?.sample && info.indices.length === 0 && !info.implicitCall ? { array: info.base, index: info.sample } : undefined;
  }

  /** f_j(x): the value's item axis takes the subscript. */
  private subscriptItem(value: Tensor, indices: readonly string[], text: string): Tensor {
    const items = [ROWS, COLS].filter((l) => value.rows === l || value.cols === l);
    if (indices.length !== 1 || items.length !== 1) throw new IndexError(`${text} takes entries of a vector value, one index`);
    this.record(indices[0], dimOf(value, items[0])!, text);
    return relabel(value, { [items[0]]: indices[0] });
  }

  /**
   * A sign with no subscript, `\sum e^{x_j}`, sums over the index its summand has that the left side does
   * not (the claim's target, the entry being defined) and no enclosing sum binds: the one a reader sees it run
   * over. Two such indices leave it open which (`\sum W_{jk} x_k` where y_j is no entry); with none it is
   * the sum of each item's entries, as `sum(..)` is.
   */
  private bareSum(p: Product): Product {
    const left = this.defined ?? [...this.hints.keys()];
    const own = productLabels(p).filter((l) => isIndexLabel(l) && !left.includes(l) && !this.bound.includes(l));
    if (own.length === 0) return this.itemSum(p, false);
    if (own.length > 1) throw new IndexLimit(`a sum sign with no subscript over ${own.join(', ')} does not say which of them it runs over: write it, as in \\sum_{${own[own.length - 1]}}`);
    return contract(this.b, p, own[0], this.sizeOf(own[0]));
  }

  /** sum(x^(i)): the sum of each item, over its rows and columns. */
  private itemSum(p: Product, mean: boolean): Product {
    const shape = itemShape(p);
    let out = p;
    for (const label of [ROWS, COLS]) if (productLabels(out).includes(label)) out = contract(this.b, out, label, undefined);
    return mean ? [...out, plain(this.b.div(1, this.b.numel(shape)))] : out;
  }

  /** softmax and logsumexp of each item (a vector): items laid out as rows, which these ops treat one by one. */
  private itemwise(name: 'softmax' | 'logsumexp', t: Tensor, text: string): Tensor {
    const item = [ROWS, COLS].find((l) => t.rows === l || t.cols === l);
    const index = [t.rows, t.cols].find((l) => l !== undefined && isIndexLabel(l));
    if (!item) throw new IndexError(`${text}: ${name} needs a vector in each entry`);
    if (!index) return plain(this.b.apply(name, arrange(this.b, t, t.rows, t.cols)));
    const node = this.b.apply(name, arrange(this.b, t, index, item));
    return name === 'softmax' ? { node, rows: index, cols: item } : { node, rows: index };
  }

  // ---- derivative references

  /**
   * An array's entry by its own entry: `∂X_{ij}/∂X_{kl}` is δ_ik δ_jl (`∂x_i/∂x_k` is δ_ik), kept as a product
   * of deltas, since as one array it would have four axes. Undefined for any other derivative.
   */
  private entryByEntry(e: Extract<Expr, { kind: 'deriv' }>): Product | undefined {
    const [variable] = e.wrt;
    if (e.wrt.length !== 1 || e.of.kind !== 'name' || variable.kind !== 'name') return undefined;
    const of = this.reader.indexedName(e.of);
    const by = this.reader.indexedName(variable);
    if (!of || !by || of.implicitCall || by.implicitCall || of.sample !== undefined || by.sample !== undefined || of.base !== by.base) return undefined;
    if (of.indices.length !== by.indices.length || new Set(by.indices).size !== by.indices.length) return undefined;
    const shape = this.lowering.nameNode(of.base, e.span).shape;
    const sizes = of.indices.length === 2 ? [shape[0], shape[1]] : of.indices.length === 1 && (shape[0] === 1) !== (shape[1] === 1) ? [shape[0] === 1 ? shape[1] : shape[0]] : undefined;
    if (!sizes) return undefined;
    return of.indices.map((i, k) => {
      this.record(i, sizes[k], this.text(e));
      this.record(by.indices[k], sizes[k], this.text(e));
      return this.kronecker([i, by.indices[k]], this.text(e));
    });
  }

  private lowerDerivative(e: Extract<Expr, { kind: 'deriv' }>): Tensor {
    const calculus = this.lowering.options.calculus;
    if (!calculus?.indexedDerivative) throw new IndexLimit('derivatives are not available here');
    const t = calculus.indexedDerivative(e, this.lowering);
    for (const label of [t.rows, t.cols]) if (label !== undefined && isIndexLabel(label)) this.record(label, dimOf(t, label)!, this.text(e));
    return t;
  }

  /**
   * In index notation, a derivative of an abstract function vectorised over samples (`∂f2/∂f1`, one value
   * per sample) is taken at sample i: its axes are bound to the indices of the same range, those of the
   * enclosing sums first.
   */
  private bindSamples(e: Expr, t: Tensor): Tensor {
    if (e.kind !== 'deriv' || !this.namesAbstract(e)) return t;
    const candidates = [...[...this.bound].reverse(), ...this.sizes.keys(), ...this.hints.keys()];
    const out = { ...t };
    for (const side of ['rows', 'cols'] as const) {
      const label = out[side];
      if (label === undefined || isIndexLabel(label)) continue;
      const dim = dimOf(t, label)!;
      const index = candidates.find((i) => this.sizeOf(i) === dim && out.rows !== i && out.cols !== i);
      if (index) out[side] = index;
    }
    return out;
  }

  private namesAbstract(e: Extract<Expr, { kind: 'deriv' }>): boolean {
    const fns = this.lowering.scope.abstractFunctions;
    return [e.of, ...e.wrt].some((x) => x.kind === 'name' && fns.has(x.name));
  }
}

/**
 * Runs `run`; a failure of chainrule itself while reading index notation becomes an `internal-error` at `e`
 * (a diagnostic, or the step's `error` verdict), never the end of the whole report.
 */
export function guarded<T>(e: Expr, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof IndexLimit) throw new LowerError(error('reading', err.message, e.span));
    if (err instanceof IndexError || err instanceof ShapeError) throw new LowerError(error('shape-mismatch', err.message, e.span));
    // Only plain errors are chainrule's own failures; LowerError, InformalReference and the like carry meaning.
    if (!(err instanceof Error) || err.constructor !== Error) throw err;
    throw new LowerError(error('internal-error', `chainrule could not read this index notation (${err.message}); this is a bug in chainrule`, e.span));
  }
}

/** `a b .* c / d` → [a, (juxt) b, (.*) c, (/) d]: one left-associative product level. */
function flattenChain(e: Binary): ChainLink[] {
  const links: ChainLink[] = [];
  let x: Expr = e;
  const tail: ChainLink[] = [];
  while (x.kind === 'binary' && (x.op === 'mul' || x.op === 'hadamard' || x.op === 'div')) {
    tail.push({ op: x.op, style: x.style, expr: x.right });
    x = x.left;
  }
  links.push({ op: 'mul', expr: x }, ...tail.reverse());
  return links;
}

/** Index notation for lowering (LoweringOptions.indexNotation). */
export const indexNotation: IndexNotation = {
  lowerNode: (lowering, e) => new IndexLowering(lowering).lowerNode(e),
  lowerEntries: (lowering, e, indices) => new IndexLowering(lowering).lowerEntries(e, indices),
  lowerValue: (lowering, e) => {
    const indexed = new IndexLowering(lowering);
    const value = indexed.lowerValue(e);
    return { value, sizes: indexed.indexSizes() };
  },
};

/**
 * `x_i` of a matrix X (n x d) that only the capital names: sample i, which textbooks write as a column (X's rows
 * are x_i^T), so `x_i^T w` is a number and `\sum_i r_i x_i` has w's shape. A row of the array's own name (`W_i`)
 * keeps its side.
 */
function asSampleColumn(t: Tensor, info: IndexedName): Tensor {
  const written = normalizeName(info.baseText);
  const fromCapital = written !== info.base && written.toUpperCase() === info.base.toUpperCase();
  return fromCapital && t.rows !== undefined && isIndexLabel(t.rows) && t.cols === COLS ? { ...t, cols: ROWS } : t;
}

/** k runs over K: an index nothing else fixes takes the one axis its capital names (`u_k` of `U : K x d` is row k). */
function capitalAxis(index: string, rows: Dim, cols: Dim): Dim | undefined {
  const capital = index.toUpperCase();
  if (capital === index) return undefined;
  return rows === capital && cols !== capital ? rows : cols === capital && rows !== capital ? cols : undefined;
}
