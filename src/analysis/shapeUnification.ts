// Shapes no line states, solved from the question's formulas (documents only). Authors of matrix-form
// derivations rarely declare shapes: `h = XW + b`, `\frac{\partial L}{\partial W} = X^T (a - y)`. Taken as
// scalars, as chainrule takes undeclared names, transposes and traces do nothing and a ✓ says nothing
// (src/check/doubts.ts). Here every undeclared name the question uses as a matrix (under a transpose, a trace,
// a determinant or an inverse, a factor of a product with such a name, or the one name times a declared matrix in
// a sum with a declared vector, `X\theta - y`) gets unknown rows and columns. The
// definitions, the losses (what is differentiated and never differentiated by is a scalar) and the claims'
// targets and stated shapes constrain them: a product's inner dimensions agree, a sum's shapes agree up to
// broadcasting, a trace's argument is square, a gradient of a scalar has its variable's shape. They are solved by
// union-find over the dimensions (src/analysis/dimensionUnion.ts). Then the variables of the question's gradients
// join, one at a time, when every gradient's function stays a scalar. Each name takes the most general shape
// left: its unknown dimensions become dimension names of their own, sampled at distinct sizes, so a missing
// transpose is not hidden by a square case. A statement whose constraints conflict (an author's slip) adds none,
// and its shape error is reported as before. The shapes are chainrule's reading, marked `implied`, so a step
// wrong by its shape stays unjudged.
import { warning } from '../diagnostics';
import { formatShape, isScalarShape, type Dim } from '../ir/types';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';
import { Builder } from '../ir/build';
import { Graph } from '../ir/graph';
import { indexNotation } from '../indexing/lower';
import { Lowering } from '../resolve/lower';
import { similarName } from '../resolve/similar';
import { declaredHere } from './declaredHere';
import type { Claim, FunctionDefinition, Scope, StatedKind } from '../resolve/scope';
import type { Expr, ShapeSpec, Span } from '../syntax/ast';
import { childrenOf, findInExpr } from '../syntax/walk';
import { UNSIZED_ONES } from '../syntax/names';
import { DimensionUnion, knownDim, type DimKey } from './dimensionUnion';
import { isEntryOfName, numberedParameters } from './writtenEntries';

type ShapeTerm = readonly [DimKey, DimKey];

const SCALAR: ShapeTerm = [knownDim(1), knownDim(1)];
/** Functions of a square matrix whose value is a number. */
const SQUARE_TO_SCALAR = new Set(['trace', 'det', 'logdet']);
/** Functions of a whole array whose value is a number, whatever its shape. */
const TO_SCALAR = new Set(['sum', 'mean', 'norm', 'logsumexp']);
/** Functions of a vector, which do nothing to a number: `softmax(z)` says z is a vector. */
export const VECTOR_FUNCTIONS: ReadonlySet<string> = new Set(['softmax']);
/** Operations that do something only to matrices: on a scalar, a transpose or a trace is the scalar itself. */
export const MATRIX_FUNCTIONS: ReadonlySet<string> = new Set(['trace', 'tr', 'det', 'logdet', 'inv']);

