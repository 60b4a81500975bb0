// A document's questions as problems to check, each with its own scope (SPEC 4.1, docs/latex.md): a
// question sees the document's preamble, the questions it is part of (up to where it starts), and, for a
// part (`(b)` after `(a)`), its parent's earlier parts. A name it defines again is its own definition.
// Within a question, a name defined again in terms of names its first definition does not use (`L = -y
// log a2 - ...` after `L = -y log a - ...`) starts a new part there: students reuse names from one
// derivation to the next without a heading between them.
import type { Expr, ParsedFile, Question, Statement } from '../syntax/ast';
import { isWrittenValue, mentions, namesReached, walkNames } from './names';
import { visibleFrom } from '../syntax/questions';
import { findInExpr } from '../syntax/walk';
import { printExpr } from '../syntax/print';

export interface QuestionSection {
  id: string;
  /**
   * What the question sees of the document before it, by the question each part comes from, in document
   * order: read first, a later question's definition of a name replacing an earlier one's; not checked here.
   */
  inherited: Statement[][];
  /**
   * How many of the first `inherited` groups are borrowed: the formulas and declared shapes of earlier
   * questions this one is not part of (`\section{Derivative}` using the N(z) of `\section{Definition}`). They are read first, so the
   * question's own context wins, and a step they make wrong is not trusted (src/check/doubts.ts).
   */
  borrowed: number;
  /** The question's own statements. */
  own: Statement[];
}

/** The sections of a document (a file with questions, maybe none); undefined for a `.cr` file. */
export function splitQuestions(parsed: ParsedFile): QuestionSection[] | undefined {
  const sections = splitDocument(parsed);
  return sections?.map(({ id, inherited, borrowed, own }) => {
    const before = inherited.flat();
    const formulas = formulaNames([...before, ...own]);
    const seen = new Set<string>();
    const groups = inherited.map((group) => {
      const stated = statedValues(group, formulas, seen);
      for (const name of formulaNames(group)) seen.add(name);
      return stated;
    });
    // Another question's values are its own: only its formulas are borrowed (`a = \sigma(z) \approx 0.6` lends a = σ(z)).
    groups.forEach((group, i) => {
      if (i < borrowed) groups[i] = group.flatMap(formulaOnly);
    });
    return { id, inherited: groups, borrowed, own: statedValues(own, formulas, formulaNames(before)) };
  });
}

function splitDocument(parsed: ParsedFile): QuestionSection[] | undefined {
  const { questions, questionOf } = parsed;
  if (!questions || !questionOf) return undefined;
  const preamble = parsed.statements.filter((_, i) => questionOf[i] === undefined);
  const sections = splitAtRedefinitions('', [], 0, preamble);
  const groupOf = (i: number, borrowed: boolean): string => `${questionOf[i] ?? -1}${borrowed ? ' borrowed' : ''}`;
  const setup = setupStatements(parsed.statements, questionOf, questions);
  questions.forEach((q, index) => {
    const own = parsed.statements.filter((_, i) => questionOf[i] === index).map((st) => labelled(st, q));
    if (!own.some((st) => st.kind === 'equation')) return;
    const seen = visibleFrom(questions, index);
    const parameters = functionParameters(parsed.statements.filter((_, i) => questionOf[i] === index || seen.has(questionOf[i] ?? -1)));
    const groups: Array<{ rank: number; statements: Statement[] }> = [];
    let group: string | undefined;
    parsed.statements.forEach((st, i) => {
      const from = questionOf[i];
      // A set-up section's input (`x = 3`) is no point of a question whose own function takes x (`f(x) = x^4`):
      // its `f'(x)` is the derivative everywhere, and `f'(x) = 108` is not right because 4 · 3³ is.
      const setsUp = from !== undefined && from < index && setup.has(i) && !setupNames(st).values.some((name) => parameters.has(name));
      const visible = from === undefined || seen.has(from) || setsUp;
      const borrowed = !visible && from < index;
      if (st.kind === 'problem' || (!visible && !borrowed) || (borrowed && st.kind !== 'equation' && st.kind !== 'decl')) return;
      // A solution's `(b)` after the prompt's `(b)`: the part with its own label is the one it answers, so its
      // definitions are read last and win over those of the other parts; borrowed formulas are read first.
      if (group !== groupOf(i, borrowed)) groups.push({ rank: borrowed ? 0 : from !== undefined && questions[from].label === q.label ? 2 : 1, statements: [] });
      group = groupOf(i, borrowed);
      groups[groups.length - 1].statements.push(st);
    });
    groups.sort((a, b) => a.rank - b.rank);
    const borrowed = groups.filter((g) => g.rank === 0).length;
    sections.push(...splitAtRedefinitions(q.label, groups.map((g) => g.statements), borrowed, own));
  });
  return sections.filter((s) => s.own.some((st) => st.kind === 'equation'));
}

