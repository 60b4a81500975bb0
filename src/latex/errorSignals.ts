// Backpropagation's error signal: textbooks and students name a derivative, `\delta^{(l)} = \frac{\partial
// L}{\partial z^{(l)}}`, and then write `\delta^{(L)} = ...` for a claim on ∂L/∂z^{(L)} and `\delta^{(l+1)}`
// inside other lines for that derivative. Read as a name, `\delta^{(2)} = ...` would be a second definition
// (no claim) and `\delta^{(2)} (a^{(1)})^T` a product with whatever the first line said δ was. So a name
// that a line defines as exactly one derivative, with the same index written on both (`\delta^{(l)}` and
// `z^{(l)}`, `\delta^l_j` and `z^l_j`), is notation: from that line on, the name and its other layers
// (`\delta^{(2)}`, `\delta^{L}`, `\delta^{(l+1)}`) are that derivative. A name defined by a
// derivative with no index on it (`g = \frac{\partial L}{\partial W}`) is left as a definition.
import { warning, type Diagnostic } from '../diagnostics';
import type { Expr, Statement, Step } from '../syntax/ast';
import { findInExpr, rewriteExpr } from '../syntax/walk';

type NameExpr = Extract<Expr, { kind: 'name' }>;

/** `\delta^{(l)} = \frac{\partial L}{\partial z^{(l)}}`: names `delta` + index mean ∂L/∂(z + index). */
interface Signal {
  /** The signal's name without its index (`delta`), and the variable's (`z`). */
  base: string;
  variableBase: string;
  /** The variable's base as written (`z`), for the texts of the derivatives made. */
  variableText: string;
  /** What is differentiated (`L`). */
  of: NameExpr;
  /** The index pattern: a generic layer (`l`, `L`) covers every layer; a number only itself. */
  index: LayerIndex;
  line: number;
}

/** An index written on a name: its layer (`2`, `l`, `L`, `lp1`, `Lm1`) and entry letters (`j` of `\delta^l_j`). */
interface LayerIndex {
  layer: string;
  entries: string;
}

const LAYER = /^(\d+|[lL](?:[pm]\d+)?)([a-z]{0,2})$/;

export interface SignalReading {
  statements: Statement[];
  /** Statements that only named a derivative (`\delta^{(l)} = \frac{\partial L}{\partial z^{(l)}}`): notation, not claims. */
  dropped: Set<number>;
  diagnostics: Diagnostic[];
}

/** The statements with every error signal read as the derivative it names (file header). */
export function readErrorSignals(statements: Statement[]): SignalReading {
  const signals: Signal[] = [];
  const dropped = new Set<number>();
  const diagnostics: Diagnostic[] = [];
  const known = namesWritten(statements);
  const out = statements.map((st, i) => {
    if (st.kind !== 'equation') return st;
    const read = signals.length > 0 ? readSignals(st, signals, known) : st;
    const signal = signalOf(st);
    if (!signal || signals.some((s) => s.base === signal.base)) return read;
    signals.push(signal);
    diagnostics.push(
      warning(
        'reading',
        signal.index === BY_VARIABLE
          ? `${st.lhs.text} names ∂${signal.of.text}/∂${subscriptText(st.lhs.text)}: from here on, ${signal.base} with a name below it is read as the derivative of ${signal.of.text} by that name`
          : `${st.lhs.text} names ${derivativeText(signal, st.lhs.expr as NameExpr)}: from here on, ${signal.base} at any layer is read as that derivative`,
        st.lhs.span,
      ),
    );
    // The line only names the derivative: notation, not a claim. With more steps it goes on to claim a value.
    if (st.rhs.length === 1) {
      dropped.add(i);
      return read;
    }
    return readSignals(st, [signal], known);
  });
  return { statements: out, dropped, diagnostics };
}

/** Every name the statements write: a signal named by its variable (`\delta_g`) stands only for names in use. */
function namesWritten(statements: readonly Statement[]): Set<string> {
  const names = new Set<string>();
  const visit = (e: Expr) => (e.kind === 'name' && names.add(e.name), false);
  for (const st of statements) {
    if (st.kind === 'decl') for (const n of st.names) names.add(n.name);
    if (st.kind === 'equation') for (const step of [st.lhs, ...st.rhs]) findInExpr(step.expr, visit);
  }
  return names;
}

/** The signal a definition names, if it is one: an indexed name defined as one derivative by a name with the same index. */
function signalOf(st: Extract<Statement, { kind: 'equation' }>): Signal | undefined {
  const lhs = st.lhs.expr;
  const d = st.rhs[0]?.expr;
  if (lhs.kind !== 'name' || d?.kind !== 'deriv' || d.form !== 'frac' || d.of.kind !== 'name' || d.wrt.length !== 1) return undefined;
  const v = d.wrt[0];
  // `\delta_g = \frac{\partial J}{\partial g}`: the subscript is the variable itself, so `\delta_{W^{(3)}}` is ∂J/∂W^{(3)}.
  if (v.kind === 'name' && lhs.name.length > v.name.length && lhs.name.endsWith(v.name) && subscriptText(lhs.text) === v.text.replace(/\s+/g, '')) {
    return { base: lhs.name.slice(0, -v.name.length), variableBase: '', variableText: '', of: d.of, index: BY_VARIABLE, line: st.span.line };
  }
  if (v.kind !== 'name' || !isIndexed(lhs.text) || !isIndexed(v.text)) return undefined;
  for (let n = Math.min(lhs.name.length, v.name.length) - 1; n >= 1; n--) {
    const suffix = lhs.name.slice(-n);
    const index = layerIndex(suffix);
    if (!index || !v.name.endsWith(suffix)) continue;
    const variableBase = v.name.slice(0, -n);
    return { base: lhs.name.slice(0, -n), variableBase, variableText: baseText(v.text, variableBase), of: d.of, index, line: st.span.line };
  }
  return undefined;
}

