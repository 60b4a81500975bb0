// Reads a derivation in any of the accepted forms (.cr, Markdown, LaTeX) into the one AST.
import type { ParsedFile } from './syntax/ast';
import { parseFile } from './syntax/parse';

export function parseDocument(source: string, file: string): ParsedFile {
  return parseFile(source, file);
}
