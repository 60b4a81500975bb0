// The page's checking (src/web/checkPage.ts), run in Node as the worker runs it: the command line's own
// verdicts laid out for the page, and assignment mode as `grade` grades one submission.
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { checkSource } from '../../src/app/check';
import { PageChecker } from '../../src/web/checkPage';
import { detectFormat } from '../../src/web/format';
import { COMMAND_LIMITS } from '../../src/limits/index';

const ROOT = path.resolve(__dirname, '../..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const HOMEWORK = { file: 'homework.cr', source: read('fixtures/grade/assignment.cr') };

describe('the page checks', () => {
  it('as `check` does, with the maths typeset', () => {
    const text = read('fixtures/examples/two_layer.cr');
    const page = new PageChecker().check({ id: 7, text, format: 'cr' });
    const cli = checkSource(text, 'derivation.cr').report;
    expect(page.id).toBe(7);
    expect(page.claims.map((c) => [c.line, c.verdict, c.steps])).toEqual(cli.claims.map((c) => [c.line, c.verdict, c.steps]));
    expect(page.summary).toBe('7 claims: 4 correct, 3 incorrect');
    expect(page.shapes.W1).toBe('M x N');
    // dL/dh1 (lines 21-22) is one claim of two steps: its verdict goes under line 22.
    expect(page.claims.find((c) => c.line === 21)!.lastLine).toBe(22);
    for (const c of page.claims) {
      expect(c.writtenHtml).toContain('class="katex"');
      // The expected value is shown for the claims that are not correct, and only for them.
      expect(c.expectedHtml === null).toBe(c.verdict === 'correct');
    }
  });

  it('against an assignment, with an answer for every ask', () => {
    const page = new PageChecker().check({ id: 1, text: read('fixtures/grade/submissions/eve_transposes.cr'), format: 'cr', assignment: HOMEWORK });
    // fixtures/grade/expected.json (worked out by hand): eve transposes the four weight gradients, 32.5 / 40.
    expect(page.summary).toBe('score 32.5 / 40');
    expect(page.answers).toHaveLength(16);
    const dW = page.claims.find((c) => c.answer?.id === '1 dL/dW')!;
    expect([dW.line, dW.verdict, dW.answer!.outcome, dW.answer!.rule, dW.answer!.score, dW.answer!.confidence]).toEqual([4, 'incorrect', 'partial', 'transpose', 2, 'sure']);
    expect(page.shapes['1/X']).toBe('1 x M');
  });

  it("shows the answers at the assignment's feedback level, as `grade` shows its author", () => {
    const text = read('fixtures/grade/submissions/eve_transposes.cr');
    const full = new PageChecker().check({ id: 1, text, format: 'cr', assignment: HOMEWORK });
    const hints = new PageChecker().check({ id: 1, text, format: 'cr', assignment: { ...HOMEWORK, source: `feedback hints\n${HOMEWORK.source}` } });
    expect(hints.summary).toBe(full.summary);
    const dW = hints.claims.find((c) => c.answer?.id === '1 dL/dW')!;
    expect(full.claims.find((c) => c.answer?.id === '1 dL/dW')!.expectedHtml).not.toBeNull();
    expect([dW.verdict, dW.expected, dW.expectedHtml]).toEqual(['incorrect', null, null]);
    expect(dW.answer!.feedback).toMatch(/^Transpose/);
    // The kind of mistake and its place, not the fix (render/levels.ts).
    expect(dW.steps[dW.steps.length - 1].message).toBe('the shape is wrong (line 4, column 9)');
  });

  it('grades against an assignment under the limits of `check`, as `grade` records a submission past one', () => {
    const text = read('fixtures/grade/submissions/eve_transposes.cr');
    const memoryMb = COMMAND_LIMITS.memoryMb;
    COMMAND_LIMITS.memoryMb = 0.001;
    try {
      const page = new PageChecker().check({ id: 1, text, format: 'cr', assignment: HOMEWORK });
      expect(page.summary).toBe('score 0 / 40');
      expect(page.answers.every((a) => a.outcome === 'error')).toBe(true);
      expect(page.diagnostics.map((d) => d.code)).toContain('limit-exceeded');
    } finally {
      COMMAND_LIMITS.memoryMb = memoryMb;
    }
  });

  it('marks an answer that rests on a reading of what was written as needing review', () => {
    const text = '## Problem 1\n\n$$\\frac{2L}{2W} = X^T (a - y)$$\n\n$$\\frac{\\partial L}{\\partial b} = a - y$$\n';
    const page = new PageChecker().check({ id: 1, text, format: 'md', assignment: HOMEWORK });
    const byId = new Map(page.answers.map((a) => [a.id, a]));
    expect(byId.get('1 dL/dW')).toMatchObject({ line: 3, outcome: 'correct', confidence: 'needs-review', reasons: ['read \\frac{2L}{2W} as dL/dW'] });
    expect(byId.get('1 dL/db')).toMatchObject({ line: 5, confidence: 'sure', reasons: [] });
    expect(byId.get('1 dL/dh')).toMatchObject({ line: null, outcome: 'missing' });
  });

  it('aligns a text without problem lines to the problem its content fits', () => {
    // No `problem` lines: the text is aligned to the problem it fits by content, problem 1 (h = X W + b,
    // a = sigma(h)), where both lines are right: dL/dh = a - y and dL/dW = X^T (a - y).
    const page = new PageChecker().check({ id: 1, text: 'dL/dh = a - y\ndL/dW = X^T (a - y)\n', format: 'cr', assignment: HOMEWORK });
    expect(page.claims.map((c) => [c.line, c.verdict, c.answer?.id])).toEqual([[1, 'correct', '1 dL/dh'], [2, 'correct', '1 dL/dW']]);
    expect(page.diagnostics.map((d) => d.code)).not.toContain('no-problem-lines');
  });

  it("reports an assignment's errors as `check` prints them", () => {
    const page = new PageChecker().check({ id: 1, text: 'dL/dX = 1', format: 'cr', assignment: { file: 'bad.cr', source: 'problem 1\nX : 1 x M\nask dL/dX 2 points\n' } });
    expect(page.claims).toEqual([]);
    expect(page.assignmentErrors).toHaveLength(1);
    expect(page.assignmentErrors[0]).toMatch(/^bad\.cr:3:5: error\[unknown-name\]: L is not declared/);
    expect(page.assignmentErrors[0]).toContain('^^^^^');
  });
});

describe('the format of a text', () => {
  it.each([
    ['X : 1 x M\n# a comment\ndL/dW = X^T (a - y)', 'cr'],
    ['# Problem 1\nThe loss is $L = -y \\log a$, so\n$$\\frac{\\partial L}{\\partial a} = -y/a$$', 'md'],
    ['\\section{Backprop}\n\\[ \\frac{\\partial L}{\\partial h} = a - y \\]', 'tex'],
    ['\\documentclass{article}\n\\begin{document}\n$x$\n\\end{document}', 'tex'],
  ])('%#: %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});
