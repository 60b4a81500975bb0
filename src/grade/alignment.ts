// Which part of a submission answers which problem of the assignment (docs/grading.md, "Which part answers
// which problem"). A part whose label names a problem (`2.b`, `Q2b`, `Problem 2 (b)`, a heading `## 1` with
// an item `a)`, or the problem's title) answers it. The other parts are aligned by content: in document
// order, each to a problem not earlier than the previous one's, or to none, so that the parts' names and
// definitions fit their problems best (an order-preserving alignment, by dynamic programming). A part that
// fits no problem is not graded; every decision is reported.
import type { Expr, Statement } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';
import { arrayNameOf, sampledNameOf, subscriptsOf } from '../resolve/indexNotation';
import { normalizeName } from '../syntax/names';
import { sumSigns } from '../resolve/indexUses';
import type { AssignmentProblem } from './assignment';
import type { Segment } from './segments';
import { isSetupLine, statementNames } from '../resolve/questions';
import { applyNotation, mapNotation, problemNames } from './notationMap';
import { namesReached, walkNames } from '../resolve/names';
import { printExpr } from '../syntax/print';
import { primeCall } from './targets';

export type AlignedBy = 'label' | 'content' | 'only-problem' | 'none';

export interface AlignedSegment {
  segment: Segment;
  problem: AssignmentProblem | null;
  by: AlignedBy;
}

/** The label as a problem id: `Problem 2 (b)`, `Q2.b`, `2(b)` → `2b`; a title → its letters and digits. */
export function labelKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/^\s*(?:problem|question|exercise|task|part|hw|q)\s*\.?\s*(?=\d)/, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Whether a part's label names this problem: its id (or a part of it: `2b` answers problem `2`) or its title. */
function labelNames(label: string, problem: AssignmentProblem): boolean {
  const key = labelKey(label);
  const id = labelKey(problem.id);
  if (!key || !id) return false;
  if (key === id || (problem.title && key === labelKey(problem.title))) return true;
  return /^\d+$/.test(id) && key.startsWith(id) && /^[a-z]+$/.test(key.slice(id.length));
}

/** Whether a label is a problem number (`7`, `2b`) rather than a title. */
export function isId(label: string | null): boolean {
  return label !== null && /^\d/.test(labelKey(label));
}

/** A stem labelled `2` fits the parts `2a`, `2b`: its content decides which. */
export function stemOf(label: string | null, problem: AssignmentProblem): boolean {
  if (!label) return false;
  const key = labelKey(label);
  const id = labelKey(problem.id);
  return /^\d+$/.test(key) && id.startsWith(key) && /^[a-z]+$/.test(id.slice(key.length));
}

export function alignSegments(segments: readonly Segment[], problems: readonly AssignmentProblem[]): AlignedSegment[] {
  if (problems.length === 1) return segments.map((segment) => ({ segment, problem: problems[0], by: 'only-problem' }));
  const fixed = segments.map((s) => {
    const label = s.label ?? s.setUpBy;
    return label === undefined || label === null ? undefined : problems.find((p) => labelNames(label, p));
  });
  // When the author's labels name the assignment's problems, a part labelled with another id (`problem 7`)
  // answers none of them; when none do, the author numbers otherwise and content decides.
  const labelsName = fixed.some((p) => p !== undefined);
  const isFree = (i: number) => !fixed[i] && !(labelsName && isId(segments[i].label) && !problems.some((p) => stemOf(segments[i].label, p)));
  // A free part that answers one problem's asks and then a later problem's holds both: cut it between them.
  const pieces = segments.map((s, i) => (isFree(i) ? splitBetweenProblems(s, problems) : [s]));
  if (pieces.some((p) => p.length > 1)) return alignSegments(pieces.flat(), problems);
  const free = segments.map((_, i) => i).filter(isFree);
  const fits = free.map((i) => problems.map((p) => {
    const cutFor = answeringOnly.get(segments[i]);
    // A piece cut between problems answers the asks of one: it goes to that problem or to none.
    if (cutFor) return cutFor === p ? Math.max(1, contentFit(segments[i], p, problems)) : 0;
    return contentFit(segments[i], p, problems) + (stemOf(segments[i].label, p) ? STEM_BONUS : 0);
  }));
  const chosen = orderPreserving(fits);
  const out: AlignedSegment[] = segments.map((segment, i) => (fixed[i] ? { segment, problem: fixed[i]!, by: 'label' } : { segment, problem: null, by: 'none' }));
  free.forEach((i, k) => {
    if (chosen[k] !== undefined) out[i] = { segment: segments[i], problem: problems[chosen[k]!], by: 'content' };
  });
  return out;
}

