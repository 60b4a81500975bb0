// Name resolution: sorts the statements of a file (or of one problem) into declarations,
// definitions, function definitions, claims, numeric points and asks (SPEC 1.2, 1.4, 1.7, 1.8).
import type { AtBinding, Domain, Expr, IndexCondition, OperandSource, Reading, ShapeKind, ShapeSpec, Span, Statement, Step } from '../syntax/ast';
import { Diagnostic, error, spanWithin, warning } from '../diagnostics';
import { isWrittenValue, mentions, namesReached } from './names';
import type { Shape } from '../ir/types';
import { formatShape, shapesEqual } from '../ir/types';
import { BUILTIN_FUNCTIONS } from '../ops/builtins';
import { aliasName } from './aliases';
import { INDEX_LETTERS } from './indexNames';
import { baseNameOf, subscriptsOf } from './indexNotation';
import { indicesUsed, type IndexList } from './indexUses';
import { writesNeighbouringStep } from './recurrences';
import { callsOnItsVector, restatedHeader } from './restatedFunctions';
import { undefinedBeforeRestatement } from './restatedDefinitions';
import { declaredDependencies, dependencyFunctionName } from './dependencyDeclarations';
import { findInExpr, isSameExpr, rewriteExpr } from '../syntax/walk';

export interface Declaration {
  name: string;
  shape: Shape;
  domain?: Domain;
  span: Span;
  /** Not written: a document's index notation implies it (src/resolve/indexArrays.ts). */
  implied?: true;
  /** Solved for from the formulas (src/analysis/shapeUnification.ts): no name the author states a shape of. */
  solved?: true;
  /** Implied by sample superscripts (`x^{(i)}` → X): the samples stacked, a name the author never writes. */
  samples?: true;
}

export interface Definition {
  name: string;
  expr: Expr;
  /** The span of the whole `name = expr` statement and of the right-hand side. */
  span: Span;
  exprSpan: Span;
  /** Owned by the problem (true) or added by a submission (false). */
  fromBase: boolean;
  /**
   * An entry-by-entry definition (`p_i = \sigma(z_i)`, docs/index-notation.md): the index variables of the
   * left side, which the right side's free indices become (rows, then columns).
   */
  entries?: string[];
  /**
   * A name the maths never defines, which chainrule took as an unknown function of these names (scalar, or
   * entry by entry; src/analysis/unknownTargets.ts): what a step says of it may hold only for the prose's.
   */
  unknownOf?: string[];
  /**
   * The members of a document's defining chain (`a_{h1} = \sigma(o1) = 1/(1+e^{-h1})`): where the first goes
   * back to the name itself, the first later one that does not is the definition (breakCycles).
   */
  chain?: Step[];
  /**
   * Not written at this layer: chainrule filled in the forward pass the question writes at a generic layer l
   * (src/analysis/genericLayers.ts); the layer as written (`l+1`, `L`).
   */
  atLayer?: string;
  /** Read from its chain's restatement: the first member called this function, which the maths never defines (restatedDefinitions.ts). */
  restatedPast?: string;
  /** Read from the claim with this target, which differentiates the formula for the name (src/latex/operandDefinitions.ts). */
  operandOf?: OperandSource;
}

/**
 * A function with no formula (docs/index-notation.md): `f1, f2 : function` applies entry by entry, with
 * any number of arguments; `C(w) : scalar` is a scalar function of whole arrays, of exactly its parameters.
 */
export interface AbstractFunction {
  name: string;
  text: string;
  kind: 'entrywise' | 'scalar';
  /** The declared parameters, when written (`C(w)`): they fix the number of arguments. */
  params?: string[];
  span: Span;
  /** Not declared: chainrule took a function the document never defines as unknown (src/analysis/unknownTargets.ts). */
  implied?: boolean;
}

export interface FunctionDefinition {
  name: string;
  params: string[];
  /** The header's arguments as written: `x` for `F(x) = ...`, `h(x)` for `Cost(h(x), y) = ...`. */
  header: Expr[];
  body: Expr;
  span: Span;
  /** `\sigma_i(z) = ...`: the body is entry `entries` of the function's value (a vector), laid out as for arrays. */
  entries?: string[];
  /** Read from its chain's restatement, past a function the maths never defines (restatedDefinitions.ts). */
  restatedPast?: string;
}

/** The numeric point in force for a claim: exact values and stated rounded values (`~`). */
export interface NumericPoint {
  exact: Map<string, number>;
  rounded: Map<string, number>;
}

export interface Claim {
  label?: string;
  target: Step;
  steps: Step[];
  shapeClaim?: ShapeSpec;
  span: Span;
  /** The `at` point in force at this claim, if any. */
  point?: NumericPoint;
  /** The names its own point gives values (`\Big|_{(1, 0)}` after the target), not one in force before it. */
  pointedAt?: string[];
  /** The entries of a per-entry target the claim is about (`i \neq j`), from the statement. */
  condition?: IndexCondition;
  /** What chainrule read differently from what was written in the target and steps (OCR slips, src/analysis/readings.ts). */
  readings?: Reading[];
}

