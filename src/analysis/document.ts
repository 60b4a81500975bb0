// Reads a derivation in any of the accepted forms (.cr, Markdown, LaTeX, Jupyter notebooks) into the one AST.
import type { ParsedFile, Span } from '../syntax/ast';
import { spanWithin } from '../diagnostics';
import { parseFile } from '../syntax/parse';
import type * as LatexDocuments from '../latex/documents';
import type * as Notebooks from '../latex/notebook';
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

// The LaTeX and notebook readers load only for the documents that need them: a .cr file starts without them.
const latexDocuments = () => require('../latex/documents') as typeof LatexDocuments;
const notebooks = () => require('../latex/notebook') as typeof Notebooks;

function parseAnyKind(source: string, file: string): ParsedFile {
  switch (sourceKindOf(file)) {
    case 'markdown':
      return latexDocuments().parseMarkdown(source, file);
    case 'tex':
      return latexDocuments().parseTex(source, file);
    case 'notebook':
      return notebooks().parseNotebook(source, file);
    case 'cr':
      return parseFile(source, file);
  }
}

/** Whether a span of a parsed file was written in LaTeX: anywhere in a Markdown or TeX document but its ```cr fences. */
export function latexSpans(parsed: ParsedFile): (span: Span) => boolean {
  const blocks = (parsed as Partial<LatexDocuments.ParsedDocument>).blocks;
  if (!blocks) return () => false;
  const fences = blocks.filter((b) => b.kind === 'cr');
  return (span) => !fences.some((f) => spanWithin(span, f.span));
}