/** The index of a signal named by its variable (`\delta_g`): any name the document uses. */
const BY_VARIABLE: LayerIndex = { layer: '*', entries: '' };

/** `g` of `\delta_g`, `W^{(3)}` of `\delta_{W^{(3)}}`: the subscript as written, without spaces. */
function subscriptText(text: string): string | undefined {
  const m = /^[^_]+_(?:\{(.*)\}|(.))$/.exec(text.replace(/\s+/g, ''));
  return m ? (m[1] ?? m[2]) : undefined;
}

function layerIndex(suffix: string): LayerIndex | undefined {
  const m = LAYER.exec(suffix);
  return m ? { layer: m[1], entries: m[2] } : undefined;
}

/** An index was written on the name (`\delta^{(l)}`, `z^l_j`, `\delta_2`), not run into it. */
function isIndexed(text: string): boolean {
  return /[_^]/.test(text);
}

/** The name as written before its index (`z^{(l)}` → `z`), or its normalised base when the text is odd. */
function baseText(text: string, base: string): string {
  const m = /^([^_^]+)[_^]/.exec(text);
  return m ? m[1] : base;
}

/** The equation with signals read: a defined signal (`\delta^{(2)} = ...`) becomes a claim on its derivative. */
function readSignals(st: Extract<Statement, { kind: 'equation' }>, signals: readonly Signal[], known: ReadonlySet<string>): Statement {
  const read = (s: Step): Step => ({ ...s, expr: rewriteExpr(s.expr, (e) => derivativeOf(e, signals, known)) });
  const lhs = read(st.lhs);
  // `\delta^{(2)} = \frac{\partial L}{\partial z^{(2)}} = ...`: the step that restates the target says nothing.
  const rhs = st.rhs.map(read).filter((s, k) => !(k === 0 && st.rhs.length > 1 && sameDerivative(s.expr, lhs.expr)));
  return { ...st, lhs, rhs };
}

/**
 * The derivative a signal's name stands for (`delta2` → ∂L/∂z2), if `e` is one. A signal before a
 * parenthesis multiplies it, and a transpose after the parenthesis is the parenthesis's: `\delta^{(2)}
 * (a^{(1)})^T` is δ⁽²⁾ (a⁽¹⁾)ᵀ, not a call.
 */
function derivativeOf(e: Expr, signals: readonly Signal[], known: ReadonlySet<string>): Expr | undefined {
  const transposed = e.kind === 'transpose' && e.arg.kind === 'call' ? e.arg : undefined;
  const call = transposed ?? (e.kind === 'call' ? e : undefined);
  if (call && call.prime === 0 && call.args.length === 1) {
    const callee: Expr = { kind: 'name', name: call.callee, text: call.calleeText, span: call.span };
    const d = derivativeOf(callee, signals, known);
    if (!d) return undefined;
    const arg = rewriteExpr(call.args[0], (x) => derivativeOf(x, signals, known));
    const right: Expr = transposed ? { kind: 'transpose', arg, span: e.span } : arg;
    return { kind: 'binary', op: 'mul', style: 'juxt', left: d, right, span: e.span };
  }
  if (e.kind !== 'name' || !isIndexed(e.text)) return undefined;
  for (const s of signals) {
    if (!e.name.startsWith(s.base)) continue;
    if (s.index === BY_VARIABLE) {
      const written = subscriptText(e.text);
      const name = e.name.slice(s.base.length);
      if (!written || !known.has(name)) continue;
      return { kind: 'deriv', form: 'frac', of: { ...s.of, span: e.span }, wrt: [{ kind: 'name', name, text: written, span: e.span }], span: e.span };
    }
    const index = layerIndex(e.name.slice(s.base.length));
    if (!index || !covers(s.index, index)) continue;
    const name = `${s.variableBase}${e.name.slice(s.base.length)}`;
    const variable: Expr = { kind: 'name', name, text: `${s.variableText}${e.text.slice(baseText(e.text, s.base).length)}`, span: e.span };
    return { kind: 'deriv', form: 'frac', of: { ...s.of, span: e.span }, wrt: [variable], span: e.span };
  }
  return undefined;
}

/** A generic layer (`l`, `L`) stands for every layer; a numbered one only for itself. Entries must be as many. */
function covers(signal: LayerIndex, used: LayerIndex): boolean {
  if (signal.entries.length !== used.entries.length) return false;
  return /^[lL]$/.test(signal.layer) || signal.layer === used.layer;
}

function sameDerivative(a: Expr, b: Expr): boolean {
  if (a.kind !== 'deriv' || b.kind !== 'deriv' || a.wrt.length !== 1 || b.wrt.length !== 1) return false;
  const [x, y] = [a.wrt[0], b.wrt[0]];
  return a.of.kind === 'name' && b.of.kind === 'name' && a.of.name === b.of.name && x.kind === 'name' && y.kind === 'name' && x.name === y.name;
}

function derivativeText(s: Signal, lhs: NameExpr): string {
  return `∂${s.of.text}/∂${s.variableText}${lhs.text.slice(baseText(lhs.text, s.base).length)}`;
}
