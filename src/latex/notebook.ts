// Jupyter notebooks (.ipynb, nbformat 4): the markdown cells are the document; code cells, their outputs
// and raw cells are ignored. The cells are laid out as one Markdown text in which each line of a cell sits
// on the line of the .ipynb file that holds it (Jupyter writes every source line as a JSON string on a line
// of its own) and every other line is blank. Spans point into that text, so a reported line is a line of
// the notebook file, and the line shown under it is the cell's own text, carets and all. A notebook not
// written that way (a cell's source as one string, a file on one line) keeps its cells in order, each on
// lines of its own after the one its source starts on. Each cell is scanned on its own (maths never runs
// from one cell into the next); the events are then read as one document, so problems and `= ...` chains
// continue across cells.
import { error } from '../diagnostics';
import { assemble, type DocumentOptions, type ParsedDocument } from './documents';
import { scanMarkdown, type DocumentEvent } from './extract';
import { decodeFormulaImages } from './formulaImages';
import { scanJson, type JsonPath } from './jsonScan';
import { PositionMap } from './positions';

interface Cell {
  /** Lines of the cell's source, without their line breaks. */
  lines: string[];
  /** The file line (1-based) its first source string is on. */
  line: number;
}

export function parseNotebook(source: string, file: string, options: DocumentOptions = {}): ParsedDocument {
  const fileLines = new PositionMap(source, { file, line: 1, column: 1 });
  let notebook: unknown;
  try {
    notebook = JSON.parse(source);
  } catch (e) {
    const found = scanJson(source, () => false).error ?? { offset: 0, message: (e as Error).message };
    const span = fileLines.span(found.offset, Math.min(found.offset + 1, source.length));
    const hint = 'a notebook is the JSON file Jupyter saves: open it in Jupyter (or an editor that checks JSON) and save it again';
    return failed(source, file, error('parse-error', `this notebook is not valid JSON: ${found.message}`, span, hint));
  }
  const cells = (notebook as { cells?: unknown } | null)?.cells;
  if (!Array.isArray(cells)) {
    const span = { line: 1, column: 1, endLine: 1, endColumn: 2 };
    return failed(source, file, error('parse-error', 'this file is not a Jupyter notebook: it has no list of `cells` (nbformat 4)', span, 'save the notebook with Jupyter 4 or later'));
  }
  const layout = layOut(markdownCells(source, cells, fileLines));
  const scan = () => layout.cells.flatMap((c) => scanMarkdown(c.text).map((ev) => shifted(ev, c.offset)));
  return assemble(layout.text, file, scan, options);
}

function failed(source: string, file: string, d: ReturnType<typeof error>): ParsedDocument {
  return { file, source, statements: [], diagnostics: [d], problemIds: [], blocks: [], questions: [], questionOf: [] };
}

/** The markdown cells in order, each with its source lines and the file line its source starts on. */
function markdownCells(source: string, cells: unknown[], fileLines: PositionMap): Cell[] {
  const isSource = (p: JsonPath) => p.length >= 3 && p[0] === 'cells' && p[2] === 'source';
  const where = new Map<string, number>();
  for (const s of scanJson(source, isSource).strings) where.set(`${s.path[1]}/${s.path[3] ?? ''}`, s.offset);
  const out: Cell[] = [];
  cells.forEach((cell, k) => {
    const c = cell as { cell_type?: unknown; source?: unknown } | null;
    if (c?.cell_type !== 'markdown') return;
    const pieces = typeof c.source === 'string' ? [c.source] : Array.isArray(c.source) ? c.source.filter((p): p is string => typeof p === 'string') : [];
    const text = decodeFormulaImages(pieces.join(''));
    if (text.trim() === '') return;
    const offset = where.get(Array.isArray(c.source) ? `${k}/0` : `${k}/`) ?? 0;
    out.push({ lines: text.replace(/\r?\n$/, '').split('\n'), line: fileLines.position(offset).line });
  });
  return out;
}

/** The Markdown text of the cells, each on its own lines (see the file comment), and where each cell starts. */
function layOut(cells: Cell[]): { text: string; cells: Array<{ text: string; offset: number }> } {
  const lines: string[] = [];
  const placed: Array<{ text: string; first: number }> = [];
  for (const cell of cells) {
    // After the cell before, with a blank line between: a cell ends its paragraphs and lists.
    const first = Math.max(cell.line, placed.length > 0 ? lines.length + 2 : 1);
    while (lines.length < first - 1) lines.push('');
    lines.push(...cell.lines);
    placed.push({ text: cell.lines.join('\n'), first });
  }
  const starts: number[] = [];
  let offset = 0;
  lines.forEach((l) => {
    starts.push(offset);
    offset += l.length + 1;
  });
  return { text: lines.join('\n'), cells: placed.map((p) => ({ text: p.text, offset: starts[p.first - 1] })) };
}

function shifted(ev: DocumentEvent, by: number): DocumentEvent {
  return 'end' in ev ? { ...ev, start: ev.start + by, end: ev.end + by } : { ...ev, start: ev.start + by };
}
