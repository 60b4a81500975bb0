// Lowering: AST expressions of a resolved scope → IR nodes with shapes.
// Shape errors become diagnostics that name the operands by their source text (see shapeHints.ts).
import { barsAreDeterminant } from './determinantBars';
import type { Expr, Span } from '../syntax/ast';
import { Diagnostic, error, pushOnce, warning } from '../diagnostics';
import type { Dim, Node, Shape } from '../ir/types';
import { ShapeError, formatShape, isScalarShape, shapesEqual } from '../ir/types';
import type { Builder } from '../ir/build';
import { dependsOn } from '../ir/inspect';
import { substitute } from '../ir/substitute';
import { findInExpr } from '../syntax/walk';
import type { FunctionDefinition, Scope } from './scope';
import { BUILTIN_FUNCTIONS, BUILTIN_NAMES, type BuiltinFunction } from '../ops/builtins';
import { dependentsOf, knownNames, namesUsedInScope } from './names';
import { similarName, splitIntoKnownNames } from './similar';
import { shapeMismatchDiagnostic } from './shapeHints';
import { IndexReader } from './indexNames';
import type { Product, Tensor } from '../ir/tensor';
import { lowerAbstractCall } from './abstract';
import { componentsOf, directionRefusal, innerProductRefusal, isAngleBracketCall, isDirectionalCall } from './innerProducts';
import { ownValueTimesBracket } from './ownValueProducts';
import { isOuterProductCall, outerProduct, outerProductRefusal } from './outerProducts';
import { passLimits } from '../limits/index';
import { holdsUnsizedOnes, lowerWithOnes, UNSIZED_ONES, UNSIZED_ONES_REASON } from './onesVectors';

/** A lowering failure: the diagnostic to report for the statement being lowered. */
export class LowerError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    // A diagnostic carried to the statement being lowered, caught there: no stack trace (see ShapeError).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(diagnostic.message);
    Error.stackTraceLimit = limit;
  }
}

/** Derivatives needed while lowering (derivative references, f'(x)); provided by the calculus layer. */
export interface Calculus {
  derivativeRef(ref: Extract<Expr, { kind: 'deriv' }>, lowering: Lowering): Node;
  /** A derivative reference as a factor of an entrywise product (`∂L/∂A ⊙ ∂A/∂Z`): read entry by entry where it can be. */
  entrywiseFactor?(ref: Extract<Expr, { kind: 'deriv' }>, lowering: Lowering): Node;
  /** A derivative reference written with indices (`∂L/∂W_ij`), as a tensor whose axes run over them. */
  indexedDerivative?(ref: Extract<Expr, { kind: 'deriv' }>, lowering: Lowering): Tensor;
  primeOfBuiltin(fn: string, arg: Node): Node;
  /** f'(x) of a function of one variable; undefined where it is no array shaped like x (a matrix function). */
  primeOfFunction(body: (arg: Node) => Node, arg: Node): Node | undefined;
}

/**
 * Index notation (docs/index-notation.md), which src/indexing provides through the options as the calculus
 * layer provides derivatives: lowering meets it, but it is built on lowering.
 */
export interface IndexNotation {
  /** An expression in index notation as one node (its free indices laid out as rows and columns). */
  lowerNode(lowering: Lowering, e: Expr): Node;
  /** An expression in index notation as labelled factors, with the index ranges it fixes (for claim checking). */
  lowerValue(lowering: Lowering, e: Expr): { value: Product; sizes: Map<string, Dim> };
  /** The array whose entries `indices` (rows, then columns) are the expression: an entry-by-entry definition. */
  lowerEntries(lowering: Lowering, e: Expr, indices: readonly string[]): Node;
}

export interface LoweringOptions {
  /** Returns the source text of a span (operands are named by their source text in messages). */
  textOf(span: Span): string;
  calculus?: Calculus;
  indexNotation?: IndexNotation;
  /** The letters read as index variables (default: src/resolve/indexNames.ts INDEX_LETTERS). */
  indexLetters?: readonly string[];
}

const EULER = Math.E;
/** `A^{k}` in maths is k - 1 products: more than this is not a derivation's. */
const MAX_MATRIX_POWER = 16;
/** `f''''(x)`: each prime differentiates the whole derivative before; more than this is not a derivation's. */
const MAX_PRIMES = 4;

/**
 * What lowering an expression depends on besides the problem. Immutable: a caller that needs a variation
 * makes a new one (`Lowering.with`), never changes one and restores it.
 */
export interface LoweringContext {
  /** The shape the expression should have (a claim's target), used to pick shape-fix hints. */
  readonly expectedShape?: { shape: Shape; name: string };
  /**
   * Where `∂f2/∂f1` looks for the call of f2: the graph of the claim's function (while a claim is
   * checked); without it, every definition.
   */
  readonly callRoots?: readonly Node[];
  /** Ranges of the claim's target indices, for steps that do not fix their own. */
  readonly indexHints: ReadonlyMap<string, Dim>;
  /**
   * The variable z of a claim `d softmax_j / d z_i`: a one-argument builtin written bare (`softmax_j`,
   * `sigma`) stands for its value at z, as in `dsigma/dz = sigma (1 - sigma)`.
   */
  readonly implicit?: Node;
  /**
   * Set for hypothetical lowering (candidate edits of a repair search, editLowerer): the nodes of the
   * subexpressions the candidates share. Those expressions are nobody's: no warnings, no hints.
   */
  readonly editMemo?: WeakMap<Expr, Node>;
  /** Parameters of the user functions being inlined, innermost last. */
  readonly params: ReadonlyArray<ReadonlyMap<string, Node>>;
  /**
   * The size of the identity `I` a document writes here: that of the square matrix beside it (`A + \lambda I`
   * with A n x n: n), or of a claim's square target (`\partial z / \partial z = I`).
   */
  readonly identitySize?: Dim;
}

/** Whether a call is written with its function's own parameters (`\sigma_i(z)` for `\sigma_i(z) = ...`). */
function atOwnParameters(e: Extract<Expr, { kind: 'call' }>, fn: FunctionDefinition): boolean {
  return e.prime === 0 && e.args.length === fn.params.length && e.args.every((a, i) => a.kind === 'name' && a.name === fn.params[i]);
}

const PLAIN: LoweringContext = { indexHints: new Map(), params: [] };

