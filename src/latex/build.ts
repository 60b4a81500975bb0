// AST builders called by the postprocessors of grammar/latex.ne. They produce the AST of
// src/syntax/ast.ts, the same the .cr parser produces. Builders never mutate their arguments:
// Earley may share a sub-result between partial parses. Step texts are filled in by parse.ts,
// which knows the block's source.
import { OUTER_PRODUCT_CALLEE } from '../syntax/names';
import type { AtBinding, BinaryOp, DimSpec, Domain, Expr, MulStyle, NameRef, ShapeSpec, Span, Statement, Step } from '../syntax/ast';
import { rewriteExpr } from '../syntax/walk';
import type { Tok, TokType } from './tokens';

type Located = Tok | { span: Span };

export function span(a: Located, b: Located): Span {
  return { line: a.span.line, column: a.span.column, endLine: b.span.endLine, endColumn: b.span.endColumn };
}

// ---- rows: what one line of maths holds

export type RawRow =
  | { kind: 'statements'; statements: Statement[] }
  /** `= rhs ...` continuing the chain of the row or block before. */
  | { kind: 'continuation'; rhs: Step[]; shapeClaim?: ShapeSpec; span: Span }
  /** Expressions that claim nothing (`\frac{\partial L}{\partial W}` or `a, b, c` named in prose): no statement. */
  | { kind: 'bare'; expr: Expr };

function step(e: Expr): Step {
  return { expr: e, text: '', span: e.span };
}

/** One link of an `=` chain: its relation token and expression. */
export type Link = [Tok, Expr];

/**
 * A step after its `=`. Aligned derivations often put `&=` (or a trailing `=`) on a line of its own and the
 * expression below it; a reader points at the step by its `=`, so the step is reported there.
 */
function linkStep([eq, e]: Link): Step {
  const s = step(e);
  return eq.span.line < e.span.line ? { ...s, at: eq.span } : s;
}

export function equation(lhs: Expr, chain: Link[], shapeClaim: ShapeSpec | null): Statement {
  const last = shapeClaim ?? chain[chain.length - 1][1];
  const st: Statement = { kind: 'equation', lhs: step(lhs), rhs: chain.map(linkStep), span: span(lhs, last) };
  return shapeClaim ? { ...st, shapeClaim } : st;
}

export function continuation(chain: Link[], shapeClaim: ShapeSpec | null): RawRow {
  const last = shapeClaim ?? chain[chain.length - 1][1];
  const row: RawRow = { kind: 'continuation', rhs: chain.map(linkStep), span: span(chain[0][0], last) };
  return shapeClaim ? { ...row, shapeClaim } : row;
}

export function decl(names: NameRef[], shape: ShapeSpec, domain: Tok | null): Statement {
  if (!domain) return { kind: 'decl', names, shape, span: span(names[0], shape) };
  return { kind: 'decl', names, shape, domain: { name: domain.value as Domain, span: domain.span }, span: span(names[0], domain) };
}

export function nameRef(t: Tok): NameRef {
  return { name: t.value, text: t.text, span: t.span };
}

export function at(keyword: Tok, bindings: AtBinding[]): Statement {
  return { kind: 'at', bindings, span: span(keyword, bindings[bindings.length - 1]) };
}

/** `x_1 = 1`, `x_2 = -1`, `s_1 \approx 0.9` (a stated rounded value, like `~` in .cr). */
export function binding(name: Tok, op: Tok, minus: Tok | null, value: Tok): AtBinding {
  const v = Number(value.value);
  return { name: name.value, text: name.text, value: minus ? -v : v, rounded: op.type !== 'eq', span: span(name, value) };
}

// ---- shapes

export function dim(t: Tok): DimSpec {
  return t.type === 'num' ? Number(t.value) : t.value;
}

export function shape(rows: DimSpec, cols: DimSpec, first: Tok, last: Tok): ShapeSpec {
  return { rows, cols, span: span(first, last) };
}

// ---- expressions

export function num(t: Tok): Expr {
  return { kind: 'number', value: Number(t.value), text: t.text, span: t.span };
}

export function name(t: Tok): Expr {
  return { kind: 'name', name: t.value, text: t.text, span: t.span };
}

/** `(e)`, `\left[ e \right]`, `{e}`: the node of `e`, its span widened over the brackets. */
export function paren(open: Tok, e: Expr, close: Tok): Expr {
  return e.kind === 'call' ? { ...e, span: span(open, close), bracketed: true } : { ...e, span: span(open, close) };
}

export function neg(minus: Tok, arg: Expr): Expr {
  return { kind: 'neg', arg, span: span(minus, arg) };
}

// Keyed by token type (set by the lexing steps, never by input text), so a plain object is safe.
const OPERATORS: Partial<Record<TokType, [BinaryOp, MulStyle?]>> = {
  plus: ['add'],
  minus: ['sub'],
  cdot: ['mul', 'cdot'],
  star: ['mul', 'star'],
  times: ['mul', 'star'],
  atop: ['mul', 'at'],
  odot: ['hadamard'],
  slash: ['div'],
  div: ['div'],
  lt: ['lt'],
  gt: ['gt'],
  le: ['le'],
  ge: ['ge'],
};

