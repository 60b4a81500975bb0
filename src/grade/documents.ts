// A submission's files read as one document. Each file is parsed on its own (by its extension: .cr, .md,
// .tex, .ipynb), then its spans are moved down by the lines of the files before it, so that one source (the
// files joined by newlines) serves every span and `locate` maps a line back to its file.
import type { Diagnostic } from '../diagnostics';
import type { Span } from '../syntax/ast';
import { parseDocument, sourceKindOf } from '../analysis/document';
import type { ParsedDocument } from '../latex/documents';
import { segmentsOf, type Segment } from './segments';

export interface SubmissionFile {
  /** Relative to the submission's folder, with `/` separators (or the file's name). */
  path: string;
  source: string;
}

export interface FileRange {
  path: string;
  /** The line of the joined source where this file's line 1 is. */
  firstLine: number;
  lineCount: number;
}

export interface SubmissionDocument {
  files: FileRange[];
  /** Every file, in order, joined by newlines: the text all spans point into. */
  source: string;
  /** Every file's parts, each of which may answer a problem (segments.ts), in order. */
  segments: Array<Segment & { file: string }>;
  /** Lines written in `.cr` (whole `.cr` files, ```cr fences): the rest is LaTeX, where OCR slips are read. */
  crLines: Array<{ from: number; to: number }>;
  /** LaTeX maths blocks some of which could not be read, with their text: a problem's names may read them (unnamedGradients.ts). */
  unreadMaths: UnreadMath[];
  diagnostics: Diagnostic[];
}

export interface UnreadMath {
  text: string;
  /** Where the text starts and ends in the joined source. */
  span: Span;
}

export function readSubmissionDocument(files: readonly SubmissionFile[]): SubmissionDocument {
  const doc: SubmissionDocument = { files: [], source: '', segments: [], crLines: [], unreadMaths: [], diagnostics: [] };
  const sources: string[] = [];
  let nextLine = 1;
  for (const file of files) {
    const parsed = parseDocument(file.source, file.path);
    const offset = nextLine - 1;
    if (offset > 0) shiftSpans([parsed.statements, parsed.diagnostics], offset);
    doc.diagnostics.push(...parsed.diagnostics);
    const lineCount = countLines(parsed.source); // a notebook's spans point into its cells' text, laid out on its lines
    if (sourceKindOf(file.path) === 'cr') doc.crLines.push({ from: nextLine, to: nextLine + lineCount - 1 });
    let sourceLines: string[] | undefined;
    for (const b of (parsed as Partial<ParsedDocument>).blocks ?? []) {
      if (b.kind === 'cr') doc.crLines.push({ from: b.span.line + offset, to: b.span.endLine + offset });
      else if (!b.read) doc.unreadMaths.push({ text: textAt((sourceLines ??= parsed.source.split('\n')), b.span), span: { ...b.span, line: b.span.line + offset, endLine: b.span.endLine + offset } });
    }
    doc.segments.push(...segmentsOf(parsed, nextLine + lineCount - 1).map((seg) => ({ ...seg, file: file.path })));
    doc.files.push({ path: file.path, firstLine: nextLine, lineCount });
    sources.push(parsed.source);
    nextLine += lineCount;
  }
  doc.source = sources.join('\n');
  return doc;
}

/** The file and the line in it of a line of the joined source. */
export function locate(doc: Pick<SubmissionDocument, 'files'>, line: number): { file: string; line: number } {
  for (const f of doc.files) {
    if (line < f.firstLine + f.lineCount) return { file: f.path, line: line - f.firstLine + 1 };
  }
  const last = doc.files[doc.files.length - 1];
  return last ? { file: last.path, line: line - last.firstLine + 1 } : { file: '', line };
}

/** The text of a span of one file's source (given by its lines). */
function textAt(sourceLines: readonly string[], span: Span): string {
  const lines = sourceLines.slice(span.line - 1, span.endLine);
  if (lines.length === 0) return '';
  lines[lines.length - 1] = lines[lines.length - 1].slice(0, span.endColumn - 1);
  lines[0] = lines[0].slice(span.column - 1);
  return lines.join('\n');
}

function countLines(source: string): number {
  let n = 1;
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) n++;
  return n;
}

function isSpan(x: object): x is Span {
  const s = x as Partial<Span>;
  return typeof s.line === 'number' && typeof s.endLine === 'number' && typeof s.column === 'number' && typeof s.endColumn === 'number';
}

/** Moves every span in a freshly parsed tree down by `offset` lines. */
function shiftSpans(root: unknown, offset: number): void {
  eachSpan(root, (x) => {
    x.line += offset;
    x.endLine += offset;
  });
}

/**
 * Calls `visit` on every span in a parsed tree. Iterative (trees may be deep), and each object is visited
 * once, since parse results may share sub-objects.
 */
export function eachSpan(root: unknown, visit: (span: Span) => void): void {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const x = stack.pop();
    if (typeof x !== 'object' || x === null || seen.has(x)) continue;
    seen.add(x);
    if (isSpan(x)) {
      visit(x);
      continue;
    }
    for (const v of Array.isArray(x) ? x : Object.values(x)) if (typeof v === 'object' && v !== null) stack.push(v);
  }
}

/** Whether a span of the joined source was written in LaTeX (outside `.cr` files and fences). */
export function isLatexSpan(doc: Pick<SubmissionDocument, 'crLines'>, span: Span): boolean {
  return !doc.crLines.some((r) => span.line >= r.from && span.line <= r.to);
}