/** A problem being lowered: its scope, builder and options, and what lowering it has found out so far. */
class ProblemLowering {
  readonly diagnostics: Diagnostic[] = [];
  /** Node id → defined name, so printed results reuse the names a person defined. */
  readonly names = new Map<number, string>();
  /**
   * Other accepted forms of a node: an elementwise derivative written as an array also stands for its
   * diagonal Jacobian, used when the array form does not fit a matrix product (SPEC 1.5).
   */
  readonly alternatives = new Map<number, Node>();
  readonly definitionNodes = new Map<string, Node>();
  /** Definitions being lowered, outermost first: a name met again here closes a cycle. */
  readonly inProgress: string[] = [];
  /** Undeclared names already looked at for a similar-name or assumed-scalar warning. */
  readonly seenUndeclared = new Set<string>();
  /** Names warned about as arrays used like scalars (at most once each). */
  readonly warnedArrayUse = new Set<string>();
  readonly usedNames: Set<string>;
  /** Declared, defined and `at` names: the scope is complete before lowering starts. */
  readonly scopeNames: Set<string>;
  readonly hasArrays: boolean;
  /** Which names are index notation (docs/index-notation.md), without and with an implicit argument. */
  readonly readers: { plain: IndexReader; implicit: IndexReader };
  /** Problems made by withInputs, by their inputs. */
  readonly withInputs = new Map<string, ProblemLowering>();
  /** The problem whose definitions this one took over (Lowering.inheritDefinitions): its cuts start this one's. */
  inherited?: ProblemLowering;

  constructor(
    readonly scope: Scope,
    readonly b: Builder,
    readonly options: LoweringOptions,
    /** Defined names lowered as independent inputs (Lowering.withInputs), by name. */
    readonly inputs: ReadonlyMap<string, Node> = new Map(),
  ) {
    this.usedNames = namesUsedInScope(scope);
    this.scopeNames = knownNames(scope);
    this.hasArrays = [...scope.declarations.values()].some((d) => !isScalarShape(d.shape));
    const reader = (implicitArgument: boolean) => new IndexReader(scope, { textOf: options.textOf, letters: options.indexLetters, implicitArgument });
    this.readers = { plain: reader(false), implicit: reader(true) };
  }
}

/**
 * Lowers AST expressions of a problem to IR nodes, in a context (LoweringContext). A Lowering is a value:
 * `with` gives the same problem in another context; what the problem has learnt (the nodes of its
 * definitions, names, warnings) is shared by all of them.
 */
export class Lowering {
  private constructor(
    private readonly problem: ProblemLowering,
    readonly context: LoweringContext,
  ) {}

  static forProblem(scope: Scope, b: Builder, options: LoweringOptions): Lowering {
    return new Lowering(new ProblemLowering(scope, b, options), PLAIN);
  }

  /** This problem in a context with `changes`. */
  with(changes: Partial<LoweringContext>): Lowering {
    return this.in(this.problem, changes);
  }

  /**
   * `problem` in this context with `changes`. An edit memo holds what expressions mean in one context, so
   * another context that stays hypothetical starts a memo of its own.
   */
  private in(problem: ProblemLowering, changes: Partial<LoweringContext>): Lowering {
    const context = { ...this.context, ...changes };
    if (this.context.editMemo && !('editMemo' in changes)) context.editMemo = new WeakMap();
    return new Lowering(problem, context);
  }

  get scope(): Scope {
    return this.problem.scope;
  }

  get b(): Builder {
    return this.problem.b;
  }

  get options(): LoweringOptions {
    return this.problem.options;
  }

  /** Errors and warnings about the author's expressions (never about hypothetical ones). */
  get diagnostics(): Diagnostic[] {
    return this.problem.diagnostics;
  }

  get names(): Map<number, string> {
    return this.problem.names;
  }

  get alternatives(): Map<number, Node> {
    return this.problem.alternatives;
  }

  get expectedShape(): LoweringContext['expectedShape'] {
    return this.context.expectedShape;
  }

  get callRoots(): readonly Node[] | undefined {
    return this.context.callRoots;
  }

  get indexHints(): ReadonlyMap<string, Dim> {
    return this.context.indexHints;
  }

  get implicitArgument(): Node | undefined {
    return this.context.implicit;
  }

  get indexReader(): IndexReader {
    return this.context.implicit ? this.problem.readers.implicit : this.problem.readers.plain;
  }

  private get hypothetical(): boolean {
    return this.context.editMemo !== undefined;
  }

  /**
   * Takes over the definitions `base` has lowered (their nodes, names and alternative forms). Only for a
   * lowering into `base`'s graph or a fork of it, over a scope that extends `base`'s without changing
   * the meaning of any name its definitions use (src/grade/problemBase.ts decides).
   */
  inheritDefinitions(base: Lowering): void {
    copyLowered(base.problem, this.problem, () => true);
    this.problem.inherited = base.problem;
  }

  /**
   * The problem with each name of `inputs` an independent input, its given node, instead of its
   * definition: what is built on a defined name, as a function of it, to be differentiated with respect to
   * it (docs/ir.md). Definitions that cannot depend on those names are taken over as lowered here. Its
   * diagnostics are its own: it lowers what this problem has lowered already, so it finds nothing new.
   */
  withInputs(inputs: ReadonlyMap<string, Node>): Lowering {
    const key = [...inputs].map(([name, node]) => `${name}:${node.id}`).join(',');
    let cut = this.problem.withInputs.get(key);
    if (!cut) {
      const { scope, b, options } = this.problem;
      cut = new ProblemLowering(scope, b, options, inputs);
      const affected = dependentsOf(scope, new Set(inputs.keys()));
      copyLowered(this.problem, cut, (name) => !affected.has(name) && !inputs.has(name));
      // The inputs are the base's own nodes (a fork finds them in its base), so the base's cut of them holds
      // the definitions built on them, lowered once for every submission (a grader's dL/dh, per claim).
      const inherited = this.problem.inherited?.withInputs.get(key);
      const own = cut.definitionNodes;
      if (inherited) copyLowered(inherited, cut, (name) => !own.has(name));
      this.problem.withInputs.set(key, cut);
    }
    return this.in(cut, {});
  }

