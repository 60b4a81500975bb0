// `chainrule grade` end to end (the compiled CLI, worker threads): the output layout of SPEC section 2,
// determinism, resuming, time limits, formats, and assignment errors.
import { beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { ASSIGNMENT, FIXTURES, LOGREG, fixtureSubmissions, runCli, tempDir } from './helpers';

const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as { submissions: Record<string, { total: number }> };
const NAMES = Object.keys(expected.submissions).sort();

function grade(out: string, ...extra: string[]) {
  return runCli(['grade', ASSIGNMENT, ...fixtureSubmissions(), '--out', out, ...extra]);
}

/** Every file under `dir` (relative), without KaTeX's fonts. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (child !== 'assets/katex/fonts') walk(child);
      } else out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/** The outputs that must not change between runs with one seed (execution_time is a measurement). */
function deterministicOutputs(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of listFiles(dir)) {
    let text = fs.readFileSync(path.join(dir, f), 'utf8');
    if (f.endsWith('/results.json')) text = text.replace(/"execution_time": [0-9.e-]+/, '"execution_time": 0');
    files[f] = text;
  }
  return files;
}

describe('chainrule grade', () => {
  const out = tempDir('grade');
  let first: ReturnType<typeof grade>;
  beforeAll(() => {
    first = grade(out, '--jobs', '2');
  }, 120_000);

  it('grades the fixtures and says so', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(`graded 15 submissions, mean 31.6 / 40 → ${out}\n`);
  });

  it('writes the layout of SPEC section 2', () => {
    const perSubmission = NAMES.flatMap((n) => ['report.html', 'result.json', 'results.json'].map((f) => `submissions/${n}/${f}`));
    expect(listFiles(out)).toEqual(['assets/katex/katex.min.css', 'gradebook.csv', 'index.html', ...perSubmission, 'summary.json'].sort());
    expect(fs.readdirSync(path.join(out, 'assets/katex/fonts'))).toContain('KaTeX_Main-Regular.woff2');
  });

  it('writes the hand-worked totals into the gradebook', () => {
    const rows = fs.readFileSync(path.join(out, 'gradebook.csv'), 'utf8').trim().split('\r\n').slice(1).map((r) => r.split(','));
    expect(Object.fromEntries(rows.map((r) => [r[0], Number(r[r.length - 1])]))).toEqual(Object.fromEntries(NAMES.map((n) => [n, expected.submissions[n].total])));
  });

  it('is deterministic for a seed, whatever the number of workers', () => {
    const again = tempDir('grade-again');
    expect(grade(again, '--jobs', '1').status).toBe(0);
    expect(deterministicOutputs(again)).toEqual(deterministicOutputs(out));
  });

  it('resumes: a re-run skips what is done, and regrades what is missing', () => {
    const before = fs.statSync(path.join(out, 'submissions/ada_perfect/result.json')).mtimeMs;
    fs.rmSync(path.join(out, 'submissions/dan_signs/result.json'));
    fs.rmSync(path.join(out, 'submissions/eve_transposes/report.html'));
    const rerun = grade(out);
    expect(rerun.stdout).toContain('14 from an earlier run');
    expect(fs.statSync(path.join(out, 'submissions/ada_perfect/result.json')).mtimeMs).toBe(before);
    expect(fs.existsSync(path.join(out, 'submissions/dan_signs/result.json'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'submissions/eve_transposes/report.html'))).toBe(true);
  });

  it('regrades everything for another seed, with the same scores here', () => {
    const rerun = grade(out, '--seed', '7');
    expect(rerun.stdout).not.toContain('earlier run');
    expect(JSON.parse(fs.readFileSync(path.join(out, 'submissions/ada_perfect/result.json'), 'utf8')).seed).toBe(7);
    expect(rerun.stdout).toContain('mean 31.6 / 40');
  });

  it('writes only the formats asked for (result.json always: it is what a re-run resumes from)', () => {
    const dir = tempDir('grade-csv');
    expect(runCli(['grade', ASSIGNMENT, path.join(FIXTURES, 'submissions/ada_perfect.cr'), '--out', dir, '--format', 'csv']).status).toBe(0);
    expect(listFiles(dir)).toEqual(['gradebook.csv', 'submissions/ada_perfect/result.json']);
  });
});

describe('limits', () => {
  it('gives a submission over the time limit an error result and goes on with the batch', () => {
    const dir = tempDir('grade-slow');
    const slow = path.join(dir, 'slow.cr');
    // 15000 claims: parsing and checking them takes far longer than the 1 s allowed here.
    fs.writeFileSync(slow, `problem 1\n${'dL/dW = X^T (a - y) + 0 X^T\n'.repeat(15000)}`);
    const ok = path.join(dir, 'ok.cr');
    fs.writeFileSync(ok, 'problem 1\ndL/dW = X^T (a - y)\ndL/db = a - y\n');
    const assignment = path.join(dir, 'hw.cr');
    fs.writeFileSync(assignment, LOGREG);
    const r = runCli(['grade', assignment, slow, ok, '--out', path.join(dir, 'out'), '--time-limit', '1', '--jobs', '1']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('1 not graded');
    const failed = JSON.parse(fs.readFileSync(path.join(dir, 'out/submissions/slow/result.json'), 'utf8'));
    expect([failed.status, failed.score, failed.error]).toEqual(['error', 0, 'the time limit of 1 s was exceeded']);
    const graded = JSON.parse(fs.readFileSync(path.join(dir, 'out/submissions/ok/result.json'), 'utf8'));
    expect([graded.status, graded.score]).toEqual(['graded', 6]);
    const gs = JSON.parse(fs.readFileSync(path.join(dir, 'out/submissions/slow/results.json'), 'utf8'));
    expect(gs.score).toBe(0);
    expect(gs.output).toContain('the time limit of 1 s was exceeded');
  });
});

describe('input errors', () => {
  it('prints an assignment\'s errors like `chainrule check` and exits 2', () => {
    const dir = tempDir('grade-bad');
    const assignment = path.join(dir, 'hw.cr');
    fs.writeFileSync(assignment, `${LOGREG}ask dL/dQ 2 points\npolicy signs 50%\n`);
    const r = runCli(['grade', assignment, path.join(FIXTURES, 'submissions/ada_perfect.cr'), '--out', path.join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${assignment}:11:5: error[unknown-name]: Q is not declared, defined or used in this problem`);
    expect(r.stderr).toContain(`${assignment}:12:8: error[parse-error]: unknown policy signs`);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('refuses unknown formats and missing submissions', () => {
    const dir = tempDir('grade-usage');
    expect(runCli(['grade', ASSIGNMENT, path.join(dir, 'nobody.cr'), '--out', dir]).stderr).toContain('no such file or folder');
    const r = runCli(['grade', ASSIGNMENT, path.join(FIXTURES, 'submissions/ada_perfect.cr'), '--out', dir, '--format', 'pdf']);
    expect([r.status, r.stderr]).toEqual([2, 'chainrule: --format: unknown format pdf; the formats are json, gradescope, csv, html\n']);
  });
});