/** Declares, in `scope`, the most general shapes its formulas allow for the names it uses as matrices (see above). */
export function unifyUndeclaredShapes(scope: Scope, textOf: (span: Span) => string): void {
  // A lowering of a copy, asked only which names are undeclared: its notes are not the document's.
  const probe = Lowering.forProblem({ ...scope, diagnostics: [] }, new Builder(new Graph()), { textOf, indexNotation });
  // A forward pass read at a generic layer l (src/analysis/genericLayers.ts) has its own reading of the names.
  if ([...scope.definitions.values()].some((d) => d.atLayer !== undefined)) return;
  const plain = withoutIndexNotation(scope, probe);
  // `X` beside a declared `x` is more likely a slip of it than a new matrix: the slip reader decides those.
  const written = declaredHere(scope);
  // A name written only in claims' steps has no shape the question fixes, and may be a slip the slip reader reads
  // as another (`\alpha_1^T` for a_1): it stays a scalar, under the doubt of src/check/doubts.ts.
  const fixed = new Set<string>();
  for (const e of [...[...plain.definitions.values()].map((d) => d.expr), ...plain.claims.map((c) => c.target.expr)]) findInExpr(e, (x) => (x.kind === 'name' && fixed.add(x.name), false));
  const biases = new Set<string>();
  // A bold 1 without its size is sized where it is lowered, from its neighbours (resolve/onesVectors.ts).
  const matrices = new Map([...namesUsedAsMatrices(plain, probe, biases)].filter(([name]) => fixed.has(name) && name !== UNSIZED_ONES && !similarName(name, written)));
  // A name the prose calls a vector or a matrix (src/latex/proseKinds.ts) is one wherever the maths writes it: the
  // prose fixes its kind, as a definition would.
  const mentioned = new Set<string>();
  for (const e of [...questionExprs(plain), ...[...plain.functions.values()].map((f) => f.body)]) findInExpr(e, (x) => ((x.kind === 'name' ? mentioned.add(x.name) : x.kind === 'call' && mentioned.add(x.callee)), false));
  for (const [name, stated] of statedKinds(plain, probe)) if (mentioned.has(name) && !matrices.has(name)) matrices.set(name, stated.span);
  if (matrices.size === 0) return;
  let solved = solve(plain, probe, matrices);
  // A bias whose layer's shape is not known either says nothing: it stays a scalar rather than a free matrix.
  const unconstrained = [...biases].filter((name) => solved.shapes.has(name) && !sharesDimension(solved, name) && solved.shapes.get(name)!.every((d) => solved.union.known(d) === undefined));
  if (unconstrained.length > 0) {
    unconstrained.forEach((name) => matrices.delete(name));
    if (matrices.size === 0) return;
    solved = solve(plain, probe, matrices);
  }
  let readable = readableSteps(withSolution(scope, solved), textOf);
  // A gradient's variable is a weaker sign of a matrix than a transpose: it joins only when its shape shares a
  // dimension with a name used as a matrix, every gradient's function stays a scalar and every step that lowered
  // still does (`\sigma'(x) = \sigma(x) \cdot (1 - \sigma(x))`
  // beside `\partial CE / \partial x` keeps x a scalar).
  for (const [name, span] of gradientVariables(plain, probe, matrices)) {
    if (similarName(name, written)) continue;
    const wider = solve(plain, probe, new Map([...solved.names, [name, span]]));
    if (!sharesDimension(wider, name) || ![...solved.scalarFunctions].every((f) => wider.scalarFunctions.has(f))) continue;
    const widerReadable = readableSteps(withSolution(scope, wider), textOf);
    if ([...readable].every((step) => widerReadable.has(step))) [solved, readable] = [wider, widerReadable];
  }
  const declared = withSolution(scope, solved);
  for (const name of solved.names.keys()) {
    const declaration = declared.declarations.get(name)!;
    // A name found to be a scalar (a loss, `L` of `\frac{\partial L}{\partial z}^T`) is one undeclared already, and
    // may be more (src/analysis/unknownTargets.ts reads an undefined loss as an unknown function).
    if (isScalarShape(declaration.shape)) continue;
    scope.declarations.set(name, declaration);
    scope.diagnostics.push(warning('reading', `${textOf(declaration.span)} is not declared; chainrule takes it as ${formatShape(declaration.shape)}, the most general shape its use in this question allows`, declaration.span, 'state its shape to be sure'));
  }
  for (const dim of declared.dims) scope.dims.add(dim);
}

/** Whether a dimension of `name` is one of another solved name's (W of `h = XW + b` shares X's columns). */
function sharesDimension({ union, shapes }: Solution, name: string): boolean {
  const roots = (n: string) => shapes.get(n)!.map((d) => union.root(d));
  const own = new Set(roots(name));
  return [...shapes.keys()].some((other) => other !== name && roots(other).some((r) => own.has(r)));
}

/** The claim steps of the question that lower without an error in `scope`. */
function readableSteps(scope: Scope, textOf: (span: Span) => string): Set<Expr> {
  const lower = Lowering.forProblem(scope, new Builder(new Graph()), { textOf, indexNotation }).editLowerer();
  return new Set(scope.claims.flatMap((c) => c.steps.map((s) => s.expr)).filter((e) => lower(e) !== undefined));
}

/**
 * The question without its statements in index notation (`w^T x_i`), whose shapes that notation decides
 * (src/resolve/indexArrays.ts): the statements with their undeclared names are left out, so none is solved for here.
 */