  /** The value of a bare builtin at the claim's variable. */
  implicitCall(fn: string, span: Span): Node {
    const implicit = this.context.implicit;
    if (!implicit) throw new LowerError(error('unknown-name', `${fn} needs an argument here`, span));
    return this.b.apply(BUILTIN_FUNCTIONS.get(fn)!.name, [implicit]);
  }

  /** A matrix by its general entry (`[x_1; \\vdots; x_n]`): a column over its row index, a row over its column index, or both. */
  private lowerPattern(e: Extract<Expr, { kind: 'pattern' }>): Node {
    const indices = [e.rowIndex, e.colIndex].filter((index): index is string => index !== undefined);
    const node = this.requireIndexNotation(e.span).lowerEntries(this, e.entry, indices);
    return e.rowIndex === undefined ? this.b.transpose(node) : node;
  }

  /** An expression in index notation as labelled factors, with the index ranges it fixes (for claim checking). */
  lowerIndexed(e: Expr): { value: Product; sizes: Map<string, Dim> } {
    return this.requireIndexNotation(e.span).lowerValue(this, e);
  }

  /** The node of a name that has a meaning in the scope (declared, defined or given by `at`). */
  nameNode(name: string, span: Span): Node {
    return this.lowerName({ kind: 'name', name, text: name, span });
  }

  /**
   * The node of a defined name, lowering its definition once. A definition that fails (a cycle, a shape
   * error, a declared shape it does not have) is reported; when the name is declared, its declared shape
   * stands in for it downstream, so one bad line does not cascade.
   */
  definitionNode(name: string): Node {
    const problem = this.problem;
    const input = problem.inputs.get(name);
    if (input) return input;
    const cached = problem.definitionNodes.get(name);
    if (cached) return cached;
    const def = this.scope.definitions.get(name)!;
    if (problem.inProgress.includes(name)) {
      const cycle = problem.inProgress.slice(problem.inProgress.indexOf(name));
      for (const n of cycle) pushOnce(this.diagnostics, this.cycleError(n));
      throw new LowerError(this.cycleError(name));
    }
    problem.inProgress.push(name);
    const declared = this.scope.declarations.get(name);
    let node: Node;
    try {
      // A definition means the same wherever it is used; a shape-error hint prefers the declared shape.
      const lowering = new Lowering(problem, declared ? { ...PLAIN, expectedShape: { shape: declared.shape, name } } : PLAIN);
      node = def.entries ? lowering.requireIndexNotation(def.exprSpan).lowerEntries(lowering, def.expr, def.entries) : lowering.lower(def.expr);
      if (declared && !shapesEqual(declared.shape, node.shape)) {
        throw new LowerError(
          error('declared-shape-mismatch', `${name} is declared ${formatShape(declared.shape)} but its definition ${this.options.textOf(def.exprSpan)} is ${formatShape(node.shape)}`, def.exprSpan, `check the declaration of ${name} at line ${declared.span.line}, or the definition`),
        );
      }
    } catch (err) {
      if (!(err instanceof LowerError) || !declared) throw err;
      pushOnce(this.diagnostics, err.diagnostic);
      node = this.b.variable(name, declared.shape);
    } finally {
      problem.inProgress.pop();
    }
    problem.definitionNodes.set(name, node);
    // A defined name prints in place of its formula; a number (`\eta = 1.0`) stays a number wherever it occurs.
    if (!this.names.has(node.id) && node.op !== 'var' && node.op !== 'const') this.names.set(node.id, name);
    return node;
  }

  private cycleError(name: string): Diagnostic {
    const def = this.scope.definitions.get(name)!;
    return error('cyclic-definition', `the definition of ${name} depends on itself`, def.exprSpan, `a name must be defined without going back to itself`);
  }

  /**
   * Lowers a function's body with its parameters taken as scalars, to report errors in it. The parameters'
   * leaves get names no author can write (`x@F`): sample points give each leaf of the graph a value by its
   * name, and `F(x) = ...` beside a declared `x : 1 x M` must not make x a scalar there.
   */
  functionBody(fn: FunctionDefinition): Node {
    // A function given entry by entry is read at its own parameters, the question's arrays (callEntrywiseFunction).
    if (fn.entries) return this.requireIndexNotation(fn.span).lowerEntries(this, fn.body, fn.entries);
    // A parameter named like a declared array takes its shape (`A(\theta) = \log \sum_k e^{\theta_k}`, θ in R^K).
    const shapeOf = (p: string) => this.scope.declarations.get(p)?.shape ?? ([1, 1] as const);
    return this.withParams(new Map(fn.params.map((p) => [p, this.b.variable(`${p}@${fn.name}`, shapeOf(p))]))).lower(fn.body);
  }

  private withParams(bound: ReadonlyMap<string, Node>): Lowering {
    return this.with({ params: [...this.context.params, bound] });
  }

  /**
   * Lowers candidate edits of one expression (a repair search). They are not the author's: no warnings are
   * collected, and one that does not lower gives undefined, without the hints a diagnostic would work out.
   * Edits share the subexpressions they leave unchanged; those are lowered once for all the candidates.
   * Use it within one claim context (what a name means does not change between the candidates).
   */
  editLowerer(): (e: Expr) => Node | undefined {
    const hypothetical = this.with({ editMemo: new WeakMap() });
    return (e) => {
      try {
        return hypothetical.lower(e);
      } catch (err) {
        passLimits(err);
        // a candidate that does not lower (a shape error, a tensor-valued reference, ...) is no fix
        return undefined;
      }
    };
  }

  lower(e: Expr): Node {
    // Inside a function body the same expression means different things for different arguments.
    const memo = this.context.params.length === 0 ? this.context.editMemo : undefined;
    if (!memo) return this.lowerUncached(e);
    let node = memo.get(e);
    if (!node) memo.set(e, (node = this.lowerUncached(e)));
    return node;
  }

