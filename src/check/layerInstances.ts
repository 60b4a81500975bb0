// A line written at a symbolic layer over a numbered network (docs/latex.md, "A line at a symbolic layer"). Notes
// number their layers, `f_0 = \beta_0 + \omega_0 x`, `h_1 = \sin(f_0)`, ..., `f_3 = \beta_3 + \omega_3 h_3`, and then
// state the backward pass once for every layer: `\frac{\partial \ell}{\partial \beta_k} = \frac{\partial f_k}{\partial
// \beta_k} \frac{\partial \ell}{\partial f_k}`. Read literally, f_k and β_k are names of their own that nothing defines,
// so ℓ does not depend on β_k and the line is unjudged. A TA reads k as each layer the network numbers: the line is
// right when it is right at every one of them. So is it here: the claim is checked once per number, and the verdicts
// agree or the line stays unjudged.
import type { Expr, Step } from '../syntax/ast';
import type { Claim, Scope } from '../resolve/scope';
import { knownNames, walkNames } from '../resolve/names';
import { arrayNameOf, subscriptsOf, sumSignOf } from '../resolve/indexNotation';
import { findInExpr, rewriteExpr } from '../syntax/walk';
import type { ClaimJson, ReadingJson, StepJson } from './report';

type NameExpr = Extract<Expr, { kind: 'name' }>;

/** Layers a line is checked at, at most (a network of a few numbered layers; each is a check of the claim). */
const MAX_LAYERS = 8;

/** A claim at a symbolic layer: the letter, the numbers it stands for, and the claim at each. */
export interface LayerInstances {
  letter: string;
  numbers: string[];
  /** The names written at the letter, as first written (for the reading). */
  written: NameExpr[];
  claims: Claim[];
}

/**
 * The claim at each numbered layer, when it writes names at one letter (`f_k`, `\beta_k`) that nothing in the
 * question defines, and the question writes every one of them at two or more numbers (f_0 .. f_3 and β_0 .. β_3, in
 * its definitions or declarations); a name at the letter shifted (`a_{k-1}`) is the one before it. A letter written
 * otherwise in the claim (summed over, or beside another index as in `w_{jk}`) is not a layer here, and the claim is
 * left as it is.
 */
export function layerInstances(claim: Claim, scope: Scope): LayerInstances | undefined {
  // A claim of one case of its indices (`i \neq k`) is about entries, not layers.
  if (claim.condition) return undefined;
  const exprs = [claim.target.expr, ...claim.steps.map((s) => s.expr)];
  for (const letter of subscriptLetters(exprs)) {
    const written = namesAt(exprs, letter);
    if (written === undefined || written.length === 0) continue;
    const known = namesTheQuestionStates(scope, new Set(written.flatMap((n) => [n.name, arrayNameOf(n.name, n.text)])));
    if (known.has(letter) || written.some((n) => known.has(n.name))) continue;
    const numbers = numbersOf(written.map((n) => atLetter(n, letter)!), known);
    if (numbers.length < 2 || numbers.length > MAX_LAYERS) continue;
    const claims = numbers.map((n) => atNumber(claim, letter, n));
    return { letter, numbers, written, claims };
  }
  return undefined;
}

/**
 * The names the question gives a meaning or writes in a formula: a claim's own names say nothing of the network. A
 * formula at the letter itself (`f_k = \beta_k + \omega_k h_k`, the layers' pattern stated once, which index notation
 * may read as the entries of an array f) is no meaning of its own: the numbered formulas say the same of each layer.
 */
function namesTheQuestionStates(scope: Scope, atLetter: ReadonlySet<string>): Set<string> {
  const stated = new Set([...knownNames(scope)].filter((n) => !atLetter.has(n) || !scope.definitions.has(n)));
  for (const d of scope.definitions.values()) if (!atLetter.has(d.name)) walkNames(d.expr, (n) => stated.add(n));
  for (const f of scope.functions.values()) walkNames(f.body, (n) => stated.add(n));
  return stated;
}

/** The single letters the expressions write as a whole subscript of a name (`f_k`, `\beta_{k}`). */
function subscriptLetters(exprs: readonly Expr[]): string[] {
  const letters = new Set<string>();
  for (const e of exprs) {
    findInExpr(e, (x) => {
      const letter = x.kind === 'name' ? subscriptLetter(x) : undefined;
      if (letter) letters.add(letter);
      return false;
    });
  }
  return [...letters].sort();
}

/** `k` of `f_k` or `\beta_{k}`: a single lowercase letter that is the whole subscript, and the last letter of the name. */
function subscriptLetter(x: NameExpr): string | undefined {
  const s = subscriptsOf(x.text);
  if (!s || s.layer !== undefined || s.indices.length !== 1) return undefined;
  const [letter] = s.indices;
  return /^[a-z]$/.test(letter) && x.name.endsWith(letter) && x.name.length > 1 ? letter : undefined;
}

/** Where a name is written at the letter: its base and the shift (`f_k`: f, 0; `a_{k-1}`: a, -1). */
function atLetter(x: NameExpr, letter: string): { base: string; shift: number } | undefined {
  if (subscriptLetter(x) === letter) return { base: x.name.slice(0, -letter.length), shift: 0 };
  const shifted = new RegExp(`_\\{\\s*${letter}\\s*([+-])\\s*(\\d)\\s*\\}$`).exec(x.text);
  if (!shifted) return undefined;
  const suffix = `${letter}${shifted[1] === '+' ? 'p' : 'm'}${shifted[2]}`;
  return x.name.endsWith(suffix) ? { base: x.name.slice(0, -suffix.length), shift: Number(shifted[1] + shifted[2]) } : undefined;
}