export interface Ask {
  target: Step;
  points: number;
  span: Span;
}

export interface Scope {
  declarations: Map<string, Declaration>;
  definitions: Map<string, Definition>;
  functions: Map<string, FunctionDefinition>;
  /** Abstract functions (`f1, f2 : function`, `C(w) : scalar`). */
  abstractFunctions: Map<string, AbstractFunction>;
  /** Names declared `: index`, read as index variables besides the usual letters (src/resolve/indexNames.ts). */
  indexNames: Set<string>;
  /**
   * Letters a document uses as the label of one sample (`f_0 = \beta_0 + \omega_0 x_i`, i bound nowhere),
   * not as indices: `x_i` there is a number of its own (src/resolve/indexUses.ts `sampleLabels`).
   */
  labelLetters: Set<string>;
  /**
   * Names written with a sample superscript in a statement that sums over its letter (`y^{(i)}` under
   * `\sum_i`): entries of the samples' arrays there. Elsewhere `x^{(i)}` is one sample, a number of its own.
   * Keyed by where the name starts (src/resolve/indexUses.ts `startOf`), so the head of `y^{(i)}(1 - h)` is one.
   */
  sampleEntries: Set<string>;
  /** Names a document's question reads from the formulas of another question it is not part of (src/resolve/questions.ts). */
  borrowed: Set<string>;
  /** Names given a value by `at` (scalar leaves). */
  pointNames: Set<string>;
  claims: Claim[];
  asks: Ask[];
  /** Dimension names introduced by declarations. */
  dims: Set<string>;
  /** `alias` lines: notation of a submission mapped onto the problem's. */
  aliases: Map<string, Expr>;
  diagnostics: Diagnostic[];
  /** The `at` point in force after the last statement, so that statements added later see it. */
  point?: NumericPoint;
  /**
   * Names the problem gives (declared, defined, dimensions, functions), set by `extendScope`. A submission
   * that defined one of them would change what the problem means (`X = 0` makes every gradient 0), so
   * such a line is read as a claim instead, with a `redefinition` error. In a document's question, the
   * names earlier questions give: the question's own definition of one replaces it (and leaves the set).
   */
  given?: Set<string>;
  /**
   * Documents only: an index written twice in a formula and bound by no sign is summed over, as under
   * Einstein's convention (`J = -y_i \log \hat{y}_i`), where it would otherwise be an error.
   */
  summationConvention?: boolean;
  /**
   * Documents only: conventions of written maths that `.cr` spells otherwise: a square matrix to a whole power
   * is a product (`X^2` is X X; `.cr`'s `^` is entrywise), and an `I` nothing declares is the identity matrix.
   */
  mathsConventions?: boolean;
  /**
   * Built-in functions a line gives a formula of its own (`\sigma(A_{ic}) = ...`, `\text{softmax}(A) = \sigma(A)`),
   * with the lines that do: the author may mean another function by the name, unless each of those lines restates
   * the built-in (src/check/doubts.ts). Kept from scope to scope.
   */
  builtinFormulas: Map<string, BuiltinFormula>;
  /**
   * Documents only: names the prose calls a vector or a matrix without a size (`column vectors $a$ and $b$`), whose
   * shapes src/analysis/shapeUnification.ts solves with that kind.
   */
  shapeKinds?: Map<string, StatedKind>;
}

export interface StatedKind {
  kind: ShapeKind;
  domain?: Domain;
  span: Span;
}

/** The equations that give a built-in a formula (`\sigma(z) = 1/(1 + e^{-z})`), the last one's line first. */
export interface BuiltinFormula {
  line: number;
  equations: ReadonlyArray<Extract<Statement, { kind: 'equation' }>>;
}

export function emptyScope(): Scope {
  return {
    declarations: new Map(),
    definitions: new Map(),
    functions: new Map(),
    abstractFunctions: new Map(),
    indexNames: new Set(),
    labelLetters: new Set(),
    sampleEntries: new Set(),
    borrowed: new Set(),
    pointNames: new Set(),
    claims: [],
    asks: [],
    dims: new Set(),
    aliases: new Map(),
    diagnostics: [],
    builtinFormulas: new Map(),
  };
}