  private lowerUncached(e: Expr): Node {
    if (e.kind === 'pattern') return this.lowerPattern(e);
    // An entry of an expression, `(BA)_{qp}`, is index notation whatever its bracket holds.
    if (e.kind === 'entry' || this.indexReader.involves(e)) return this.requireIndexNotation(e.span).lowerNode(this, e);
    switch (e.kind) {
      case 'number':
        return this.b.constant(e.value);
      case 'name':
        return this.lowerName(e);
      case 'neg':
        return this.b.neg(this.lower(e.arg));
      case 'transpose': {
        // `v_c (\hat{y} - y)^T`: a variable before a bracket is a product, and the transpose is the bracket's.
        const product = this.bracketOfProduct(e.arg, (bracket) => ({ ...e, arg: bracket }));
        if (product) return this.lowerBinary(product);
        this.noteArrayUse(e.arg);
        return this.b.transpose(this.lower(e.arg));
      }
      case 'power': {
        // `30x(3x^2 + 1)^4` is 30x times the bracket to the 4th, not (30x(3x^2 + 1))^4.
        const product = this.bracketOfProduct(e.base, (bracket) => ({ ...e, base: bracket }));
        return product ? this.lowerBinary(product) : this.lowerPower(e);
      }
      case 'binary':
        return this.lowerBinary(e);
      case 'matrix':
        return this.lowerMatrix(e);
      case 'call':
        return this.lowerCall(e);
      case 'deriv':
        return this.lowerDerivative(e);
    }
  }

  private lowerName(e: Extract<Expr, { kind: 'name' }>): Node {
    const params = this.context.params;
    for (let i = params.length - 1; i >= 0; i--) {
      const bound = params[i].get(e.name);
      if (bound) return bound;
    }
    const { scope, b } = this;
    if (e.name === UNSIZED_ONES) throw new LowerError(error('reading', UNSIZED_ONES_REASON, e.span));
    if (scope.definitions.has(e.name)) return this.definitionNode(e.name);
    const declared = scope.declarations.get(e.name);
    if (declared) return b.variable(e.name, declared.shape);
    if (scope.pointNames.has(e.name)) return b.variable(e.name, [1, 1]);
    const alias = scope.aliases.get(e.name);
    if (alias) return this.lowerAlias(e.name, alias);
    if (scope.dims.has(e.name)) return b.dimsize(e.name);
    if (e.name === 'pi') return b.constant(Math.PI);
    if (e.name === 'e') return b.constant(EULER);
    const user = scope.functions.get(e.name);
    if (user) return this.functionAtItsParameters(e, user);
    if (this.indexReader.isImplicitFunction(e.name)) return this.implicitCall(e.name, e.span);
    if (this.isIdentity(e) && this.context.identitySize !== undefined) return b.eye(this.context.identitySize);
    // The identity where nothing gives its size (a first pass over a step) is no undeclared name to warn of.
    if (!this.isIdentity(e)) this.reportUndeclared(e);
    return b.variable(e.name, [1, 1]);
  }

  /**
   * `\partial J / \partial \theta` after `J(\theta) = ...`: a function written bare is its value at its own
   * parameters, as textbooks write it (`\mathbf s` after `s(\mathbf x)_i = ...`, the vector of its entries).
   * A body that comes back to the bare name is a cycle.
   */
  private functionAtItsParameters(e: Extract<Expr, { kind: 'name' }>, fn: FunctionDefinition): Node {
    const inProgress = this.problem.inProgress;
    const key = `function ${e.name}`;
    if (inProgress.includes(key)) throw new LowerError(error('cyclic-definition', `the definition of ${e.text} depends on itself`, e.span));
    inProgress.push(key);
    try {
      const call: Extract<Expr, { kind: 'call' }> = { kind: 'call', callee: e.name, calleeText: e.text, prime: 0, args: fn.header, span: e.span };
      return fn.entries ? this.callEntrywiseFunction(call, fn) : this.callUserFunction(call, fn);
    } finally {
      inProgress.pop();
    }
  }

  /** An alias means its target in the problem's names; an alias that leads back to itself is a cycle. */
  private lowerAlias(name: string, target: Expr): Node {
    const inProgress = this.problem.inProgress;
    if (inProgress.includes(`alias ${name}`)) throw new LowerError(error('cyclic-definition', `the alias ${name} leads back to itself`, target.span));
    inProgress.push(`alias ${name}`);
    try {
      return this.with({ params: [] }).lower(target);
    } finally {
      inProgress.pop();
    }
  }

  /** Undeclared names are scalars (SPEC 1.1), with a hint when they look like a known name. */
  private reportUndeclared(e: Extract<Expr, { kind: 'name' }>): void {
    const known = this.knownHere();
    // Only letters typed together can be factors run together: `a^{(L)}` and `o_i` are written as one name.
    const parts = /^[\p{L}\p{N}]+$/u.test(e.text) ? splitIntoKnownNames(e.name, known) : undefined;
    if (parts) {
      throw new LowerError(error('unknown-name', `unknown name ${e.text}`, e.span, `did you mean ${parts.join(' ')}? names are read whole, so write a space between factors`));
    }
    const seen = this.problem.seenUndeclared;
    if (this.hypothetical || seen.has(e.name)) return;
    seen.add(e.name);
    const similar = similarName(e.name, known);
    if (similar) {
      this.diagnostics.push(warning('similar-name', `${e.text} is not declared or defined; it is taken as a scalar`, e.span, `did you mean ${similar}?`));
    } else if (this.problem.hasArrays) {
      this.diagnostics.push(warning('assumed-scalar', `${e.text} is not declared; it is taken as a scalar`, e.span, `declare it, e.g. \`${e.text} : scalar\`, to make this explicit`));
    }
  }

  /**
   * An undeclared name transposed or reduced (X^T, sum(W)) was surely meant as an array; in a file that
   * declares none, it would silently be checked as a scalar, so say so.
   */
  private noteArrayUse(e: Expr): void {
    const warned = this.problem.warnedArrayUse;
    if (this.hypothetical || e.kind !== 'name' || this.problem.hasArrays || warned.has(e.name) || !this.isUndeclared(e.name)) return;
    warned.add(e.name);
    this.diagnostics.push(warning('assumed-scalar', `${e.text} is not declared, so it is taken as a scalar, but it is used like an array here`, e.span, `declare its shape, e.g. \`${e.text} : 1 x M\``));
  }

  /** A name with no meaning in the scope: not declared, defined, given by `at`, a parameter, a dimension or a constant. */
  isUndeclared(name: string): boolean {
    const s = this.scope;
    return !this.isParameter(name) && !s.definitions.has(name) && !s.declarations.has(name) && !s.pointNames.has(name) && !s.dims.has(name) && !s.aliases.has(name) && !s.abstractFunctions.has(name) && !s.functions.has(name) && name !== 'pi' && name !== 'e' && name !== UNSIZED_ONES;
  }

