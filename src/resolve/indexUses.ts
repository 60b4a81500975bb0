// Index notation as written in an expression, before any scope decides what it means: which names carry
// a subscript of letters (`y_i`, `W_{ij}`, the head of `p_i(1 - p_i)`), and which indices the summation
// signs bind with what upper bounds. Entry-by-entry definitions and the arrays a document implies
// (src/resolve/indexArrays.ts) are read from these.
import type { Expr, Statement } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';
import { isBareSumSign, sampledNameOf, subscriptsOf, sumSignOf, type SumSign, type Subscripted } from './indexNotation';

/** A written name with a subscript of letters: its normalised name and what the subscript says. */
export interface SubscriptedUse extends Subscripted {
  name: string;
  text: string;
}

/** The names written with a subscript of letters (plain names, and the heads of calls `p_i(1 - p_i)`). */
export function subscriptedNames(e: Expr): SubscriptedUse[] {
  const found: SubscriptedUse[] = [];
  findInExpr(e, (x) => {
    const [name, text] = x.kind === 'name' ? [x.name, x.text] : x.kind === 'call' ? [x.callee, x.calleeText] : [undefined, undefined];
    const s = text === undefined ? undefined : subscriptsOf(text);
    if (s && name !== undefined && !sumSignOf(text!)) found.push({ ...s, name, text: text! });
    return false;
  });
  return found;
}

/** An index list written in an expression, and the name it subscripts (none for a bracket's entry, `(BA)_{qp}`). */
export interface IndexList {
  indices: string[];
  name?: string;
}

/** The index lists written in an expression: of subscripted names, and of entries of brackets (`(BA)_{qp}`). */
function writtenIndexLists(e: Expr): IndexList[] {
  const entries: IndexList[] = [];
  findInExpr(e, (x) => {
    if (x.kind === 'entry') entries.push({ indices: x.indices });
    return false;
  });
  return [...subscriptedNames(e).map((use) => ({ indices: use.indices, name: use.name })), ...entries];
}

/** The summation signs written in an expression (`\sum_{i=1}^N` as a name or as the head of its summand). */
export function sumSigns(e: Expr): SumSign[] {
  const found: SumSign[] = [];
  findInExpr(e, (x) => {
    const text = x.kind === 'name' ? x.text : x.kind === 'call' ? x.calleeText : undefined;
    const sign = text === undefined ? undefined : sumSignOf(text);
    if (sign) found.push(sign);
    return false;
  });
  return found;
}

/** A name written with a sample superscript (`x^{(i)}`, `x_j^{(i)}`): its text without it, and the sample's index. */
export interface SampledUse {
  written: string;
  sample: string;
  expr: Expr;
}

/** Where an expression starts, as a key: a name and the call it heads (`y^{(i)}(1 - h)`) share it. */
export function startOf(e: Expr): string {
  return `${e.span.line}:${e.span.column}`;
}

/** The names written with a sample superscript `(i)` (the LaTeX front end joins it to the name), and heads of calls. */
export function sampledNames(e: Expr): SampledUse[] {
  const found: SampledUse[] = [];
  findInExpr(e, (x) => {
    const sampled = x.kind === 'name' ? sampledNameOf(x.text) : x.kind === 'call' ? sampledNameOf(x.calleeText) : undefined;
    if (sampled) found.push({ ...sampled, expr: x });
    return false;
  });
  return found;
}

/**
 * The letters an expression uses as indices: in subscripts, summation signs and sample superscripts `x^{(i)}`.
 * With `indexes`, only the subscripts it accepts count (index notation's reading: `u_{ft}`, gate f at step t, is a label).
 */
export function indicesUsed(e: Expr, indexes?: (list: IndexList) => boolean): Set<string> {
  const used = new Set<string>();
  for (const list of writtenIndexLists(e)) if (!indexes || indexes(list)) list.indices.forEach((i) => used.add(i));
  for (const s of sumSigns(e)) s.indices.forEach((i) => used.add(i));
  findInExpr(e, (x) => {
    if (x.kind === 'power' && x.exponent.kind === 'name') used.add(x.exponent.name);
    return false;
  });
  return used;
}

