// The student's names matched to the problem's (docs/grading.md, "Notation"): a name the problem does not
// have is read as one of its names when the name's shape says so (case and font: `w_1`, `\mathbf{W}_1` for
// W1; `W^1` for W1), when it is a common name for the problem's output (`\hat{y}`, `p`, `o` for the defined
// name the loss is computed from); `W^1` is W1 when the problem has no W. A name the student defines by the
// same formula as a problem name is reported as that name (it works as the student's helper anyway), and read
// as it where the student differentiates by it.
// A name that could be two of the problem's names is left alone and reported as ambiguous: the ask that
// uses it needs a human look. The instructor's `alias` lines win (a name they alias is never mapped).
import type { Expr, Reading, Span, Statement } from '../syntax/ast';
import { extendScope, type Scope } from '../resolve/scope';
import { walkNames } from '../resolve/names';
import { findInExpr, rewriteExpr } from '../syntax/walk';
import { printExpr } from '../syntax/print';
import { subscriptsOf } from '../resolve/indexNotation';
import { isScalarShape } from '../ir/types';
import { normalizeName } from '../syntax/names';
import { columnOfRow, entryName, rowOfMatrix } from './rowNames';
import { arrayEntry, layerEntryOf } from './layerEntries';
import { nameWithParameter } from './parameterSubscripts';

export interface NameMapping {
  /** The student's name (normalised) and the problem's name it is read as. */
  from: string;
  to: string;
  why: string;
  /** `W^1` for W1: the name raised to this layer number is the problem's name. */
  exponent?: number;
  /** The student defines the name by the problem's formula: it works as their helper, and is only reported. */
  helper?: true;
  /** `u_k` for row k of the problem's `Uk` (rowNames.ts): read as that entry of the matrix, not as the matrix. */
  row?: string;
  /** `w_{jk}^{L}` for entry (j, k) of the problem's W2 (layerEntries.ts): read as that entry of the array. */
  entry?: string[];
  /** `\partial CE` read as C·E: these letters side by side are the problem's name (`from` is them joined by spaces). */
  letters?: string[];
  /** `w_1`, `E_{total}`, the student's copy of a formula: the problem's name itself (a reading that is no slip, syntax/ast.ts). */
  forced?: true;
}

export interface Ambiguity {
  name: string;
  span: Span;
  candidates: string[];
}

export interface NotationMap {
  mappings: NameMapping[];
  ambiguous: Ambiguity[];
}

/** Common names for a model's output (the name its loss is computed from). */
const OUTPUT_NAMES = new Set(['yhat', 'haty', 'p', 'o', 'out', 'output', 'pred', 'ypred', 'prediction']);

/** The problem's names a submission may mean: declared, defined, dimensions, functions, point names. */
export function problemNames(scope: Scope): Set<string> {
  return new Set([...scope.declarations.keys(), ...scope.definitions.keys(), ...scope.dims, ...scope.functions.keys(), ...scope.abstractFunctions.keys(), ...scope.pointNames, ...scope.aliases.keys()]);
}

/** How a name is written, whatever its case and font: `w1`, `W1` and `W_{1}` share it. */
function shapeKey(name: string): string {
  return name.toLowerCase();
}

