// Which format the editor's text is in, when the student has not chosen one: LaTeX if it has a document
// preamble or environment, Markdown if it has maths delimiters, else a `.cr` derivation (whose own lines
// never hold `$` or `\(`).
import type { SourceFormat } from './protocol';

const TEX = /\\documentclass\b|\\begin\{document\}|\\(?:sub)*section\*?\{|\\begin\{(?:enumerate|itemize)\}/;
const MARKDOWN_MATHS = /\$|\\\(|\\\[|\\begin\{(?:align|equation|gather)\*?\}/;

export function detectFormat(text: string): SourceFormat {
  if (TEX.test(text)) return 'tex';
  if (MARKDOWN_MATHS.test(text)) return 'md';
  return 'cr';
}

/** The file name a text of this format is checked under: the library reads the format off the extension. */
export function fileNameFor(format: SourceFormat): string {
  return `derivation.${format}`;
}