/**
 * The statements of the document's set-up sections (indices): a heading that names no problem and whose question
 * differentiates nothing (a forward pass of named neurons, `## Forward pass`, `# Step 1`) sets up the questions
 * after it, as the preamble does, for each formula of a name no other question defines. Worked examples split one
 * network's derivation over headings. A name another question defines too may mean something else there, and a
 * name with a declared shape belongs to matrix write-ups, whose sections often set up networks of their own, and
 * a question named as one (`# Question 1`) is a question of its own: all stay borrowed.
 */
function setupStatements(statements: readonly Statement[], questionOf: ReadonlyArray<number | undefined>, questions: readonly Question[]): Set<number> {
  const differentiates = new Set<number>();
  const declared = new Set<string>();
  const definers = new Map<string, Set<number>>();
  const valuers = new Map<string, Set<number>>();
  statements.forEach((st, i) => {
    if (st.kind !== 'equation') definedBy(st).forEach((name) => declared.add(name));
    const from = questionOf[i];
    if (from === undefined) return;
    if (writesDerivative(st)) differentiates.add(from);
    const { formulas, values } = setupNames(st);
    // A function `f(w, x) = ...` defines f too: a set-up section's `f = qz` is not the f of a later example.
    const header = functionHeader(st);
    const fn = header && header.prime === 0 ? [header.callee] : [];
    for (const name of [...formulas, ...fn]) definers.set(name, (definers.get(name) ?? new Set()).add(from));
    for (const name of values) valuers.set(name, (valuers.get(name) ?? new Set()).add(from));
  });
  const onlyIn = (from: number, name: string, ...tables: ReadonlyArray<Map<string, Set<number>>>) =>
    !declared.has(name) && tables.every((table) => [...(table.get(name) ?? [])].every((q) => q === from));
  const setup = new Set<number>();
  statements.forEach((st, i) => {
    const from = questionOf[i];
    if (from === undefined || !questions[from].section || differentiates.has(from) || st.kind !== 'equation') return;
    // The example's inputs (`x_1 = 0.05`) set up the later questions with its formulas: without them the values
    // stated after the formulas (`h_1 = 0.5933`) would come without the point they were computed at.
    const { formulas, values } = setupNames(st);
    // A value stated elsewhere for a formula's name (`Using $q = 0.4$`) is no other meaning of it; another input is.
    const sets = formulas.every((name) => onlyIn(from, name, definers)) && values.every((name) => onlyIn(from, name, definers, valuers));
    if (formulas.length + values.length > 0 && sets) setup.add(i);
  });
  return setup;
}

function writesDerivative(st: Statement): boolean {
  return st.kind === 'equation' && [st.lhs, ...st.rhs].some((step) => findInExpr(step.expr, (e) => e.kind === 'deriv') !== undefined);
}

/** `own` split where a new derivation starts (`derivationStarts`); each later part sees everything before it. */
function splitAtRedefinitions(id: string, inherited: Statement[][], borrowed: number, own: Statement[]): QuestionSection[] {
  const sections: QuestionSection[] = [];
  let start = 0;
  for (const i of derivationStarts(inherited.slice(borrowed).flat(), own)) {
    sections.push({ id, inherited, borrowed, own: own.slice(start, i) });
    inherited = [...inherited, own.slice(start, i)];
    start = i;
  }
  sections.push({ id, inherited, borrowed, own: own.slice(start) });
  return sections;
}

/**
 * Where `own` starts a new derivation (indices), given the statements it sees before it; `check` and the grader
 * split there alike. A name defined again in new terms starts it, and so do the setup lines just before that
 * introduce names the derivation before does not use (`h_1 = X W_1 + b_1` before the new `L = ... a_2`):
 * they are the new derivation's setup, not the end of the old one.
 */