export function mapNotation(statements: readonly Statement[], problem: Scope, lossNames: readonly string[]): NotationMap {
  const known = problemNames(problem);
  const own = definedNames(statements);
  const written = namesWritten(statements);
  const variables = variablesOfDerivatives(statements);
  const byKey = new Map<string, string[]>();
  // Declared names, and defined names of more than one letter: an index `l` beside a loss `L` is no slip.
  for (const n of [...problem.declarations.keys(), ...[...problem.definitions.keys()].filter((d) => d.length > 1)]) byKey.set(shapeKey(n), [...(byKey.get(shapeKey(n)) ?? []), n]);
  const outputs = outputNames(problem, lossNames);
  const layers = layerCount(byKey);
  const mappings: NameMapping[] = [];
  const ambiguous: Ambiguity[] = [];
  // In a problem of scalars only, `x_i` and `\ell_i` (one sample) are its x and l: an index has nothing to pick.
  // (A written-out vector, `o = [2, 3, 4]`, is no scalar: `o_k` is its entry there.)
  const allScalar = problem.dims.size === 0 && [...problem.declarations.values()].every((d) => isScalarShape(d.shape)) && ![...problem.definitions.values()].some((d) => findInExpr(d.expr, (x) => x.kind === 'matrix'));
  const scalars = allScalar ? scalarNames(problem, known) : undefined;
  for (const [name, { span }] of written) {
    if (known.has(name)) continue;
    // Even defined by the student (`E_{total} = ...`): their definition is then a restatement, checked as one.
    const described = describedName(written.get(name)!.text, known, own);
    if (described) {
      mappings.push({ from: name, to: described, forced: true, why: `the problem's ${described}, with a word for a subscript` });
      continue;
    }
    const parametrised = own.has(name) ? undefined : nameWithParameter(written.get(name)!.text, problem);
    if (parametrised) {
      mappings.push({ from: name, to: parametrised, forced: true, why: `the problem's ${parametrised}, written with a parameter it is computed from as a subscript` });
      continue;
    }
    // `\ell_i = (f_3 - y_i)^2` in a problem of scalars is its l written for one sample, even defined by the student
    // (the definition is then a restatement, checked as one), unless they define the plain name too.
    const sample = scalars && sampleOf(written.get(name)!.text, scalars);
    if (sample && !own.has(sample.base) && !own.has(sample.to)) {
      mappings.push({ from: name, to: sample.to, why: `the problem's scalar ${sample.to}, written for one sample` });
      continue;
    }
    // `w_{jk}^{L}`, `a_j^L`: an entry of the problem's layer array, even defined by the student (`a_j^L = \sigma(z_j^L)`
    // then restates the entries of a2, checked as a claim).
    const entry = layers > 0 ? layerEntryOf(written.get(name)!.text, known) : undefined;
    const entryOf = entry && layerName(entry.base, layers - entry.fromLast, byKey, problem);
    if (entry && entryOf) {
      mappings.push({ from: name, to: entryOf, entry: entry.indices, why: `entry ${entry.indices.join(', ')} of the problem's ${entryOf}, its layer counted from the last, L = ${layers}` });
      continue;
    }
    // A name the student declares or defines is their own: mapped only when defined by a problem name's formula.
    if (own.has(name)) {
      const same = sameFormula(own.get(name), problem);
      // Differentiated by (`\partial E / \partial \hat{y1}`), it must be the problem's name: the problem's
      // function reaches that name, not the student's copy of its formula.
      if (same.length === 1) mappings.push({ from: name, to: same[0], forced: true, why: `defined by the formula of the problem's ${same[0]}`, ...(variables.has(name) ? {} : { helper: true as const }) });
      continue;
    }
    const row = rowOfMatrix(written.get(name)!.text, problem, known);
    if (row) {
      mappings.push({ from: name, to: row.array, row: row.index, why: `row ${row.index} of the problem's ${row.array}, the vectors it stacks` });
      continue;
    }
    const layer = lastLayerName(name, layers, byKey, problem);
    if (layer) {
      mappings.push({ from: name, to: layer, why: `the problem's ${layer}, its layer counted from the last, L = ${layers}` });
      continue;
    }
    const byShape = byKey.get(shapeKey(name)) ?? [];
    const candidates = byShape.length ? byShape : OUTPUT_NAMES.has(shapeKey(name)) ? outputs : [];
    if (candidates.length === 1 && byShape.length) mappings.push({ from: name, to: candidates[0], forced: true, why: `the problem's ${candidates[0]}, written in another case or font` });
    else if (candidates.length === 1) mappings.push({ from: name, to: candidates[0], why: `a common name for the output ${candidates[0]}` });
    else if (candidates.length > 1) ambiguous.push({ name, span, candidates });
  }
  // `h_\theta(x^{(i)})` for the problem's h computed from theta: its callees are names too (`h_\theta` is no function of the student's).
  for (const [name, { text }] of calleesWritten(statements)) {
    if (known.has(name) || own.has(name) || mappings.some((m) => m.from === name)) continue;
    const to = nameWithParameter(text, problem);
    if (to) mappings.push({ from: name, to, forced: true, why: `the problem's ${to}, written with a parameter it is computed from as a subscript` });
  }
  // `W^1`, `W^2` for the layers W1, W2 (a name the problem lacks raised to a number is no power).
  for (const [key, { base, exponent }] of layerPowers(statements)) {
    const to = known.has(base) || own.has(base) ? [] : byKey.get(shapeKey(`${base}${exponent}`)) ?? [];
    if (to.length === 1 && !mappings.some((m) => `${m.from}^${m.exponent}` === key)) mappings.push({ from: base, to: to[0], exponent, why: `the problem's ${to[0]}, its layer written as a superscript` });
  }
  // `\partial CE`, read as C times E: single letters side by side that spell a name of the problem, none
  // of them a quantity of the problem or the student (a dimension C beside an unknown E is no formula).
  for (const letters of juxtaposedNames(statements)) {
    const to = letters.join('');
    const quantity = (n: string) => (known.has(n) && !problem.dims.has(n)) || own.has(n);
    if (to.length > 1 && known.has(to) && !letters.some(quantity) && !mappings.some((m) => m.to === to && m.letters)) {
      mappings.push({ from: letters.join(' '), to, letters, why: `the problem's ${to}, its letters read apart as a product` });
    }
  }
  return { mappings, ambiguous };
}

