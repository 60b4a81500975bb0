// Shape-mismatch diagnostics: name the operands by their source text and shapes, and find a concrete fix
// (a missing ^T, swapped operands, .* for *) by trying the few local edits that make the shapes fit.
import type { Expr } from '../syntax/ast';
import { Diagnostic, error } from '../diagnostics';
import type { Node, Shape, ShapeError } from '../ir/types';
import { formatShape, isScalarShape, shapesEqual } from '../ir/types';
import type { Lowering } from './lower';
import { passLimits } from '../limits/index';

type Operation = Extract<Expr, { kind: 'binary' | 'power' }>;

const VERB: Record<string, string> = {
  mul: 'multiply', hadamard: 'multiply elementwise', div: 'divide', add: 'add', sub: 'subtract',
  gt: 'compare', lt: 'compare', ge: 'compare', le: 'compare', power: 'raise',
};

interface Candidate {
  text: string;
  shape: Shape;
}

/** Whether `text` is one parenthesised group, `( ... )`, whose first bracket closes at the end. */
function isWrapped(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0 && i < text.length - 1) return false;
  }
  return true;
}

/** Whether `text` has a + or - outside brackets (a sum, which needs brackets inside a product). */
function hasTopLevelSum(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && (c === '+' || c === '-') && i > 0) return true;
  }
  return false;
}

/** Appends ^T, with brackets when the postfix would otherwise bind to part of the text. */
export function transposedText(text: string): string {
  return /^[\p{L}\p{N}_{}]+$/u.test(text) || isWrapped(text) ? `${text}^T` : `(${text})^T`;
}

function operandText(text: string): string {
  const t = text.trim();
  return hasTopLevelSum(t) && !isWrapped(t) ? `(${t})` : t;
}

/** Whether `text` is more than one operand at the top level (spaces or operators outside brackets). */
function isCompound(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && /[\s+\-*/.⊙∘·]/.test(c)) return true;
  }
  return false;
}

/**
 * An operand of a suggested product: the right one needs brackets whenever it is compound (A (B .* C));
 * the left one when it holds anything but products, since products group from the left anyway.
 */
function productOperand(text: string, side: 'left' | 'right'): string {
  if (isWrapped(text) || !isCompound(text)) return text;
  const onlyProducts = !/[+\-.⊙∘/]|\\odot|\\circ/.test(text.replace(/\s*\\cdot\s*/g, ' '));
  return side === 'left' && onlyProducts ? text : `(${text})`;
}

export function shapeMismatchDiagnostic(e: Operation, err: ShapeError, lowering: Lowering): Diagnostic {
  const [leftExpr, rightExpr] = e.kind === 'power' ? [e.base, e.exponent] : [e.left, e.right];
  const textOf = lowering.options.textOf;
  const leftText = operandText(textOf(leftExpr.span));
  const rightText = operandText(textOf(rightExpr.span));
  const [ls, rs] = err.operands;
  const op = e.kind === 'power' ? 'power' : e.op;
  const joiner = op === 'add' || op === 'sub' || op === 'hadamard' ? 'and' : op === 'div' ? 'by' : 'by';
  const message = `cannot ${VERB[op] ?? op} ${leftText} (${formatShape(ls)}) ${joiner} ${rightText} (${formatShape(rs)})`;
  const hint = e.kind === 'binary' ? bestFix(e, leftText, rightText, lowering) : undefined;
  return error('shape-mismatch', message, e.span, hint);
}

function bestFix(e: Extract<Expr, { kind: 'binary' }>, leftText: string, rightText: string, lowering: Lowering): string | undefined {
  const b = lowering.b;
  let left: Node;
  let right: Node;
  try {
    left = lowering.lower(e.left);
    right = lowering.lower(e.right);
  } catch (err) {
    passLimits(err);
    return undefined;
  }
  const L = productOperand(leftText, 'left');
  const R = productOperand(rightText, 'right');
  // `(1/m) X` transposed is best said as `(1/m) X^T`: a scalar factor needs no transpose.
  const transposeOf = (e: Expr, text: string): string => {
    if (e.kind === 'binary' && e.op === 'mul') {
      try {
        if (isScalarShape(lowering.lower(e.left).shape)) return `${lowering.options.textOf(e.left.span).trim()} ${transposeOf(e.right, lowering.options.textOf(e.right.span).trim())}`;
      } catch (err) {
        passLimits(err);
        // fall through to transposing the whole operand
      }
    }
    return transposedText(text);
  };
  const LT = transposeOf(e.left, L);
  const RT = transposeOf(e.right, R);
  const tryMake = (text: string, make: () => Node): Candidate | undefined => {
    try {
      return { text, shape: make().shape };
    } catch (err) {
      passLimits(err);
      return undefined;
    }
  };
  const t = (n: Node) => b.transpose(n);
  const candidates: Array<Candidate | undefined> = [];
  if (e.op === 'mul') {
    candidates.push(
      tryMake(`${LT} ${R}`, () => b.mul(t(left), right)),
      tryMake(`${L} ${RT}`, () => b.mul(left, t(right))),
      tryMake(`${R} ${L}`, () => b.mul(right, left)),
      tryMake(`${LT} ${RT}`, () => b.mul(t(left), t(right))),
      tryMake(`${L} .* ${R}`, () => b.hadamard(left, right)),
    );
  } else if (e.op === 'hadamard' || e.op === 'div' || e.op === 'add' || e.op === 'sub') {
    const sym = { hadamard: '.*', div: '/', add: '+', sub: '-' }[e.op];
    const make = (x: Node, y: Node) => (e.op === 'hadamard' ? b.hadamard(x, y) : e.op === 'div' ? b.div(x, y) : e.op === 'add' ? b.add(x, y) : b.sub(x, y));
    // A sum's operands need brackets only when they are sums themselves.
    const isSum = e.op === 'add' || e.op === 'sub';
    const [SL, SR] = isSum ? [operandText(leftText), operandText(rightText)] : [L, R];
    candidates.push(
      tryMake(`${SL} ${sym} ${isSum ? transposeOf(e.right, SR) : RT}`, () => make(left, t(right))),
      tryMake(`${isSum ? transposeOf(e.left, SL) : LT} ${sym} ${SR}`, () => make(t(left), right)),
    );
    if (e.op === 'hadamard') candidates.push(tryMake(`${L} ${R}`, () => b.mul(left, right)));
  }
  const found = candidates.filter((c): c is Candidate => c !== undefined);
  if (found.length === 0) return undefined;
  const expected = lowering.expectedShape;
  const matching = expected ? found.find((c) => shapesEqual(c.shape, expected.shape)) : undefined;
  const pick = matching ?? found[0];
  const tail = matching && expected ? `, the shape of ${expected.name}` : '';
  return `${pick.text} is ${formatShape(pick.shape)}${tail}`;
}
