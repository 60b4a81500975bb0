// Prints an AST expression back in .cr syntax (minimal parentheses), for reports on LaTeX input: the
// JSON contract writes every expression in .cr syntax that parses back to the same expression.
import type { Expr } from './ast';
import { lex } from './lexer';
import { normalizeName } from './names';

const enum Level {
  Comparison = 1,
  Sum = 2,
  Product = 3,
  Unary = 4,
  Power = 5,
  Postfix = 6,
  Atom = 7,
}

const BINARY: Record<string, { text: string; level: Level }> = {
  add: { text: ' + ', level: Level.Sum },
  sub: { text: ' - ', level: Level.Sum },
  hadamard: { text: ' .* ', level: Level.Product },
  div: { text: ' / ', level: Level.Product },
  gt: { text: ' > ', level: Level.Comparison },
  lt: { text: ' < ', level: Level.Comparison },
  ge: { text: ' >= ', level: Level.Comparison },
  le: { text: ' <= ', level: Level.Comparison },
  eq: { text: ' = ', level: Level.Comparison },
  ne: { text: ' ≠ ', level: Level.Comparison },
};

const MUL: Record<string, string> = { juxt: ' ', star: ' * ', cdot: ' · ', at: ' @ ' };

function levelOf(e: Expr): Level {
  switch (e.kind) {
    case 'binary':
      if (e.op === 'eq' || e.op === 'ne') return Level.Atom; // written 1(a = b)
      return e.op === 'mul' ? Level.Product : BINARY[e.op].level;
    case 'neg':
      return Level.Unary;
    case 'power':
      return Level.Power;
    case 'transpose':
    case 'entry':
    case 'call':
      return Level.Postfix;
    case 'number':
      return e.value < 0 ? Level.Unary : Level.Atom;
    default:
      return Level.Atom;
  }
}

function wrap(e: Expr, atLeast: Level): string {
  const text = printExpr(e);
  return levelOf(e) >= atLeast ? text : `(${text})`;
}

function startsWithMinus(text: string): boolean {
  return text.startsWith('-');
}

export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return e.text || String(e.value);
    case 'name':
      return nameText(e);
    case 'call':
      return `${e.callee}${"'".repeat(e.prime)}(${e.args.map(printExpr).join(', ')})`;
    case 'neg':
      return `-${wrap(e.arg, Level.Power)}`;
    case 'transpose':
      // `v(y - t)^T` is v times the transposed bracket; `(v(y - t))^T` transposes the product (lower.ts).
      return `${wrap(e.arg, e.arg.kind === 'call' && !e.arg.bracketed ? Level.Postfix : Level.Atom)}^T`;
    case 'entry':
      return `(${printExpr(e.arg)})_${e.indices.join('')}`;
    case 'power':
      // `(X^T)^(-1)`: the grammar reads no power right after `^T`; `(t(3t + 1))^4` keeps its brackets, without which
      // the power is the bracket's alone (lower.ts bracketOfProduct).
      return `${wrap(e.base, e.base.kind === 'transpose' || isBracketedCall(e.base) ? Level.Atom : Level.Postfix)}${e.elementwise ? '.^' : '^'}${wrap(e.exponent, Level.Atom)}`;
    case 'matrix':
      return `[${e.rows.map((row) => row.map(printExpr).join(', ')).join('; ')}]`;
    case 'pattern':
      return `[${printExpr(e.entry)}]_${e.rowIndex ?? ':'}${e.colIndex ?? ':'}`;
    case 'deriv':
      return printDerivative(e);
    case 'binary': {
      if (e.op === 'eq' || e.op === 'ne') return `1(${wrap(e.left, Level.Sum)}${BINARY[e.op].text}${wrap(e.right, Level.Sum)})`;
      const level = e.op === 'mul' ? Level.Product : BINARY[e.op].level;
      const left = wrap(e.left, level);
      let right = wrap(e.right, level + 1);
      let op = e.op === 'mul' ? MUL[e.style ?? 'juxt'] : BINARY[e.op].text;
      // Juxtaposition cannot take a leading minus or stand between two numbers (`c 1(a = b)` is fine).
      if (op === ' ' && (startsWithMinus(right) || (e.right.kind === 'number' && /(?:^|[^\p{L}\p{N}_])[\d.]+$/u.test(left)))) op = ' * ';
      if (op === ' ' && startsWithMinus(right)) right = `(${right})`;
      return `${left}${op}${right}`;
    }
  }
}

/**
 * A name as written when that is index notation (`w_i`, `sum_{i=1}^m`: the normalised `wi` would lose the
 * index) and reads back as the same name; otherwise its normalised form.
 */
/**
 * Marks a name chainrule gave a reading of its own in some claims (src/analysis/genericLayers.ts: a loss seen
 * from a generic layer); such a name prints as the author wrote it.
 */
export const READING_MARK = '@';

function nameText(e: Extract<Expr, { kind: 'name' }>): string {
  if (e.name.includes(READING_MARK)) return e.text;
  if (!/_(?:\{[^}]*\p{L}|\p{L})/u.test(e.text)) return e.name;
  const tokens = lex(e.text);
  return tokens.length === 1 && tokens[0].type === 'ident' && normalizeName(tokens[0].text) === e.name ? e.text : e.name;
}

function printDerivative(e: Extract<Expr, { kind: 'deriv' }>): string {
  const wrt = e.wrt.map(printExpr);
  switch (e.form) {
    case 'jacobian':
    case 'grad':
      return `${e.form}(${printExpr(e.of)}, [${wrt.join(', ')}])`;
    case 'operator':
      return `d/d${wrt[0]} (${printExpr(e.of)})`;
    case 'frac':
      if (e.of.kind === 'name' && e.wrt.length === 1 && e.wrt[0].kind === 'name') return `d${nameText(e.of)}/d${wrt[0]}`;
      return `d(${printExpr(e.of)})/d(${wrt.join(', ')})`;
  }
}

const isBracketedCall = (e: Expr) => e.kind === 'call' && e.bracketed === true;
