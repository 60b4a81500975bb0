// printExpr (AST → .cr) parses back to the same expression, for every expression of every fixture.
import { expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { parseExpression, parseFile } from '../../src/syntax/parse';
import { parseMarkdown } from '../../src/latex/documents';
import { printExpr } from '../../src/syntax/print';
import type { Expr, Statement } from '../../src/syntax/ast';

function shape(e: Expr): unknown {
  // How it was written: a call's own brackets matter only under a power or transpose, where printing keeps them.
  return JSON.parse(JSON.stringify(e, (k, v) => (k === 'span' || k === 'text' || k === 'calleeText' || k === 'bracketed' ? undefined : v)));
}

function expressions(st: Statement): Expr[] {
  if (st.kind === 'equation') return [st.lhs.expr, ...st.rhs.map((s) => s.expr)];
  if (st.kind === 'ask') return [st.target.expr];
  return [];
}

function fixtureStatements(): Statement[] {
  const out: Statement[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.cr')) out.push(...parseFile(fs.readFileSync(file, 'utf8'), file).statements);
      else if (entry.name.endsWith('.md') && dir.includes('latex')) out.push(...parseMarkdown(fs.readFileSync(file, 'utf8'), file).statements);
    }
  };
  walk(path.join(__dirname, '../../fixtures'));
  return out;
}

it('prints every fixture expression so that it parses back to the same expression', () => {
  const all = fixtureStatements().flatMap(expressions);
  expect(all.length).toBeGreaterThan(300);
  for (const e of all) {
    const printed = printExpr(e);
    expect(shape(parseExpression(printed)), printed).toEqual(shape(e));
  }
});
