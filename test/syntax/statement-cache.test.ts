// The memo of parsed statements (src/syntax/statement-cache.ts) must be invisible: a file read after
// the same statements were met elsewhere parses exactly as it does with nothing remembered.
import * as fs from 'fs';
import * as path from 'path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParsedFile } from '../../src/syntax/ast';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const files = ['check', 'grade', 'examples', 'shapes'].flatMap((dir) => {
  const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.cr') ? [path.join(d, e.name)] : []));
  return walk(path.join(FIXTURES, dir));
});

/** A fresh copy of the parser (an empty memo) and a count of the statements nearley actually ran on. */
async function freshParser(): Promise<{ parseFile: (source: string, file: string) => ParsedFile; runs: () => number }> {
  vi.resetModules();
  let runs = 0;
  vi.doMock('../../src/syntax/run', async (importOriginal) => {
    const original = await importOriginal<typeof import('../../src/syntax/run')>();
    return { ...original, runGrammar: (...args: Parameters<typeof original.runGrammar>) => (runs++, original.runGrammar(...args)) };
  });
  const { parseFile } = await import('../../src/syntax/parse');
  return { parseFile, runs: () => runs };
}

/** The same lines two lines lower and indented: every single-line statement moves down and right. */
function moved(source: string): string {
  return '\n\n' + source.split('\n').map((line) => (line.trim() ? `   ${line}` : line)).join('\n');
}

afterEach(() => {
  vi.doUnmock('../../src/syntax/run');
});

describe('statement cache', () => {
  it('has fixtures to read', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files.map((f) => [path.relative(FIXTURES, f), f]))('%s parses the same when its statements were met elsewhere first', async (_name, file) => {
    const source = fs.readFileSync(file, 'utf8');
    const cold = (await freshParser()).parseFile(source, file);

    const warm = await freshParser();
    warm.parseFile(moved(source), file);
    const before = warm.runs();
    const reread = warm.parseFile(source, file);
    expect(reread).toEqual(cold);
    // Statements that parse were taken from the memo; nearley ran only on those that failed or span lines.
    const parsedStatements = cold.statements.length;
    if (parsedStatements > 0) expect(warm.runs() - before).toBeLessThan(parsedStatements);
  });

  it('a statement repeated in one file reads as two statements at their own places', async () => {
    const { parseFile } = await freshParser();
    const parsed = parseFile('x : scalar\ny = x^2\n   y = x^2\n', 't.cr');
    const [first, second] = parsed.statements.slice(1);
    expect(first.span).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 8 });
    expect(second.span).toEqual({ line: 3, column: 4, endLine: 3, endColumn: 11 });
    expect(second).not.toBe(first);
  });
});