/** By problem: the same for every submission (a problem's scope is never modified, only extended). */
const scalarNamesOf = new WeakMap<Scope, ReadonlySet<string>>();

/** The names of a problem of scalars: its own, and every name its definitions use. */
function scalarNames(problem: Scope, known: ReadonlySet<string>): ReadonlySet<string> {
  let names = scalarNamesOf.get(problem);
  if (!names) {
    const all = new Set(known);
    for (const d of problem.definitions.values()) walkNames(d.expr, (n) => all.add(n));
    scalarNamesOf.set(problem, (names = all));
  }
  return names;
}

/** The names of a product written side by side (`C E`), or undefined when it is anything else. */
function juxtaposedFactors(e: Expr): string[] | undefined {
  if (e.kind === 'name') return [e.name];
  if (e.kind !== 'binary' || e.op !== 'mul' || e.style !== 'juxt') return undefined;
  const left = juxtaposedFactors(e.left);
  const right = juxtaposedFactors(e.right);
  return left && right ? [...left, ...right] : undefined;
}

/** Every product of names written side by side in the statements. */
function juxtaposedNames(statements: readonly Statement[]): string[][] {
  const out: string[][] = [];
  for (const st of statements) {
    if (st.kind !== 'equation') continue;
    for (const step of [st.lhs, ...st.rhs]) {
      findInExpr(step.expr, (x) => {
        const factors = x.kind === 'binary' ? juxtaposedFactors(x) : undefined;
        if (factors && factors.every((n) => n.length === 1)) out.push(factors);
        return false;
      });
    }
  }
  return out;
}

/** `x_i`, `\ell_{n}`: the problem's name (ℓ is l) with one letter as a subscript, as written and as the problem's. */
function sampleOf(text: string, known: ReadonlySet<string>): { base: string; to: string } | undefined {
  const s = subscriptsOf(text);
  if (!s || s.indices.length !== 1 || !/^[a-z]$/.test(s.indices[0])) return undefined;
  const to = s.base === 'ell' ? 'l' : s.base;
  return known.has(to) ? { base: normalizeName(s.base), to } : undefined;
}

/**
 * `E_{total}`, `L_{\text{train}}`: a name of the problem with a word of three or more letters for a subscript
 * (a description, not indices like `ijk`) is that name, when the student does not define the name itself (beside their
 * own `E = ...`, an E_{total} would be another quantity).
 */
