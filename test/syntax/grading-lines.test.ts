// The assignment's grading lines (docs/grading.md): `feedback LEVEL`, `visibility WHEN`, and
// `override [PROBLEM] TARGET "ANSWER" N points`, whose target and answer are parsed as expressions, with
// spans that point into the file (the answer's inside its quotes).
import { describe, expect, it } from 'vitest';
import { countParses, parseFile } from '../../src/syntax/parse';
import { sexp } from './helpers';

function override(source: string) {
  const { statements, diagnostics } = parseFile(source, 'hw.cr');
  expect(diagnostics).toEqual([]);
  const [s] = statements;
  if (s?.kind !== 'override') throw new Error(`not an override: ${s?.kind}`);
  return { problem: s.problem, target: sexp(s.target.expr), answer: sexp(s.answer.expr), answerText: s.answer.text, at: [s.answer.span.line, s.answer.span.column, s.answer.span.endColumn], points: s.points };
}

describe('grading lines', () => {
  it('reads feedback and visibility settings; the same words elsewhere are names', () => {
    const { statements } = parseFile('feedback hints\nvisibility after_due_date\nfeedback = 2\nvisibility : scalar\n', 'hw.cr');
    expect(statements.map((s) => (s.kind === 'setting' ? `${s.key}=${s.value}@${s.valueSpan.column}` : s.kind))).toEqual(['feedback=hints@10', 'visibility=after_due_date@12', 'equation', 'decl']);
  });

  it('reads an override with the problem id written against its letter, or alone, or none', () => {
    // `1a dL/dW` would also read as the product 1 · a · dL/dW: the id is split off first.
    expect(override('override 1a dL/dW "X^T (y - a)" 4 points\n')).toEqual({ problem: '1a', target: '(d/frac L W)', answer: '(mul:juxt (T X) (sub y a))', answerText: 'X^T (y - a)', at: [1, 20, 31], points: 4 });
    expect(override('override 2 dy/da "0.18" 1 point\n')).toMatchObject({ problem: '2', target: '(d/frac y a)', answer: '0.18', points: 1 });
    expect(override('override q3 d/dx (x^2) "2 x" 2\n')).toMatchObject({ problem: 'q3', target: '(d/operator (^ x 2) x)', answer: '(mul:juxt 2 x)', points: 2 });
    expect(override('override dL/db "a - y" 1 pt\n')).toMatchObject({ problem: null, target: '(d/frac L b)', answer: '(sub a y)' });
    expect(override('override grad(L, [W]) "X^T (a - y)" 0.5 points\n')).toMatchObject({ problem: null, points: 0.5 });
  });

  it('has one parse per override', () => {
    expect(countParses('override 1a dL/dW "X^T (y - a)" 4 points')).toBe(1);
    expect(countParses('override dL/dW "[1, 2; 3, 4]" 4 points')).toBe(1);
  });

  it('says what is wrong with a broken override, where', () => {
    const errors = (line: string) => parseFile(line + '\n', 'hw.cr').diagnostics.map((d) => `${d.span.column}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`);
    const form = 'override [PROBLEM] TARGET "ANSWER" N points, e.g. override 1a dL/dW "X^T (y - a)" 4 points';
    expect(errors('override "X^T (y - a)" 4 points')).toEqual([`1: an override names the ask it is for before the answer (${form})`]);
    expect(errors('override 1 dL/dW "X^T (y - a)" four points')).toEqual([`32: an override ends with the points the answer earns (${form})`]);
    expect(errors('override 1 dL/dW "X^T (y - a)"')).toEqual([`18: an override ends with the points the answer earns (${form})`]);
    expect(errors('override 1 dL/dW "" 4 points')).toEqual([`18: the answer in quotes is empty (${form})`]);
    // The answer's own error points inside the quotes.
    expect(errors('override 1 dL/dW "X^T (y - a" 4 points')[0]).toMatch(/^23: `\(` is never closed/);
  });
});
