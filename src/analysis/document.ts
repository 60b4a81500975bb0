// Reads a derivation in any of the accepted forms (.cr, Markdown, LaTeX, Jupyter notebooks) into the one AST.
import type { ParsedFile } from '../syntax/ast';
import { parseFile } from '../syntax/parse';
import { parseMarkdown, parseTex } from '../latex/documents';
import { parseNotebook } from '../latex/notebook';

export type SourceKind = 'cr' | 'markdown' | 'tex' | 'notebook';

export function sourceKindOf(file: string): SourceKind {
  const lower = file.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (lower.endsWith('.tex')) return 'tex';
  if (lower.endsWith('.ipynb')) return 'notebook';
  return 'cr';
}

export function parseDocument(source: string, file: string): ParsedFile {
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