/**
 * The letters a question uses as labels, not indices: a derivation for "the i-th sample" writes
 * `f_0 = \beta_0 + \omega_0 x_i` with i bound by no summation sign and absent from the left side. Such a
 * question means x_i as one number throughout, so nothing written over that letter implies an array.
 */
export function sampleLabels(statements: readonly Statement[]): Set<string> {
  const labels = new Set<string>();
  for (const st of statements) if (st.kind === 'equation' && !takesMatrixEntryDerivative(st)) for (const counts of unboundUses(st)) counts.forEach((_, i) => labels.add(i));
  return labels;
}

/**
 * For each right side of an equation, how often it writes each letter that no summation sign of the line
 * and no subscript of its left side binds.
 */
function unboundUses(st: Extract<Statement, { kind: 'equation' }>): Map<string, number>[] {
  const sides = st.rhs.map((r) => r.expr);
  const all = [st.lhs.expr, ...sides];
  const bound = new Set([...subscriptedNames(st.lhs.expr).flatMap((u) => u.indices), ...boldSubscripts(st.lhs.expr), ...all.flatMap((e) => sumSigns(e).flatMap((sign) => sign.indices)), ...all.flatMap(bareSummands).flatMap(writtenIndexLists).flatMap((list) => list.indices), ...all.flatMap(patternIndices)]);
  return sides.map((side) => {
    const counts = new Map<string, number>();
    for (const { indices } of writtenIndexLists(side)) for (const i of indices) if (!bound.has(i)) counts.set(i, (counts.get(i) ?? 0) + 1);
    return counts;
  });
}

/**
 * The letters subscripting a bold name written whole in its command (`\boldsymbol{w_j}`, `\mathbf{x_i}`: the j-th
 * weight vector): on a left side they say which one the line is about, as `w_j` would.
 */
function boldSubscripts(e: Expr): string[] {
  const found: string[] = [];
  findInExpr(e, (x) => {
    const inner = x.kind === 'name' ? /^\\(?:mathbf|boldsymbol|bm|vec)\{([^{}]*_(?:\{[^{}]*\}|\p{L}))\}$/u.exec(x.text)?.[1] : undefined;
    const s = inner === undefined ? undefined : subscriptsOf(inner);
    if (s) found.push(...s.indices);
    return false;
  });
  return found;
}

/**
 * The letters a matrix written with dots binds (src/latex/ellipsisMatrices.ts): its general entry's row and
 * column, `\frac{\partial f}{\partial x_i}` read off `\frac{\partial f}{\partial x_1} \\ \vdots \\ \frac{\partial f}{\partial x_n}`.
 */
function patternIndices(e: Expr): string[] {
  const found: string[] = [];
  findInExpr(e, (x) => {
    if (x.kind === 'pattern') for (const i of [x.rowIndex, x.colIndex]) if (i !== undefined) found.push(i);
    return false;
  });
  return found;
}

/** The summands of the signs written with no subscript (`\sum (y_j - t_j)^2`): they run over the indices in them. */
function bareSummands(e: Expr): Expr[] {
  const found: Expr[] = [];
  findInExpr(e, (x) => {
    if (x.kind === 'call' && x.callee === 'sum' && x.args.length === 1 && isBareSumSign(x.calleeText)) found.push(x.args[0]);
    return false;
  });
  return found;
}

/**
 * Whether a line differentiates by a matrix's entry (`\partial X_{kl}`): it is calculus on entries, whose
 * letters are the entry's free indices or summed (Einstein's convention), never one sample's label.
 */
function takesMatrixEntryDerivative(st: Extract<Statement, { kind: 'equation' }>): boolean {
  const isEntryDerivative = (x: Expr) => x.kind === 'deriv' && x.wrt.flatMap(subscriptedNames).some((use) => use.indices.length === 2);
  return [st.lhs.expr, ...st.rhs.map((r) => r.expr)].some((e) => findInExpr(e, isEntryDerivative) !== undefined);
}