function withoutIndexNotation(scope: Scope, probe: Lowering): Scope {
  const indexed = (e: Expr) => findInExpr(e, (x) => x.kind === 'name' && probe.indexReader.involves(x)) !== undefined;
  const claimExprs = (c: Claim) => [c.target.expr, ...c.steps.map((s) => s.expr)];
  const left = [...[...scope.definitions.values()].filter((d) => indexed(d.expr)).map((d) => d.expr), ...scope.claims.map(claimExprs).filter((es) => es.some(indexed)).flat()];
  const names = new Set<string>();
  for (const e of left) findInExpr(e, (x) => (x.kind === 'name' && isPlainUndeclared(x, probe) && names.add(x.name), false));
  const mentions = (e: Expr) => findInExpr(e, (x) => x.kind === 'name' && names.has(x.name)) !== undefined;
  return {
    ...scope,
    definitions: new Map([...scope.definitions].filter(([name, d]) => !names.has(name) && !mentions(d.expr))),
    claims: scope.claims.filter((c) => !claimExprs(c).some(mentions)),
  };
}

interface Solution {
  union: DimensionUnion;
  /** The names solved for, with where each is first written, and their shapes. */
  names: Map<string, Span>;
  shapes: Map<string, ShapeTerm>;
  /** The functions of the question's gradients (`L` of `\partial L / \partial W`) found to be scalars. */
  scalarFunctions: Set<string>;
}

/** The constraints of the question's definitions and claims on `names`, solved. */
function solve(scope: Scope, probe: Lowering, names: Map<string, Span>): Solution {
  const union = new DimensionUnion();
  const shapes = new Map([...names.keys()].map((name): [string, ShapeTerm] => [name, [union.fresh(), union.fresh()]]));
  for (const [name, { kind }] of statedKinds(scope, probe)) {
    const shape = shapes.get(name);
    if (!shape) continue;
    if (kind === 'column') union.join(shape[1], knownDim(1));
    if (kind === 'row') union.join(shape[0], knownDim(1));
    if (kind === 'square') union.join(shape[0], shape[1]);
  }
  const reader = new ShapeReader(scope, probe, union, shapes);
  for (const name of scope.definitions.keys()) reader.definitionShape(name);
  for (const loss of losses(scope)) reader.atomically(() => reader.joinShapes(SCALAR, reader.shapeOf(loss)));
  for (const claim of scope.claims) reader.constrainClaim(claim);
  const scalarFunctions = new Set<string>();
  for (const claim of scope.claims) {
    const of = gradientFunction(claim);
    if (of && reader.isScalar(reader.atomically(() => reader.shapeOf(of)))) scalarFunctions.add(of.name);
  }
  return { union, names, shapes, scalarFunctions };
}

/** Reads the shapes of expressions as terms over the union, joining what the operations require. */
class ShapeReader {
  private definitions = new Map<string, ShapeTerm | undefined>();
  private conflict = false;
  /** The parameters of the user functions being read, innermost call last, bound to their arguments' shapes. */
  private parameters: Map<string, ShapeTerm>[] = [];
  /** The user functions being read (a body that calls its own function has no shape here). */
  private calling = new Set<string>();

  constructor(
    private readonly scope: Scope,
    private readonly probe: Lowering,
    private readonly union: DimensionUnion,
    private readonly unknowns: ReadonlyMap<string, ShapeTerm>,
  ) {}

  /** The shape of a defined name, its definition's constraints kept only when they agree with what came before. */
  definitionShape(name: string): ShapeTerm | undefined {
    if (this.definitions.has(name)) return this.definitions.get(name);
    this.definitions.set(name, undefined); // a definition that reaches itself has no shape here
    // A definition sees no function's parameters, whichever body names it.
    this.parameters.push(new Map());
    const shape = this.atomically(() => this.shapeOf(this.scope.definitions.get(name)!.expr));
    this.parameters.pop();
    this.definitions.set(name, shape);
    return shape;
  }

  /**
   * A claim: its target and the shape it states. Its steps constrain nothing: a wrong step (`\frac{\partial J}{\partial B}
   * = \frac{\partial J}{\partial S} U^T`) would make free dimensions equal and hide the slip it is.
   */
  constrainClaim(claim: Claim): void {
    this.atomically(() => {
      const shape = this.shapeOf(claim.target.expr);
      return shape && claim.shapeClaim ? this.joinShapes(shape, termOf(claim.shapeClaim)) : shape;
    });
  }

  /** Runs `read`; when it meets a conflict, takes back every join it made and gives undefined. */
  atomically(read: () => ShapeTerm | undefined): ShapeTerm | undefined {
    const [saved, outer, before] = [this.union.snapshot(), this.conflict, new Set(this.definitions.keys())];
    this.conflict = false;
    const shape = read();
    const failed = this.conflict;
    this.conflict = outer;
    if (!failed) return shape;
    this.union.restore(saved);
    // Definitions read on the way rest on joins just taken back.
    for (const name of this.definitions.keys()) if (!before.has(name)) this.definitions.set(name, undefined);
    return undefined;
  }