  private lowerPower(e: Extract<Expr, { kind: 'power' }>): Node {
    const base = this.lower(e.base);
    const exponent = this.lower(e.exponent);
    // `A^(-1)` of a square matrix is its inverse (SPEC 1.3); `A.^(-1)` never is.
    const square = !e.elementwise && !isScalarShape(base.shape) && base.shape[0] === base.shape[1];
    if (square && e.exponent.kind === 'neg' && e.exponent.arg.kind === 'number' && e.exponent.arg.value === 1) return this.b.apply('inv', [base]);
    if (square && e.exponent.kind === 'number' && e.exponent.value === -1) return this.b.apply('inv', [base]);
    const k = e.exponent.kind === 'number' ? e.exponent.value : NaN;
    if (square && this.scope.mathsConventions && Number.isInteger(k) && k >= 2 && k <= MAX_MATRIX_POWER) {
      return this.withShapeDiagnostic(e, () => Array.from({ length: k - 1 }, () => base).reduce((product, m) => this.b.mul(product, m), base));
    }
    return this.withShapeDiagnostic(e, () => this.b.pow(base, exponent));
  }

  private lowerBinary(e: Extract<Expr, { kind: 'binary' }>): Node {
    if (this.scope.mathsConventions && holdsUnsizedOnes(e)) {
      const withOnes = lowerWithOnes(e, { b: this.b, lower: (x) => this.lower(x), isIdentity: (x) => this.isIdentity(x) });
      if (withOnes) return withOnes;
      throw new LowerError(error('reading', UNSIZED_ONES_REASON, e.span));
    }
    const beside = this.besideIdentity(e);
    if (beside) return beside;
    const operand = (x: Expr) => (e.op === 'hadamard' ? this.lowerEntrywiseFactor(x) : this.lower(x));
    const left = operand(e.left);
    const right = operand(e.right);
    return this.withShapeDiagnostic(e, () => this.firstThatFits(left, right, (l, r) => this.combine(e, l, r)));
  }

  /** An operand of an entrywise product: a derivative reference there is read entry by entry where it can be. */
  private lowerEntrywiseFactor(e: Expr): Node {
    const calculus = this.options.calculus;
    if (e.kind !== 'deriv' || !calculus?.entrywiseFactor || this.indexReader.involves(e) || this.asWritten(e) !== e || this.quotientNames(e).length) return this.lower(e);
    return calculus.entrywiseFactor(e, this);
  }

  /** In a document, an `I` that nothing declares or defines is the identity matrix. */
  private isIdentity(e: Expr): boolean {
    return e.kind === 'name' && e.name === 'I' && this.scope.mathsConventions === true && this.isUndeclared('I');
  }

  /** `I`, `-I`, `\lambda I`, `I / m`: the identity, scaled. */
  private isScaledIdentity(e: Expr): boolean {
    if (e.kind === 'neg') return this.isScaledIdentity(e.arg);
    if (e.kind !== 'binary' || (e.op !== 'mul' && e.op !== 'div')) return this.isIdentity(e);
    const [left, right] = [this.isScaledIdentity(e.left), this.isScaledIdentity(e.right)];
    return e.op === 'mul' ? left !== right : left && !right;
  }

  /**
   * `I - s s^T`, `A + \lambda I`, `W I`: the identity takes the size its neighbour needs: that of the square
   * matrix it is added to, or the one side of the matrix it multiplies.
   */
  private besideIdentity(e: Extract<Expr, { kind: 'binary' }>): Node | undefined {
    const entrywise = e.op === 'add' || e.op === 'sub' || e.op === 'hadamard';
    const [left, right] = entrywise ? [this.isScaledIdentity(e.left), this.isScaledIdentity(e.right)] : e.op === 'mul' ? [this.isIdentity(e.left), this.isIdentity(e.right)] : [false, false];
    if (left === right) return undefined;
    const other = this.lower(left ? e.right : e.left);
    if (isScalarShape(other.shape)) return undefined;
    const [rows, cols] = other.shape;
    const size = !entrywise ? (left ? rows : cols) : rows === cols ? rows : undefined;
    if (size === undefined) return undefined;
    const identity = this.with({ identitySize: size }).lower(left ? e.left : e.right);
    return this.withShapeDiagnostic(e, () => (left ? this.combine(e, identity, other) : this.combine(e, other, identity)));
  }

  /** Tries the operands as written, then with their alternative forms. */
  private firstThatFits(left: Node, right: Node, make: (l: Node, r: Node) => Node): Node {
    // Most operands have no alternative form: then there is one thing to try.
    if (this.alternatives.size === 0 || (!this.alternatives.has(left.id) && !this.alternatives.has(right.id))) return make(left, right);
    const lefts = [left, this.alternatives.get(left.id)].filter((n): n is Node => n !== undefined);
    const rights = [right, this.alternatives.get(right.id)].filter((n): n is Node => n !== undefined);
    let first: unknown;
    for (const l of lefts) {
      for (const r of rights) {
        try {
          return make(l, r);
        } catch (err) {
          if (!(err instanceof ShapeError)) throw err;
          first ??= err;
        }
      }
    }
    throw first;
  }

  private combine(e: Extract<Expr, { kind: 'binary' }>, left: Node, right: Node): Node {
    const b = this.b;
    switch (e.op) {
      case 'add':
        return b.add(left, right);
      case 'sub':
        return b.sub(left, right);
      case 'hadamard':
        return b.hadamard(left, right);
      case 'div':
        return b.div(left, right);
      case 'mul':
        if (e.style === 'cdot' && isVector(left.shape) && shapesEqual(left.shape, right.shape)) return b.apply('dot', [left, right]);
        return b.mul(left, right);
      case 'gt':
      case 'lt':
      case 'ge':
      case 'le':
      case 'eq':
      case 'ne':
        return b.compare(e.op, left, right);
    }
  }

  private withShapeDiagnostic(e: Extract<Expr, { kind: 'binary' | 'power' }>, make: () => Node): Node {
    try {
      return make();
    } catch (err) {
      if (err instanceof ShapeError) throw new LowerError(this.hypothetical ? error('shape-mismatch', err.message, e.span) : shapeMismatchDiagnostic(e, err, this));
      throw err;
    }
  }

