// Compact views of the AST for readable assertions.
import type { Expr, Span, Statement } from '../../src/syntax/ast';
import { parseExpression, parseFile } from '../../src/syntax/parse';

/** An S-expression: `(mul:juxt X W)`, `(^ x 2)`, `(T A)`, `(d/frac L W1)`. */
export function sexp(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return e.text;
    case 'name':
      return e.name;
    case 'call':
      return `${e.callee}${"'".repeat(e.prime)}(${e.args.map(sexp).join(', ')})`;
    case 'neg':
      return `(- ${sexp(e.arg)})`;
    case 'binary':
      return `(${e.op}${e.style ? ':' + e.style : ''} ${sexp(e.left)} ${sexp(e.right)})`;
    case 'transpose':
      return `(T ${sexp(e.arg)})`;
    case 'power':
      return `(${e.elementwise ? '.^' : '^'} ${sexp(e.base)} ${sexp(e.exponent)})`;
    case 'matrix':
      return `[${e.rows.map((r) => r.map(sexp).join(', ')).join('; ')}]`;
    case 'deriv':
      return `(d/${e.form} ${sexp(e.of)} ${e.wrt.map(sexp).join(' ')})`;
  }
}

export const px = (text: string): string => sexp(parseExpression(text));

/** `line:col-endLine:endCol` */
export function sp(s: Span): string {
  return `${s.line}:${s.column}-${s.endLine}:${s.endColumn}`;
}

/** Parse a source expected to have no diagnostics and return its statements. */
export function stmts(source: string): Statement[] {
  const r = parseFile(source, 'test.cr');
  if (r.diagnostics.length) throw new Error(`unexpected diagnostics: ${JSON.stringify(r.diagnostics)}`);
  return r.statements;
}

export function one(source: string): Statement {
  const s = stmts(source);
  if (s.length !== 1) throw new Error(`expected one statement, got ${s.length}`);
  return s[0];
}
