// An assignment (SPEC 1.8): problems, each with its setup (declarations, definitions, `at` points), its
// asks and its policy. It is parsed, resolved and checked once, then shared by every submission graded
// against it (in a worker, for the whole batch).
import type { Diagnostic } from '../diagnostics';
import { error, hasErrors, pushOnce } from '../diagnostics';
import { sortDiagnostics } from '../render/json';
import type { Step } from '../syntax/ast';
import { sameExprKey } from '../syntax/walk';
import { lowerProblem, readDocument } from '../analysis/source';
import { Graph } from '../ir/graph';
import { Builder } from '../ir/build';
import { makeCalculus } from '../calculus/index';
import { InformalReference } from '../calculus/meaning';
import type { Scope } from '../resolve/scope';
import { LowerError, Lowering } from '../resolve/lower';
import { inferNameShapes } from '../shapes/analyze';
import { readPolicy, type Policy } from './policy';
import { expectedAnswer, type ExpectedAnswer } from './expected';
import { MeaningCache } from './truthCache';
import { CheckMemo } from './checkMemo';
import { prepareBase, type ProblemBase } from './problemBase';
import { AssignmentError } from './assignmentError';

export { AssignmentError };
import { DEFAULT_SEED } from '../check/evaluator';
import { readSettings, type Delivery } from './delivery';
import { attachOverrides, overridesByProblem, type AskOverride } from './overrides';

export interface AskSpec {
  /** "1a dL/dW" (just "dL/dW" when the assignment has no `problem` lines): the gradebook column. */
  id: string;
  problem: string;
  target: Step;
  targetText: string;
  /** The target's sameExprKey, made once: every submission looks for it among its derivative lines (grader.ts elsewhere; a target that is no derivative matches none). */
  targetExprKey: string;
  points: number;
  expected: ExpectedAnswer;
  /** The instructor's overrides of answers to this ask (overrides.ts). */
  overrides: AskOverride[];
}

export interface AssignmentProblem {
  id: string;
  title: string | null;
  /** The problem's names and point, extended (never modified) by each submission. */
  scope: Scope;
  asks: AskSpec[];
  policy: Policy;
  /**
   * Where lowering the problem's own lines warns (an undeclared scalar, ...), as `spanKey`s. A submission's
   * lowering lowers those lines again; their warnings are the assignment's, not the student's.
   */
  ownWarnings: ReadonlySet<string>;
  /** The problem's prepared graph, forked for each submission (undefined when the problem cannot share one). */
  base?: ProblemBase;
}

export interface Assignment {
  file: string;
  source: string;
  problems: AssignmentProblem[];
  asks: AskSpec[];
  maxScore: number;
  /** Derivatives computed for one submission and reused by the next (the worker's main saving). */
  meanings: MeaningCache;
  /** Problems' claims checked for one submission and reused by the next that wrote the same lines (checkMemo.ts). */
  checks: CheckMemo;
  /** The assignment's own warnings (an undeclared name taken as a scalar), for the instructor. */
  warnings: Diagnostic[];
  /** Its `feedback` and `visibility` lines (delivery.ts). */
  settings: Partial<Delivery>;
}

const WHOLE_FILE = { line: 1, column: 1, endLine: 1, endColumn: 2 };

/**
 * `seed` is the batch's `--seed`: the derivatives shared across submissions are cross-checked with it.
 * `prepareBases: false` leaves out the problems' prepared graphs, for a caller that grades nothing.
 */
