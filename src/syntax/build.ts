// AST builders called by the grammar's postprocessors (grammar/chainrule.ne).
// Builders never mutate their arguments: Earley may share a sub-result between several partial parses.
import type { AtBinding, BinaryOp, DimSpec, Domain, Expr, FunctionHead, MulStyle, NameRef, ShapeSpec, Span } from './ast';
import { endCol, type Token } from './lexer';
import { IDENTIFIER_SOURCE, normalizeName } from './names';
import { AsciiAwareRegExp } from './asciiPattern';

type Located = Token | { span: Span };

function isToken(x: Located): x is Token {
  return !('span' in x);
}

export function span(a: Located, b: Located): Span {
  // Hot path (called for every node of every partial parse): no spreads.
  if (isToken(a)) {
    if (isToken(b)) return { line: a.line, column: a.col, endLine: b.line, endColumn: endCol(b) };
    return { line: a.line, column: a.col, endLine: b.span.endLine, endColumn: b.span.endColumn };
  }
  if (isToken(b)) return { line: a.span.line, column: a.span.column, endLine: b.line, endColumn: endCol(b) };
  return { line: a.span.line, column: a.span.column, endLine: b.span.endLine, endColumn: b.span.endColumn };
}

/** A span inside one token: `length` characters from `from` (0-based, within the token's line). */
function innerSpan(t: Token, from: number, length: number): Span {
  return { line: t.line, column: t.col + from, endLine: t.line, endColumn: t.col + from + length };
}

// ---- expressions

/** Number characters that are not digits: vulgar fractions (`½ Σ_i r_i^2`) and the indicator's `𝟙`. */
const NUMBER_CHARACTERS: Record<string, number> = { '½': 1 / 2, '⅓': 1 / 3, '⅔': 2 / 3, '¼': 1 / 4, '¾': 3 / 4, '𝟙': 1 };

export function num(t: Token): Expr {
  return { kind: 'number', value: NUMBER_CHARACTERS[t.text] ?? Number(t.text), text: t.text, span: span(t, t) };
}

/**
 * `1(a = b)`, `𝟙(a ≠ b)`: the indicator of an equality, a 0/1 mask like a comparison. (`1(a > b)` needs no
 * rule of its own: it is 1 times the mask.) Another number in front scales the mask: `2(a = b)`.
 */
export function indicator(one: Token, left: Expr, op: Token, right: Expr, close: Token): Expr {
  const test: Expr = { kind: 'binary', op: op.type === 'neq' ? 'ne' : 'eq', left, right, span: span(one, close) };
  return NUMBER_CHARACTERS[one.text] === 1 || one.text === '1' ? test : { kind: 'binary', op: 'mul', style: 'juxt', left: num(one), right: test, span: span(one, close) };
}

export function name(t: Token): Expr {
  return { kind: 'name', name: normalizeName(t.text), text: t.text, span: span(t, t) };
}

function nameAt(text: string, s: Span): Expr {
  return { kind: 'name', name: normalizeName(text), text, span: s };
}

/** `(e)`: the node of `e`, with a span that covers the parentheses; a call keeps that it was bracketed (ast.ts). */
export function paren(open: Token, e: Expr, close: Token): Expr {
  return e.kind === 'call' ? { ...e, span: span(open, close), bracketed: true } : { ...e, span: span(open, close) };
}

export function neg(minus: Token, arg: Expr): Expr {
  return { kind: 'neg', arg, span: span(minus, arg) };
}

const OP_OF: Record<string, [BinaryOp, MulStyle?]> = {
  star: ['mul', 'star'],
  cdot: ['mul', 'cdot'],
  atop: ['mul', 'at'],
  hadamard: ['hadamard'],
  slash: ['div'],
  ediv: ['div'],
  plus: ['add'],
  minus: ['sub'],
  gt: ['gt'],
  lt: ['lt'],
  ge: ['ge'],
  le: ['le'],
};