  isScalar(shape: ShapeTerm | undefined): boolean {
    return shape !== undefined && shape.every((d) => this.union.known(d) === 1);
  }

  shapeOf(e: Expr): ShapeTerm | undefined {
    switch (e.kind) {
      case 'number':
        return SCALAR;
      case 'name':
        return this.nameShape(e.name);
      case 'neg':
        return this.shapeOf(e.arg);
      case 'transpose': {
        const arg = this.shapeOf(e.arg);
        return arg && [arg[1], arg[0]];
      }
      case 'binary':
        return this.binaryShape(e);
      case 'power': {
        const base = this.shapeOf(e.base);
        const inverse = e.exponent.kind === 'neg' ? e.exponent.arg.kind === 'number' && e.exponent.arg.value === 1 : e.exponent.kind === 'number' && e.exponent.value === -1;
        return base && inverse && !e.elementwise && !this.isScalar(base) ? this.square(base) : base;
      }
      case 'call':
        return this.callShape(e);
      case 'deriv': {
        // The gradient of a scalar has its variable's shape; anything else is a Jacobian whose layout is left alone.
        if (e.wrt.length !== 1 || !this.isScalar(this.shapeOf(e.of))) return undefined;
        return this.shapeOf(e.wrt[0]);
      }
      default:
        return undefined;
    }
  }

  private nameShape(name: string): ShapeTerm | undefined {
    const parameter = this.parameters.at(-1)?.get(name);
    if (parameter) return parameter;
    const unknown = this.unknowns.get(name);
    if (unknown) return unknown;
    const declared = this.scope.declarations.get(name);
    if (declared) return [knownDim(declared.shape[0]), knownDim(declared.shape[1])];
    if (this.scope.definitions.has(name)) return this.definitionShape(name);
    // What lowering takes as a scalar (an undeclared name, a point's value, a dimension, pi) is one here.
    if (this.probe.isUndeclared(name) || this.scope.pointNames.has(name) || this.scope.dims.has(name) || name === 'pi' || name === 'e') return SCALAR;
    return undefined;
  }

  private binaryShape(e: Extract<Expr, { kind: 'binary' }>): ShapeTerm | undefined {
    const [left, right] = [this.shapeOf(e.left), this.shapeOf(e.right)];
    if (!left || !right) return undefined;
    // A name solved for and added alone (a bias, `W x + b`) has the other term's shape: maths does not broadcast.
    if (e.op === 'add' || e.op === 'sub') {
      if (this.isUnknownName(e.right)) return this.joinShapes(left, right);
      if (this.isUnknownName(e.left)) return this.joinShapes(right, left);
    }
    if (this.isScalar(left)) return right;
    if (this.isScalar(right)) return left;
    if (e.op === 'mul') {
      this.join(left[1], right[0]);
      return [left[0], right[1]];
    }
    if (e.op === 'add' || e.op === 'sub' || e.op === 'hadamard' || e.op === 'div') return this.broadcast(left, right);
    return undefined;
  }

  private isUnknownName(e: Expr): boolean {
    return e.kind === 'name' && this.unknowns.has(e.name);
  }

  private callShape(e: Extract<Expr, { kind: 'call' }>): ShapeTerm | undefined {
    // `C (a - b)` with C an array: lowering reads a known variable's call as a product, and so does this.
    if (this.unknowns.has(e.callee) && e.prime === 0 && e.args.length === 1) {
      return this.binaryShape({ kind: 'binary', op: 'mul', left: { kind: 'name', name: e.callee, text: e.calleeText, span: e.span }, right: e.args[0], span: e.span });
    }
    const user = e.prime === 0 ? this.scope.functions.get(e.callee) : undefined;
    if (user) return this.userCallShape(user, e.args);
    const builtin = e.prime === 0 ? BUILTIN_FUNCTIONS.get(e.callee) : undefined;
    if (builtin?.kind === 'elementwise' && e.args.length > 1) return this.elementwiseShape(e.args);
    if (!builtin || e.args.length !== 1) return undefined;
    const arg = this.shapeOf(e.args[0]);
    if (!arg) return builtin.kind === 'reduction' && TO_SCALAR.has(builtin.name) ? SCALAR : undefined;
    if (builtin.kind === 'elementwise') return arg;
    // A name that is softmax's whole argument is a vector, a column as textbooks write it (`\text{diag}(s) - s s^T`);
    // softmax keeps its shape.
    if (VECTOR_FUNCTIONS.has(builtin.name)) {
      if (this.isUnknownName(e.args[0])) this.join(arg[1], knownDim(1));
      return arg;
    }
    if (SQUARE_TO_SCALAR.has(builtin.name)) {
      this.square(arg);
      return SCALAR;
    }
    if (builtin.name === 'inv') return this.square(arg);
    return TO_SCALAR.has(builtin.name) ? SCALAR : undefined;
  }