export function binary(left: Expr, op: Tok, right: Expr): Expr {
  // `a \otimes b`: resolve/outerProducts.ts reads it where both sides are vectors.
  if (op.type === 'otimes') return { kind: 'call', callee: OUTER_PRODUCT_CALLEE, calleeText: '\\otimes', prime: 0, args: [left, right], span: span(left, right) };
  const [kind, style] = OPERATORS[op.type]!;
  const node: Expr = { kind: 'binary', op: kind, left, right, span: span(left, right) };
  return style ? { ...node, style } : node;
}

/** Side by side: `X W`, `xy`, `2 \log a`. */
export function juxt(left: Expr, right: Expr): Expr {
  return { kind: 'binary', op: 'mul', style: 'juxt', left, right, span: span(left, right) };
}

/** `\frac{a}{b}`. */
export function frac(head: Tok, top: Expr, bottom: Expr): Expr {
  return { kind: 'binary', op: 'div', left: top, right: bottom, span: span(head, bottom) };
}

export function transpose(arg: Expr, t: Tok): Expr {
  return { kind: 'transpose', arg, span: span(arg, t), ...(t.type === 'prime' ? { prime: true as const } : {}) };
}

/** `(BA)_{qp}`: the entry token carries its indices, one letter each. */
export function entry(arg: Expr, t: Tok): Expr {
  return { kind: 'entry', arg, indices: [...t.value], span: span(arg, t) };
}

/** `a^{b}`; `e^{x}` is exp(x), as every reader of the maths takes it. */
export function power(base: Expr, exponent: Expr): Expr {
  const s = span(base, exponent);
  if (base.kind === 'name' && base.name === 'e') {
    return { kind: 'call', callee: 'exp', calleeText: base.text, prime: 0, args: [exponent], span: s };
  }
  return { kind: 'power', base, exponent, span: s };
}

export function call(head: Tok, args: Expr[], close: Tok): Expr {
  return { kind: 'call', callee: head.value, calleeText: head.head ?? head.text, prime: head.prime ?? 0, args, span: span(head, close) };
}

/** `\sin^2 x` is (sin x)^2, over the whole text `\sin^2 x`. */
export function functionPower(head: Tok, exponent: Expr, arg: Expr): Expr {
  return { kind: 'power', base: callBare(head, arg), exponent, span: span(head, arg) };
}

/** `\log a`, `\exp x`: an operator command applied to the next factor. */
export function callBare(head: Tok, arg: Expr): Expr {
  return { kind: 'call', callee: head.value, calleeText: head.text, prime: 0, args: [arg], span: span(head, arg) };
}

function callOf(callee: string, head: Tok, arg: Expr, close: Located): Expr {
  return { kind: 'call', callee, calleeText: head.text, prime: 0, args: [arg], span: span(head, close) };
}

export function sqrt(head: Tok, arg: Expr): Expr {
  return callOf('sqrt', head, arg, arg);
}

/** `|x|`. */
export function abs(open: Tok, arg: Expr, close: Tok): Expr {
  return callOf('abs', open, arg, close);
}

/** `\|x\|`. */
export function norm(open: Tok, arg: Expr, close: Tok): Expr {
  return callOf('norm', open, arg, close);
}

export function matrix(open: Tok, rows: Expr[][], close: Tok): Expr {
  return { kind: 'matrix', rows, span: span(open, close) };
}

/** `(a, b, c)`: a tuple, read as the column vector of its values. */
export function tuple(open: Tok, values: Expr[], close: Tok): Expr {
  return { kind: 'matrix', rows: values.map((v) => [v]), span: span(open, close), tuple: true };
}

/** A matrix of elided entries read as its general entry (ellipsisMatrices.ts): the open token carries the indices, `rows,cols`. */
export function pattern(open: Tok, entry: Expr, close: Tok): Expr {
  const [rowIndex, colIndex] = open.value.split(',');
  return { kind: 'pattern', entry, ...(rowIndex ? { rowIndex } : {}), ...(colIndex ? { colIndex } : {}), span: span(open, close) };
}

/** `\frac{\partial L}{\partial W}`, `\frac{dL}{dW}`. */
export function derivFrac(head: Tok, of: Expr, wrt: Expr, close: Tok): Expr {
  return { kind: 'deriv', form: 'frac', of, wrt: [wrt], span: span(head, close) };
}

/** `\frac{\partial F}{\partial (x, y)}`: the Jacobian of F by the variables listed, as `jacobian(F, [x, y])` in .cr. */
export function jacobianFrac(head: Tok, of: Expr, variables: Expr[], close: Tok): Expr {
  return { kind: 'deriv', form: 'jacobian', of, wrt: variables, span: span(head, close) };
}

