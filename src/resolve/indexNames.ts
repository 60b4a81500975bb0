// Which written names are index notation in a scope (docs/index-notation.md). A name is an index variable
// when it is one of the index letters (or declared `: index`) and has no meaning of its own in the scope; it
// is used as one only where index notation is written: as a subscript of a known array (`w_i`, `W_{i,j}`),
// as a sample superscript (`x^(i)`), in a summation sign (`sum_i`) or a Kronecker delta (`delta_ij`).
// So `W_1` and `W1` stay one name, and files without declarations read exactly as before.
import type { Expr, Span } from '../syntax/ast';
import { INDEX_LETTERS, normalizeName } from '../syntax/names';
import type { Scope } from './scope';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';
import { startOf } from './indexUses';
import { baseNameOf, kroneckerOf, sampleIndexOf, sampledNameOf, subscriptsOf, sumSignOf, type SumSign } from './indexNotation';

export { INDEX_LETTERS };

type NameExpr = Extract<Expr, { kind: 'name' }>;

/** An indexed name: an array's entries (`W_ij`) or a one-argument function's value at the claim's variable (`softmax_j`). */
export interface IndexedName {
  base: string;
  baseText: string;
  indices: string[];
  /** The base is a builtin function written without its argument (see Lowering.implicitArgument). */
  implicitCall: boolean;
  /** The sample a superscript `(i)` selects (`x^{(i)}`, `x_j^{(i)}`: row i of X), before the indices. */
  sample?: string;
}

export interface IndexReaderOptions {
  textOf(span: Span): string;
  letters?: readonly string[];
  /** Whether bare builtin functions stand for their value at the claim's variable (`dsigma/dz = sigma (1 - sigma)`). */
  implicitArgument: boolean;
}

export class IndexReader {
  private readonly letters: ReadonlySet<string>;
  private readonly cache = new WeakMap<Expr, boolean>();

  constructor(
    private readonly scope: Scope,
    private readonly options: IndexReaderOptions,
  ) {
    this.letters = new Set(options.letters ?? INDEX_LETTERS);
  }

  /** Names with a meaning of their own, which are never index notation. */
  isKnown(name: string): boolean {
    const s = this.scope;
    return s.declarations.has(name) || s.definitions.has(name) || s.pointNames.has(name) || s.aliases.has(name) || s.dims.has(name) || s.functions.has(name) || s.abstractFunctions.has(name);
  }

  isIndexVariable(name: string): boolean {
    return (this.letters.has(name) || this.scope.indexNames.has(name)) && !this.isKnown(name);
  }

  private isArrayName(name: string): boolean {
    const s = this.scope;
    return s.declarations.has(name) || s.definitions.has(name) || s.aliases.has(name);
  }

  /** A builtin of one argument written bare, standing for its value at the claim's variable. */
  isImplicitFunction(name: string): boolean {
    const fn = BUILTIN_FUNCTIONS.get(name);
    return fn !== undefined && fn.arity === 1 && fn.kind !== 'constructor' && !this.isKnown(name) && this.options.implicitArgument;
  }

  /** `sigma`, `softmax_j`: a builtin of one argument written bare (what `dsoftmax_j/dz_i` differentiates). */
  namesBuiltinFunction(e: NameExpr): boolean {
    if (this.isKnown(e.name)) return false;
    const s = subscriptsOf(e.text);
    const base = s && s.indices.every((i) => this.isIndexVariable(i)) ? baseNameOf(s, e.name) : e.name;
    const fn = BUILTIN_FUNCTIONS.get(base);
    return fn !== undefined && fn.arity === 1 && fn.kind !== 'constructor' && !this.isKnown(base);
  }

  /**
   * The array a base name indexes: itself, or, when it is unknown, the matrix of the same name in capitals
   * (`x^(i)` is sample i of X, `θ_j` column j of Θ), as the textbooks write rows and columns.
   */
  arrayOf(name: string): string | undefined {
    if (this.isArrayName(name)) return name;
    const capital = name.charAt(0).toUpperCase() + name.slice(1);
    return !this.isKnown(name) && capital !== name && this.isArrayName(capital) ? capital : undefined;
  }