/** A copy of `base` that new statements can extend without touching it; claims and asks start empty. */
export function extendScope(base: Scope): Scope {
  return {
    declarations: new Map(base.declarations),
    definitions: new Map([...base.definitions].map(([k, d]) => [k, { ...d, fromBase: true }])),
    functions: new Map(base.functions),
    abstractFunctions: new Map(base.abstractFunctions),
    indexNames: new Set(base.indexNames),
    labelLetters: new Set(base.labelLetters),
    sampleEntries: new Set(base.sampleEntries),
    borrowed: new Set(base.borrowed),
    pointNames: new Set(base.pointNames),
    claims: [],
    asks: [],
    dims: new Set(base.dims),
    aliases: new Map(base.aliases),
    diagnostics: [],
    point: base.point,
    given: new Set([...base.declarations.keys(), ...base.definitions.keys(), ...base.dims, ...base.functions.keys(), ...base.abstractFunctions.keys()]),
    builtinFormulas: new Map(base.builtinFormulas),
  };
}

export function shapeOfSpec(spec: ShapeSpec): Shape {
  return [spec.rows, spec.cols];
}

/**
 * Whose statements are added over an extended scope (extendScope): a submission may not redefine the
 * problem's names (a new right side is a claim); a document's question may (its own definition wins).
 */
export type StatementsRole = 'own' | 'submission' | 'question';

/** Adds statements to a scope in order. */
export function addStatements(scope: Scope, statements: readonly Statement[], role: StatementsRole = 'own'): Scope {
  let point = scope.point;
  for (const st of statements) {
    switch (st.kind) {
      case 'decl':
        addDeclaration(scope, st, role);
        break;
      case 'equation':
        addEquation(scope, st, st.point ? extendPoint(point, st.point) : point, role);
        break;
      case 'at':
        point = extendPoint(point, st.bindings);
        for (const b of st.bindings) scope.pointNames.add(b.name);
        break;
      case 'ask':
        scope.asks.push({ target: st.target, points: st.points, span: st.span });
        break;
      case 'alias':
        addAlias(scope, st);
        break;
      case 'problem':
        break; // problems are split before resolution (see problems.ts)
      case 'policy':
      case 'setting':
      case 'override':
        break; // grading policy, options and overrides, read by src/grade
      case 'function-decl':
        addAbstractFunctions(scope, st);
        break;
      case 'index-decl':
        for (const ref of st.names) scope.indexNames.add(ref.name);
        break;
    }
  }
  scope.point = point;
  if (role === 'question') breakCycles(scope);
  return scope;
}

/**
 * `a_{h1} = \sigma(o1) = 1/(1+e^{-h1})` with `o1 = w5 a_{h1}`: a slip in the first member of a defining chain
 * makes the definitions go round in a circle, and every line that uses them unreadable. A reader takes the
 * member that does not go back to the name as its definition; the others stay claims (the slip is then a ✗).
 */
function breakCycles(scope: Scope): void {
  const meaningOf = (n: string) => scope.definitions.get(n)?.expr;
  for (const [name, def] of scope.definitions) {
    if (!def.chain || !namesReached(def.expr, meaningOf).has(name)) continue;
    const member = def.chain.slice(1).find((m) => !namesReached(m.expr, meaningOf).has(name));
    if (!member) continue;
    const claim = scope.claims.find((c) => c.span === def.span);
    if (claim) claim.steps = def.chain.filter((m) => m !== member);
    scope.definitions.set(name, { ...def, expr: member.expr, exprSpan: member.span, chain: undefined });
  }
}

function addAbstractFunctions(scope: Scope, st: Extract<Statement, { kind: 'function-decl' }>): void {
  if (st.result && !(st.result.rows === 1 && st.result.cols === 1)) {
    const heads = st.heads.map((h) => h.name.text).join(', ');
    scope.diagnostics.push(
      error('shape-mismatch', `an abstract function is scalar-valued or applies entry by entry; ${heads} cannot be declared ${formatShape(shapeOfSpec(st.result))}`, st.result.span, `declare \`${heads} : function\` for a function applied entry by entry, or give it a scalar value`),
    );
    return;
  }
  for (const head of st.heads) {
    const name = head.name.name;
    const prior = scope.abstractFunctions.get(name);
    const kind = st.result ? 'scalar' : 'entrywise';
    if (scope.functions.has(name) || scope.declarations.has(name) || (prior && prior.kind !== kind)) {
      scope.diagnostics.push(error('redefinition', `${head.name.text} is declared again as another kind of name`, head.name.span, `keep one declaration of ${head.name.text}`));
      continue;
    }
    const fn: AbstractFunction = { name, text: head.name.text, kind, span: head.name.span };
    if (head.params) fn.params = head.params.map((p) => p.name);
    scope.abstractFunctions.set(name, fn);
  }
}

function addAlias(scope: Scope, st: Extract<Statement, { kind: 'alias' }>): void {
  const name = aliasName(st.from);
  if (name === undefined) {
    scope.diagnostics.push(error('parse-error', `cannot read ${st.from} as a name`, st.span, 'alias a single name, as in alias \\hat{y} = a2'));
    return;
  }
  scope.aliases.set(name, st.to);
}

