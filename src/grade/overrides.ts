// An instructor's `override` lines (docs/grading.md): `override 1a dL/dW "X^T (y - a)" 4 points` gives 4
// points to every answer to ask `1a dL/dW` that equals X^T (y - a) at the sample points, whatever the
// policy table says about it. Each line is checked when the assignment loads: it must name an ask, its
// answer must use only the problem's names and have the ask's shape, and its points lie within the ask's.
import type { Expr, Statement, Step } from '../syntax/ast';
import { error, type Diagnostic } from '../diagnostics';
import { findInExpr } from '../syntax/walk';
import { formatShape, shapesEqual } from '../ir/types';
import type { Scope } from '../resolve/scope';
import { knownNames, namesUsedInScope, walkNames } from '../resolve/names';
import { LowerError, type Lowering } from '../resolve/lower';
import { truthOf } from '../check/truth';
import type { MeaningFunction } from '../calculus/meaning';
import { targetKey } from './targets';

type OverrideStatement = Extract<Statement, { kind: 'override' }>;

/** An override attached to its ask. */
export interface AskOverride {
  /** Its line in the assignment, and its answer as written. */
  line: number;
  text: string;
  answer: Expr;
  points: number;
}

/**
 * The override lines of each problem (by id): a line that names a problem is that problem's; one that does
 * not is the problem's it is written under, or the only problem's.
 */
export function overridesByProblem(statements: readonly Statement[], problems: ReadonlyArray<{ id: string; line: number }>): { byProblem: Map<string, OverrideStatement[]>; diagnostics: Diagnostic[] } {
  const byProblem = new Map<string, OverrideStatement[]>(problems.map((p) => [p.id, []]));
  const diagnostics: Diagnostic[] = [];
  const ids = problems.map((p) => p.id).join(', ');
  for (const st of statements) {
    if (st.kind !== 'override') continue;
    const named = st.problem;
    const problem = named !== null ? problems.find((p) => p.id.toLowerCase() === named.toLowerCase()) : problems.length === 1 ? problems[0] : [...problems].reverse().find((p) => p.line < st.span.line);
    if (problem) byProblem.get(problem.id)!.push(st);
    else if (named !== null) diagnostics.push(error('unknown-name', `the assignment has no problem ${named}`, st.span, `its problems are ${ids}`));
    else diagnostics.push(error('parse-error', 'this override is before the first problem: say which problem it is for', st.span, `override ${problems[0].id} ${st.target.text} "${st.answer.text}" ${st.points} points`));
  }
  return { byProblem, diagnostics };
}

/** The overrides of one problem, checked and attached to its asks (by the meaning of their targets); errors otherwise. */
export function attachOverrides(
  overrides: readonly OverrideStatement[],
  asks: ReadonlyArray<{ id: string; target: Step; points: number; overrides: AskOverride[] }>,
  scope: Scope,
  lowering: Lowering,
  meaning: MeaningFunction,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const known = new Set([...knownNames(scope, [...scope.dims, 'pi', 'e']), ...namesUsedInScope(scope)]);
  for (const a of scope.asks) walkNames(a.target.expr, (n) => known.add(n));
  for (const st of overrides) {
    const key = targetKey(st.target.expr, lowering);
    const ask = key === undefined ? undefined : asks.find((a) => targetKey(a.target.expr, lowering) === key);
    if (!ask) {
      diagnostics.push(error('unknown-name', `no ask of this problem is ${st.target.text}`, st.target.span, `the asks are ${asks.map((a) => a.id).join(', ')}`));
      continue;
    }
    if (!(st.points >= 0 && st.points <= ask.points)) {
      diagnostics.push(error('parse-error', `an override gives between 0 and ${ask.points} points for ${ask.id}, not ${st.points}`, st.span));
      continue;
    }
    const problem = answerProblem(st.answer, ask.target, known, scope, lowering, meaning);
    if (problem) diagnostics.push(problem);
    else ask.overrides.push({ line: st.span.line, text: st.answer.text.trim(), answer: st.answer.expr, points: st.points });
  }
  return diagnostics;
}

/** Why an override's answer cannot be compared with answers to `target`, or undefined when it can. */
function answerProblem(answer: Step, target: Step, known: ReadonlySet<string>, scope: Scope, lowering: Lowering, meaning: MeaningFunction): Diagnostic | undefined {
  const unknown = findInExpr(answer.expr, (e) => e.kind === 'name' && !known.has(e.name));
  if (unknown) return error('unknown-name', `${unknown.kind === 'name' ? unknown.text : 'this name'} is not a name of this problem`, unknown.span, "an override's answer is written in the problem's names");
  try {
    const node = lowering.lower(answer.expr);
    const truth = truthOf({ target, steps: [], span: target.span, point: scope.point }, lowering, meaning);
    if (!shapesEqual(node.shape, truth.shape) && !truth.forms.some((f) => shapesEqual(f.shape, node.shape))) {
      return error('shape-mismatch', `this answer is ${formatShape(node.shape)}, but ${target.text.trim()} is ${formatShape(truth.shape)}`, answer.span);
    }
  } catch (err) {
    if (err instanceof LowerError) return err.diagnostic;
    return error('parse-error', `this answer cannot be compared with answers to ${target.text.trim()}`, answer.span);
  }
  return undefined;
}
