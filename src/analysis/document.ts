// Reads a derivation in any of the accepted forms (.cr, Markdown, LaTeX, Jupyter notebooks) into the one AST.
import type { ParsedFile, Span } from '../syntax/ast';
import { spanWithin } from '../diagnostics';
import { parseFile } from '../syntax/parse';
import { parseMarkdown, parseTex, type ParsedDocument } from '../latex/documents';
import { parseNotebook } from '../latex/notebook';
import { withoutOversized } from './sizeLimits';

export type SourceKind = 'cr' | 'markdown' | 'tex' | 'notebook';

export function sourceKindOf(file: string): SourceKind {
  const lower = file.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (lower.endsWith('.tex')) return 'tex';
  if (lower.endsWith('.ipynb')) return 'notebook';
  return 'cr';
}

/** The document's statements, without those that ask for too much (sizeLimits.ts). */
export function parseDocument(source: string, file: string): ParsedFile {
  return withoutOversized(parseAnyKind(source, file));
}

function parseAnyKind(source: string, file: string): ParsedFile {
  switch (sourceKindOf(file)) {
    case 'markdown':
      return parseMarkdown(source, file);
    case 'tex':
      return parseTex(source, file);
    case 'notebook':
      return parseNotebook(source, file);
    case 'cr':
      return parseFile(source, file);
  }
}

/** Whether a span of a parsed file was written in LaTeX: anywhere in a Markdown or TeX document but its ```cr fences. */
export function latexSpans(parsed: ParsedFile): (span: Span) => boolean {
  const blocks = (parsed as Partial<ParsedDocument>).blocks;
  if (!blocks) return () => false;
  const fences = blocks.filter((b) => b.kind === 'cr');
  return (span) => !fences.some((f) => spanWithin(span, f.span));
}