function extendPoint(previous: NumericPoint | undefined, bindings: readonly AtBinding[]): NumericPoint {
  const exact = new Map(previous?.exact);
  const rounded = new Map(previous?.rounded);
  for (const b of bindings) (b.rounded ? rounded : exact).set(b.name, b.value);
  return { exact, rounded };
}

function addDeclaration(scope: Scope, st: Extract<Statement, { kind: 'decl' }>, role: StatementsRole): void {
  if (st.kindOnly) {
    scope.shapeKinds ??= new Map();
    for (const ref of st.names) scope.shapeKinds.set(ref.name, { kind: st.kindOnly, domain: st.domain?.name, span: ref.span });
    return;
  }
  const shape = shapeOfSpec(st.shape);
  const isSubmission = role === 'submission';
  for (const d of [st.shape.rows, st.shape.cols]) if (typeof d === 'string') scope.dims.add(d);
  for (const ref of st.names) {
    // A question declares its own shapes; an earlier question's declaration of the name no longer holds.
    if (role === 'question' && scope.given?.delete(ref.name)) scope.declarations.delete(ref.name);
    // The shape of a name the problem defines follows from its definition: a submission's `Z_h : 10 x m` beside
    // it (sizes of the author's example) would only contradict it.
    if (isSubmission && scope.given?.has(ref.name) && scope.definitions.has(ref.name)) continue;
    const prior = scope.declarations.get(ref.name);
    if (prior && !shapesEqual(prior.shape, shape)) {
      scope.diagnostics.push(
        error('redefinition', `${ref.text} is declared again as ${formatShape(shape)}; it was declared ${formatShape(prior.shape)} at line ${prior.span.line}`, ref.span, `keep one declaration of ${ref.text}`),
      );
      continue;
    }
    if (prior && isSubmission) continue; // restating the problem's declaration is harmless
    scope.declarations.set(ref.name, { name: ref.name, shape, domain: st.domain?.name, span: ref.span });
  }
}

