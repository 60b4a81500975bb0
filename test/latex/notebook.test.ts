// Jupyter notebooks (issue 13, item 6): markdown cells are read as Markdown, code cells and outputs are
// ignored, and a line number is the line of the .ipynb file that holds the cell's line (docs/latex.md).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/app/check';
import { parseDocument, sourceKindOf } from '../../src/analysis/document';
import { loadAssignment } from '../../src/grade/assignment';
import { discoverSubmissions, readSubmission } from '../../src/grade/discover';
import { gradeSubmission } from '../../src/grade/grader';
import { renderDiagnostic } from '../../src/render/text';
import { showStatement } from './print';

const FIXTURE = 'fixtures/latex/notebook.ipynb';
const source = fs.readFileSync(FIXTURE, 'utf8');
const fileLines = source.split('\n');

describe('fixtures/latex/notebook.ipynb', () => {
  it('is read as a notebook', () => {
    expect(sourceKindOf('hw.IPYNB')).toBe('notebook');
  });

  it('reads the markdown cells only: the code cell and its output `$$x = 1$$` give nothing', () => {
    const doc = parseDocument(source, FIXTURE);
    expect(doc.diagnostics).toEqual([]);
    // Cell 1: the heading (a question), a declaration, three definitions, dL/da; cell 3 continues dL/da
    // (its `$$= ...$$` block), then three claims. Nothing says x = 1 or x = 2.
    expect(doc.statements.map(showStatement)).toEqual([
      'decl w, x, b, y : 1 x 1',
      'z = (+ (* w x) b)',
      'a = sigma(z)',
      'L = (- (* (neg y) log(a)) (* (- 1 y) log((- 1 a))))',
      '(d L / a) = (+ (neg (/ y a)) (/ (- 1 y) (- 1 a))) = (/ (- a y) a((- 1 a)))',
      '(d L / z) = (- a y)',
      '(d L / w) = (* (- a y) x)',
      '(d L / b) = (+ a y)',
    ]);
  });

  it('checks it as it checks Markdown: a - y is right for dL/dz and dL/dw x, a + y is a sign slip', () => {
    const { report } = checkSource(source, FIXTURE);
    expect(report.claims.map((c) => [c.line, c.target, c.steps.map((s) => s.verdict).join(' ')])).toEqual([
      [15, 'dL/da', 'correct correct'],
      [44, 'dL/dz', 'correct'],
      [45, 'dL/dw', 'correct'],
      [46, 'dL/db', 'incorrect'],
    ]);
    expect(report.claims[3].steps[0].diagnosis).toBe('sign');
  });

  it('gives lines of the .ipynb file, and columns in the cell\'s line', () => {
    const { report, text } = checkSource(source, FIXTURE);
    // The continuation `= \frac{a - y}{a (1 - a)}` of dL/da is the first line of cell 3, file line 42.
    const [, continued] = report.claims[0].steps;
    expect([continued.line, continued.column]).toEqual([42, 5]);
    expect(fileLines[41]).toContain('"$$= \\\\frac{a - y}{a (1 - a)}$$\\n"');
    // The text the spans point into holds the cell's line on that line, so carets fall under it.
    const lines = text.split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(46);
    expect(lines[41]).toBe('$$= \\frac{a - y}{a (1 - a)}$$');
    const wrong = report.claims[3].steps[0];
    expect(lines[wrong.line - 1].slice(wrong.column - 1)).toBe('a + y$$');
    // Lines outside markdown cells are blank: the code cell's lines are not there.
    expect(lines.slice(17, 36).every((l) => l === '')).toBe(true);
  });
});

