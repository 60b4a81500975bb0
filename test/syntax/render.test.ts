import { describe, expect, it } from 'vitest';
import { error, warning } from '../../src/diagnostics';
import { renderDiagnostic } from '../../src/render/text';
import { parseFile } from '../../src/syntax/parse';

const source = `${'# line\n'.repeat(16)}dL/dW2 = a1 ((-y / s) Q)\n`;

describe('renderDiagnostic', () => {
  it('renders rustc style with a caret under the span and the hint', () => {
    const d = error(
      'shape-mismatch',
      'cannot multiply a1 (1 x N) by (-y / s) Q (1 x C)',
      { line: 17, column: 10, endLine: 17, endColumn: 25 },
      'a1^T ((-y / s) Q) is N x C, the shape of W2',
    );
    expect(renderDiagnostic(d, source, 'fixtures/mlp.cr', false)).toBe(
      [
        'fixtures/mlp.cr:17:10: error[shape-mismatch]: cannot multiply a1 (1 x N) by (-y / s) Q (1 x C)',
        '   |',
        '17 | dL/dW2 = a1 ((-y / s) Q)',
        '   |          ^^^^^^^^^^^^^^^',
        '   = hint: a1^T ((-y / s) Q) is N x C, the shape of W2',
      ].join('\n'),
    );
  });

  it('says warning for warnings and omits a missing hint', () => {
    const d = warning('similar-name', 'W_1 looks like W1', { line: 1, column: 5, endLine: 1, endColumn: 8 });
    expect(renderDiagnostic(d, 'h = W_1 x', 'a.cr', false)).toBe(
      ['a.cr:1:5: warning[similar-name]: W_1 looks like W1', '  |', '1 | h = W_1 x', '  |     ^^^'].join('\n'),
    );
  });

  it('uses ANSI colour only when asked', () => {
    const d = error('parse-error', 'bad', { line: 1, column: 1, endLine: 1, endColumn: 2 }, 'fix it');
    expect(renderDiagnostic(d, 'x', 'a.cr', false)).not.toMatch(/\u001b\[/);
    const colored = renderDiagnostic(d, 'x', 'a.cr', true);
    expect(colored).toMatch(/\u001b\[/);
    expect(colored.replace(/\u001b\[[0-9;]*m/g, '')).toBe(renderDiagnostic(d, 'x', 'a.cr', false));
  });

  it('draws one caret for an empty span or a span past the end of the line', () => {
    const d = error('parse-error', 'unexpected end of statement', { line: 1, column: 6, endLine: 1, endColumn: 7 });
    expect(renderDiagnostic(d, 'a = b', 'a.cr', false).split('\n')[3]).toBe('  |      ^');
    const empty = error('parse-error', 'x', { line: 1, column: 2, endLine: 1, endColumn: 2 });
    expect(renderDiagnostic(empty, 'abc', 'a.cr', false).split('\n')[3]).toBe('  |  ^');
  });

  it('underlines a multi-line span to the end of its first line, keeping tabs aligned', () => {
    const d = error('parse-error', 'x', { line: 1, column: 4, endLine: 2, endColumn: 3 });
    expect(renderDiagnostic(d, '\ta = f(\n  b)', 'a.cr', false).split('\n').slice(2)).toEqual(['1 | \ta = f(', '  | \t  ^^^^']);
  });

  it('handles CRLF sources and spans outside the source', () => {
    const d = error('parse-error', 'x', { line: 2, column: 1, endLine: 2, endColumn: 2 });
    expect(renderDiagnostic(d, 'a\r\nb\r\n', 'a.cr', false).split('\n')[2]).toBe('2 | b');
    expect(renderDiagnostic({ ...d, span: { line: 9, column: 1, endLine: 9, endColumn: 2 } }, 'a', 'a.cr', false)).toBe('a.cr:9:1: error[parse-error]: x');
  });

  it('renders real parse errors', () => {
    const src = 'X : 1 x M\nA = [1 2]\n';
    const [d] = parseFile(src, 'm.cr').diagnostics;
    expect(renderDiagnostic(d, src, 'm.cr', false)).toBe(
      [
        'm.cr:2:6: error[parse-error]: two numbers side by side',
        '  |',
        '2 | A = [1 2]',
        '  |      ^^^',
        '  = hint: separate matrix entries with commas: [1, 2]',
      ].join('\n'),
    );
  });
});
