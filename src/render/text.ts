// Text rendering of diagnostics, rustc/Elm style:
//
//   fixtures/mlp.cr:17:10: error[shape-mismatch]: cannot multiply a1 (1 x N) by (-y / s) Q (1 x C)
//      |
//   17 | dL/dW2 = a1 ((-y / s) Q)
//      |          ^^^^^^^^^^^^^^^
//      = hint: a1^T ((-y / s) Q) is N x C, the shape of W2
import type { Diagnostic } from '../diagnostics';

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  cyan: '\u001b[36m',
};

function paint(color: boolean, codes: string, text: string): string {
  return color && text ? `${codes}${text}${ANSI.reset}` : text;
}

/** Source lines without their line terminators (CRLF included). */
function sourceLine(source: string, line: number): string | undefined {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = source.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const nl = source.indexOf('\n', start);
  return source.slice(start, nl < 0 ? source.length : nl).replace(/\r$/, '');
}

/** Spaces up to a column, keeping tabs where the source has them so the caret lines up. */
function padTo(text: string, column: number): string {
  let pad = '';
  for (let i = 0; i < column - 1; i++) pad += text[i] === '\t' ? '\t' : ' ';
  return pad;
}

export function renderDiagnostic(d: Diagnostic, source: string, file: string, color: boolean): string {
  const { span } = d;
  const levelColor = d.severity === 'error' ? ANSI.red : ANSI.yellow;
  const header =
    `${file}:${span.line}:${span.column}: ` +
    paint(color, ANSI.bold + levelColor, `${d.severity}[${d.code}]`) +
    paint(color, ANSI.bold, `: ${d.message}`);
  const lines = [header];

  const text = sourceLine(source, span.line);
  const gutterWidth = String(span.line).length;
  const blank = ' '.repeat(gutterWidth + 1);
  const bar = (prefix: string) => paint(color, ANSI.blue, `${prefix}|`);
  if (text !== undefined && span.line >= 1) {
    // A span over several lines is underlined to the end of its first line.
    const column = Math.max(1, Math.min(span.column, text.length + 1));
    const end = span.endLine === span.line ? Math.min(span.endColumn, text.length + 1) : text.length + 1;
    const width = Math.max(1, end - column);
    lines.push(bar(blank));
    lines.push(`${bar(`${span.line} `)} ${text}`.replace(/\s+$/, ''));
    lines.push(`${bar(blank)} ${padTo(text, column)}${paint(color, ANSI.bold + levelColor, '^'.repeat(width))}`);
  }
  if (d.hint) lines.push(`${blank}${paint(color, ANSI.cyan, '=')} ${paint(color, ANSI.bold, 'hint:')} ${d.hint}`);
  return lines.join('\n');
}
