// Shared helpers for the LaTeX front-end tests.
import { expect } from 'vitest';
import type { Expr, Statement } from '../../src/syntax/ast';
import { countRowParses, parseLatexMath, type LatexMathResult } from '../../src/latex/parse';
import { normalizeLatex } from '../../src/latex/normalize';
import { PositionMap } from '../../src/latex/positions';
import { splitRows } from '../../src/latex/rows';
import { show, showStatement } from './print';
import { checkSource } from '../../src/app/check';

export const ORIGIN = { file: 'test.md', line: 1, column: 1 };

export function parse(math: string): LatexMathResult {
  expectUnambiguous(math);
  return parseLatexMath(math, ORIGIN);
}

/** Every row the grammar accepts has exactly one parse (Earley would silently pick one of several). */
export function expectUnambiguous(math: string): void {
  for (const row of splitRows(normalizeLatex(new PositionMap(math, ORIGIN)).tokens)) {
    if (!row.error) expect(countRowParses(row.tokens)).toBeLessThanOrEqual(1);
  }
}

/** Parse a block that starts at `line`:`column` of its file. */
export function parseAt(math: string, line: number, column: number): LatexMathResult {
  expectUnambiguous(math);
  return parseLatexMath(math, { file: 'test.md', line, column });
}

/** The statements of a block that must parse without any diagnostic. */
export function statements(math: string): Statement[] {
  const r = parse(math);
  expect(r.diagnostics.map((d) => d.message)).toEqual([]);
  return r.statements;
}

export function printed(math: string): string[] {
  return statements(math).map(showStatement);
}

/** The expression `latex` means: parsed as the right side of `Z = latex`. */
export function exprOf(latex: string): Expr {
  const [st] = statements(`Z = ${latex}`);
  if (st?.kind !== 'equation') throw new Error(`no equation in ${latex}`);
  return st.rhs[0].expr;
}

export function shown(latex: string): string {
  return show(exprOf(latex));
}

/** Each claim of a Markdown document `check`ed, as its steps' `line verdict`. */
export function stepsOf(source: string): string[][] {
  return checkSource(source, 'doc.md').report.claims.map((c) => c.steps.map((s) => `${s.line} ${s.verdict}`));
}