function describedName(text: string, known: ReadonlySet<string>, own: ReadonlyMap<string, unknown>): string | undefined {
  const m = /^\\?([A-Za-z]+)_\{?(?:\\(?:text|mathrm|rm)\{)?([A-Za-z]{3,})\}?\}?$/.exec(text);
  if (!m) return undefined;
  // `T_{ijk}`: letters i to n only are indices of an entry, not a word.
  if (/^[i-n]+$/.test(m[2])) return undefined;
  const base = normalizeName(m[1]);
  return known.has(base) && !known.has(normalizeName(m[2])) && !own.has(base) ? base : undefined;
}

/** The number of layers: the largest layer number of the problem's names (2 for W1, b1, W2, b2). */
function layerCount(byKey: ReadonlyMap<string, string[]>): number {
  let most = 0;
  for (const names of byKey.values()) for (const n of names) most = Math.max(most, Number(/^[A-Za-z]+(\d+)$/.exec(n)?.[1] ?? 0));
  return most;
}

/**
 * `W^L`, `a^{L-1}` (read as WL, aLm1): layers counted from the last, L the number of layers, for the
 * problem's W2 and a1 when it has two; undefined when the problem has no such name (`a^{L-2}` for a0).
 */
function lastLayerName(name: string, layers: number, byKey: ReadonlyMap<string, string[]>, problem: Scope): string | undefined {
  const m = /^([A-Za-z]+?)L(?:m(\d))?$/.exec(name);
  return m && layers > 0 ? layerName(m[1], layers - Number(m[2] ?? 0), byKey, problem) : undefined;
}

/** The problem's name of `base` at a layer (`a` at 1: a1), or the dimension (`n` at 2: n2, the size of layer 2). */
function layerName(base: string, layer: number, byKey: ReadonlyMap<string, string[]>, problem: Scope): string | undefined {
  const to = byKey.get(shapeKey(`${base}${layer}`)) ?? [];
  if (to.length === 1) return to[0];
  if (to.length === 0 && problem.dims.has(`${base}${layer}`)) return `${base}${layer}`;
  // `a^{L-2}` with L = 2: the activations of layer 0 are the network's input.
  return layer === 0 && to.length === 0 && byKey.has(shapeKey(`${base}1`)) ? inputOf(problem) : undefined;
}

/** The input of a network: the one declared name the first layer's weights multiply (x in z1 = W1 x + b1). */
function inputOf(problem: Scope): string | undefined {
  const inputs = new Set<string>();
  for (const d of problem.definitions.values()) {
    findInExpr(d.expr, (x) => {
      if (x.kind === 'binary' && x.op === 'mul' && x.left.kind === 'name' && /1$/.test(x.left.name) && problem.declarations.has(x.left.name)) {
        if (x.right.kind === 'name' && problem.declarations.has(x.right.name) && !/\d$/.test(x.right.name)) inputs.add(x.right.name);
      }
      return false;
    });
  }
  return inputs.size === 1 ? [...inputs][0] : undefined;
}

/** `name^n` for a whole number n, as written in the statements. */
function layerPowers(statements: readonly Statement[]): Map<string, { base: string; exponent: number }> {
  const out = new Map<string, { base: string; exponent: number }>();
  for (const st of statements) {
    if (st.kind !== 'equation') continue;
    for (const step of [st.lhs, ...st.rhs]) {
      findInExpr(step.expr, (x) => {
        const n = x.kind === 'power' && x.exponent.kind === 'number' ? x.exponent.value : undefined;
        if (x.kind === 'power' && x.base.kind === 'name' && n !== undefined && Number.isInteger(n) && n > 0) out.set(`${x.base.name}^${n}`, { base: x.base.name, exponent: n });
        return false;
      });
    }
  }
  return out;
}