export function derivationStarts(before: readonly Statement[], own: readonly Statement[]): number[] {
  const starts: number[] = [];
  let start = 0;
  for (const at of redefinitionBreaks(before, own)) {
    let cut = at;
    const defined: string[] = [];
    for (let k = at - 1; k > start && isSetupLine(own[k]); k--) {
      defined.push(...definedBy(own[k]));
      if (!usedIn(defined, own.slice(start, k))) cut = k;
    }
    starts.push(cut);
    start = cut;
  }
  return starts;
}

/** Declarations and definitions of a single name: what a later part may rely on. */
export function isSetupLine(st: Statement): boolean {
  return st.kind === 'decl' || st.kind === 'function-decl' || st.kind === 'index-decl' || (st.kind === 'equation' && st.lhs.expr.kind === 'name' && st.rhs.length > 0);
}

function definedBy(st: Statement): string[] {
  if (st.kind === 'decl' || st.kind === 'index-decl') return st.names.map((n) => n.name);
  if (st.kind === 'function-decl') return st.heads.map((h) => h.name.name);
  if (st.kind === 'equation' && st.lhs.expr.kind === 'name') return [st.lhs.expr.name];
  return [];
}

function usedIn(names: readonly string[], statements: readonly Statement[]): boolean {
  const wanted = new Set(names);
  return statements.some((st) => [...statementNames(st)].some((n) => wanted.has(n)));
}

/** Every name a statement writes (declared, defined, or used in its expressions). */
export function statementNames(st: Statement): Set<string> {
  const names = new Set<string>(definedBy(st));
  if (st.kind === 'equation') for (const step of [st.lhs, ...st.rhs]) walkNames(step.expr, (n) => names.add(n));
  return names;
}

/** Where a name is defined again in new terms (indices of `own`). */
function redefinitionBreaks(before: readonly Statement[], own: readonly Statement[]): number[] {
  const definitions = new Map<string, Expr>();
  const define = (st: Statement): void => {
    if (st.kind === 'equation' && st.lhs.expr.kind === 'name' && st.rhs.length && !definitions.has(st.lhs.expr.name)) definitions.set(st.lhs.expr.name, st.rhs[0].expr);
  };
  before.forEach(define);
  const breaks: number[] = [];
  own.forEach((st, i) => {
    const redefined = redefinedInNewTerms(st, definitions) ?? definedAgainInProse(st, definitions);
    if (i > (breaks[breaks.length - 1] ?? 0) && redefined !== undefined) {
      breaks.push(i);
      definitions.delete(redefined);
    }
    define(st);
  });
  return breaks;
}

/** L, for `L = expr` with L defined before and expr using a name (not L) that L's definition does not reach. */
function redefinedInNewTerms(st: Statement, definitions: ReadonlyMap<string, Expr>): string | undefined {
  if (st.kind !== 'equation' || st.lhs.expr.kind !== 'name' || st.rhs.length === 0) return undefined;
  const name = st.lhs.expr.name;
  const old = definitions.get(name);
  if (!old) return undefined;
  const reach = namesReached(old, (n) => definitions.get(n));
  let fresh = false;
  walkNames(st.rhs[0].expr, (n) => {
    if (n !== name && !reach.has(n)) fresh = true;
  });
  return fresh && !mentions(st.rhs[0].expr, name) ? name : undefined;
}

/** z, for `Now let $z = x^3$` (latex/definingProse.ts) with z defined before by another formula. */
function definedAgainInProse(st: Statement, definitions: ReadonlyMap<string, Expr>): string | undefined {
  if (st.kind !== 'equation' || !st.defines || st.lhs.expr.kind !== 'name' || numberOf(st.rhs[0].expr) !== undefined) return undefined;
  const old = definitions.get(st.lhs.expr.name);
  return old && numberOf(old) === undefined && printExpr(old) !== printExpr(st.rhs[0].expr) ? st.lhs.expr.name : undefined;
}