/**
 * The names the expressions write at `letter`; undefined when the letter is written any other way than at a name or
 * alone (`x^j`, the number it stands for): as a sum's index (`\sum_k`), among other indices (`w_{jk}`) or in an index
 * expression other than a shift (`f_{2k}`).
 */
function namesAt(exprs: readonly Expr[], letter: string): NameExpr[] | undefined {
  const found: NameExpr[] = [];
  let otherwise = false;
  for (const e of exprs) {
    findInExpr(e, (x) => {
      if (x.kind === 'call' && sumSignOf(x.calleeText)?.indices.includes(letter)) otherwise = true;
      if (x.kind !== 'name') return false;
      if (atLetter(x, letter)) found.push(x);
      else if (x.name !== letter && (subscriptsOf(x.text)?.indices.includes(letter) || writesLetter(x.text, letter))) otherwise = true;
      return false;
    });
  }
  return otherwise ? undefined : found;
}

/** Whether a name's text writes the letter past its first word (`x^{(k)}`, `w_{jk}`, `f_{k+1}`; not the k of `\kappa`). */
function writesLetter(text: string, letter: string): boolean {
  return new RegExp(`(^|[^\\\\\\p{L}])${letter}($|[^\\p{L}])`, 'u').test(text.replace(/^\\?\p{L}+/u, ''));
}

/**
 * The numbers n (`0`, `1`, `12`) at which the question states every name at the letter: `f0` and `beta0` for f_k and
 * β_k, and `a0` at n = 1 for a_{k-1}.
 */
function numbersOf(at: ReadonlyArray<{ base: string; shift: number }>, known: ReadonlySet<string>): string[] {
  const numbersFor = ({ base, shift }: { base: string; shift: number }) =>
    new Set([...known].filter((n) => n.startsWith(base) && /^\d{1,2}$/.test(n.slice(base.length))).map((n) => Number(n.slice(base.length)) - shift));
  const [first, ...rest] = at.map(numbersFor);
  return [...first].filter((n) => n >= 0 && rest.every((s) => s.has(n))).sort((a, b) => a - b).map(String);
}

/** The claim with `letter` read as the number `n`: in every name written at it, and where it stands alone. */
function atNumber(claim: Claim, letter: string, n: string): Claim {
  const rename = (e: Expr): Expr =>
    rewriteExpr(e, (x) => {
      if (x.kind !== 'name') return undefined;
      if (x.name === letter) return { kind: 'number', value: Number(n), text: n, span: x.span };
      const at = atLetter(x, letter);
      if (!at) return undefined;
      const number = Number(n) + at.shift;
      return { ...x, name: `${at.base}${number}`, text: x.text.replace(/_(?:\{[^{}]*\}|[a-z])$/, `_{${number}}`) };
    });
  const step = (s: Step): Step => ({ ...s, expr: rename(s.expr) });
  return { ...claim, target: step(claim.target), steps: claim.steps.map(step) };
}

/**
 * One verdict for the line from its verdicts at each layer: a step right (or wrong, or unreadable) at every layer is so;
 * one right at some layers and not at others is unjudged, since which layers k ranges over is chainrule's reading.
 * Steps are shown as written, and the claim lists the reading; its verdict is the caller's (claim.ts).
 */
export function mergeLayerVerdicts(claim: Claim, layers: LayerInstances, checked: readonly ClaimJson[], display: (step: Step) => string): Omit<ClaimJson, 'verdict'> {
  const [first] = checked;
  const at = (i: number) => `at ${layers.letter} = ${layers.numbers[i]}`;
  const steps = first.steps.map((step, s): StepJson => {
    const each = checked.map((c) => c.steps[s]);
    const text = display(claim.steps[s]);
    if (each.every((x) => x.verdict === step.verdict)) {
      const message = step.verdict === 'correct' ? step.message : `${at(0)}: ${step.message}`;
      return { ...step, text, message };
    }
    const failing = each.findIndex((x) => x.verdict !== 'correct');
    const holds = each.map((x, i) => (x.verdict === 'correct' ? layers.numbers[i] : undefined)).filter((x) => x !== undefined);
    return {
      ...step,
      text,
      verdict: 'unjudged',
      diagnosis: null,
      message: `chainrule read ${layers.letter} as each number the question writes it at (${layers.numbers.join(', ')}); ${holds.length ? `this line holds at ${layers.letter} = ${holds.join(', ')}; ` : ''}${at(failing)}, ${each[failing].verdict === 'incorrect' ? 'it does not' : 'it is not checked'}: ${each[failing].message}`,
      hint: `write the line at the layers meant, or check it by hand ${at(failing)}`,
    };
  });
  const readings: ReadingJson[] = [...(first.readings ?? []), reading(layers)];
  return { ...first, target: display(claim.target), readings, steps };
}

function reading({ letter, numbers, written }: LayerInstances): ReadingJson {
  const [name] = written;
  const names = [...new Set(written.map((n) => n.text.trim()))].join(', ');
  return {
    line: name.span.line,
    column: name.span.column,
    written: names,
    readAs: `${letter} = ${numbers.join(', ')}`,
    why: `${names} ${written.length === 1 ? 'is' : 'are'} defined nowhere, and the question writes ${written.length === 1 ? 'it' : 'them'} at ${numbers.join(', ')}: ${letter} stands for each of them (a layer, a weight), and the line is checked at every one`,
  };
}
