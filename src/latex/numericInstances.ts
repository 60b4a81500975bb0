// Numeric instances of a network's formulas: worked examples write the forward pass with the values of
// the step before put in, `z_1 = w_1 x + b_1 = 0.5`, then `a_1 = \sigma(0.5) \approx 0.6225` and `L = (0 -
// 0.4694)^2`. Read literally, a_1 is a constant and every derivative through it is 0, so no line of the
// backward pass can be checked. A person reads σ(0.5) as σ(z₁) at z₁ = 0.5. So in a name's first definition,
// a decimal the document states as the value of exactly one name defined by a formula (in what the
// question sees: its own lines and those it builds on) is read as that name, with a `reading` note. Only where a value
// stands for a quantity: a function's argument, a term of a sum or difference, a power's base, a matrix
// entry; a decimal factor (`0.5 x`) is a coefficient and stays a number. Integers always stay numbers.
import { warning, type Diagnostic } from '../diagnostics';
import type { Expr, Question, Statement } from '../syntax/ast';
import { findInExpr } from '../syntax/walk';
import { visibleFrom } from '../syntax/questions';

/**
 * `\hat{y} = a^{(2)} = \sigma(z^{(2)})`: a name's first definition naming another name its section has not
 * defined, then a formula, defines both: a⁽²⁾ by the formula and ŷ as a⁽²⁾ (read literally, a⁽²⁾ would be an
 * unknown and ŷ = σ(z⁽²⁾) a claim about it). `origin[i]` is the input statement the output's `i` comes from.
 */
/**
 * `\hat{y} = a^{(2)} = \sigma(z^{(2)})`: a name's first definition naming another name its question has not
 * defined, then a formula, defines both: a⁽²⁾ by the formula and ŷ as a⁽²⁾ (read literally, a⁽²⁾ would be an
 * unknown and ŷ = σ(z⁽²⁾) a claim about it). `origin[i]` is the input statement the output's `i` comes from.
 */
export function splitNameChains(statements: Statement[], questionOf: readonly (number | undefined)[], questions: readonly Question[]): { statements: Statement[]; origin: number[] } {
  const defined = new Sections<string>(questions);
  const origin: number[] = [];
  const out = statements.flatMap((st, i): Statement[] => {
    origin.push(i);
    if (st.kind !== 'equation' || st.lhs.expr.kind !== 'name') return [st];
    const q = questionOf[i];
    const known = new Set(defined.seenFrom(q));
    const [alias, formula] = st.rhs;
    const split =
      !known.has(st.lhs.expr.name) && alias?.expr.kind === 'name' && alias.expr.name !== st.lhs.expr.name && !known.has(alias.expr.name) && formula !== undefined && isFormula(formula.expr);
    defined.add(q, st.lhs.expr.name);
    if (!split) return [st];
    defined.add(q, (alias.expr as Extract<Expr, { kind: 'name' }>).name);
    origin.push(i);
    return [
      { ...st, lhs: alias, rhs: st.rhs.slice(1), span: { ...st.span, line: alias.span.line, column: alias.span.column } },
      { ...st, rhs: [alias] },
    ];
  });
  return { statements: out, origin };
}

/** What each question records (names defined, values stated), and what a question sees of it: its own and what it builds on. */
class Sections<T> {
  private readonly entries: Array<{ question: number | undefined; item: T }> = [];
  private readonly visible = new Map<number, Set<number>>();
  constructor(private readonly questions: readonly Question[]) {}

  add(question: number | undefined, item: T): void {
    this.entries.push({ question, item });
  }

  /** The items question `q` sees, oldest first: the preamble's, its own, and those of the questions it builds on. */
  seenFrom(q: number | undefined): T[] {
    if (q !== undefined && !this.visible.has(q)) this.visible.set(q, visibleFrom(this.questions, q));
    const seen = q === undefined ? undefined : this.visible.get(q)!;
    return this.entries.filter((e) => e.question === undefined || e.question === q || seen?.has(e.question)).map((e) => e.item);
  }
}

