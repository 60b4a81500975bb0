// Every command on random and mutated input (issue 15): `.cr`, Markdown, LaTeX and notebook text, mutated
// by deep nesting, long lines, random bytes and unicode, goes through check, shapes, diff and the grader.
// None may throw (but diff's own refusal), report an internal error or show a stack trace. Time is bounded
// by the limits each run is given (2 s), not measured: the tests assert nothing on time.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { checkSource } from '../../src/app/check';
import { shapesSource } from '../../src/app/shapes';
import { diffSource, DiffError } from '../../src/app/diff';
import { renderCheckText } from '../../src/render/checkText';
import { renderDiagnostic } from '../../src/render/text';
import { gradeSubmission } from '../../src/grade/grader';
import { submissionReport } from '../../src/grade/html/report';
import { toGradescope } from '../../src/grade/gradescope';
import { Budget, LimitExceeded, underBudget, type Limits } from '../../src/limits/index';
import { decodeText } from '../../src/files/decode';
import { fixtureAssignment, ROOT } from '../grade/helpers';

const LIMITS: Limits = { timeMs: 2000, memoryMb: 256 };
const RUNS_PER_KIND = 60;
/** What a crash looks like from outside: a stack frame, or JavaScript's own words. */
const CRASH = /\n\s+at .+:\d+:\d+|Maximum call stack|is not a function|Cannot read propert|undefined is not|internal error/;

const fixture = (rel: string) => fs.readFileSync(path.join(ROOT, 'fixtures', rel), 'utf8');
const TEX = `\\documentclass{article}\n\\begin{document}\n\\section{Problem 1}\nLet $h = X W + b$ and $a = \\sigma(h)$.\n\\begin{align}\n\\frac{\\partial L}{\\partial W} &= X^T (a - y) \\\\\n\\frac{\\partial L}{\\partial b} &= a - y\n\\end{align}\n\\end{document}\n`;
const SEEDS: Record<string, string[]> = {
  cr: ['check/seed_two_layer.cr', 'check/jacobians.cr', 'check/numeric_scalar.cr', 'grade/submissions/ada_perfect.cr'].map(fixture),
  md: ['latex/logreg.md', 'latex/two_layer.md', 'latex/ocr_slips.md'].map(fixture),
  tex: [TEX],
  ipynb: [fixture('latex/notebook.ipynb')],
};

const PIECES = ['(', ')', '[', ']', '{', '}', '\\frac{', '\\sum_{i}', '\\left(', '\\right)', '$$', '$', '\n', '\r', '=', '^T', '_', '^', '\\\\', '&', '"', '#', '```cr\n', '## 1a\n', 'd', '/', 'x', '∂', 'σ', '⊙', '\u0000', '\uFFFF', '😀', 'problem 1 "t"\n', 'at x = 1\n', 'ask dL/dW 2 points\n'];

/** An edit of a seed: a piece or random text put in, a stretch removed or repeated, a part nested deep. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }), times: fc.integer({ min: 2, max: 2000 }) }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), open: fc.constantFrom('(', '[', '{', '\\frac{1}{', '\\sum_{i} ', 'sigma(', '\\sqrt{'), depth: fc.integer({ min: 10, max: 3000 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

const CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}', '\\frac{1}{': '}', '\\sum_{i} ': '', 'sigma(': ')', '\\sqrt{': '}' };

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'repeat':
      return text.slice(0, at) + text.slice(at, at + m.length).repeat(m.times) + text.slice(at + m.length);
    case 'nest':
      return text.slice(0, at) + m.open.repeat(m.depth) + 'x' + CLOSE[m.open].repeat(m.depth) + text.slice(at);
  }
}

function mutated(kind: string): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...SEEDS[kind]), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([seed, ms]) => ms.reduce(mutate, seed));
}

/** Random text of any kind: unicode, bytes read as a file would be (UTF-16 marks included), or a soup of pieces. */
const random = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => decodeText(bytes)),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((ps) => ps.join(' ')),
);

let tried = 0;

/** Every command on one input: no throw but diff's refusal and grade's limits, no internal error, no stack. */
function everyCommand(text: string, kind: string): void {
  tried++;
  const file = `fuzz.${kind}`;
  const checked = checkSource(text, file, 1, LIMITS);
  expect([0, 1, 2]).toContain(checked.exitCode);
  const said = [renderCheckText(checked.report, checked.text, false), ...checked.diagnostics.map((d) => renderDiagnostic(d, checked.text, file, false))];
  expect(checked.diagnostics.filter((d) => d.code === 'internal-error').map((d) => d.message)).toEqual([]);

  const shapes = shapesSource(text, file, LIMITS);
  said.push(...shapes.diagnostics.map((d) => d.message));
  try {
    const diff = diffSource(text, file, 'L', 'W', LIMITS);
    said.push(...diff.diagnostics.map((d) => d.message), diff.result?.result ?? '');
  } catch (err) {
    if (!(err instanceof DiffError)) throw err;
    said.push(err.message);
  }

  const input = { name: 'fuzz', files: [{ path: file, source: text }], inputHash: 'fuzz' };
  try {
    const result = underBudget(new Budget(LIMITS), () => gradeSubmission(fixtureAssignment(), input, 1));
    expect(result.notes.filter((n) => n.code === 'internal-error').map((n) => n.message)).toEqual([]);
    said.push(submissionReport(result, input.files), JSON.stringify(toGradescope(result, 0)));
  } catch (err) {
    if (!(err instanceof LimitExceeded)) throw err;
  }
  for (const s of said) expect(s).not.toMatch(CRASH);
}

describe('every command on hostile text', () => {
  afterAll(() => {
    console.log(`fuzz: ${tried} inputs through check, shapes, diff and grade`);
  });

  for (const kind of Object.keys(SEEDS)) {
    it(`mutated ${kind}`, () => {
      fc.assert(fc.property(mutated(kind), (text) => everyCommand(text, kind)), { numRuns: RUNS_PER_KIND, seed: 15 });
    }, 120_000);
  }

  it('random text, read as each kind', () => {
    fc.assert(fc.property(random, fc.constantFrom(...Object.keys(SEEDS)), (text, kind) => everyCommand(text, kind)), { numRuns: RUNS_PER_KIND, seed: 15 });
  }, 120_000);
});