export function loadAssignment(source: string, file: string, seed = DEFAULT_SEED, { prepareBases = true } = {}): Assignment {
  const { parsed, textOf, sections } = readDocument(source, file);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const problems: AssignmentProblem[] = [];
  const meanings = new MeaningCache(seed);
  const seenIds = new Map<string, number>();
  const { settings, diagnostics: settingErrors } = readSettings(parsed.statements);
  const overrides = overridesByProblem(parsed.statements, sections.map((s) => ({ id: s.id, line: s.span?.line ?? 0 })));
  diagnostics.push(...settingErrors, ...overrides.diagnostics);
  for (const section of sections) {
    if (seenIds.has(section.id)) {
      diagnostics.push(error('redefinition', `problem ${section.id} appears twice`, section.span ?? WHOLE_FILE, `the first is at line ${seenIds.get(section.id)}`));
      continue;
    }
    seenIds.set(section.id, section.span?.line ?? 1);
    const scope = section.scope;
    // A graph per problem: it becomes the base every submission's graph for the problem is forked from.
    const graph = new Graph();
    const builder = new Builder(graph);
    const calculus = makeCalculus(builder, graph, meanings.meaning);
    const lowering = lowerProblem(scope, builder, textOf, calculus);
    inferNameShapes(lowering);
    const { policy, diagnostics: policyErrors } = readPolicy(section.statements);
    const asks = scope.asks.map((ask) => ({
      id: askId(section.id, ask.target.text),
      problem: section.id,
      target: ask.target,
      targetText: ask.target.text.trim(),
      targetExprKey: sameExprKey(ask.target.expr),
      points: ask.points,
      expected: askExpected(ask.target, scope, lowering, meanings, diagnostics),
      overrides: [] as AskOverride[],
    }));
    diagnostics.push(...attachOverrides(overrides.byProblem.get(section.id) ?? [], asks, scope, lowering, meanings.meaning));
    for (const d of [...scope.diagnostics, ...lowering.diagnostics, ...policyErrors]) pushOnce(diagnostics, d);
    const ownWarnings = new Set(lowering.diagnostics.map(spanKey));
    const base = prepareBases ? prepareBase(lowering, calculus, asks.map((a) => a.target), seed) : undefined;
    problems.push({ id: section.id, title: section.title ?? null, scope, asks, policy, ownWarnings, base });
  }
  const asks = uniqueIds(problems.flatMap((p) => p.asks));
  if (asks.length === 0) diagnostics.push(error('parse-error', 'the assignment asks nothing', WHOLE_FILE, 'name what is graded: ask dL/dW 6 points'));
  meanings.takeFailures(); // each submission that uses a derivative is told, with its own lines
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (hasErrors(errors)) throw new AssignmentError(errors, source, file);
  return {
    file, source, problems, asks,
    maxScore: asks.reduce((total, a) => total + a.points, 0),
    meanings,
    checks: new CheckMemo(),
    warnings: sortDiagnostics(diagnostics.filter((d) => d.severity === 'warning')),
    settings,
  };
}

/** A diagnostic's code and place: spans carry no file, so this tells the assignment's warnings apart. */
export function spanKey(d: Diagnostic): string {
  return `${d.code}@${d.span.line}:${d.span.column}-${d.span.endLine}:${d.span.endColumn}`;
}

function askId(problem: string, targetText: string): string {
  return problem ? `${problem} ${targetText.trim()}` : targetText.trim();
}

/** Two asks with the same text in one problem would share a gradebook column: number the later ones. */
function uniqueIds(asks: AskSpec[]): AskSpec[] {
  const count = new Map<string, number>();
  for (const a of asks) {
    const n = (count.get(a.id) ?? 0) + 1;
    count.set(a.id, n);
    if (n > 1) a.id = `${a.id} (${n})`;
  }
  return asks;
}

function askExpected(target: Step, scope: Scope, lowering: Lowering, meanings: MeaningCache, diagnostics: Diagnostic[]): ExpectedAnswer {
  // `ask dL/dQ` with Q meaning nothing in the problem would be the quotient of two new scalars dL and dQ,
  // graded as such: refuse it. Any other undeclared name is a scalar (SPEC 1.1), as in `chainrule check`.
  const unknown = target.expr.kind === 'deriv' ? lowering.quotientNames(target.expr) : [];
  if (unknown.length) {
    diagnostics.push(error('unknown-name', `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not declared, defined or used in this problem`, target.span, `ask about the problem's own names`));
    return { text: null, latex: null };
  }
  try {
    return expectedAnswer(target, scope, lowering, meanings.meaning);
  } catch (err) {
    if (err instanceof InformalReference) {
      diagnostics.push(error('shape-mismatch', `${target.text.trim()} is a tensor (an array by a matrix): ask for a gradient or a Jacobian`, target.span));
    } else if (err instanceof LowerError) {
      diagnostics.push(err.diagnostic);
    } else throw err;
    return { text: null, latex: null };
  }
}