function addEquation(scope: Scope, st: Extract<Statement, { kind: 'equation' }>, point: NumericPoint | undefined, role: StatementsRole): void {
  const isSubmission = role === 'submission';
  const lhs = st.lhs.expr;
  const [first, ...rest] = st.rhs;
  noteBuiltinFormula(scope, st);
  const claim = (steps: Step[]): void => {
    if (steps.length === 0) return;
    const pointedAt = st.point?.map((b) => b.name);
    const claim: Claim = { label: st.label, target: st.lhs, steps, shapeClaim: st.shapeClaim, span: st.span, point, ...(pointedAt?.length ? { pointedAt } : {}), ...(st.condition ? { condition: st.condition } : {}) };
    // A slip read outside every member (a stray `\int` opening the line, `\neq` for the shape's `\in`) is every claim's.
    const within = (r: Reading, members: readonly Step[]) => members.some((s) => spanWithin(r.span, s.span));
    const readings = st.readings?.filter((r) => !within(r, [st.lhs, ...st.rhs]) || within(r, [st.lhs, ...steps]));
    scope.claims.push(readings?.length ? { ...claim, readings } : claim);
  };
  // `\because z = w x + b`: a reason defines z where the question has no formula of its own for it (one it
  // only sees from earlier in the document it replaces, as any first definition does); otherwise it claims nothing.
  if (st.reason && lhs.kind === 'name' && !(role === 'question' && scope.given?.has(lhs.name)) && (scope.definitions.has(lhs.name) || scope.pointNames.has(lhs.name))) return;
  // `J(\theta) = \frac{1}{2} \sum_i (h_\theta(x^i) - y^i)^2 = \frac{1}{2} (X\theta - y)^T (X\theta - y)`, h_θ defined
  // nowhere: the restatement defines J (restatedDefinitions.ts).
  const defines = lhs.kind === 'name' ? !scope.definitions.has(lhs.name) && !scope.pointNames.has(lhs.name) : isFunctionHeader(lhs, scope) && !scope.functions.has(lhs.callee);
  const undefinedFirst = role === 'question' && defines && first && rest.length > 0 ? undefinedBeforeRestatement(first.expr, rest[0].expr, (n) => hasMeaning(scope, n), lhs.kind === 'call' ? lhs.callee : undefined) : undefined;
  if (undefinedFirst !== undefined) {
    scope.diagnostics.push(warning('reading', `read ${st.lhs.text.trim()} as defined by ${rest[0].text.trim()}: ${undefinedFirst} is not defined in the maths, and this line equates the two`, rest[0].span));
    addEquation(scope, { ...st, rhs: rest }, point, role);
    const read = lhs.kind === 'name' ? scope.definitions.get(lhs.name) : lhs.kind === 'call' ? scope.functions.get(lhs.callee) : undefined;
    if (read?.span === st.span) read.restatedPast = undefinedFirst;
    return;
  }
  const given = lhs.kind === 'name' && isSubmission && scope.given?.has(lhs.name) === true;
  if (!given && rest.length === 0 && first && declareDependency(scope, st.lhs, first)) return;
  // `\hat{y}_1 = 1 / (1 + e^{-\hat{y}_1})`, `x = \gamma x + b` in a document: a name written in terms of itself
  // is no definition (it would be a cycle). Of a name with a meaning it is a claim; otherwise it is set aside.
  const selfReferential = role === 'question' && lhs.kind === 'name' && first !== undefined && mentions(first.expr, lhs.name);
  if (selfReferential && !scope.definitions.has(lhs.name)) {
    scope.diagnostics.push(warning('not-a-claim', `set aside: ${st.lhs.text.trim()} is written in terms of itself, so this line defines nothing chainrule can check`, st.lhs.span, 'give the new value a name of its own'));
    return;
  }
  // A question's first definition of a name it sees from earlier in the document is its own; but numbers for a
  // name seen with a formula (`Using $a = [0.65, 0.43]^T$:`) state its value, a claim, as `s_1 = 0.9` does.
  const statesValue = lhs.kind === 'name' && first !== undefined && isWrittenValue(first.expr) && isFormulaOf(scope, lhs.name);
  const replaces = !selfReferential && !statesValue && lhs.kind === 'name' && role === 'question' && scope.given?.delete(lhs.name) === true && scope.definitions.has(lhs.name);
  // `p_i = e^{o_i} / \sum_j e^{o_j}` where the document gave p a meaning already: the author restates its entries,
  // a claim. (A submission's entries of the problem's arrays keep the grader's reading, names of their own.)
  if (lhs.kind === 'name' && first && restatesEntries(lhs, first.expr, scope)) {
    claim(st.rhs);
    return;
  }
  // `f = \sigma(1) = 0.73` beside the question's own `f(w, x) = ...`: the function's value at the question's point.
  if (lhs.kind === 'name' && first && role === 'question' && scope.functions.has(lhs.name) && !scope.borrowed.has(lhs.name) && !findInExpr(first.expr, (e) => e.kind === 'name')) {
    claim(st.rhs);
    return;
  }
  const rooted = first && (role === 'question' || scope.mathsConventions) ? squaredDefinition(lhs, first.expr, scope) : undefined;
  if (rooted && first) {
    addEquation(scope, { ...st, lhs: { ...st.lhs, expr: rooted.name }, rhs: [{ ...first, expr: rooted.root }] }, point, role);
    scope.diagnostics.push(warning('reading', `read ${st.lhs.text.trim()} = ... as the definition of ${rooted.name.text}, the square root of the right side: ${st.lhs.text.trim()} names the square (a variance), so ${rooted.name.text} is its root`, st.lhs.span));
    claim(rest);
    return;
  }
  const entries = lhs.kind === 'name' && first && !given ? entrywiseDefinition(lhs, first.expr, scope) : undefined;
  if (entries && first) {
    // Read from a claim that differentiates the entry's formula, it keeps where it was read (check/operandReadings.ts).
    const operand = st.operandOf ? { operandOf: st.operandOf } : {};
    scope.definitions.set(entries.base, { name: entries.base, expr: first.expr, span: st.span, exprSpan: first.span, fromBase: false, entries: entries.indices, ...operand });
    claim(rest);
    return;
  }
  if (lhs.kind === 'name' && first && !given && (replaces || (!scope.definitions.has(lhs.name) && !scope.pointNames.has(lhs.name)))) {
    // `L = -y \log a - ...` after a sibling question's `L(w) = ...`: the question's own formula replaces the borrowed function.
    if (role === 'question' && scope.borrowed.has(lhs.name)) scope.functions.delete(lhs.name);
    const chain = role === 'question' && rest.length > 0 ? { chain: st.rhs } : {};
    const operand = st.operandOf ? { operandOf: st.operandOf } : {};
    scope.definitions.set(lhs.name, { name: lhs.name, expr: first.expr, span: st.span, exprSpan: first.span, fromBase: false, ...chain, ...operand });
    ownMeaning(scope, lhs.name, role);
    // `L = \text{MSE}(y, a) = (y - a)^2`: the function named on the way is defined by the formula after it, unless
    // that formula calls the function again (`L = l(y, \hat{y}) = l(y, h)` renames an argument; it defines nothing).
    const [second, ...others] = rest;
    if (second && isFunctionHeader(first.expr, scope) && !callsItself(second.expr, first.expr.callee)) {
      scope.functions.set(first.expr.callee, functionDefinition(first.expr, second.expr, st.span));
      claim(others);
      return;
    }
    claim(rest);
    return;
  }
  if (lhs.kind === 'name' && given && st.rhs.length === 1 && !isRestatement(scope.definitions.get(lhs.name), first.expr)) {
    // A submission may restate the problem's definitions, but a different right side is graded as a claim;
    // say so, since students do this by mistake when they reuse a name.
    const what = scope.definitions.get(lhs.name)?.fromBase ? 'defined' : 'given';
    scope.diagnostics.push(
      error('redefinition', `${st.lhs.text} is ${what} by the problem; this line is read as a claim that ${st.lhs.text} equals ${first.text}`, st.lhs.span, `use a new name for your own quantity`),
    );
  }
  const perEntry = lhs.kind === 'call' && first ? entrywiseFunction(lhs, first.expr, scope) : undefined;
  if (perEntry && first) {
    scope.functions.set(perEntry.name, perEntry);
    claim(rest);
    return;
  }
  // `f(x) = f(x_1, x_2) = x_1^2 x_2`: the formula after the restatement on x's entries defines f in them (restatedFunctions.ts).
  const restated = lhs.kind === 'call' && role === 'question' && first && rest.length > 0 && !scope.functions.has(lhs.callee) ? restatedHeader(lhs, first.expr) : undefined;
  if (restated && first) {
    addEquation(scope, { ...st, lhs: { ...first, expr: restated }, rhs: rest }, point, role);
    return;
  }
  // `f(y) = f(x) + \nabla f(x)^T (y - x) + ...`, a Taylor expansion: a function written in terms of itself defines
  // nothing (inlining it would never end). Of a function the question has, it is a claim; otherwise it is set aside.
  // `\sigma'(z) = \sigma(z)(1 - \sigma(z))` is no such line: the derivative of a built-in is written with the built-in.
  if (lhs.kind === 'call' && role === 'question' && first && callsItself(first.expr, lhs.callee)) {
    if (scope.functions.has(lhs.callee) || (lhs.prime > 0 && BUILTIN_FUNCTIONS.has(lhs.callee))) claim(st.rhs);
    else scope.diagnostics.push(warning('not-a-claim', `set aside: ${st.lhs.text.trim()} is written in terms of itself, so this line defines nothing chainrule can check`, st.lhs.span, 'give the new function a name of its own'));
    return;
  }
  // `f(w, x) = ...` after a sibling question's `f = qz`: the question's own function replaces the borrowed formula.
  if (role === 'question' && lhs.kind === 'call' && scope.borrowed.has(lhs.callee) && scope.definitions.has(lhs.callee)) scope.definitions.delete(lhs.callee);
  if (isFunctionHeader(lhs, scope) && first) {
    const fn = functionDefinition(lhs, first.expr, st.span);
    // A question's own `f(x) = ...` replaces the f of an earlier question, as its definitions of names do: a
    // problem's given f, or one borrowed from a sibling question (`f(x, y, z)` there, `f(w, x)` here).
    if (role === 'question' && (scope.given?.delete(lhs.callee) || scope.borrowed.has(lhs.callee))) scope.functions.delete(lhs.callee);
    const earlier = scope.functions.get(lhs.callee);
    // `J(\theta) = ...` written again with the same right side, to go on deriving: the rest are claims; so is `f(x) = ..`
    // of an f restated on x's entries (restatedFunctions.ts), its value at x.
    if (earlier && callsOnItsVector(lhs, earlier.header)) {
      claim(st.rhs);
      return;
    }
    if (earlier && !(isSameExpr(earlier.body, fn.body) && isSameExpr({ ...lhs, args: earlier.header }, lhs))) {
      scope.diagnostics.push(error('redefinition', `function ${lhs.calleeText} is defined twice`, lhs.span, `the first definition is at line ${earlier.span.line}`));
      return;
    }
    if (!earlier) scope.functions.set(lhs.callee, fn);
    ownMeaning(scope, lhs.callee, role);
    claim(rest);
    return;
  }
  claim(st.rhs);
}