/**
 * Whether each of `indices` is written at least twice in subscripts of `e` (`y_i \log \hat{y}_i`): the
 * repeated indices Einstein's summation convention sums over.
 */
export function repeatedIndices(e: Expr, indices: readonly string[]): boolean {
  const count = new Map<string, number>();
  for (const list of writtenIndexLists(e)) for (const i of list.indices) count.set(i, (count.get(i) ?? 0) + 1);
  return indices.every((i) => (count.get(i) ?? 0) >= 2);
}

/**
 * Letters besides the usual index letters that a document question uses as indices (`\hat{y}_a`, `v_b`,
 * `h_c`, `t_d`): a single lowercase letter that subscripts the quantity or the variable of a derivative
 * (`\frac{\partial \hat{y}_a}{\partial v_b}`) and is written again as a subscript elsewhere in the same line
 * (`= \hat{y}_a \delta_{ab} - \hat{y}_a \hat{y}_b`, or the next factor of a chain). A derivative between
 * entries says which entries it relates, so its letters are indices as i and j are; a letter that names
 * something in the question stays that name (src/resolve/scope.ts `isIndexLetter`), and `e` is Euler's number.
 */
export function derivativeEntryLetters(statements: readonly Statement[]): Map<string, Expr> {
  const letters = new Map<string, Expr>();
  const labels = new Set<string>();
  for (const st of statements) {
    if (st.kind !== 'equation') continue;
    const sides = [st.lhs.expr, ...st.rhs.map((r) => r.expr)];
    const written = new Map<string, number>();
    for (const use of sides.flatMap(subscriptedNames)) for (const i of use.indices) written.set(i, (written.get(i) ?? 0) + 1);
    for (const [letter, at] of sides.flatMap(derivativeSubscripts)) if ((written.get(letter) ?? 0) >= 2 && !letters.has(letter)) letters.set(letter, at);
    singleLabels(st).forEach((l) => labels.add(l));
  }
  return new Map([...letters].filter(([l]) => !labels.has(l)));
}

/**
 * Letters a line writes once on a side, bound there by no sum and absent from its left side: a fixed choice
 * (`J = -\log y_c`, c the correct class; `L = (y - w_o h)^2`, o the output unit), not an index. Written twice
 * (`-y_i \log \hat{y}_i`, a chain `\partial v_b / \partial h_c \; \partial h_c / \partial t_d`), it is summed.
 */
function singleLabels(st: Extract<Statement, { kind: 'equation' }>): string[] {
  return unboundUses(st).flatMap((counts) => [...counts].filter(([, n]) => n === 1).map(([i]) => i));
}

/**
 * The one-letter lowercase indices written on a derivative's quantity or variable in `e` (with the derivative), where they read as
 * an entry's: on a plain (not bold) name, and on a capital one only in pairs (`W_{cd}`), since a single letter
 * on a matrix or a bold name labels a layer (`\mathbf{W}_o`, `A_h`), not an entry.
 */
function derivativeSubscripts(e: Expr): [string, Expr][] {
  const found: [string, Expr][] = [];
  findInExpr(e, (x) => {
    if (x.kind !== 'deriv') return false;
    for (const end of [x.of, ...x.wrt]) {
      for (const use of subscriptedNames(end)) {
        const letter = /^(?:\\(?:hat|tilde|bar)\{)?\\?(\p{L})/u.exec(use.base)?.[1];
        const entry = letter !== undefined && !BOLD.test(use.base) && (use.indices.length === 2 || letter === letter.toLowerCase());
        if (entry) found.push(...use.indices.filter((i) => /^[a-z]$/.test(i) && i !== 'e').map((i): [string, Expr] => [i, x]));
      }
    }
    return false;
  });
  return found;
}

const BOLD = /^\\(?:mathbf|boldsymbol|bm|vec)\b/;
