// A problem's prepared graph. Every submission of a problem lowers the same definitions, samples the same
// points and evaluates the same forward pass and the same truths there before it gets to its own lines.
// That work is done once, when a worker loads the assignment, into a graph that each submission then
// forks (ir/graph.ts): the submission starts with the problem's nodes, the lowering of its definitions,
// and its sample points with every value already computed.
//
// The near misses of each ask's truth (check/candidates.ts) are prepared there too, with their values.
//
// A submission may only fork when its lines leave the meaning of the problem's definitions as it was:
// names are added, none the definitions use is given a meaning, and no dimension (which would move the
// sizes the points are drawn with) or index name is added. Otherwise it gets a fresh graph, as before.
//
// Determinism: the base is built from the assignment alone, in a fixed order, before any submission, and
// never changes after (a forked graph is frozen); each submission's fork is its own.
import type { Expr, Step } from '../syntax/ast';
import { Graph } from '../ir/graph';
import { Builder } from '../ir/build';
import { makeCalculus, type ChainruleCalculus, type DerivedLeaves } from '../calculus/index';
import type { MeaningFunction } from '../calculus/meaning';
import type { Lowering, LoweringOptions } from '../resolve/lower';
import { lowerProblem } from '../analysis/source';
import type { Scope } from '../resolve/scope';
import { knownNames } from '../resolve/names';
import { truthOf } from '../check/truth';
import { ClaimEvaluator, inheritPoints } from '../check/evaluator';
import { prepareCandidates } from '../check/candidates';
import { findInExpr } from '../syntax/walk';
import { printExpected } from '../check/expected';
import type { Node } from '../ir/types';

export interface ProblemBase {
  graph: Graph;
  scope: Scope;
  lowering: Lowering;
  derivedLeaves: DerivedLeaves;
  /** Names the problem defines, names and called functions in its definitions, names in its asks: a submission that gives one a meaning cannot fork. */
  used: ReadonlySet<string>;
  /** The printed expected values of the base's nodes, under the base's names (check/expected.ts). */
  expectedTexts: Map<Node, string>;
}

/** What a submission's lines are lowered and checked with. */
export interface Workspace {
  lowering: Lowering;
  calculus: ChainruleCalculus;
  /** For a fork: the expected value of a base node as printed for an earlier submission (see ClaimContext). */
  knownExpected?: (form: Node) => string | undefined;
}

/**
 * The base of a problem whose definitions `lowering` has lowered, with the sample points of its asks
 * evaluated; undefined when some definition uses a name the problem does not give a meaning, or index
 * notation (what those mean depends on the names a submission adds).
 */
export function prepareBase(lowering: Lowering, calculus: ChainruleCalculus, asks: readonly Step[], seed: number): ProblemBase | undefined {
  const { scope } = lowering;
  const used = namesInDefinitions(scope);
  // Index notation reads names by what else is known (which letters are free to be indices): a
  // submission's names could change it.
  const indexed = [...scope.definitions.values()].some((d) => lowering.indexReader.involves(d.expr));
  if (!used || indexed) return undefined;
  for (const target of asks) {
    try {
      const truth = truthOf({ target, steps: [], span: target.span }, lowering, calculus.meaning);
      // What a wrong answer is compared with: made here once, found by every fork.
      const m = truth.meaning;
      const candidates = prepareCandidates(lowering.b, truth.forms, m && m.wrt.length === 1 ? { of: m.of, wrt: m.wrt[0] } : undefined);
      // The truth and the candidates evaluated at the problem's points (its sample points, or its `at`
      // point), for every fork to find.
      const evaluator = new ClaimEvaluator(lowering.b.graph, scope, calculus.derivedLeaves, seed, truth.value, truth.forms, scope.point);
      for (const node of candidates) evaluator.values(node);
    } catch {
      // an ask the assignment loader reports; the submissions meet it again on their own
    }
  }
  return { graph: lowering.b.graph, scope, lowering, derivedLeaves: calculus.derivedLeaves, used, expectedTexts: new Map() };
}

/** A fork of the base when the submission's scope keeps the problem's meanings, else a fresh graph. */
export function submissionWorkspace(base: ProblemBase | undefined, scope: Scope, meaning: MeaningFunction, options: Omit<LoweringOptions, 'calculus'>): Workspace {
  const forking = base !== undefined && keepsMeanings(base, scope);
  const graph = forking ? base.graph.fork() : new Graph();
  const builder = new Builder(graph);
  const calculus = makeCalculus(builder, graph, meaning, forking ? base.derivedLeaves : undefined);
  const lowering = lowerProblem(scope, builder, options.textOf, calculus);
  if (!forking) return { lowering, calculus };
  lowering.inheritDefinitions(base.lowering);
  inheritPoints(graph, scope, base);
  // A printed form names the definitions it contains: the same text for every submission that names nothing
  // of its own (a submission's `delta = a - y` is printed as delta). Domains are the problem's either way.
  const knownExpected = (form: Node): string | undefined => {
    if (lowering.names.size !== base.lowering.names.size || !base.graph.owns(form)) return undefined;
    let text = base.expectedTexts.get(form);
    if (text === undefined) base.expectedTexts.set(form, (text = printExpected(form, lowering.b, scope, lowering.names)));
    return text;
  };
  return { lowering, calculus, knownExpected };
}

function keepsMeanings(base: ProblemBase, scope: Scope): boolean {
  const problem = base.scope;
  if (scope.dims.size !== problem.dims.size || scope.indexNames.size !== problem.indexNames.size) return false;
  for (const [name, fn] of problem.abstractFunctions) if (scope.abstractFunctions.get(name) !== fn) return false;
  const added = (names: Iterable<string>, had: ReadonlyMap<string, unknown>) => {
    for (const name of names) if (!had.has(name) && base.used.has(name)) return true;
    return false;
  };
  return !(
    added(scope.declarations.keys(), problem.declarations) ||
    added(scope.definitions.keys(), problem.definitions) ||
    added(scope.functions.keys(), problem.functions) ||
    added(scope.abstractFunctions.keys(), problem.abstractFunctions) ||
    added(scope.aliases.keys(), problem.aliases)
  );
}

/**
 * Every name and callee in the problem's definitions and function bodies, and the names in its asks;
 * undefined when a name of a definition or function body has no meaning there.
 */
function namesInDefinitions(scope: Scope): Set<string> | undefined {
  const known = knownNames(scope, [...scope.dims, 'pi', 'e']);
  const used = new Set<string>();
  let closed = true;
  const visit = (root: Expr, params: readonly string[] = []) =>
    findInExpr(root, (e) => {
      if (e.kind === 'call') used.add(e.callee);
      if (e.kind === 'name') {
        used.add(e.name);
        if (!known.has(e.name) && !params.includes(e.name)) closed = false;
      }
      return false;
    });
  for (const d of scope.definitions.values()) visit(d.expr);
  for (const f of scope.functions.values()) visit(f.body, f.params);
  if (!closed) return undefined;
  // An ask's own undeclared scalars (`ask d/dx (x^2)`) are not the definitions', but a submission that
  // declared one (`x : scalar positive`) would change where its truth is sampled.
  for (const ask of scope.asks) {
    findInExpr(ask.target.expr, (e) => {
      if (e.kind === 'name') used.add(e.name);
      return false;
    });
  }
  return used;
}
