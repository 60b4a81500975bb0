// `chainrule check FILE --assignment HW.cr` (SPEC 4.2): the same grading as `grade`, shown to the author.
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { ROOT, requireBuild, runCli } from '../grade/helpers';

const SEEDS = path.join(ROOT, 'fixtures/assign');
const REAL = path.join(ROOT, 'fixtures/real');

describe('check --assignment', () => {
  requireBuild();

  it('prints the answers, their confidence and the alignment as JSON', () => {
    const r = runCli(['check', path.join(REAL, 'homework_backprop_matrix_form.md'), '--assignment', path.join(SEEDS, 'homework_backprop_matrix_form.assignment.cr'), '--json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.answers.map((a: { id: string; outcome: string }) => [a.id, a.outcome])).toEqual([
      // dL/db2: line 96 `\int \frac{\partial L}{\partial b_2} = \alpha_2 - \gamma`, the integral sign OCR of a bracket, is a2 - y
      ['1a dL/dW', 'correct'], ['1a dL/db', 'correct'], ['1b dL/dW1', 'partial'], ['1b dL/db1', 'missing'], ['1b dL/dW2', 'wrong'], ['1b dL/db2', 'correct'],
    ]);
    expect(report.answers.every((a: { confidence: string }) => ['sure', 'needs-review'].includes(a.confidence))).toBe(true);
    expect(report.alignment.map((a: { problem: string | null; by: string }) => [a.problem, a.by])).toEqual([['1a', 'label'], ['1b', 'content'], [null, 'none']]);
  });

  it('says in text which lines were read as which problem', () => {
    const r = runCli(['check', path.join(REAL, 'sunhaozhe_softmax_cross_entropy.md'), '--assignment', path.join(SEEDS, 'sunhaozhe_softmax_cross_entropy.assignment.cr')]);
    expect(r.status).toBe(0); // every line read and right (the restated p_i = e^{o_i} / sum_j e^{o_j} too)
    expect(r.stdout).toContain('read as problem 1 (the only problem)');
    expect(r.stdout).toMatch(/1 dL\/do {2}line 8: .* → correct 4\/4/);
  });

  it('shows the author what grade would at --feedback: no expected answer at hints, no messages at score', () => {
    const words = (level: string) => {
      const r = runCli(['check', path.join(REAL, 'homework_backprop_matrix_form.md'), '--assignment', path.join(SEEDS, 'homework_backprop_matrix_form.assignment.cr'), '--json', '--feedback', level]);
      const report = JSON.parse(r.stdout);
      const steps = report.claims.flatMap((c: { steps: Array<{ message: string | null }> }) => c.steps.map((st) => st.message ?? ''));
      return [...report.answers.map((a: { feedback: string }) => a.feedback), ...steps].join('\n');
    };
    // At full the wrong dL/dW2 answer says what was expected; hints name the mistake only; score gives verdicts.
    expect(words('full')).toContain('expected');
    const hints = words('hints');
    expect(hints).not.toContain('expected');
    expect(hints.length).toBeGreaterThan(0);
    expect(words('score').length).toBeLessThan(hints.length);
  });

  it('stops with exit code 2 on an assignment with errors', () => {
    const r = runCli(['check', path.join(REAL, 'sunhaozhe_softmax_cross_entropy.md'), '--assignment', path.join(ROOT, 'package.json')]);
    expect(r.status).toBe(2);
  });
});
