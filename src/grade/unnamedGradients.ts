// A gradient written with no function, `\nabla_W = \frac{1}{N} (P - Y)^T X` (docs/grading.md, "Notation"):
// read alone it names no function and is not read (docs/latex.md). In a part answering a problem whose asks
// by W all differentiate one function L, a TA reads it as ∇_W L; where the problem's asks by W differentiate
// two functions (dL/dW and dJ/dW), or none, the line stays unread.
import type { Expr, Span, Statement } from '../syntax/ast';
import { parseLatexMath } from '../latex/parse';
import type { AskSpec } from './assignment';
import { eachSpan, type UnreadMath } from './documents';

/** `\nabla_W`, `\nabla_{\mathbf{W}}`, `\nabla_\theta` right before `=`: a gradient of nothing written. */
const UNNAMED_GRADIENT = /\\nabla_(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|[A-Za-z0-9])(?=\s*=)/g;

/** Stands for the function while the block is parsed; the problem's function replaces it. */
const PLACEHOLDER = ' g';

/** The claims of the unread blocks in [from, to] that are such gradients of the problem's function. */
export function readUnnamedGradients(unread: readonly UnreadMath[], from: number, to: number, asks: readonly AskSpec[]): Statement[] {
  return unread.filter((m) => m.span.line >= from && m.span.line <= to).flatMap((m) => readBlock(m, asks));
}

/** The block's gradients of nothing, each with the problem's function put in. */
function readBlock(block: UnreadMath, asks: readonly AskSpec[]): Statement[] {
  const found = [...block.text.matchAll(UNNAMED_GRADIENT)].map((m) => ({ written: m[0], end: m.index + m[0].length }));
  if (found.length === 0) return [];
  let text = block.text;
  for (const { end } of [...found].reverse()) text = text.slice(0, end) + PLACEHOLDER + text.slice(end);
  const parsed = parseLatexMath(text, { file: '', line: block.span.line, column: block.span.column });
  // Back to the columns as written: where each placeholder went in the parsed text, and where it is in the written one.
  const inParsed = found.map(({ end }, k) => positionIn(text, block.span, end + k * PLACEHOLDER.length));
  eachSpan(parsed.statements, (span) => unshift(span, inParsed));
  const gradients = found.map(({ written, end }) => ({ written, at: positionIn(block.text, block.span, end) }));
  // Only the gradients: the block's other rows were read, or not, with the document.
  return parsed.statements.flatMap((st): Statement[] => {
    if (st.kind !== 'equation' || !isPlaceholderGradient(st.lhs.expr)) return [];
    const lhs = st.lhs.span;
    const gradient = gradients.find(({ at }) => at.line === lhs.line && at.column >= lhs.column && at.column <= lhs.endColumn);
    const of = functionOf(st.lhs.expr.wrt[0], asks);
    if (of === undefined || gradient === undefined) return [];
    const span = { ...lhs, endLine: gradient.at.line, endColumn: gradient.at.column };
    const expr: Expr = { ...st.lhs.expr, of: { kind: 'name', name: of, text: of, span }, span };
    const reading = { span, written: gradient.written, readAs: `the gradient of ${of}`, why: `the problem's asks by this variable all differentiate ${of}` };
    return [{ ...st, lhs: { ...st.lhs, expr, text: gradient.written, span }, readings: [...(st.readings ?? []), reading] }];
  });
}

function isPlaceholderGradient(e: Expr | undefined): e is Extract<Expr, { kind: 'deriv' }> {
  return e?.kind === 'deriv' && e.wrt.length === 1 && e.of.kind === 'name' && e.of.name === PLACEHOLDER.trim();
}

/** The one function the problem's asks by this variable differentiate (the variable in any case), or undefined. */
function functionOf(wrt: Expr, asks: readonly AskSpec[]): string | undefined {
  if (wrt.kind !== 'name') return undefined;
  const functions = new Set<string>();
  for (const ask of asks) {
    const t = ask.target.expr;
    if (t.kind !== 'deriv' || t.of.kind !== 'name') continue;
    if (t.wrt.some((v) => v.kind === 'name' && v.name.toLowerCase() === wrt.name.toLowerCase())) functions.add(t.of.name);
  }
  return functions.size === 1 ? [...functions][0] : undefined;
}

/** The line and column (of the joined source) of an offset into a block's text that starts at `start`. */
function positionIn(text: string, start: Span, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  const last = before[before.length - 1].length;
  return before.length === 1 ? { line: start.line, column: start.column + last } : { line: start.line + before.length - 1, column: last + 1 };
}

/** A span of the parse with placeholders put in at `inserted` (where each starts in the parsed text), as it is in the text written. */
function unshift(s: Span, inserted: ReadonlyArray<{ line: number; column: number }>): void {
  const before = (line: number, column: number) => inserted.filter((at) => at.line === line && column > at.column).length * PLACEHOLDER.length;
  const [start, end] = [before(s.line, s.column), before(s.endLine, s.endColumn)];
  s.column -= start;
  s.endColumn -= end;
}