/** The pieces of a part cut between problems that answer the asks of one problem only, with that problem. */
const answeringOnly = new WeakMap<Segment, AssignmentProblem>();

/**
 * A part cut before each statement that answers an ask of a later problem and none of the problem whose ask
 * the part answered last (`∂J/∂θ_0`, `∂J/∂θ_1`, then, for n features, `∂J/∂θ_j`); the definitions just before
 * such an answer go with it. A part answering one problem's asks, or none, stays whole.
 */
function splitBetweenProblems(segment: Segment, problems: readonly AssignmentProblem[]): Segment[] {
  const answers = problems.map((p) => readInProblem(segment, p, problems).answers);
  const cuts: number[] = [];
  let current: number | undefined;
  let lastAnswer = -1;
  segment.statements.forEach((st, i) => {
    const answered = problems.map((_, j) => j).filter((j) => answers[j][i] !== undefined);
    if (answered.length === 0) return;
    if (current !== undefined && !answered.includes(current) && answered[0] > current) {
      let cut = i;
      while (cut - 1 > lastAnswer && isSetupLine(segment.statements[cut - 1])) cut--;
      cuts.push(cut);
    }
    if (current === undefined || !answered.includes(current)) current = answered[0];
    lastAnswer = i;
  });
  if (cuts.length === 0) return [segment];
  const bounds = [0, ...cuts, segment.statements.length];
  const out: Segment[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const statements = segment.statements.slice(bounds[k], bounds[k + 1]);
    const before = [...segment.before, ...segment.statements.slice(0, bounds[k]).filter(isSetupLine)];
    out.push({ ...segment, statements, before, from: Math.min(...statements.map((s) => s.span.line)), to: segment.to });
  }
  out.forEach((piece, k) => (piece.to = k + 1 < out.length ? out[k + 1].from - 1 : segment.to));
  for (let k = 0; k < out.length; k++) {
    const inPiece = new Set<number>();
    for (let i = bounds[k]; i < bounds[k + 1]; i++) problems.forEach((_, j) => answers[j][i] !== undefined && inPiece.add(j));
    if (inPiece.size === 1) answeringOnly.set(out[k], problems[[...inPiece][0]]);
  }
  return out;
}

/** Whether an expression holds numbers only (`0.09`, `[0.09, -0.76, 0.67]`): no name in it. */
function isNumber(e: Expr): boolean {
  let names = 0;
  walkNames(e, () => names++);
  return names === 0 && findInExpr(e, (x) => x.kind === 'number') !== undefined;
}

/** The keys (`L/W`) of the problem's asks. */
function asksOf(problem: AssignmentProblem): Set<string> {
  return new Set(problem.asks.map((a) => derivativeKey(a.target.expr)).filter((k): k is string => k !== undefined));
}

/**
 * Whether the problem gives its ask (keyed `L/W`) a number: every name its function reaches through the
 * problem's definitions, and the variable, is defined or given a value by an `at` line (a worked example).
 */
function givesNumbers(problem: AssignmentProblem, key: string): boolean {
  const [of, wrt] = key.split('/');
  const scope = problem.scope;
  const valued = (n: string) => scope.definitions.has(n) || scope.pointNames.has(n);
  const def = scope.definitions.get(of)?.expr;
  if (!def || !valued(wrt)) return false;
  return [...namesReached(def, (n) => scope.definitions.get(n)?.expr)].every((n) => valued(n) || scope.functions.has(n));
}

const STEM_BONUS = 2;
const ASK_WEIGHT = 3;
const AGREEING_DEFINITION = 2;
const CONFLICTING_DEFINITION = 3;

/**
 * How well a part fits a problem: each ask it answers in the problem's names, each of the problem's
 * definitions it restates alike (less for each it restates otherwise: another derivation), each name it
 * shares with the problem, less each name it uses that neither the problem nor the part gives.
 */
export function contentFit(segment: Segment, problem: AssignmentProblem, problems: readonly AssignmentProblem[]): number {
  const read = readInProblem(segment, problem, problems);
  let fit = ASK_WEIGHT * new Set(read.answers.filter((k) => k !== undefined)).size;
  const names = new Set<string>();
  for (const st of read.statements) {
    for (const n of statementNames(st)) names.add(n);
    if (st.kind !== 'equation' || st.rhs.length === 0) continue;
    const def = st.lhs.expr.kind === 'name' ? problem.scope.definitions.get(st.lhs.expr.name) : undefined;
    if (def) fit += sameNames(st.rhs[0].expr, def.expr) || writtenOut(st.rhs[0].expr, def.expr, problem.scope) ? AGREEING_DEFINITION : -CONFLICTING_DEFINITION;
  }
  for (const n of names) fit += read.known.has(n) || read.entries.has(n) ? 1 : read.own.has(n) ? 0 : -1;
  return fit;
}