/**
 * A question's own meaning of a name is no longer borrowed, from the line that gives it: a later line of the
 * question must not take it for the sibling's (`f = \sigma(1)` after the question's own `f(w, x) = ...` kept the
 * borrowed rule that a question's formula replaces a sibling's function, and deleted the question's own f).
 */
function ownMeaning(scope: Scope, name: string, role: StatementsRole): void {
  if (role === 'question' && !scope.declarations.has(name)) scope.borrowed.delete(name);
}

/**
 * `name` is defined by a formula in terms of other names (not by numbers of its own), in this question or one it
 * builds on: a formula borrowed from a sibling question yields to this question's value (`y = 1`, a target).
 */
function isFormulaOf(scope: Scope, name: string): boolean {
  const definition = scope.definitions.get(name);
  return definition !== undefined && !scope.borrowed.has(name) && findInExpr(definition.expr, (e) => e.kind === 'name') !== undefined;
}

/**
 * `u = u(x, y)` of a name with no meaning yet: u becomes an unknown scalar function of x and y
 * (dependencyDeclarations.ts), so `\partial u / \partial x` is its partial, not a cycle.
 */
function declareDependency(scope: Scope, lhs: Step, rhs: Step): boolean {
  const args = declaredDependencies(lhs.expr, rhs.expr);
  if (!args || rhs.expr.kind !== 'call' || hasMeaning(scope, rhs.expr.callee)) return false;
  const name = rhs.expr.callee;
  const fn = dependencyFunctionName(name);
  const params = args.map((a) => a.name);
  scope.abstractFunctions.set(fn, { name: fn, text: rhs.expr.calleeText, kind: 'scalar', params, span: rhs.span, implied: true });
  scope.definitions.set(name, { name, expr: { ...rhs.expr, callee: fn }, span: lhs.span, exprSpan: rhs.span, fromBase: false, unknownOf: params });
  const of = args.map((a) => a.text).join(', ');
  scope.diagnostics.push(warning('reading', `read ${lhs.text.trim()} = ${rhs.text.trim()} as saying ${lhs.text.trim()} is a function of ${of}: chainrule takes it as an unknown one, so lines that hold whatever it is are checked and the others left unjudged`, rhs.span));
  return true;
}