/** Names defined by a formula (not a bare number) in these statements. */
function formulaNames(statements: readonly Statement[]): Set<string> {
  const names = new Set<string>();
  for (const st of statements) if (st.kind === 'equation' && st.lhs.expr.kind === 'name' && st.rhs.length && numberOf(st.rhs[0].expr) === undefined) names.add(st.lhs.expr.name);
  return names;
}

/** The header of the function a line defines (`f(x, y) = ...`), if it defines one. */
function functionHeader(st: Statement): Extract<Expr, { kind: 'call' }> | undefined {
  return st.kind === 'equation' && st.lhs.expr.kind === 'call' && st.rhs.length > 0 ? st.lhs.expr : undefined;
}

/** The names the functions `statements` define take as parameters (`f(x, y) = ...` takes x and y). */
function functionParameters(statements: readonly Statement[]): Set<string> {
  const names = new Set<string>();
  for (const st of statements) for (const arg of functionHeader(st)?.args ?? []) if (arg.kind === 'name') names.add(arg.name);
  return names;
}

/** The name a line defines by a formula, or gives a value written in numbers (`x_1 = 0.05`, `x = [1, 0]^T`). */
function setupNames(st: Statement): { formulas: string[]; values: string[] } {
  if (st.kind !== 'equation' || st.lhs.expr.kind !== 'name' || st.rhs.length === 0) return { formulas: [], values: [] };
  const name = st.lhs.expr.name;
  if (!isWrittenValue(st.rhs[0].expr)) return { formulas: [name], values: [] };
  return { formulas: [], values: st.rhs.length === 1 ? [name] : [] };
}

/**
 * Values a document states (SPEC 4.1, 1.7): `x_1 = 1` for a name no formula defines is the question's `at`
 * point; `s_1 = 0.9` for a name a formula defines is a stated, rounded value (`at s1 ~ 0.9`) and, after the
 * formula, a claim about its value too.
 */
function statedValues(statements: readonly Statement[], formulas: ReadonlySet<string>, formulasBefore: ReadonlySet<string>): Statement[] {
  const before = new Set(formulasBefore);
  // Of a function the question defines (`f = 0.73`, `f = \sigma(1) = 0.73` beside `f(w, x) = ...`), a value is a claim.
  const functions = new Set(statements.flatMap((st) => functionHeader(st)?.callee ?? []));
  return statements.flatMap((st): Statement[] => {
    if (st.kind !== 'equation' || st.lhs.expr.kind !== 'name' || st.rhs.length === 0) return [st];
    const name = st.lhs.expr;
    const value = numberOf(st.rhs[0].expr);
    if (value === undefined) {
      before.add(name.name);
      // `z = w x + b = 0.5 + 0 = 0.5`: the formula, then its stated value.
      const last = st.rhs[st.rhs.length - 1];
      const stated = st.rhs.length > 1 && !functions.has(name.name) ? numberOf(last.expr) : undefined;
      return stated === undefined ? [st] : [st, { kind: 'at', bindings: [{ name: name.name, text: name.text, value: stated, rounded: true, span: last.span }], span: last.span }];
    }
    if (functions.has(name.name)) return [st];
    const rounded = formulas.has(name.name);
    const at: Statement = { kind: 'at', bindings: [{ name: name.name, text: name.text, value, rounded, span: st.span }], span: st.span };
    return rounded && before.has(name.name) ? [at, st] : [at];
  });
}

/** What another question lends of a statement: a formula without the values stated after it; nothing of a value. */
function formulaOnly(st: Statement): Statement[] {
  if (st.kind === 'at') return [];
  if (st.kind !== 'equation' || numberOf(st.rhs[st.rhs.length - 1]?.expr ?? st.lhs.expr) === undefined) return [st];
  return st.lhs.expr.kind === 'name' && st.rhs.length > 1 && numberOf(st.rhs[0].expr) === undefined ? [{ ...st, rhs: [st.rhs[0]] }] : [];
}

/** The value of a number as written (`2`, `-0.09`). */
function numberOf(e: Expr): number | undefined {
  if (e.kind === 'number') return e.value;
  if (e.kind === 'neg' && e.arg.kind === 'number') return -e.arg.value;
  return undefined;
}

/** A claim of a question without a label of its own is labelled with the question's. */
function labelled(st: Statement, q: Question): Statement {
  return st.kind === 'equation' && st.label === undefined ? { ...st, label: q.label } : st;
}