  private lowerMatrix(e: Extract<Expr, { kind: 'matrix' }>): Node {
    try {
      const rows = e.rows.map((row) => this.b.hcat(row.map((x) => this.lower(x))));
      return this.b.vcat(rows);
    } catch (err) {
      if (!(err instanceof ShapeError)) throw err;
      throw new LowerError(error('shape-mismatch', `the entries of this matrix do not fit together: ${err.message}`, e.span, 'every row needs the same number of columns'));
    }
  }

  private lowerOuterProduct(e: Extract<Expr, { kind: 'call' }>): Node {
    const [left, right] = e.args.map((a) => this.lower(a));
    const refusal = outerProductRefusal(e, [left, right]);
    if (refusal) throw new LowerError(refusal);
    return outerProduct(this.b, left, right);
  }

  private lowerCall(e: Extract<Expr, { kind: 'call' }>): Node {
    // LaTeX reads `e^{x}` as exp(x) (latex/build.ts); where the document has a quantity named e, it is e^x.
    if (e.callee === 'exp' && e.calleeText === 'e' && e.args.length === 1 && this.hasQuantityNamedE()) {
      const base: Expr = { kind: 'name', name: 'e', text: 'e', span: { ...e.span, endLine: e.span.line, endColumn: e.span.column + 1 } };
      return this.lower({ kind: 'power', base, exponent: e.args[0], span: e.span });
    }
    if (isOuterProductCall(e)) return this.lowerOuterProduct(e);
    const abstract = this.scope.abstractFunctions.get(e.callee);
    if (abstract) return lowerAbstractCall(this, abstract, e, e.args.map((a) => this.lower(a)));
    const user = this.scope.functions.get(e.callee);
    // A built-in restated entry by entry (`\text{Softmax}(\mathbf{z})_i = ...`) is still the built-in elsewhere.
    if (user?.entries && (atOwnParameters(e, user) || !BUILTIN_FUNCTIONS.has(e.callee))) return this.callEntrywiseFunction(e, user);
    const builtin = BUILTIN_FUNCTIONS.get(e.callee);
    // `g(1 - g)`, `\sigma(1 - \sigma)` in written maths: the function's value times the bracket (src/resolve/ownValueProducts.ts).
    const arity = user ? (user.entries ? 0 : user.params.length) : builtin?.arity;
    const ownProduct = arity !== undefined && this.scope.mathsConventions ? ownValueTimesBracket(e, arity) : undefined;
    if (ownProduct) return this.lower(ownProduct);
    if (user && !user.entries) return this.callUserFunction(e, user);
    const factored = builtin?.arity === 1 ? this.bareArgumentTimesBracket(e) : undefined;
    if (factored) return this.lower(factored);
    if (builtin) {
      if (e.args.length !== builtin.arity) {
        throw new LowerError(error('arity', `${e.calleeText} takes ${builtin.arity} argument${builtin.arity === 1 ? '' : 's'}, not ${e.args.length}`, e.span));
      }
      if (builtin.construct) return this.constructConstant(e, builtin.construct);
      if (builtin.kind === 'reduction') e.args.forEach((a) => this.noteArrayUse(a));
      const args = e.args.map((a) => this.lower(a));
      const components = isAngleBracketCall(e) ? componentsOf(e, args, this.scope) : undefined;
      if (components) return this.lowerMatrix(components);
      const refusal = isAngleBracketCall(e) ? innerProductRefusal(e, args) : isDirectionalCall(e) ? directionRefusal(e, args[1]) : undefined;
      if (refusal) throw new LowerError(refusal);
      if (e.prime > 0) {
        if (builtin.kind !== 'elementwise' || builtin.arity !== 1) throw new LowerError(error('arity', `${e.calleeText}' is defined only for functions of one variable`, e.span));
        const calculus = this.requireCalculus(e.span);
        return this.higherPrimes(e, (x) => calculus.primeOfBuiltin(builtin.name, x), args[0], 1);
      }
      try {
        if (barsAreDeterminant(e, args)) return this.b.apply('det', args);
        return this.b.apply(builtin.name, args);
      } catch (err) {
        if (!(err instanceof ShapeError)) throw err;
        const shapes = args.map((a) => formatShape(a.shape)).join(', ');
        throw new LowerError(error('shape-mismatch', `${e.calleeText} cannot take ${e.args.map((a) => this.options.textOf(a.span)).join(', ')} (${shapes}): ${err.message}`, e.span));
      }
    }
    const calleeSpan = { line: e.span.line, column: e.span.column, endLine: e.span.line, endColumn: e.span.column + e.calleeText.length };
    const name: Expr = { kind: 'name', name: e.callee, text: e.calleeText, span: calleeSpan };
    // `h(x)`, `L(yhat, y)`: a defined quantity written with variables it depends on is that quantity (function notation).
    const functionNotation = this.scope.definitions.has(e.callee) && e.prime === 0 && e.args.every((a) => a.kind === 'name' && this.isVariableName(a.name));
    if (functionNotation) {
      const value = this.lowerName(name);
      if (e.args.every((a) => dependsOn(value, this.lower(a)))) return value;
    }
    // `a(1 - a)`: a variable followed by a parenthesis is a product.
    if (this.variableProduct(e)) {
      const left = this.lowerName(name);
      const right = this.lower(e.args[0]);
      return this.withShapeDiagnostic({ kind: 'binary', op: 'mul', style: 'juxt', left: name, right: e.args[0], span: e.span }, () => this.b.mul(left, right));
    }
    const candidates = [...BUILTIN_NAMES, ...this.scope.functions.keys(), ...this.scope.abstractFunctions.keys()];
    const similar = similarName(e.callee, candidates);
    throw new LowerError(
      error('unknown-function', `unknown function ${e.calleeText}`, e.span, similar ? `did you mean ${similar}?` : `define it first, e.g. \`${e.calleeText}(x) = ...\``),
    );
  }

  private hasQuantityNamedE(): boolean {
    const s = this.scope;
    return s.definitions.has('e') || s.declarations.has('e') || s.pointNames.has('e') || this.isParameter('e');
  }