/** The statements with every mapped name replaced by the problem's, each replacement a reading on its line. */
export function applyNotation(statements: readonly Statement[], map: NotationMap): Statement[] {
  const renames = map.mappings.filter((m) => !m.helper);
  if (renames.length === 0) return [...statements];
  const to = new Map(renames.filter((m) => m.exponent === undefined).map((m) => [m.from, m]));
  const spelled = new Map(renames.filter((m) => m.letters).map((m) => [m.from, m]));
  const layers = new Map(renames.filter((m) => m.exponent !== undefined).map((m) => [`${m.from}^${m.exponent}`, m]));
  const rows = new Map(renames.filter((m) => m.row).map((m) => [m.from, m]));
  return statements.map((st) => {
    if (st.kind !== 'equation') return st;
    const readings: Reading[] = [...(st.readings ?? [])];
    const rename = (e: Expr): Expr =>
      rewriteExpr(e, (x) => {
        // `∂J/∂u_k`: the variable is the row itself (its orientation is the layout's), only its uses are columns.
        const rowVariable = x.kind === 'deriv' && x.wrt.length === 1 && x.wrt[0].kind === 'name' ? rows.get(x.wrt[0].name) : undefined;
        if (rowVariable && x.kind === 'deriv' && x.wrt[0].kind === 'name') {
          const wrt = x.wrt[0];
          readings.push({ span: wrt.span, written: wrt.text, readAs: `${rowVariable.to}_${rowVariable.row}`, why: `${wrt.text} read as ${rowVariable.why}` });
          return { ...x, of: rename(x.of), wrt: [entryName(wrt, rowVariable.to, rowVariable.row!)] };
        }
        if (x.kind === 'power' && x.base.kind === 'name' && x.exponent.kind === 'number') {
          const layer = layers.get(`${x.base.name}^${x.exponent.value}`);
          if (!layer) return undefined;
          const written = `${x.base.text}^${x.exponent.text}`;
          readings.push({ span: x.span, written, readAs: layer.to, why: `${written} read as ${layer.to}: ${layer.why}` });
          return { kind: 'name', name: layer.to, text: written, span: x.span };
        }
        const letters = x.kind === 'binary' ? spelled.get(juxtaposedFactors(x)?.join(' ') ?? '') : undefined;
        if (letters) {
          const written = printExpr(x);
          readings.push({ span: x.span, written, readAs: letters.to, why: `${written} read as ${letters.to}: ${letters.why}` });
          return { kind: 'name', name: letters.to, text: written, span: x.span };
        }
        // `a_j^L(1 - a_j^L)`, read as a call of the entry: the product lowering makes of an indexed name and a bracket.
        const called = x.kind === 'call' && x.prime === 0 ? to.get(x.callee) : undefined;
        if (called?.entry && x.kind === 'call') {
          const head = arrayEntry({ kind: 'name', name: x.callee, text: x.calleeText, span: x.span }, called.to, called.entry);
          readings.push({ span: x.span, written: x.calleeText, readAs: head.text, why: `${x.calleeText} read as ${called.why}` });
          return { ...x, callee: head.name, calleeText: head.text, args: x.args.map(rename) };
        }
        // `h_\theta(x^{(i)})`: the problem's h called at a sample (function notation, docs/latex.md).
        if (called && !called.row && x.kind === 'call') {
          readings.push({ span: x.span, written: x.calleeText, readAs: called.to, why: `${x.calleeText} read as ${called.to}: ${called.why}`, ...(called.forced && { forced: true as const }) });
          return { ...x, callee: called.to, args: x.args.map(rename) };
        }
        const m = x.kind === 'name' ? to.get(x.name) : undefined;
        if (!m || x.kind !== 'name') return undefined;
        if (m.entry) {
          readings.push({ span: x.span, written: x.text, readAs: `${m.to}_{${m.entry.join(',')}}`, why: `${x.text} read as ${m.why}` });
          return arrayEntry(x, m.to, m.entry);
        }
        if (m.row) {
          readings.push({ span: x.span, written: x.text, readAs: `${m.to}_${m.row}`, why: `${x.text} read as ${m.why}` });
          return columnOfRow(x, m.to, m.row);
        }
        readings.push({ span: x.span, written: x.text, readAs: m.to, why: `${x.text} read as ${m.to}: ${m.why}`, ...(m.forced && { forced: true as const }) });
        return { ...x, name: m.to };
      });
    const lhs = { ...st.lhs, expr: rename(st.lhs.expr) };
    const rhs = st.rhs.map((s) => ({ ...s, expr: rename(s.expr) }));
    return readings.length === (st.readings?.length ?? 0) ? st : { ...st, lhs, rhs, readings };
  });
}

