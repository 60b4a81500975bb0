// The writers: Gradescope results.json, the gradebook CSV, the HTML reports (escaping), the class summary.
import { describe, expect, it } from 'vitest';
import * as path from 'path';
import { toGradescope } from '../../src/grade/gradescope';
import { csvField, gradebookCsv } from '../../src/grade/gradebook';
import { submissionReport } from '../../src/grade/html/report';
import { classPage } from '../../src/grade/html/classPage';
import { summarize } from '../../src/grade/summary';
import { errorResult } from '../../src/grade/errorResult';
import { DEFAULT_GRADING_LIMITS } from '../../src/grade/limits';
import { fixtureAssignment, fixtureSubmissions, gradePath, gradeText, LOGREG, SUBMISSIONS } from './helpers';

const VISIBILITY = ['hidden', 'after_due_date', 'after_published', 'visible'];
const FORMATS = ['text', 'html', 'simple_format', 'md', 'ansi'];

describe('Gradescope results.json', () => {
  const result = gradePath(path.join(SUBMISSIONS, 'dan_signs.cr'));
  const gs = toGradescope(result, 0.1234);

  it('has the top-level score and execution_time, and a test per ask with the fields the spec names', () => {
    expect(Object.keys(gs).sort()).toEqual(['execution_time', 'output', 'output_format', 'score', 'tests', 'visibility']);
    expect(gs.score).toBe(35.5);
    expect(gs.execution_time).toBe(0.123);
    expect(gs.tests).toHaveLength(16);
    for (const t of gs.tests) {
      expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'output', 'output_format', 'score', 'visibility']);
      expect(typeof t.score).toBe('number');
      expect(t.score).toBeLessThanOrEqual(t.max_score);
      expect(FORMATS).toContain(t.output_format);
      expect(VISIBILITY).toContain(t.visibility);
    }
    expect(FORMATS).toContain(gs.output_format);
    expect(gs.tests.reduce((s, t) => s + t.score, 0)).toBe(gs.score);
  });

  it('says what was graded and why in each test', () => {
    expect(gs.tests[0]).toEqual({
      name: '1 dL/dh', score: 1, max_score: 2, output_format: 'text', visibility: 'visible',
      output: 'Your answer (dan_signs.cr, line 4): dL/dh = y - a\nSign slip: the sign is flipped: this is −(dL/dh). 50% of the points.',
    });
  });

  it('explains a submission that was not graded', () => {
    const failed = toGradescope(errorResult(fixtureAssignment(), { name: 'x', files: [], inputHash: 'h' }, 1, DEFAULT_GRADING_LIMITS, 'the time limit of 30 s was exceeded'), 30);
    expect(failed.score).toBe(0);
    expect(failed.output).toContain('Not graded: the time limit of 30 s was exceeded. Every question scores 0; please tell your instructor.');
    expect(failed.tests.every((t) => t.score === 0 && t.output.startsWith('Not graded'))).toBe(true);
  });
});

describe('the gradebook', () => {
  it('quotes fields the RFC 4180 way and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('1a dL/dW')).toBe('1a dL/dW');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1.5')).toBe('-1.5');
  });

  it('has a row per submission, a column per ask and the total', () => {
    const results = ['ada_perfect.cr', 'dan_signs.cr'].map((f) => gradePath(path.join(SUBMISSIONS, f)));
    const csv = gradebookCsv(fixtureAssignment().asks.map((a) => a.id), results).split('\r\n');
    expect(csv[0]).toBe('submission,1 dL/dh,1 dL/dW,1 dL/db,2 dL/dh2,2 dL/dW2,2 dL/db2,2 dL/dh1,2 dL/dW1,2 dL/db1,3 dL/dh,3 dL/dW,3 dL/db,4 dy/da,4 dy/db,4 dy/dc,4 dy/de,total');
    expect(csv[1]).toBe('ada_perfect,2,4,2,2,3,1,4,4,2,4,4,2,2,1,2,1,40');
    expect(csv[2]).toBe('dan_signs,1,2,1,2,3,1,4,4,2,4,4,2,2,1,2,0.5,35.5');
    expect(csv[3]).toBe('');
  });
});

describe('HTML', () => {
  const hostile = 'problem 1\n# <script>alert("comment")</script>\ndL/dW = X^T (a - y) <script>\ndL/db = a - y\n';
  const result = gradeText(LOGREG, hostile, '<img src=x onerror=alert(1)>.cr');
  const html = submissionReport({ ...result, submission: '"><script>alert(2)</script>' }, [{ path: '<b>.cr', source: hostile }]);

  it('escapes everything a student wrote', () => {
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;comment&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.cr');
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('forbids scripts outright', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });

  it('typesets the author\'s lines, marks them, and shows the fix', () => {
    const report = submissionReport(gradePath(path.join(SUBMISSIONS, 'eve_transposes.cr')));
    expect(report).toContain('class="katex"');
    expect(report).toContain('<span class="mark incorrect" title="incorrect">✗</span>');
    expect(report).toContain('<span class="mark correct" title="correct">✓</span>');
    expect(report).toContain('replace X by X^T at 4:17');
    expect(report).toContain('graded for 1 dL/dW: 2 / 4');
  });

  it('links every submission and lists each ask\'s mistakes on the class page', () => {
    const results = fixtureSubmissions().map((p) => gradePath(p));
    const summary = summarize(fixtureAssignment(), 1, results);
    const page = classPage(summary, true);
    expect(page).toContain('<a href="submissions/dan_signs/report.html">dan_signs</a>');
    expect(page).toContain('transpose slip × 1');
  });
});

describe('the class summary', () => {
  const results = fixtureSubmissions().map((p) => gradePath(p));
  const summary = summarize(fixtureAssignment(), 1, [...results].reverse());

  it('does not depend on the order of grading', () => {
    expect(summary).toEqual(summarize(fixtureAssignment(), 1, results));
    expect(summary.results.map((r) => r.submission)).toEqual([...summary.results.map((r) => r.submission)].sort());
  });

  it('has a histogram of every score', () => {
    expect(summary.scores.histogram).toHaveLength(10);
    expect(summary.scores.histogram.reduce((n, b) => n + b.count, 0)).toBe(results.length);
    expect(summary.scores.histogram[9]).toEqual({ from: 36, to: 40, count: 8 });
    expect(summary.scores.max).toBe(40);
    expect(summary.scores.min).toBe(4);
  });

  it('counts the most common mistakes per ask, with an example each', () => {
    const dW1 = summary.asks.find((a) => a.id === '2 dL/dW1')!;
    expect(dW1.mistakes.map((m) => [m.diagnosis, m.count])).toEqual([
      ['missing', 3], ['carried-error', 1], ['shape-claim', 1], ['transpose', 1],
    ]);
    expect(dW1.mistakes[1].example).toMatchObject({ submission: 'gus_carried', line: 13 });
    expect(dW1.outcomes).toMatchObject({ correct: 9, partial: 3, wrong: 0, missing: 3, error: 0 });
  });
});