  /**
   * `f(x)` of `f(x) = \frac{1}{2} x^T A x + b^T x`: the body's shape with each parameter the shape of its argument,
   * so the body's products constrain the argument as the author's formula does (x is n x 1 beside an n x n A).
   */
  private userCallShape(user: FunctionDefinition, args: Expr[]): ShapeTerm | undefined {
    if (user.entries || user.params.length !== args.length || this.calling.has(user.name)) return undefined;
    const shapes = args.map((a) => this.shapeOf(a));
    if (shapes.some((sh) => sh === undefined)) return undefined;
    this.parameters.push(new Map(user.params.map((p, k) => [p, shapes[k]!])));
    this.calling.add(user.name);
    try {
      return this.shapeOf(user.body);
    } finally {
      this.parameters.pop();
      this.calling.delete(user.name);
    }
  }

  /** `\max(0, u)`: the arguments' shapes broadcast together, numbers left out. */
  private elementwiseShape(args: Expr[]): ShapeTerm | undefined {
    const shapes = args.map((a) => this.shapeOf(a));
    if (shapes.some((sh) => sh === undefined)) return undefined;
    const arrays = (shapes as ShapeTerm[]).filter((sh) => !this.isScalar(sh));
    return arrays.length === 0 ? SCALAR : arrays.reduce((a, b) => this.broadcast(a, b));
  }

  private square(shape: ShapeTerm): ShapeTerm {
    this.join(shape[0], shape[1]);
    return shape;
  }

  /** Shapes of an elementwise operation: each axis agrees unless one side is 1 there (a row or column broadcast). */
  private broadcast(left: ShapeTerm, right: ShapeTerm): ShapeTerm {
    const axis = (l: DimKey, r: DimKey): DimKey => {
      if (this.union.known(l) === 1) return r;
      if (this.union.known(r) === 1) return l;
      this.join(l, r);
      return l;
    };
    return [axis(left[0], right[0]), axis(left[1], right[1])];
  }

  joinShapes(a: ShapeTerm, b: ShapeTerm | undefined): ShapeTerm {
    if (b) a.forEach((d, i) => this.join(d, b[i]));
    return a;
  }

  private join(a: DimKey, b: DimKey): void {
    if (!this.union.join(a, b)) this.conflict = true;
  }
}

function termOf(spec: ShapeSpec): ShapeTerm {
  return [knownDim(spec.rows), knownDim(spec.cols)];
}

/**
 * Undeclared names under a transpose, a trace, a determinant or an inverse anywhere in the question's maths, and
 * the names written as factors of a product with one of them (`Q` of `2 Q v` with `v^T` elsewhere), except
 * lowercase Greek letters there, which authors write as scalar coefficients (`\lambda W^T W`).
 */
