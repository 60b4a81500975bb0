// The outline a worker posts (its assignment loaded with prepared bases) is what the main thread would work
// out itself (loaded without them): the expected answers, warnings and settings of every fixture assignment,
// and it survives the structured clone that carries it between threads.
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { AssignmentError, loadAssignment } from '../../src/grade/assignment';
import { outlineOf } from '../../src/grade/assignmentOutline';

const ROOT = path.join(__dirname, '../..');
const ASSIGNMENTS = [path.join(ROOT, 'fixtures/grade/assignment.cr'), ...fs.readdirSync(path.join(ROOT, 'fixtures/assign')).filter((f) => f.endsWith('.cr')).map((f) => path.join(ROOT, 'fixtures/assign', f))];

describe('assignment outline', () => {
  it.each(ASSIGNMENTS.map((f) => [path.relative(ROOT, f), f]))('%s: the same from a grading load and from a main-thread load', (_, file) => {
    const source = fs.readFileSync(file, 'utf8');
    const seed = 7;
    const graded = outlineOf(loadAssignment(source, file, seed));
    const main = outlineOf(loadAssignment(source, file, seed, { prepareBases: false }));
    expect(graded).toEqual(main);
    expect(structuredClone(graded)).toEqual(graded);
    // Not vacuous: every fixture asks something, and the expected answers are worked out.
    expect(graded.asks.length).toBeGreaterThan(0);
    expect(graded.asks.some((a) => a.expected.text !== null)).toBe(true);
  });

  it('an assignment with errors is refused by either load alike', () => {
    const source = 'x : scalar\nL = x^2\nask dL/dQ 2 points\n';
    const errorsOf = (prepareBases: boolean) => {
      try {
        loadAssignment(source, 'hw.cr', 1, { prepareBases });
      } catch (err) {
        if (err instanceof AssignmentError) return err.diagnostics.map((d) => d.message);
        throw err;
      }
      return [];
    };
    expect(errorsOf(true)).toEqual(['Q is not declared, defined or used in this problem']);
    expect(errorsOf(false)).toEqual(errorsOf(true));
  });
});