/** Names the statements define (`name = formula`), with the formula; declared names count as defined too. */
function definedNames(statements: readonly Statement[]): Map<string, Expr | undefined> {
  const out = new Map<string, Expr | undefined>();
  for (const st of statements) {
    // Prose's kind of array (`the vectors $u_k$`) states no shape to keep a name from the problem's.
    if (st.kind === 'decl' && !st.kindOnly) for (const n of st.names) if (!out.has(n.name)) out.set(n.name, undefined);
    if (st.kind === 'equation' && st.lhs.expr.kind === 'name' && st.rhs.length && !out.has(st.lhs.expr.name)) out.set(st.lhs.expr.name, st.rhs[0].expr);
  }
  return out;
}

/** The names the statements differentiate by (`x` of `\frac{\partial f}{\partial x}`). */
function variablesOfDerivatives(statements: readonly Statement[]): Set<string> {
  const out = new Set<string>();
  for (const st of statements) {
    if (st.kind !== 'equation') continue;
    for (const step of [st.lhs, ...st.rhs]) {
      findInExpr(step.expr, (x) => {
        if (x.kind === 'deriv') for (const w of x.wrt) if (w.kind === 'name') out.add(w.name);
        return false;
      });
    }
  }
  return out;
}

/** Every name written in the statements, with the place it is first written and how. */
function namesWritten(statements: readonly Statement[]): Map<string, { span: Span; text: string }> {
  const out = new Map<string, { span: Span; text: string }>();
  for (const st of statements) {
    if (st.kind === 'decl' && !st.kindOnly) for (const n of st.names) if (!out.has(n.name)) out.set(n.name, n);
    if (st.kind !== 'equation') continue;
    for (const step of [st.lhs, ...st.rhs]) {
      findInExpr(step.expr, (x) => {
        if (x.kind === 'name' && !out.has(x.name)) out.set(x.name, x);
        return false;
      });
    }
  }
  return out;
}

/** The functions the statements call but do not define (`h_\theta` of `h_\theta(x^{(i)})`), with how each is written. */
function calleesWritten(statements: readonly Statement[]): Map<string, { text: string }> {
  const out = new Map<string, { text: string }>();
  const defined = new Set<string>();
  for (const st of statements) {
    if (st.kind !== 'equation') continue;
    if (st.lhs.expr.kind === 'call') defined.add(st.lhs.expr.callee);
    for (const step of [st.lhs, ...st.rhs]) {
      findInExpr(step.expr, (x) => {
        if (x.kind === 'call' && !out.has(x.callee)) out.set(x.callee, { text: x.calleeText });
        return false;
      });
    }
  }
  for (const name of defined) out.delete(name);
  return out;
}

/** The defined names a loss is computed from directly (`a2` for L = -y log(a2) - ...): the model's output. */
function outputNames(problem: Scope, lossNames: readonly string[]): string[] {
  const outs = new Set<string>();
  for (const loss of lossNames) {
    const def = problem.definitions.get(loss);
    if (def) walkNames(def.expr, (n) => problem.definitions.has(n) && n !== loss && outs.add(n));
  }
  return [...outs];
}

/** The problem's defined names whose formula the student's formula restates, written the same way. */
function sameFormula(formula: Expr | undefined, problem: Scope): string[] {
  if (!formula) return [];
  const text = printExpr(formula);
  return [...problem.definitions].filter(([, d]) => printExpr(d.expr) === text).map(([name]) => name);
}

/** The problem's scope with each mapped name an alias of the problem's (as an instructor's `alias` line would be). */
export function withMappedNames(problem: Scope, map: NotationMap): Scope {
  const names = map.mappings.filter((m) => !m.helper && m.exponent === undefined && !m.letters && !m.row && !m.entry);
  if (names.length === 0) return problem;
  const scope = extendScope(problem);
  for (const m of names) scope.aliases.set(m.from, { kind: 'name', name: m.to, text: m.to, span: { line: 1, column: 1, endLine: 1, endColumn: 1 } });
  return scope;
}