export function binary(left: Expr, opToken: Token, right: Expr): Expr {
  const [op, style] = OP_OF[opToken.type];
  const node: Expr = { kind: 'binary', op, left, right, span: span(left, right) };
  return style ? { ...node, style } : node;
}

export function juxt(left: Expr, right: Expr): Expr {
  return { kind: 'binary', op: 'mul', style: 'juxt', left, right, span: span(left, right) };
}

export function transpose(arg: Expr, t: Token): Expr {
  return { kind: 'transpose', arg, span: span(arg, t) };
}

export function power(base: Expr, exponent: Expr, elementwise = false): Expr {
  // `X^(-1)^T`, `x^(i)^T`: a transpose written after a power's exponent transposes the power.
  if (exponent.kind === 'transpose') return { kind: 'transpose', arg: power(base, exponent.arg, elementwise), span: span(base, exponent) };
  const node: Expr = { kind: 'power', base, exponent, span: span(base, exponent) };
  return elementwise ? { ...node, elementwise: true } : node;
}

/**
 * One element of a power chain `a ^ -b .^ c`: its operand, the minus signs written before it, and whether
 * the operator before it is `.^`.
 */
export interface PowOperand {
  signs: Token[];
  base: Expr;
  elementwise?: true;
}

export function powOperand(base: Expr): PowOperand {
  return { signs: [], base };
}

export function signed(minus: Token, operand: PowOperand): PowOperand {
  return { signs: [minus, ...operand.signs], base: operand.base };
}

export function elementwiseOperand(operand: PowOperand): PowOperand {
  return { ...operand, elementwise: true };
}

/**
 * A power chain `a ^ b ^ c` while parsing. Earley completes `Power` once per prefix of the chain,
 * so folding it here would be quadratic; the chain is folded once, after parsing (`finishExpr`).
 */
interface PowChainNode {
  kind: 'powchain';
  chain: PowOperand[];
  span: Span;
}

export function powerChain(chain: PowOperand[]): Expr {
  if (chain.length === 1) return chain[0].base; // the first operand never has signs
  const node: PowChainNode = { kind: 'powchain', chain, span: span(chain[0].base, chain[chain.length - 1].base) };
  return node as unknown as Expr;
}

/** Fold a chain to the right: `a ^ -b ^ c` is `a^(-(b^c))`. */
function foldPower(chain: PowOperand[]): Expr {
  let acc: Expr | undefined;
  for (let i = chain.length - 1; i >= 0; i--) {
    const { signs, base } = chain[i];
    let value = acc ? power(finishExpr(base), acc, chain[i + 1].elementwise) : finishExpr(base);
    for (let j = signs.length - 1; j >= 0; j--) value = neg(signs[j], value);
    acc = value;
  }
  return acc!;
}

/** Replace the parse-time power chains of a finished parse by right-nested `power` nodes. */
export function finishExpr(e: Expr): Expr {
  const node = e as Expr | PowChainNode;
  switch (node.kind) {
    case 'powchain':
      return { ...foldPower(node.chain), span: node.span }; // the span may cover parentheses
    case 'number':
    case 'name':
      return node;
    case 'call': {
      const args = node.args.map(finishExpr);
      return args.every((a, i) => a === node.args[i]) ? node : { ...node, args };
    }
    case 'neg':
    case 'transpose':
    case 'entry': {
      const arg = finishExpr(node.arg);
      return arg === node.arg ? node : { ...node, arg };
    }
    case 'binary': {
      const left = finishExpr(node.left);
      const right = finishExpr(node.right);
      return left === node.left && right === node.right ? node : { ...node, left, right };
    }
    case 'power': {
      const base = finishExpr(node.base);
      const exponent = finishExpr(node.exponent);
      return base === node.base && exponent === node.exponent ? node : { ...node, base, exponent };
    }
    case 'pattern': {
      const entry = finishExpr(node.entry);
      return entry === node.entry ? node : { ...node, entry };
    }
    case 'matrix': {
      const rows = node.rows.map((r) => r.map(finishExpr));
      return rows.every((r, i) => r.every((x, j) => x === node.rows[i][j])) ? node : { ...node, rows };
    }
    case 'deriv': {
      const of = finishExpr(node.of);
      const wrt = node.wrt.map(finishExpr);
      return of === node.of && wrt.every((w, i) => w === node.wrt[i]) ? node : { ...node, of, wrt };
    }
  }
}