function namesUsedAsMatrices(scope: Scope, probe: Lowering, biases: Set<string>): Map<string, Span> {
  const found = new Map<string, Span>();
  const add = (x: Expr) => {
    if (x.kind === 'name' && !found.has(x.name) && isPlainUndeclared(x, probe)) found.set(x.name, x.span);
  };
  const exprs = questionExprs(scope);
  // `\text{softmax}(scores_0)` beside `scores`, or beside `loss(scores) = loss(scores_0, ..)`: an entry is a number,
  // whatever function the author writes of it.
  const names = new Set([...scope.definitions.keys(), ...scope.declarations.keys()]);
  for (const root of exprs) findInExpr(root, (x) => (x.kind === 'name' && names.add(x.name), false));
  const parameters = numberedParameters(scope.functions.values());
  const isEntry = (x: Expr) => isEntryOfName(x, names) || (x.kind === 'name' && parameters.has(x.name));
  for (const root of exprs) namesUnderMatrixUse(root, add, true, isEntry);
  // `q(u)` of `q(u) = u^T M u - 2 c^T u`: an argument in the place of a parameter the body uses as a matrix.
  for (const root of exprs) {
    findInExpr(root, (e) => {
      const user = e.kind === 'call' ? scope.functions.get(e.callee) : undefined;
      if (e.kind !== 'call' || !user || user.entries || user.params.length !== e.args.length) return false;
      const matrixParameters = new Set<string>();
      // Not an exponent -1 there: `g(x) = x^3 + \sqrt{x} + x^{-1}` is a function of a number, its reciprocal.
      namesUnderMatrixUse(user.body, (x) => x.kind === 'name' && user.params.includes(x.name) && matrixParameters.add(x.name), false);
      user.params.forEach((p, k) => matrixParameters.has(p) && add(e.args[k]));
      return false;
    });
  }
  const isArray = (f: Expr) => findInExpr(f, (x) => x.kind === 'name' && (found.has(x.name) || isDeclaredArray(scope, x.name))) !== undefined;
  const definitions = [...scope.definitions.values()].map((d) => d.expr);
  for (let size = -1; size !== found.size; ) {
    size = found.size;
    for (const root of exprs) {
      findInExpr(root, (e) => {
        if (e.kind !== 'binary' || e.op !== 'mul') return false;
        const factors = factorsOf(e);
        const withMatrix = factors.some((f) => findInExpr(f, (x) => x.kind === 'name' && found.has(x.name)) !== undefined);
        if (withMatrix) factors.filter((f) => f.kind === 'name' && !isCoefficientLetter(f.text)).forEach(add);
        // `u^T x` with u an array: x is the other side of an inner product (a number there would leave a row).
        factors.forEach((f, k) => {
          const next = factors[k + 1];
          if (f.kind === 'transpose' && isArray(f.arg) && next?.kind === 'name' && !isCoefficientLetter(next.text)) add(next);
        });
        return false;
      });
    }
    for (const root of exprs) namesTimesMatrixBesideVector(root, scope, add);
    // A bias: a name added to an array in a definition (`z_1 = W_1 x + b_1`) is an array of its shape.
    for (const root of definitions) {
      findInExpr(root, (e) => {
        if (e.kind !== 'binary' || (e.op !== 'add' && e.op !== 'sub')) return false;
        const terms = termsOf(e);
        if (!terms.some(isArray)) return false;
        for (const t of terms) {
          if (t.kind !== 'name' || isCoefficientLetter(t.text) || found.has(t.name)) continue;
          add(t);
          if (found.has(t.name)) biases.add(t.name);
        }
        return false;
      });
    }
  }
  return found;
}

/**
 * Passes `add` every expression under a transpose, a trace, a determinant, a softmax or (`inverses`) an inverse in
 * `root`; not the softmax of an entry (`isEntry`), which the author writes for that entry of the softmax.
 */
function namesUnderMatrixUse(root: Expr, add: (x: Expr) => void, inverses = true, isEntry: (x: Expr) => boolean = () => false): void {
  findInExpr(root, (e) => {
    const vectorUse = e.kind === 'call' && VECTOR_FUNCTIONS.has(e.callee) && !(e.args.length === 1 && isEntry(e.args[0]));
    // `\left(\frac{1}{1+e^{-x}}\right)'` after `\sigma'(x) =` is Lagrange's derivative: a prime is no sign of a matrix.
    const matrixUse = (e.kind === 'transpose' && !e.prime) || (e.kind === 'call' && MATRIX_FUNCTIONS.has(e.callee)) || vectorUse || (inverses && e.kind === 'power' && isInverse(e));
    if (matrixUse) addUnderMatrixUse(e, add);
    return false;
  });
}

/**
 * The names under a matrix use, but not a coefficient letter that multiplies (`(X^T X + n\lambda I)^{-1}`:
 * λ scales the identity; a number makes the product a matrix as well as a matrix would).
 */
function addUnderMatrixUse(e: Expr, add: (x: Expr) => void): void {
  // `\det \frac{\partial (x, y)}{\partial (r, \theta)}`: a derivative is a matrix by its variables, not by its parts;
  // `\det \begin{bmatrix} 2u & -2v \\ 2v & 2u \end{bmatrix}` is a matrix by its rows and columns, its entries numbers.
  if (e.kind === 'deriv' || e.kind === 'matrix') return;
  if (e.kind === 'binary' && e.op === 'mul') {
    for (const f of factorsOf(e)) if (!(f.kind === 'name' && isCoefficientLetter(f.text))) addUnderMatrixUse(f, add);
    return;
  }
  add(e);
  for (const child of childrenOf(e)) addUnderMatrixUse(child, add);
}

/**
 * Passes `add` the one name multiplying a declared matrix in a sum with a declared vector that the matrix alone
 * does not fit: `X\theta - y` with X n x d and y in R^n. Taken as a number, θ would leave an n x d matrix beside
 * a vector, which only broadcasting reads; a TA reads X times a vector.
 */