interface PartInProblem {
  /** The part's statements in the problem's names. */
  statements: Statement[];
  /** The problem's names, the part's own (defined here or before), and entries of the problem's arrays. */
  known: Set<string>;
  own: Set<string>;
  entries: Set<string>;
  /** For each statement, the key of the problem's ask it answers (`L/W`), if it answers one. */
  answers: Array<string | undefined>;
}

/**
 * Each part's reading in each problem, made once: the cut between problems and the fit both need it, for every
 * submission a multi-problem assignment grades (mapping the notation is the costly part).
 */
const readings = new WeakMap<Segment, Map<AssignmentProblem, PartInProblem>>();

/** A part read in a problem's names, with the asks each of its statements answers. */
function readInProblem(segment: Segment, problem: AssignmentProblem, problems: readonly AssignmentProblem[]): PartInProblem {
  let byProblem = readings.get(segment);
  if (!byProblem) readings.set(segment, (byProblem = new Map()));
  let read = byProblem.get(problem);
  if (!read) byProblem.set(problem, (read = readPart(segment, problem, problems)));
  return read;
}

function readPart(segment: Segment, problem: AssignmentProblem, problems: readonly AssignmentProblem[]): PartInProblem {
  const statements = applyNotation(segment.statements, mapNotation(segment.statements, problem.scope, lossNames(problem)));
  const known = problemNames(problem.scope);
  // The undeclared scalars of its formulas (`x` of `s = sigma(x)`) are the problem's names too.
  for (const d of problem.scope.definitions.values()) walkNames(d.expr, (n) => known.add(n));
  const own = new Set<string>();
  // The part's own quantities and functions (`h_\theta(x) = ...`), defined here or in earlier parts.
  for (const st of [...segment.before, ...statements]) if (st.kind === 'equation' && st.lhs.expr.kind === 'name') own.add(st.lhs.expr.name);
  for (const st of [...segment.before, ...statements]) if (st.kind === 'equation' && st.lhs.expr.kind === 'call') own.add(st.lhs.expr.callee);
  for (const st of segment.before) if (st.kind === 'decl' && !st.kindOnly) for (const n of st.names) own.add(n.name);
  const asks = asksOf(problem);
  const entries = entriesOfKnownArrays(statements, known);
  const answers = statements.map((st) => {
    if (st.kind !== 'equation' || st.rhs.length === 0) return undefined;
    const key = derivativeKey(st.lhs.expr, known) ?? primeKey(st.lhs.expr, problem);
    const ours = (n: string) => known.has(n) || own.has(n) || entries.has(n);
    const final = st.rhs[st.rhs.length - 1].expr;
    if (key === undefined || !asks.has(key) || !inProblemNames(final, ours)) return undefined;
    // An ask of both a worked example and a problem that leaves its inputs free (a derivation, then its
    // example: `dL/do = p - y`, then `dL/do = (0.09, -0.76, 0.67)`): a number answers the example, a formula the other.
    const example = givesNumbers(problem, key);
    const shared = problems.some((p) => p !== problem && asksOf(p).has(key) && givesNumbers(p, key) !== example);
    return shared && isNumber(final) !== example ? undefined : key;
  });
  return { statements, known, own, entries, answers };
}

/**
 * Names written as entries or samples of the problem's arrays (`\theta_k` of theta; `x^{(i)}` of x in a line
 * summing over i, where the superscript is a sample and not a layer): the problem's names too.
 */
function entriesOfKnownArrays(statements: readonly Statement[], known: ReadonlySet<string>): Set<string> {
  const entries = new Set<string>();
  for (const st of statements) {
    if (st.kind !== 'equation') continue;
    const sides = [st.lhs, ...st.rhs].map((step) => step.expr);
    const summed = new Set(sides.flatMap((e) => sumSigns(e).flatMap((sign) => sign.indices)));
    for (const side of sides) {
      findInExpr(side, (e) => {
        if (e.kind === 'name' && known.has(arrayOfEntry(e, summed))) entries.add(e.name);
        return false;
      });
    }
  }
  return entries;
}

/** The array a name written as an entry indexes: `w_i` → w; `x^{(i)}`, `x_j^{(i)}` → x when i is summed. */
function arrayOfEntry(e: Extract<Expr, { kind: 'name' }>, summed: ReadonlySet<string>): string {
  const sampled = sampledNameOf(e.text);
  if (!sampled) return arrayNameOf(e.name, e.text);
  return summed.has(sampled.sample) ? normalizeName(subscriptsOf(sampled.written)?.base ?? sampled.written) : e.name;
}