function callsItself(body: Expr, callee: string): boolean {
  return findInExpr(body, (e) => e.kind === 'call' && e.callee === callee) !== undefined;
}

/**
 * A built-in called on the left (`\sigma(A_{ic}) = ...`), and the built-ins it is equated with (`= \sigma(A)`).
 * Its derivative on the left (`\sigma'(z_1) = 0.6225 \times 0.3775`) is a claim about the built-in, no formula of its
 * own, and so is a built-in of a derivative (`\det \frac{\partial (x, y)}{\partial (r, \theta)} = r`, `D_u f(1, 2) = 3`).
 */
function noteBuiltinFormula(scope: Scope, st: Extract<Statement, { kind: 'equation' }>): void {
  const lhs = st.lhs.expr;
  if (lhs.kind !== 'call' || lhs.prime > 0 || !BUILTIN_FUNCTIONS.has(lhs.callee)) return;
  if (lhs.args.some((a) => findInExpr(a, isDerivative) !== undefined)) return;
  const note = (callee: string) => scope.builtinFormulas.set(callee, { line: st.span.line, equations: [...(scope.builtinFormulas.get(callee)?.equations ?? []), st] });
  note(lhs.callee);
  for (const s of st.rhs) if (s.expr.kind === 'call' && BUILTIN_FUNCTIONS.has(s.expr.callee)) note(s.expr.callee);
}

/** A derivative, or one at a point: `\nabla f(1, 2)`, `J_F(1, 2)` (latex/jacobians.ts calls them so). */
function isDerivative(e: Expr): boolean {
  return e.kind === 'deriv' || (e.kind === 'call' && /^(?:nabla|J|H)_/.test(e.calleeText));
}

/**
 * `\sigma^2 = \frac{1}{m}\sum_i (x_i - \mu)^2`, `\sigma_j^2 = ...` in a document: a quantity named by its square
 * (a variance) whose name means nothing yet. It defines the name as the square root of the right side, so σ²
 * elsewhere is the right side and σ the standard deviation, as the author means them.
 */
function squaredDefinition(lhs: Expr, rhs: Expr, scope: Scope): { name: Extract<Expr, { kind: 'name' }>; root: Expr } | undefined {
  if (lhs.kind !== 'power' || lhs.base.kind !== 'name' || lhs.exponent.kind !== 'number' || lhs.exponent.value !== 2) return undefined;
  const name = lhs.base;
  const written = subscriptsOf(name.text);
  const base = written ? baseNameOf(written, name.name) : name.name;
  if (hasMeaning(scope, name.name) || hasMeaning(scope, base) || mentions(rhs, name.name)) return undefined;
  return { name, root: { kind: 'call', callee: 'sqrt', calleeText: 'sqrt', prime: 0, args: [rhs], span: rhs.span } };
}

/**
 * `p_i = \sigma(z_i)`, `W_{ij} = ...`: the entries of an array p that nothing else defines or declares, when
 * the subscript is index letters and the right side uses each of them as an index (so `x_1 = 3` and
 * `y_i = 2` stay names of their own).
 */
function entrywiseDefinition(lhs: Extract<Expr, { kind: 'name' }>, rhs: Expr, scope: Scope): { base: string; indices: string[] } | undefined {
  const written = subscriptsOf(lhs.text);
  if (!written || written.indices.length > 2 || new Set(written.indices).size !== written.indices.length) return undefined;
  if (!written.indices.every((i) => isIndexLetter(scope, i))) return undefined;
  const base = baseNameOf(written, lhs.name);
  if (hasMeaning(scope, base) || hasMeaning(scope, lhs.name) || BUILTIN_FUNCTIONS.has(base)) return undefined;
  if (written.indices.length === 1 && writesNeighbouringStep(lhs.text, written.indices[0], rhs)) return undefined;
  // As index notation reads the right side: in `f_t = \sigma(u_{ft})` and `c_t = f_t c_{t-1}` (f_t defined), t indexes
  // nothing, so f_t and c_t are names. Only a subscript of index letters on a name with no meaning of its own indexes.
  const indexes = (list: IndexList): boolean => list.indices.every((i) => isIndexLetter(scope, i)) && !(list.name !== undefined && hasMeaning(scope, list.name));
  const used = indicesUsed(rhs, indexes);
  return written.indices.every((i) => used.has(i)) ? { base, indices: written.indices } : undefined;
}