describe('the command line on a notebook', () => {
  it('shows the cell\'s line, not the JSON, under a wrong step', () => {
    const run = spawnSync(process.execPath, [path.resolve('dist/src/cli/main.js'), 'check', FIXTURE], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('  46 | $$\\frac{\\partial L}{\\partial b} = a + y$$');
    expect(run.stdout).toContain('step 1: sign: the sign of y is wrong: write - y at 46:39');
  });
});

describe('notebooks that are not written as Jupyter writes them', () => {
  it('reads a cell whose source is one string, and a notebook on one line, keeping cells in order', () => {
    const nb = JSON.stringify({
      cells: [
        { cell_type: 'markdown', metadata: {}, source: '$$a = \\sigma(z)$$\n$$\\frac{da}{dz} = a(1 - a)$$\n' },
        { cell_type: 'code', metadata: {}, outputs: [], source: '$$a = 2$$' },
        { cell_type: 'markdown', metadata: {}, source: ['$$\\frac{da}{dz} = a$$'] },
      ],
      nbformat: 4,
      nbformat_minor: 5,
    });
    const { report, text } = checkSource(nb, 'one-line.ipynb');
    expect(report.claims.map((c) => [c.line, c.target, c.steps.map((s) => s.verdict).join(' ')])).toEqual([
      [2, 'da/dz', 'correct'],
      [4, 'da/dz', 'incorrect'],
    ]);
    expect(text.split('\n')).toEqual(['$$a = \\sigma(z)$$', '$$\\frac{da}{dz} = a(1 - a)$$', '', '$$\\frac{da}{dz} = a$$']);
  });

  it('keeps maths from running from one cell into the next', () => {
    const nb = JSON.stringify({ cells: [{ cell_type: 'markdown', source: ['$$a = 1'] }, { cell_type: 'markdown', source: ['b = 2$$'] }], nbformat: 4 });
    expect(parseDocument(nb, 'nb.ipynb').statements).toEqual([]);
  });
});

describe('a notebook that is not valid JSON', () => {
  it.each([
    // a trailing comma before `]`: line 3, column 2
    ['{"cells": [\n {"cell_type": "markdown", "source": ["$$a = 1$$"]},\n ]\n}\n', 3, 2, 'a value was expected here, not `]`'],
    // a line break inside a string
    ['{"cells": [{"cell_type": "markdown", "source": ["$$a\n= 1$$"]}]}', 1, 53, 'a line break or control character inside a string must be escaped (\\n)'],
    ['{"cells": [', 1, 12, 'the JSON ends before it is complete'],
    ['{"cells" [] }', 1, 10, '`:` was expected after the property name'],
  ])('%j is an error at its line and column, with a hint', (text, line, column, reason) => {
    const doc = parseDocument(text, 'bad.ipynb');
    expect(doc.statements).toEqual([]);
    expect(doc.diagnostics).toMatchObject([{ severity: 'error', code: 'parse-error', message: `this notebook is not valid JSON: ${reason}`, span: { line, column } }]);
    expect(doc.diagnostics[0].hint).toContain('Jupyter');
    const { exitCode, report } = checkSource(text, 'bad.ipynb');
    expect([exitCode, report.diagnostics.map((d) => d.line)]).toEqual([2, [line]]);
    // rendered rustc-style, with the file's own line under it
    expect(renderDiagnostic(doc.diagnostics[0], text, 'bad.ipynb', false)).toContain(`bad.ipynb:${line}:${column}: error[parse-error]`);
  });

  it('says so when the JSON is no notebook', () => {
    expect(parseDocument('{"worksheets": []}', 'old.ipynb').diagnostics.map((d) => d.message)).toEqual([
      'this file is not a Jupyter notebook: it has no list of `cells` (nbformat 4)',
    ]);
  });

  it('refuses absurd nesting without a stack overflow', () => {
    const deep = '['.repeat(100_000);
    expect(parseDocument(deep, 'deep.ipynb').diagnostics).toHaveLength(1);
  });
});

describe('grading notebooks', () => {
  const assignment = loadAssignment(
    ['problem 1 "Logistic regression"', 'w, x, b, y : scalar', 'z = w x + b', 'a = sigma(z)', 'L = -y log(a) - (1 - y) log(1 - a)', 'ask dL/dz 2 points', 'ask dL/db 2 points'].join('\n'),
    'assignment.cr',
  );
  // The fixture under a heading that names the problem.
  const submission = source.replace('# Logistic regression, one sample', '# Problem 1');

  it('accepts .ipynb files as submissions, named without the extension', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-nb-'));
    fs.mkdirSync(path.join(dir, 'folder'));
    fs.writeFileSync(path.join(dir, 'ada.ipynb'), submission);
    fs.writeFileSync(path.join(dir, 'folder', 'hw.ipynb'), submission);
    try {
      const entries = discoverSubmissions([path.join(dir, 'ada.ipynb'), path.join(dir, 'folder')]);
      expect(entries.map((e) => e.name)).toEqual(['ada', 'folder']);
      expect(readSubmission(entries[1]).files.map((f) => f.path)).toEqual(['hw.ipynb']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('grades the answers at the notebook\'s lines', () => {
    const result = gradeSubmission(assignment, { name: 'ada', files: [{ path: 'hw.ipynb', source: submission }], inputHash: 'test' }, 1);
    expect(result.asks.map((a) => [a.target, a.outcome, a.answer?.file, a.answer?.line])).toEqual([
      ['dL/dz', 'correct', 'hw.ipynb', 44],
      ['dL/db', 'partial', 'hw.ipynb', 46],
    ]);
    expect(result.score).toBe(3); // 2 + half of 2 for the sign slip (the default policy)
  });
});