interface StatedValue {
  name: string;
  text: string;
  value: number;
  line: number;
}

/** Decimals in first definitions read as the names whose stated values they are (file header). */
export function readNumericInstances(statements: Statement[], questionOf: readonly (number | undefined)[], questions: readonly Question[]): { statements: Statement[]; diagnostics: Diagnostic[] } {
  const defined = new Sections<string>(questions);
  const formulas = new Sections<string>(questions);
  const values = new Sections<StatedValue>(questions);
  const diagnostics: Diagnostic[] = [];
  const out = statements.map((st, i) => {
    if (st.kind !== 'equation' || st.lhs.expr.kind !== 'name' || st.rhs.length === 0) return st;
    const q = questionOf[i];
    const name = st.lhs.expr;
    let read = st;
    if (!defined.seenFrom(q).includes(name.name)) {
      // The latest value stated for each name the question sees.
      const latest = new Map(values.seenFrom(q).map((v) => [v.name, v]));
      latest.delete(name.name);
      const first = asQuantities(st.rhs[0].expr, false, [...latest.values()], diagnostics);
      read = { ...st, rhs: [{ ...st.rhs[0], expr: first }, ...st.rhs.slice(1)] };
      defined.add(q, name.name);
    }
    if (read.rhs.some((s) => hasName(s.expr))) formulas.add(q, name.name);
    const last = read.rhs[read.rhs.length - 1].expr;
    const value = decimalOf(last);
    if (value !== undefined && formulas.seenFrom(q).includes(name.name)) values.add(q, { name: name.name, text: name.text, value, line: last.span.line });
    return read;
  });
  return { statements: out, diagnostics };
}

function asQuantities(e: Expr, quantity: boolean, candidates: readonly StatedValue[], notes: Diagnostic[]): Expr {
  const value = decimalOf(e);
  if (value !== undefined) {
    const matches = quantity ? candidates.filter((c) => c.value === value) : [];
    if (matches.length !== 1) return e;
    const [m] = matches;
    notes.push(warning('reading', `read ${value} as ${m.text}, whose value line ${m.line} states: a worked example puts the values of the step before into the formula`, e.span));
    // The text stays the number as written: src/check/doubts.ts knows the reading by it.
    const written = e.kind === 'neg' && e.arg.kind === 'number' ? `-${e.arg.text}` : e.kind === 'number' ? e.text : String(value);
    return { kind: 'name', name: m.name, text: written, span: e.span };
  }
  const r = (x: Expr, q: boolean) => asQuantities(x, q, candidates, notes);
  switch (e.kind) {
    case 'call':
      return { ...e, args: e.args.map((a) => r(a, true)) };
    case 'binary': {
      const terms = e.op === 'add' || e.op === 'sub';
      return { ...e, left: r(e.left, terms), right: r(e.right, terms) };
    }
    case 'power':
      return { ...e, base: r(e.base, true) };
    case 'neg':
    case 'transpose':
    case 'entry':
      return { ...e, arg: r(e.arg, quantity) };
    case 'matrix':
      return { ...e, rows: e.rows.map((row) => row.map((x) => r(x, true))) };
    case 'pattern':
      return { ...e, entry: r(e.entry, true) };
    default:
      return e;
  }
}

/** The value of a decimal as written (`0.6225`, `-0.1225`); integers are not decimals. */
function decimalOf(e: Expr): number | undefined {
  if (e.kind === 'number') return e.text.includes('.') ? e.value : undefined;
  if (e.kind === 'neg' && e.arg.kind === 'number' && e.arg.text.includes('.')) return -e.arg.value;
  return undefined;
}

/** More than a name or a number: `\sigma(z)`, `W a + b` (a chain of bare names, `a = b = c`, defines nothing new). */
function isFormula(e: Expr): boolean {
  return e.kind !== 'name' && e.kind !== 'number' && decimalOf(e) === undefined && !(e.kind === 'neg' && e.arg.kind === 'number');
}

function hasName(e: Expr): boolean {
  return findInExpr(e, (x) => x.kind === 'name') !== undefined;
}