/** `a^{e}`: the exponent's span covers the braces, like parentheses. */
export function braced(open: Token, e: Expr, close: Token): Expr {
  return paren(open, e, close);
}

export function matrix(open: Token, rows: Expr[][], close: Token): Expr {
  return { kind: 'matrix', rows, span: span(open, close) };
}

/** The variables of `[x, y]` (any layout) or a single expression. */
function wrtList(e: Expr): Expr[] {
  return e.kind === 'matrix' ? e.rows.flat() : [e];
}

const PRIMES = /['′]+$/u;

/** `f(args)` and `f'(args)`; `jacobian(f, [x, y])` and `grad(f, [x, y])` become derivative references. */
export function call(open: Token, args: Expr[], close: Token): Expr {
  const head = open.text.slice(0, -1); // drop `(`
  const primes = open.type === 'primecall' ? (PRIMES.exec(head)?.[0].length ?? 0) : 0;
  const calleeText = head.slice(0, head.length - primes);
  const callee = normalizeName(calleeText);
  const s = span(open, close);
  if (primes === 0 && (callee === 'jacobian' || callee === 'grad') && args.length === 2) {
    return { kind: 'deriv', form: callee, of: args[0], wrt: wrtList(args[1]), span: s };
  }
  return { kind: 'call', callee, calleeText, prime: primes, args, span: s };
}

const DFRAC = new AsciiAwareRegExp(`^[d∂](${IDENTIFIER_SOURCE})([ \\t]*/[ \\t]*)[d∂](${IDENTIFIER_SOURCE})$`, 'u');
const DOP = new AsciiAwareRegExp(`^[d∂][ \\t]*/[ \\t]*[d∂](${IDENTIFIER_SOURCE})$`, 'u');

/** The single token `dL/dW` (also `∂L/∂W_1`, `dL / dW`). */
export function dfrac(t: Token): Expr {
  const m = DFRAC.exec(t.text);
  if (!m) throw new Error(`not a derivative fraction: ${t.text}`);
  const [, of, mid, wrt] = m;
  const ofExpr = nameAt(of, innerSpan(t, 1, of.length));
  const wrtExpr = nameAt(wrt, innerSpan(t, 1 + of.length + mid.length + 1, wrt.length));
  return { kind: 'deriv', form: 'frac', of: ofExpr, wrt: [wrtExpr], span: span(t, t) };
}

/** `d/dx operand`. */
export function dop(t: Token, operand: Expr): Expr {
  const wrt = DOP.exec(t.text)![1];
  const wrtExpr = nameAt(wrt, innerSpan(t, t.text.length - wrt.length, wrt.length));
  return { kind: 'deriv', form: 'operator', of: operand, wrt: [wrtExpr], span: span(t, operand) };
}

/** `∂L/∂σ(z)`: the derivative of a name with respect to a call (an intermediate of L; see calculus/meaning.ts). */
export function dfracCall(t: Token, args: Expr[], close: Token): Expr {
  const m = DFRAC.exec(t.text.slice(0, -1))!;
  const [, of, mid, wrt] = m;
  const ofExpr = nameAt(of, innerSpan(t, 1, of.length));
  const wrtStart = 1 + of.length + mid.length + 1;
  const callee: Expr = { kind: 'call', callee: normalizeName(wrt), calleeText: wrt, prime: 0, args, span: { ...innerSpan(t, wrtStart, wrt.length + 1), endLine: close.line, endColumn: endCol(close) } };
  return { kind: 'deriv', form: 'frac', of: ofExpr, wrt: [callee], span: span(t, close) };
}

/** `d(of)/d(wrt)`. */
export function dparenFrac(open: Token, of: Expr, wrt: Expr, close: Token): Expr {
  return { kind: 'deriv', form: 'frac', of, wrt: wrtList(wrt), span: span(open, close) };
}

// ---- shapes

export function dim(t: Token): DimSpec {
  return t.type === 'number' ? Number(t.text) : normalizeName(t.text);
}

export function shape(rows: DimSpec, cols: DimSpec, first: Token, last: Token): ShapeSpec {
  return { rows, cols, span: span(first, last) };
}

export function nameRef(t: Token): NameRef {
  return { name: normalizeName(t.text), text: t.text, span: span(t, t) };
}

export function domain(t: Token): { name: Domain; span: Span } {
  return { name: t.text as Domain, span: span(t, t) };
}

// ---- statements (spans of whole statements are added by the caller, which knows the group)

export type RawStatement =
  | { kind: 'expr'; expr: Expr }
  | { kind: 'decl'; names: NameRef[]; shape: ShapeSpec; domain?: { name: Domain; span: Span } }
  | { kind: 'equation'; lhs: Expr; rhs: Expr[]; shapeClaim?: ShapeSpec }
  | { kind: 'cont'; rhs: Expr[]; shapeClaim?: ShapeSpec }
  | { kind: 'at'; bindings: AtBinding[] }
  | { kind: 'problem'; id: string; title?: string }
  | { kind: 'ask'; target: Expr; points: number }
  | { kind: 'policy'; key: string; keySpan: Span; percent: number }
  | { kind: 'setting'; key: 'feedback' | 'visibility'; value: string; valueSpan: Span }
  | { kind: 'function-decl'; heads: FunctionHead[]; result?: ShapeSpec }
  | { kind: 'index-decl'; names: NameRef[] }
  | { kind: 'invalid'; message: string; span: Span };

/** `C(w)` in a function declaration. */
export function fnHead(open: Token, params: NameRef[]): FunctionHead {
  const text = open.text.slice(0, -1);
  return { name: { name: normalizeName(text), text, span: innerSpan(open, 0, text.length) }, params };
}

/**
 * `f1, f2 : function`, `C(w) : function`, `C(w) : scalar`, `i, j : index`. An index list with parameters
 * (`i(x) : index`) says nothing sensible and is reported.
 */
export function abstractDecl(heads: FunctionHead[], kind: Token | null, shape: ShapeSpec | null): RawStatement {
  if (kind?.text === 'index') {
    const withParams = heads.find((h) => h.params);
    if (withParams) return { kind: 'invalid', message: `an index variable has no parameters: write ${withParams.name.text} : index`, span: withParams.name.span };
    return { kind: 'index-decl', names: heads.map((h) => h.name) };
  }
  return shape ? { kind: 'function-decl', heads, result: shape } : { kind: 'function-decl', heads };
}

export function binding(nameTok: Token, op: Token, sign: Token | null, value: Token): AtBinding {
  const v = Number(value.text);
  return {
    name: normalizeName(nameTok.text),
    text: nameTok.text,
    value: sign && sign.type === 'minus' ? -v : v,
    rounded: op.type === 'tilde' || op.type === 'approx',
    span: span(nameTok, value),
  };
}

/** `policy carried-error 75%`: the key's words and hyphens are joined back into one key. */
export function policy(keyTokens: Token[], percent: Token): RawStatement {
  return { kind: 'policy', key: keyTokens.map((t) => t.text).join(''), keySpan: span(keyTokens[0], keyTokens[keyTokens.length - 1]), percent: Number(percent.text) };
}

/** `feedback hints`, `visibility hidden`: the value is checked by the grader, which knows the choices. */
export function setting(key: Token, value: Token): RawStatement {
  return { kind: 'setting', key: key.text === 'feedback' ? 'feedback' : 'visibility', value: value.text, valueSpan: span(value, value) };
}

export function problem(idTokens: Token[], title: Token | null): RawStatement {
  const id = idTokens.map((t) => t.text).join('');
  return title ? { kind: 'problem', id, title: title.text.slice(1, -1).replace(/\\(["\\])/g, '$1') } : { kind: 'problem', id };
}