function namesTimesMatrixBesideVector(root: Expr, scope: Scope, add: (x: Expr) => void): void {
  findInExpr(root, (e) => {
    if (e.kind !== 'binary' || (e.op !== 'add' && e.op !== 'sub')) return false;
    const terms = termsOf(e);
    const vectors = terms.map((t) => declaredShapeOf(scope, t)).filter((v) => v !== undefined && (v[0] === 1) !== (v[1] === 1));
    for (const term of terms) {
      const factors = factorsOf(term);
      const matrices = factors.map((f) => declaredShapeOf(scope, f)).filter((m) => m !== undefined && m[0] !== 1 && m[1] !== 1);
      // Not a function's parameter (`L(\theta) = ..`): the solver takes no constraints from a function's body.
      const names = factors.filter((f) => f.kind === 'name' && !scope.declarations.has(f.name) && !isCoefficientLetter(f.text) && !isParameter(scope, f.name));
      if (matrices.length !== 1 || names.length !== 1 || factors.length !== 2) continue;
      const m = matrices[0]!;
      if (vectors.some((v) => (v![1] === 1 && v![0] === m[0]) || (v![0] === 1 && v![1] === m[1]))) add(names[0]);
    }
    return false;
  });
}

function isParameter(scope: Scope, name: string): boolean {
  return [...scope.functions.values()].some((f) => f.params.includes(name));
}

/** The declared shape of a name, or of a transposed name; undefined for anything else. */
function declaredShapeOf(scope: Scope, e: Expr): readonly [Dim, Dim] | undefined {
  const name = e.kind === 'transpose' && !e.prime ? e.arg : e;
  const shape = name.kind === 'name' ? scope.declarations.get(name.name)?.shape : undefined;
  return shape && (name === e ? shape : [shape[1], shape[0]]);
}

function isDeclaredArray(scope: Scope, name: string): boolean {
  const declared = scope.declarations.get(name);
  return declared !== undefined && !isScalarShape(declared.shape);
}

/** The terms of a chain of sums and differences, `a + b - c` as [a, b, c]. */
function termsOf(e: Expr): Expr[] {
  return e.kind === 'binary' && (e.op === 'add' || e.op === 'sub') ? [...termsOf(e.left), ...termsOf(e.right)] : [e];
}

const GREEK_LOWERCASE = /^\\?(alpha|beta|gamma|epsilon|varepsilon|eta|kappa|lambda|rho|tau)\b/;

/** λ, η, α, ..: the lowercase Greek letters authors write as scalar coefficients (`\lambda W^T W`, `\eta g`). */
export function isCoefficientLetter(written: string): boolean {
  return GREEK_LOWERCASE.test(written);
}

/** The factors of a chain of products, `a b c` as [a, b, c]. */
function factorsOf(e: Expr): Expr[] {
  return e.kind === 'binary' && e.op === 'mul' ? [...factorsOf(e.left), ...factorsOf(e.right)] : [e];
}

function isInverse(e: Extract<Expr, { kind: 'power' }>): boolean {
  const x = e.exponent;
  return !e.elementwise && ((x.kind === 'number' && x.value === -1) || (x.kind === 'neg' && x.arg.kind === 'number' && x.arg.value === 1));
}

/** An undeclared name that is a name of its own, not an entry of an array index notation reads (`X_{ij}`). */
function isPlainUndeclared(x: Extract<Expr, { kind: 'name' }>, probe: Lowering): boolean {
  return probe.isUndeclared(x.name) && !probe.indexReader.involves(x) && !BUILTIN_FUNCTIONS.has(x.name);
}

/** The variables of the question's gradients (`W` of `\partial L / \partial W`) that no line declares or defines. */
function gradientVariables(scope: Scope, probe: Lowering, known: ReadonlyMap<string, Span>): Map<string, Span> {
  const found = new Map<string, Span>();
  for (const claim of scope.claims) {
    const target = claim.target.expr;
    if (!gradientFunction(claim) || target.kind !== 'deriv') continue;
    const w = target.wrt[0];
    if (w.kind === 'name' && !known.has(w.name) && !found.has(w.name) && isPlainUndeclared(w, probe)) found.set(w.name, w.span);
  }
  return found;
}

/**
 * The functions the question differentiates and never differentiates by (`L` of `\partial L / \partial W`, or
 * `x^T A x` of `\nabla_x (x^T A x)`): its losses, scalars. `Z` of `\partial Z / \partial W` beside
 * `\partial L / \partial Z` is a layer's output, which may be an array.
 */