  indexedName(e: NameExpr): IndexedName | undefined {
    if (this.isKnown(e.name)) return undefined;
    const sampled = sampledNameOf(e.text);
    if (sampled) return this.scope.sampleEntries.has(startOf(e)) ? this.sampledName(sampled) : undefined;
    const s = subscriptsOf(e.text);
    if (!s || !s.indices.every((i) => this.isIndexVariable(i))) return undefined;
    const base = this.arrayOf(baseNameOf(s, e.name));
    if (base) return { base, baseText: s.base, indices: s.indices, implicitCall: false };
    const fn = baseNameOf(s, e.name);
    if (this.isImplicitFunction(fn)) return { base: fn, baseText: s.base, indices: s.indices, implicitCall: true };
    // A function given entry by entry, `s(\mathbf x)_i = ...`, written bare is its value at its own parameters
    // (Lowering.functionAtItsParameters), so `s_j` is entry j of that value, as the author's s(\mathbf x)_j is.
    if (this.scope.functions.get(fn)?.entries) return { base: fn, baseText: s.base, indices: s.indices, implicitCall: false };
    return undefined;
  }

  /** `x^{(i)}`, `x_j^{(i)}` as one name: sample i (then entry j) of x, or of X when x is unknown. */
  private sampledName({ written, sample }: { written: string; sample: string }): IndexedName | undefined {
    if (!this.isIndexVariable(sample)) return undefined;
    const s = subscriptsOf(written);
    if (s && !s.indices.every((i) => this.isIndexVariable(i))) return undefined;
    const base = this.arrayOf(normalizeName(s ? s.base : written));
    return base ? { base, baseText: s?.base ?? written, indices: s?.indices ?? [], implicitCall: false, sample } : undefined;
  }

  sumSign(e: NameExpr): SumSign | undefined {
    if (this.isKnown(e.name)) return undefined;
    const sign = sumSignOf(e.text);
    return sign && sign.indices.every((i) => this.isIndexVariable(i)) ? sign : undefined;
  }

  kronecker(e: NameExpr): [string, string] | undefined {
    if (this.isKnown(e.name)) return undefined;
    const d = kroneckerOf(e.text);
    return d && d.every((i) => this.isIndexVariable(i)) ? d : undefined;
  }

  /** `x^(i)`: the sample index, when the base is a known array (or an indexed name) and the exponent is `(i)`. */
  sampleIndex(e: Extract<Expr, { kind: 'power' }>): string | undefined {
    if (e.elementwise || e.exponent.kind !== 'name' || !this.isIndexVariable(e.exponent.name)) return undefined;
    const base = e.base;
    const known = base.kind === 'name' && (this.arrayOf(base.name) !== undefined || this.indexedName(base) !== undefined);
    if (!known) return undefined;
    const index = sampleIndexOf(this.options.textOf(e.exponent.span));
    return index !== undefined && normalizeName(index) === e.exponent.name ? e.exponent.name : undefined;
  }

  /**
   * `∂E/∂ŷ^(i)` reads as `(∂E/∂ŷ)^(i)` (the fraction is one token); as index notation it is the derivative
   * with respect to sample i of ŷ, returned rewritten so.
   */
  sampledDerivative(e: Expr): Extract<Expr, { kind: 'deriv' }> | undefined {
    if (e.kind !== 'power' || e.base.kind !== 'deriv' || e.base.form !== 'frac' || e.base.wrt.length !== 1) return undefined;
    const wrt = e.base.wrt[0];
    if (wrt.kind !== 'name') return undefined;
    const sampled: Extract<Expr, { kind: 'power' }> = { kind: 'power', base: wrt, exponent: e.exponent, span: { ...wrt.span, endLine: e.span.endLine, endColumn: e.span.endColumn } };
    return this.sampleIndex(sampled) ? { ...e.base, wrt: [sampled], span: e.span } : undefined;
  }

  /**
   * An index sum written as a call: `sum(i, expr)`, or the LaTeX front end's `\sum_{i=1}^m` applied to its
   * summand (a call of sum whose callee text is the sign), when its indices are index variables.
   */
  sumCall(e: Extract<Expr, { kind: 'call' }>): { sign: SumSign; summand: Expr } | undefined {
    if (e.callee !== 'sum' || e.prime !== 0) return undefined;
    if (e.args.length === 2) {
      const [first, summand] = e.args;
      return first.kind === 'name' && this.isIndexVariable(first.name) ? { sign: { indices: [first.name] }, summand } : undefined;
    }
    const sign = e.args.length === 1 ? sumSignOf(e.calleeText) : undefined;
    return sign && sign.indices.every((i) => this.isIndexVariable(i)) ? { sign, summand: e.args[0] } : undefined;
  }

