// After a parse: fold power chains (B.finishExpr) and check what the grammar leaves open
// (matrix rows of equal length, dimensions that are positive integers).
import type { Expr, ShapeSpec } from './ast';
import { error, type Diagnostic } from '../diagnostics';
import { finishExpr, type RawStatement } from './build';

function checkExpr(e: Expr): Diagnostic | undefined {
  switch (e.kind) {
    case 'number':
    case 'name':
      return undefined;
    case 'matrix': {
      const width = e.rows[0].length;
      const bad = e.rows.find((r) => r.length !== width);
      if (bad) {
        return error(
          'parse-error',
          `the rows of this matrix have different numbers of entries (${width} and ${bad.length})`,
          e.span,
          'separate rows with `;` and the entries of a row with `,`',
        );
      }
      for (const row of e.rows) for (const x of row) {
        const d = checkExpr(x);
        if (d) return d;
      }
      return undefined;
    }
    case 'call':
      for (const a of e.args) {
        const d = checkExpr(a);
        if (d) return d;
      }
      return undefined;
    case 'neg':
    case 'transpose':
    case 'entry':
      return checkExpr(e.arg);
    case 'pattern':
      return checkExpr(e.entry);
    case 'binary':
      return checkExpr(e.left) ?? checkExpr(e.right);
    case 'power':
      return checkExpr(e.base) ?? checkExpr(e.exponent);
    case 'deriv':
      return checkExpr(e.of) ?? e.wrt.map(checkExpr).find((d) => d);
  }
}

function checkShape(s: ShapeSpec | undefined): Diagnostic | undefined {
  if (!s) return undefined;
  for (const d of [s.rows, s.cols]) {
    if (typeof d === 'number' && !(Number.isInteger(d) && d >= 1)) {
      return error('parse-error', `a dimension must be a positive integer or a name, not ${d}`, s.span);
    }
  }
  return undefined;
}

export function checkRaw(raw: RawStatement): Diagnostic | undefined {
  switch (raw.kind) {
    case 'expr':
      return checkExpr(raw.expr);
    case 'decl':
      return checkShape(raw.shape);
    case 'equation':
      return checkExpr(raw.lhs) ?? raw.rhs.map(checkExpr).find((d) => d) ?? checkShape(raw.shapeClaim);
    case 'cont':
      return raw.rhs.map(checkExpr).find((d) => d) ?? checkShape(raw.shapeClaim);
    case 'ask':
      return checkExpr(raw.target);
    case 'invalid':
      return error('parse-error', raw.message, raw.span);
    default:
      return undefined;
  }
}

export function finishRaw(raw: RawStatement): RawStatement {
  switch (raw.kind) {
    case 'expr':
      return { ...raw, expr: finishExpr(raw.expr) };
    case 'equation':
      return { ...raw, lhs: finishExpr(raw.lhs), rhs: raw.rhs.map(finishExpr) };
    case 'cont':
      return { ...raw, rhs: raw.rhs.map(finishExpr) };
    case 'ask':
      return { ...raw, target: finishExpr(raw.target) };
    default:
      return raw;
  }
}