/** The names the problem's asks differentiate (`L` of `ask dL/dW`): its losses. */
export function lossNames(problem: AssignmentProblem): string[] {
  return [...new Set(problem.asks.flatMap((a) => (a.target.expr.kind === 'deriv' && a.target.expr.of.kind === 'name' ? [a.target.expr.of.name] : [])))];
}

/**
 * `L/W` for dL/dW between names. With `known`, a per-entry target `dL/dw_i` (w an array of the problem, i
 * a letter) is keyed as the whole `dL/dw` it answers entry by entry.
 */
export function derivativeKey(e: Expr, known?: ReadonlySet<string>): string | undefined {
  if (e.kind !== 'deriv' || e.wrt.length !== 1 || e.of.kind !== 'name' || e.wrt[0].kind !== 'name') return undefined;
  const wrt = e.wrt[0].name;
  // `w_i`, `W2_{j,k}` (an entry of a layer, layerEntries.ts): the array its subscript indexes.
  const written = arrayNameOf(wrt, e.wrt[0].text);
  const entryOf = !known || known.has(wrt) ? undefined : written !== wrt ? written : /^[A-Za-z]+[a-z]$/.test(wrt) ? wrt.slice(0, -1) : undefined;
  // `\partial y_i / \partial z_j`: an entry of the problem's y differentiated is a Jacobian's entry.
  const of = known && !known.has(e.of.name) && known.has(arrayNameOf(e.of.name, e.of.text)) ? arrayNameOf(e.of.name, e.of.text) : e.of.name;
  return `${of}/${entryOf !== undefined && known!.has(entryOf) ? entryOf : wrt}`;
}

/** `\sigma'(x)` keyed as `s/x` for the problem's `s = sigma(x)`. */
function primeKey(e: Expr, problem: AssignmentProblem): string | undefined {
  const local = primeCall(e);
  if (!local || local.wrt.kind !== 'name') return undefined;
  const text = printExpr(local.of);
  const defined = [...problem.scope.definitions].find(([, d]) => printExpr(d.expr) === text);
  return defined ? `${defined[0]}/${local.wrt.name}` : undefined;
}

/** Whether at least half the names of an answer are the problem's or the part's own. */
function inProblemNames(e: Expr, isOurs: (name: string) => boolean): boolean {
  let ours = 0;
  let all = 0;
  walkNames(e, (n) => {
    all++;
    if (isOurs(n)) ours++;
  });
  return all === 0 || ours * 2 >= all;
}

function sameNames(a: Expr, b: Expr): boolean {
  const na = new Set<string>();
  const nb = new Set<string>();
  walkNames(a, (n) => na.add(n));
  walkNames(b, (n) => nb.add(n));
  return na.size === nb.size && [...na].every((n) => nb.has(n));
}

/**
 * The problem's formula with its intermediates written out (`E = ½ (f(h_1 u_{11} + ...) - t_1)^2` for
 * `E = ((o1 - t1)^2 + ...) / 2`): every name of `a` is one the problem's formula reaches through its definitions.
 */
function writtenOut(a: Expr, b: Expr, scope: AssignmentProblem['scope']): boolean {
  const reached = namesReached(b, (n) => scope.definitions.get(n)?.expr);
  const names = new Set<string>();
  walkNames(a, (n) => names.add(n));
  return names.size > 0 && [...names].every((n) => reached.has(n));
}

/**
 * For each part, in order, the index of its problem or undefined (none): problems never go back, and the
 * total fit of the parts given a problem is the largest; a part is given a problem only where it fits (> 0).
 */
function orderPreserving(fits: number[][]): Array<number | undefined> {
  const m = fits[0]?.length ?? 0;
  // states[0]: no problem given yet; states[j + 1]: the last part given one was given problem j.
  let states = Array.from({ length: m + 1 }, (_, s) => ({ total: s === 0 ? 0 : -Infinity, choice: [] as Array<number | undefined> }));
  for (const row of fits) {
    const next = states.map((st) => ({ total: st.total, choice: [...st.choice, undefined] }));
    row.forEach((fit, j) => {
      if (fit <= 0) return;
      for (let s = 0; s <= j + 1; s++) {
        const total = states[s].total + fit;
        if (total > next[j + 1].total) next[j + 1] = { total, choice: [...states[s].choice, j] };
      }
    });
    states = next;
  }
  return states.reduce((a, b) => (b.total > a.total ? b : a)).choice;
}