  /**
   * `g''(t)`: the call's derivative of order `e.prime`, each the derivative of the one before, from `f`, which is
   * already the derivative of order `done`. (Reading every prime as one made `g''(t) = 6t` a ✗ on a right line.)
   */
  private higherPrimes(e: Extract<Expr, { kind: 'call' }>, f: (x: Node) => Node, arg: Node, done: number): Node {
    if (e.prime > MAX_PRIMES) throw new LowerError(error('limit-exceeded', `derivatives of order ${e.prime} written with primes are not supported (at most ${MAX_PRIMES})`, e.span));
    const calculus = this.requireCalculus(e.span);
    let derivative = f;
    for (let order = done; order < e.prime; order++) {
      const before = derivative;
      derivative = (x) => {
        const d = calculus.primeOfFunction(before, x);
        if (d) return d;
        throw new LowerError(error('unknown-function', `${e.calleeText}' is not read: ${e.calleeText} is not a function of one variable applied entry by entry, nor a vector of a number`, e.span, `write its derivative as a Jacobian, e.g. J_{${e.calleeText}}`));
      };
    }
    return derivative(arg);
  }

  /**
   * A variable before a bracket with a postfix on it (`x(3x + 1)^4`, `v (y - t)^T`): the postfix is the bracket's,
   * as the author means, so the product of the variable and `postfixed(bracket)`; undefined for anything else.
   */
  private bracketOfProduct(e: Expr, postfixed: (bracket: Expr) => Expr): Extract<Expr, { kind: 'binary' }> | undefined {
    const product = this.variableProduct(e);
    if (!product || product.bracketed || this.scope.definitions.has(product.callee)) return undefined;
    const left: Expr = { kind: 'name', name: product.callee, text: product.calleeText, span: product.span };
    const right = postfixed(product.args[0]);
    return { kind: 'binary', op: 'mul', style: 'juxt', left, right, span: e.span };
  }

  /**
   * `\cos y(\pi)`, `\sin y\left(\frac{1}{2\sqrt t}\right)`: a function word written without brackets takes the
   * variable after it, and the bracket after that variable is a factor of the product (π cos y), not part of the
   * argument: a variable is not called. Function notation (`\sin x(t)`, x of its variable) stays the argument.
   */
  private bareArgumentTimesBracket(e: Extract<Expr, { kind: 'call' }>): Expr | undefined {
    const [arg] = e.args;
    const inner = e.args.length === 1 && e.prime === 0 ? this.variableProduct(arg) : undefined;
    const bare = arg?.span.endLine === e.span.endLine && arg.span.endColumn === e.span.endColumn;
    if (!inner || inner.bracketed || !bare || inner.args.every((a) => a.kind === 'name' && this.isVariableName(a.name))) return undefined;
    const name: Expr = { kind: 'name', name: inner.callee, text: inner.calleeText, span: { ...inner.span, endLine: inner.span.line, endColumn: inner.span.column + inner.calleeText.length } };
    const left: Expr = { ...e, args: [name], span: { ...e.span, endLine: name.span.endLine, endColumn: name.span.endColumn } };
    return { kind: 'binary', op: 'mul', style: 'juxt', left, right: inner.args[0], span: e.span };
  }

  /** `a(1 - a)`: a call of a variable, which is a product; undefined for anything else. */
  private variableProduct(e: Expr): Extract<Expr, { kind: 'call' }> | undefined {
    return e.kind === 'call' && this.isVariableName(e.callee) && e.args.length === 1 && e.prime === 0 ? e : undefined;
  }

  /** Whether `name` is a parameter of the function body being lowered (`h_\theta(x^{(i)}) = ...` binds x^{(i)}). */
  isParameter(name: string): boolean {
    return this.context.params.some((p) => p.has(name));
  }

  private isVariableName(name: string): boolean {
    const { scopeNames, usedNames } = this.problem;
    return this.isParameter(name) || scopeNames.has(name) || usedNames.has(name);
  }

  /** Names with a meaning at this point of lowering: the scope's and the parameters of functions being inlined. */
  private knownHere(): Set<string> {
    const { params } = this.context;
    const { scopeNames } = this.problem;
    return params.length ? new Set([...scopeNames, ...params.flatMap((p) => [...p.keys()])]) : scopeNames;
  }

  private constructConstant(e: Extract<Expr, { kind: 'call' }>, construct: NonNullable<BuiltinFunction['construct']>): Node {
    const dims = e.args.map((a) => {
      if (a.kind === 'number' && Number.isInteger(a.value) && a.value > 0) return a.value;
      if (a.kind === 'name' && this.scope.dims.has(a.name)) return a.name;
      throw new LowerError(error('shape-mismatch', `${e.calleeText} needs a size (a positive integer or a dimension name), not ${this.options.textOf(a.span)}`, a.span));
    });
    return construct(this.b, dims);
  }

  /** Calls of user functions are inlined; a vector argument spreads over scalar parameters (SPEC 1.2). */
  private callUserFunction(e: Extract<Expr, { kind: 'call' }>, fn: FunctionDefinition): Node {
    const { params } = fn;
    let args = e.args.map((a) => this.lower(a));
    if (args.length === 1 && params.length > 1) args = this.spread(args[0], params.length, e);
    if (args.length !== params.length) {
      throw new LowerError(error('arity', `${e.calleeText} takes ${params.length} argument${params.length === 1 ? '' : 's'}, not ${args.length}`, e.span));
    }
    if (e.prime > 0) {
      if (params.length !== 1) throw new LowerError(error('arity', `${e.calleeText}' is defined only for functions of one variable`, e.span));
      return this.higherPrimes(e, (x) => this.applyFunction(fn, [x]), args[0], 0);
    }
    return this.applyFunction(fn, args);
  }

  /** A user function's body with its parameters bound to `args` (index notation calls it on whole arrays too). */
  applyFunction(fn: FunctionDefinition, args: Node[]): Node {
    if (!differentiatesByParameter(fn)) return this.withParams(new Map(fn.params.map((p, i) => [p, args[i]]))).lower(fn.body);
    // `J_F(x, y) = jacobian(F(x, y), [x, y])` called at G(u, v) or (1, 2): the derivative is taken at parameters of
    // its own, then evaluated at the arguments (a derivative by the argument nodes would be another one).
    const leaves = fn.params.map((p, i) => this.b.variable(`${p}@${fn.name}`, args[i].shape));
    const body = this.withParams(new Map(fn.params.map((p, i) => [p, leaves[i]]))).lower(fn.body);
    return substitute(this.b, body, new Map(leaves.map((leaf, i) => [leaf.id, args[i]])));
  }