/** `p_i = ...` for an array p the scope knows, whose right side uses the indices: the entries restated. */
function restatesEntries(lhs: Extract<Expr, { kind: 'name' }>, rhs: Expr, scope: Scope): boolean {
  const written = subscriptsOf(lhs.text);
  if (!written || written.indices.length > 2 || !written.indices.every((i) => isIndexLetter(scope, i))) return false;
  const base = baseNameOf(written, lhs.name);
  if (!(scope.declarations.has(base) || scope.definitions.has(base)) || hasMeaning(scope, lhs.name)) return false;
  const used = indicesUsed(rhs);
  return written.indices.every((i) => used.has(i));
}

/**
 * `\sigma_i(z) = e^{z_i} / \sum_k e^{z_k}`, `\text{Softmax}(\mathbf{z})_i = ...`: a function of whole arrays given
 * entry by entry (one index, plain parameters, a body that uses the index). The author's function, so a built-in
 * of the same name (σ here is the softmax) gives way to it in this question.
 */
function entrywiseFunction(lhs: Extract<Expr, { kind: 'call' }>, rhs: Expr, scope: Scope): FunctionDefinition | undefined {
  const written = subscriptsOf(lhs.calleeText);
  if (!written || written.indices.length !== 1 || !isIndexLetter(scope, written.indices[0]) || lhs.prime !== 0) return undefined;
  const name = baseNameOf(written, lhs.callee);
  if (scope.functions.has(name) || scope.definitions.has(name) || scope.declarations.has(name)) return undefined;
  if (lhs.args.length === 0 || !lhs.args.every((a) => a.kind === 'name') || !indicesUsed(rhs).has(written.indices[0])) return undefined;
  return { ...functionDefinition({ ...lhs, callee: name, calleeText: written.base }, rhs, lhs.span), entries: written.indices };
}

/** Whether `letter` written in a subscript is an index: an index letter, or declared one, with no other meaning. */
export function isIndexLetter(scope: Scope, letter: string): boolean {
  return (INDEX_LETTERS.includes(letter) || scope.indexNames.has(letter)) && !hasMeaning(scope, letter) && !scope.labelLetters.has(letter);
}

/** Whether a name means something in the scope already. */
export function hasMeaning(scope: Scope, name: string): boolean {
  return scope.declarations.has(name) || scope.definitions.has(name) || scope.functions.has(name) || scope.abstractFunctions.has(name) || scope.dims.has(name) || scope.aliases.has(name) || scope.pointNames.has(name);
}

/**
 * `F(x, y) = ...` defines F when F is not yet a function and every argument is a plain name or a function
 * of plain names written as a whole (`\text{Cost}(h_\theta(x), y) = ...`, the cost of a prediction).
 */
function isFunctionHeader(lhs: Expr, scope: Scope): lhs is Extract<Expr, { kind: 'call' }> {
  return (
    lhs.kind === 'call' &&
    lhs.prime === 0 &&
    !BUILTIN_FUNCTIONS.has(lhs.callee) &&
    !scope.abstractFunctions.has(lhs.callee) &&
    !scope.declarations.has(lhs.callee) &&
    !scope.definitions.has(lhs.callee) &&
    lhs.args.length > 0 &&
    lhs.args.every((a) => a.kind === 'name' || (a.kind === 'call' && a.prime === 0 && a.args.length > 0 && a.args.every((x) => x.kind === 'name')))
  );
}

/** A function from its header: an argument written as a call is a parameter no author can name, `#1`. */
function functionDefinition(lhs: Extract<Expr, { kind: 'call' }>, body: Expr, span: Span): FunctionDefinition {
  const params = lhs.args.map((a, i) => (a.kind === 'name' ? a.name : `#${i}`));
  const asParam = (x: Expr): Expr | undefined => {
    const i = lhs.args.findIndex((a) => a.kind === 'call' && isSameExpr(a, x));
    return i < 0 ? undefined : { kind: 'name', name: params[i], text: params[i], span: x.span };
  };
  return { name: lhs.callee, params, header: lhs.args, body: lhs.args.some((a) => a.kind === 'call') ? rewriteExpr(body, asParam) : body, span };
}

function isRestatement(def: Definition | undefined, expr: Expr): boolean {
  return def?.fromBase === true && isSameExpr(def.expr, expr);
}