/** `\partial L / \partial W`, `dL/dW`. */
export function derivSlash(first: Tok, of: Expr, wrt: Expr): Expr {
  return { kind: 'deriv', form: 'frac', of, wrt: [wrt], span: span(first, wrt) };
}

/** A prefix operator waiting for its operand: `\frac{d}{dx}`, `\nabla_W`, `\sum_{i=1}^{m}`. */
export type Prefix =
  | { kind: 'derivative'; wrt: Expr; head: Tok }
  | { kind: 'sum'; head: Tok };

export function derivOperator(head: Tok, wrt: Expr): Prefix {
  return { kind: 'derivative', wrt, head };
}

export function prefixToken(t: Tok): Prefix {
  return t.type === 'nabla' ? { kind: 'derivative', wrt: name(t.wrt!), head: t } : { kind: 'sum', head: t };
}

/** The operator applied to the rest of the product after it (`\frac{d}{dx} x^2 \sin x`). */
export function applyPrefix(p: Prefix, operand: Expr): Expr {
  const isNabla = p.kind === 'derivative' && p.head.type === 'nabla';
  // `\nabla_a C \odot \sigma'(z)` is the gradient of C times σ'(z) entry by entry (backprop's δ^L), not the gradient
  // of the product: ⊙ joins two arrays of one shape, and C is the scalar being differentiated. A bracketed product
  // (`\nabla_x (x \odot y)`, whose span starts at its bracket) is the operand as written.
  if (isNabla && operand.kind === 'binary' && operand.op === 'hadamard' && startsTogether(operand.span, operand.left.span)) {
    return { ...operand, left: applyPrefix(p, operand.left), span: span(p.head, operand) };
  }
  // `\nabla_w L` of a name is ∂L/∂w, and reads (and prints) as it.
  const form = isNabla && operand.kind === 'name' ? 'frac' : 'operator';
  if (p.kind === 'derivative') return { kind: 'deriv', form, of: operand, wrt: [p.wrt], span: span(p.head, operand) };
  const except = p.head.except;
  // The sign as normalize.ts gives it (without `\limits`), which the index reader parses.
  if (!except) return { kind: 'call', callee: 'sum', calleeText: p.head.value, prime: 0, args: [operand], span: span(p.head, operand) };
  // `\sum_{k \neq i} a_k` is Σ_k a_k − a_i: the whole sum, less its term at k = i.
  const all: Expr = { kind: 'call', callee: 'sum', calleeText: except.sign, prime: 0, args: [operand], span: span(p.head, operand) };
  return { kind: 'binary', op: 'sub', left: all, right: rewriteExpr(operand, (e) => renameIndex(e, except.index, except.excluded)), span: all.span };
}

const startsTogether = (a: Span, b: Span) => a.line === b.line && a.column === b.column;

/** `a_k` → `a_i`, `W_{kj}` → `W_{ij}`: a name whose subscript holds the index, with the index replaced. */
function renameIndex(e: Expr, from: string, to: string): Expr | undefined {
  if (e.kind !== 'name') return undefined;
  const m = /^(.*_)(?:\{([^{}]*)\}|([A-Za-z0-9]))$/.exec(e.text);
  const subscript = m && (m[2] ?? m[3]);
  if (!m || !subscript) return undefined;
  const letters = subscript.includes(',') ? subscript.split(',').map((s) => s.trim()) : [...subscript.replace(/\s+/g, '')];
  if (!letters.includes(from)) return undefined;
  const renamed = letters.map((l) => (l === from ? to : l));
  const written = letters.join('');
  if (!e.name.endsWith(written)) return undefined;
  const text = m[1] + (m[2] !== undefined ? `{${renamed.join(subscript.includes(',') ? ',' : '')}}` : renamed.join(''));
  return { ...e, name: e.name.slice(0, e.name.length - written.length) + renamed.join(''), text };
}

/**
 * `\nabla f` with no variable: a gradient by the parameters of a function f that only the whole document
 * can name (src/latex/bareGradients.ts fills them in, or the statement is not read). No variable yet: `wrt` is empty.
 */
export function gradientOfName(head: Tok, name: Expr): Expr {
  return { kind: 'deriv', form: 'grad', of: name, wrt: [], span: span(head, name) };
}

/** `\nabla f(x, y)`: the gradient of the call with respect to its arguments, as `grad(f(x, y), [x, y])` in .cr. */
export function gradientOfCall(head: Tok, call: Expr): Expr {
  const args = call.kind === 'call' ? call.args : [];
  return { kind: 'deriv', form: 'grad', of: call, wrt: args, span: span(head, call) };
}

/** `\nabla^2 f(x, y)`: the Hessian, the Jacobian of the gradient by the call's arguments. */
export function hessianOfCall(head: Tok, call: Expr): Expr {
  const gradient = gradientOfCall(head, call);
  return { kind: 'deriv', form: 'jacobian', of: gradient, wrt: call.kind === 'call' ? call.args : [], span: gradient.span };
}