  /**
   * A function given entry by entry (`\sigma_i(z) = ...`) is its entries laid out as a vector. Its body indexes
   * the question's arrays (z_i), so it is read where its arguments are its own parameters, as authors call it.
   */
  private callEntrywiseFunction(e: Extract<Expr, { kind: 'call' }>, fn: FunctionDefinition): Node {
    if (!atOwnParameters(e, fn)) throw new LowerError(error('shape-mismatch', `${e.calleeText} is given entry by entry for ${fn.name}(${fn.params.join(', ')}); chainrule reads it only there`, e.span, 'write the call with the arguments of its definition'));
    return this.requireIndexNotation(e.span).lowerEntries(this, fn.body, fn.entries!);
  }

  private spread(vector: Node, count: number, e: Extract<Expr, { kind: 'call' }>): Node[] {
    const [rows, cols] = vector.shape;
    const isColumn = cols === 1 && rows === count;
    const isRow = rows === 1 && cols === count;
    if (!isColumn && !isRow) {
      throw new LowerError(error('arity', `${e.calleeText} takes ${count} arguments; its argument is ${formatShape(vector.shape)}, which does not spread over them`, e.span));
    }
    return Array.from({ length: count }, (_, k) => this.b.entry(vector, isColumn ? k : 0, isColumn ? 0 : k));
  }

  /**
   * How a derivative-looking expression reads: `dL/dW(x + y)` with a variable W is (dL/dW)(x + y), as it read
   * before `∂L/∂σ(z)` existed; `(∂E/∂ŷ)^(i)` is ∂E/∂ŷ^(i) (resolve/indexNames.ts). Anything else reads as it is.
   */
  asWritten(e: Expr): Expr {
    const sampled = this.indexReader.sampledDerivative(e);
    if (sampled) return sampled;
    const call = e.kind === 'deriv' && e.form === 'frac' && e.wrt.length === 1 && e.wrt[0].kind === 'call' ? e.wrt[0] : undefined;
    if (e.kind !== 'deriv' || !call || call.prime !== 0 || !this.isVariableName(call.callee) || this.scope.abstractFunctions.has(call.callee)) return e;
    const nameSpan = { ...call.span, endLine: call.span.line, endColumn: call.span.column + call.calleeText.length };
    const ref: Expr = { ...e, wrt: [{ kind: 'name', name: call.callee, text: call.calleeText, span: nameSpan }] };
    const factor: Expr = call.args.length === 1 ? call.args[0] : { kind: 'matrix', rows: [call.args], span: call.span };
    return { kind: 'binary', op: 'mul', style: 'juxt', left: ref, right: factor, span: e.span };
  }

  private lowerDerivative(e: Extract<Expr, { kind: 'deriv' }>): Node {
    const read = this.asWritten(e);
    if (read !== e) return this.lower(read);
    const names = betweenNames(e);
    if (names && this.quotientNames(e).length) {
      const dA = { kind: 'name' as const, name: 'd' + names.of.name, text: 'd' + names.of.text, span: names.of.span };
      const dB = { kind: 'name' as const, name: 'd' + names.wrt.name, text: 'd' + names.wrt.text, span: names.wrt.span };
      return this.lower({ kind: 'binary', op: 'div', left: dA, right: dB, span: e.span });
    }
    return this.requireCalculus(e.span).derivativeRef(e, this);
  }

  /**
   * `dA/dB` between names is a derivative only when A and B mean something here: known, or used as names
   * in the scope (undeclared scalars, SPEC 1.1). Otherwise it is the quotient of the names dA and dB, and
   * this gives the names (as written) that mean nothing; for any other reference, none.
   */
  quotientNames(e: Extract<Expr, { kind: 'deriv' }>): string[] {
    const names = betweenNames(e);
    if (!names) return [];
    const known = this.knownHere();
    const isKnown = (x: NameExpr): boolean =>
      known.has(x.name) || this.problem.usedNames.has(x.name) || this.scope.abstractFunctions.has(x.name) || this.indexReader.involves(x);
    const unknown: string[] = [];
    if (!isKnown(names.of) && !this.indexReader.namesBuiltinFunction(names.of)) unknown.push(names.of.text);
    if (!isKnown(names.wrt)) unknown.push(names.wrt.text);
    return unknown;
  }

  requireIndexNotation(span: Span): IndexNotation {
    if (!this.options.indexNotation) throw new LowerError(error('internal-error', 'index notation is not available in this context', span));
    return this.options.indexNotation;
  }

  private requireCalculus(span: Span): Calculus {
    if (!this.options.calculus) throw new LowerError(error('internal-error', 'derivatives are not available in this context', span));
    return this.options.calculus;
  }
}

type NameExpr = Extract<Expr, { kind: 'name' }>;

/** A and B of `dA/dB` written between two names. */
function betweenNames(e: Extract<Expr, { kind: 'deriv' }>): { of: NameExpr; wrt: NameExpr } | undefined {
  const [wrt] = e.wrt;
  if (e.form !== 'frac' || e.of.kind !== 'name' || e.wrt.length !== 1 || wrt.kind !== 'name') return undefined;
  return { of: e.of, wrt };
}

function isVector(s: Shape): boolean {
  return (s[0] === 1) !== (s[1] === 1);
}

/** Copies the definitions `from` has lowered (nodes, names, alternative forms) whose names `keep` accepts. */
function copyLowered(from: ProblemLowering, to: ProblemLowering, keep: (name: string) => boolean): void {
  for (const [name, node] of from.definitionNodes) if (keep(name)) to.definitionNodes.set(name, node);
  for (const [id, name] of from.names) to.names.set(id, name);
  for (const [id, node] of from.alternatives) to.alternatives.set(id, node);
}

/** Whether a function's body takes a derivative by one of its parameters (`J_F(x, y)`, `\partial F / \partial x`). */
function differentiatesByParameter(fn: FunctionDefinition): boolean {
  const params = new Set(fn.params);
  return findInExpr(fn.body, (e) => e.kind === 'deriv' && e.wrt.some((w) => w.kind === 'name' && params.has(w.name))) !== undefined;
}