  /** `a_j(1 - a_j)`: an indexed array followed by a bracket is a product, as `a(1 - a)` is (SPEC D6). */
  indexedProduct(e: Extract<Expr, { kind: 'call' }>): Expr | undefined {
    if (e.prime !== 0 || e.args.length !== 1 || this.callsEntriesFunction(e)) return undefined;
    const head: NameExpr = { kind: 'name', name: e.callee, text: e.calleeText, span: { ...e.span, endLine: e.span.line, endColumn: e.span.column + e.calleeText.length } };
    return this.indexedName(head) ? { kind: 'binary', op: 'mul', style: 'juxt', left: head, right: e.args[0], span: e.span } : undefined;
  }

  /**
   * `s_j(\mathbf x)`, written `s(\mathbf x)_j`: a function given entry by entry called at its own parameters is
   * that entry, not a product (`s_j (1 - s_j)` stays one).
   */
  private callsEntriesFunction(e: Extract<Expr, { kind: 'call' }>): boolean {
    const call = this.subscriptedCall(e);
    const fn = call && this.scope.functions.get(call.callee);
    return fn?.entries !== undefined && e.args.every((a, k) => a.kind === 'name' && a.name === fn.params[k]);
  }

  /** `softmax_j(h)`, `f_k(x)`: a call whose value is then indexed. */
  subscriptedCall(e: Extract<Expr, { kind: 'call' }>): { callee: string; calleeText: string; indices: string[] } | undefined {
    if (this.isKnown(e.callee) || BUILTIN_FUNCTIONS.has(e.callee)) return undefined;
    const s = subscriptsOf(e.calleeText);
    if (!s || !s.indices.every((i) => this.isIndexVariable(i))) return undefined;
    const callee = baseNameOf(s, e.callee);
    const callable = BUILTIN_FUNCTIONS.has(callee) || this.scope.functions.has(callee) || this.scope.abstractFunctions.has(callee);
    return callable ? { callee, calleeText: s.base, indices: s.indices } : undefined;
  }

  /**
   * `1(y^(i) = j)`, `1(i = j)`: an equality between an index and an index or an array (its classes). In a file
   * of scalars `1(x = n)` stays a comparison of two scalars.
   */
  private isIndexIndicator(e: Extract<Expr, { kind: 'binary' }>): boolean {
    if (e.op !== 'eq' && e.op !== 'ne') return false;
    const isIndex = (x: Expr) => x.kind === 'name' && this.isIndexVariable(x.name);
    const isArray = (x: Expr) => {
      const name = x.kind === 'name' ? x : x.kind === 'power' && x.base.kind === 'name' ? x.base : undefined;
      return name !== undefined && (this.arrayOf(name.name) !== undefined || this.involves(x));
    };
    return (isIndex(e.left) && (isIndex(e.right) || isArray(e.right))) || (isIndex(e.right) && isArray(e.left));
  }

  /** Whether an expression uses index notation anywhere (and so is lowered by src/indexing/lower.ts). */
  involves(e: Expr): boolean {
    const cached = this.cache.get(e);
    if (cached !== undefined) return cached;
    const result = this.computeInvolves(e);
    this.cache.set(e, result);
    return result;
  }

  private computeInvolves(e: Expr): boolean {
    switch (e.kind) {
      case 'number':
        return false;
      case 'name':
        return this.indexedName(e) !== undefined || this.sumSign(e) !== undefined || this.kronecker(e) !== undefined;
      case 'call':
        return this.sumCall(e) !== undefined || this.subscriptedCall(e) !== undefined || this.indexedProduct(e) !== undefined || e.args.some((a) => this.involves(a));
      case 'neg':
      case 'transpose':
        return this.involves(e.arg);
      case 'entry':
        return true;
      case 'pattern': // a whole array: its indices are its own, its orientation as written
        return false;
      case 'binary':
        return this.involves(e.left) || this.involves(e.right) || this.isIndexIndicator(e);
      case 'power':
        return this.sampleIndex(e) !== undefined || this.sampledDerivative(e) !== undefined || this.involves(e.base) || this.involves(e.exponent);
      case 'matrix':
        return e.rows.some((r) => r.some((x) => this.involves(x)));
      case 'deriv':
        return this.involves(e.of) || e.wrt.some((w) => this.involves(w));
    }
  }
}