function losses(scope: Scope): Expr[] {
  const targets = scope.claims.map((c) => c.target.expr).filter((t): t is Extract<Expr, { kind: 'deriv' }> => t.kind === 'deriv');
  const variables = new Set(targets.flatMap((t) => t.wrt).flatMap((w) => (w.kind === 'name' ? [w.name] : [])));
  // A softmax is a vector: `\partial s / \partial z` of `s = softmax(z)` is a Jacobian, not a loss's gradient.
  const vectorValued = (of: Expr) => {
    const definition = of.kind === 'name' ? scope.definitions.get(of.name)?.expr : undefined;
    return definition?.kind === 'call' && VECTOR_FUNCTIONS.has(definition.callee);
  };
  return targets.map((t) => innermostFunction(t)).filter((of) => (of.kind !== 'name' || !variables.has(of.name)) && !vectorValued(of));
}

/** The function a derivative differentiates, through a second derivative's inner one (`f(x)` of `\nabla_x^2 f(x)`). */
function innermostFunction(t: Extract<Expr, { kind: 'deriv' }>): Expr {
  return t.of.kind === 'deriv' ? innermostFunction(t.of) : t.of;
}

/** The function of a claim's target when it is a derivative of a name by one variable (`L` of `dL/dW`). */
function gradientFunction(claim: Claim): Extract<Expr, { kind: 'name' }> | undefined {
  const target = claim.target.expr;
  return target.kind === 'deriv' && target.wrt.length === 1 && target.of.kind === 'name' ? target.of : undefined;
}

/** Every expression of the question's definitions and claims. */
export function questionExprs(scope: Scope): Expr[] {
  return [...[...scope.definitions.values()].map((d) => d.expr), ...scope.claims.flatMap((c) => [c.target.expr, ...c.steps.map((s) => s.expr)])];
}

/** The names the prose gives a kind of array (src/latex/proseKinds.ts) that no line declares. */
function statedKinds(scope: Scope, probe: Lowering): Map<string, StatedKind> {
  const kinds = new Map(scope.shapeKinds);
  // `u_k` under `\sum_k` is an entry of U in index notation, which decides its shape.
  const entries = new Set<string>();
  // An arrow over a letter marks a vector (`\vec{w}`), a column as `\mathbb{R}^n` is: where the question always
  // writes the name so (a plain `y` beside `\vec{y}` may be another quantity of an earlier derivation).
  const [arrowed, plain] = [new Map<string, Span>(), new Set<string>()];
  for (const e of [...questionExprs(scope), ...[...scope.functions.values()].map((f) => f.body)]) {
    findInExpr(e, (x) => {
      if (x.kind !== 'name') return false;
      if (probe.indexReader.involves(x)) entries.add(x.name);
      else if (!ARROW.test(x.text.trim())) plain.add(x.name);
      else if (!arrowed.has(x.name)) arrowed.set(x.name, x.span);
      return false;
    });
  }
  for (const [name, span] of arrowed) if (!plain.has(name) && !kinds.has(name)) kinds.set(name, { kind: 'column', span });
  return new Map([...kinds].filter(([name]) => probe.isUndeclared(name) && !entries.has(name)));
}

/** `\vec{w}`, `\vec w`, `\overrightarrow{x}`: a name written with an arrow, whatever follows it. */
const ARROW = /^\\(?:vec|overrightarrow)\b/;

/** A copy of `scope` with each solved name declared at its shape, its unknown dimensions named afresh. */
function withSolution(scope: Scope, { union, names, shapes }: Solution): Scope {
  const taken = new Set<string>([...scope.dims, ...scope.declarations.keys(), ...scope.definitions.keys()]);
  for (const e of questionExprs(scope)) findInExpr(e, (x) => (x.kind === 'name' && taken.add(x.name), false));
  const dimNames = new Map<DimKey, string>();
  let next = 0;
  const dimOf = (key: DimKey): Dim => {
    const known = union.known(key);
    if (known !== undefined) return known;
    const root = union.root(key);
    if (!dimNames.has(root)) {
      do next++;
      while (taken.has(`k${next}`));
      dimNames.set(root, `k${next}`);
    }
    return dimNames.get(root)!;
  };
  const declarations = new Map(scope.declarations);
  for (const [name, span] of names) {
    const term = shapes.get(name)!;
    const domain = scope.shapeKinds?.get(name)?.domain;
    declarations.set(name, { name, shape: [dimOf(term[0]), dimOf(term[1])], span, implied: true, solved: true, ...(domain ? { domain } : {}) });
  }
  return { ...scope, declarations, dims: new Set([...scope.dims, ...dimNames.values()]), diagnostics: [] };
}
