// Feedback levels (SPEC 4.3) govern every per-submission output: at `hints` and `score` no student-facing
// output (results.json, report.html, result.json's feedback texts) holds an expected answer or the message
// that names the fix, while at `full` they do (so these searches can fail). Changing only the level or the
// visibility rewrites the outputs from the stored results, without grading again; the class outputs always
// have everything.
import { beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { ASSIGNMENT, fixtureSubmissions, runCli, tempDir } from './helpers';
import { escapeHtml } from '../../src/grade/html/escape';
import type { StoredResult } from '../../src/grade/result';

const out = tempDir('levels');
const NAMES = fixtureSubmissions().map((p) => path.basename(p).replace(/\.(cr|md)$/, ''));

/** What a student of `name` is shown: results.json, report.html and the feedback texts of result.json. */
function shown(name: string): { results: string; report: string; feedback: string } {
  const dir = path.join(out, 'submissions', name);
  const stored = JSON.parse(fs.readFileSync(path.join(dir, 'result.json'), 'utf8')) as StoredResult;
  return {
    results: fs.readFileSync(path.join(dir, 'results.json'), 'utf8'),
    report: fs.readFileSync(path.join(dir, 'report.html'), 'utf8'),
    feedback: stored.asks.map((a) => a.feedback).join('\n'),
  };
}

function record(name: string): StoredResult {
  return JSON.parse(fs.readFileSync(path.join(out, 'submissions', name, 'result.json'), 'utf8')) as StoredResult;
}

/** Everything the student wrote, in which an expected answer may appear as their own. */
function written(name: string): string {
  const p = fixtureSubmissions().find((f) => path.basename(f).replace(/\.(cr|md)$/, '') === name)!;
  const files = fs.statSync(p).isDirectory() ? fs.readdirSync(p).map((f) => path.join(p, f)) : [p];
  return files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

/**
 * The secrets of each submission: the expected answers of the asks it answered wrongly (as .cr text, and as
 * the LaTeX KaTeX keeps in its annotation; an ask left out shows none at any level) and the full messages of
 * its wrong steps, except those it wrote itself (a `2 X^T (a - y)` holds `X^T (a - y)`).
 */
function secrets(name: string): Secret[] {
  const r = record(name);
  const own = written(name);
  const ownLatex = r.problems.flatMap((p) => p.claims.flatMap((c) => c.steps.map((s) => s.latex))).join('\n');
  const out: Secret[] = [];
  for (const a of r.asks) {
    if (a.outcome === 'correct' || a.outcome === 'missing') continue;
    const forms = [a.expected && !own.includes(a.expected) ? a.expected : null, a.expectedLatex && !ownLatex.includes(a.expectedLatex) ? a.expectedLatex : null];
    if (forms.some((f) => f)) out.push({ what: `${a.id} expected`, forms: forms.filter((f): f is string => f !== null) });
  }
  for (const c of r.problems.flatMap((p) => p.claims)) {
    for (const s of c.steps) if ((s.verdict === 'incorrect' || s.verdict === 'informal') && !own.includes(s.message)) out.push({ what: `${c.file}:${s.line} message`, forms: [s.message] });
  }
  return out;
}

/** Something a student must not be shown below `full`, in each form it may take (text, LaTeX). */
interface Secret {
  what: string;
  forms: string[];
}

function appears(secret: Secret, outputs: { results: string; report: string; feedback: string }): boolean {
  return secret.forms.some((text) => {
    const json = JSON.stringify(text).slice(1, -1);
    return outputs.results.includes(json) || outputs.feedback.includes(text) || outputs.report.includes(escapeHtml(text)) || outputs.report.includes(text);
  });
}

function grade(...extra: string[]) {
  return runCli(['grade', ASSIGNMENT, ...fixtureSubmissions(), '--out', out, '--jobs', '2', ...extra]);
}

describe('feedback levels', () => {
  const full = new Map<string, Secret[]>();
  const summaries: string[] = [];
  const runs: Array<ReturnType<typeof grade>> = [];
  const views = new Map<string, Map<string, ReturnType<typeof shown>>>();
  beforeAll(() => {
    for (const level of ['full', 'hints', 'score']) {
      runs.push(grade('--feedback', level));
      views.set(level, new Map(NAMES.map((n) => [n, shown(n)])));
      summaries.push(fs.readFileSync(path.join(out, 'summary.json'), 'utf8'));
      if (level === 'full') for (const n of NAMES) full.set(n, secrets(n));
    }
  }, 180_000);

  it('at full, shows the expected answers and the fixes (the searches below can find them)', () => {
    const all = NAMES.flatMap((n) => full.get(n)!.map((s) => ({ n, ...s })));
    // Worked out from the fixtures: dan's signs, eve's transposes, finn's factors, gus's carried error, ...
    expect(all.length).toBeGreaterThan(20);
    for (const s of all) expect(appears(s, views.get('full')!.get(s.n)!), `${s.n}: ${s.what}: ${s.forms.join(' | ')}`).toBe(true);
    expect(views.get('full')!.get('eve_transposes')!.report).toContain('replace X by X^T');
  });

  it('at hints and score, no student-facing output holds an expected answer or a fix', () => {
    for (const level of ['hints', 'score']) {
      for (const n of NAMES) {
        for (const s of full.get(n)!) expect(appears(s, views.get(level)!.get(n)!), `${level}: ${n}: ${s.what}: ${s.forms.join(' | ')}`).toBe(false);
        const v = views.get(level)!.get(n)!;
        expect(v.report).not.toContain('Expected:');
        expect(v.results + v.feedback).not.toMatch(/expected |replace |remove the |the exact value/);
      }
    }
  });

  it('at hints, names the kind of each mistake and its place; at score, only verdicts and points', () => {
    const hints = JSON.parse(views.get('hints')!.get('eve_transposes')!.results) as { tests: Array<{ name: string; output: string }> };
    // eve wrote dL/dW = (a - y) X on line 4, the answer starting at column 9: a transpose slip, half the points.
    expect(hints.tests[1].output).toBe('Your answer (eve_transposes.cr, line 4): dL/dW = (a - y) X\nTranspose slip (eve_transposes.cr, line 4, column 9). 2 of 4 points.');
    const score = JSON.parse(views.get('score')!.get('eve_transposes')!.results) as { tests: Array<{ output: string }>; output: string };
    expect(score.tests[1].output).toBe('Your answer (eve_transposes.cr, line 4): dL/dW = (a - y) X\nPartly right.');
    expect(score.tests[0].output).toMatch(/\nCorrect\.$/);
    expect(score.output).toBe('Score: 32.5 / 40');
    // gus's dL/dW1 follows from his wrong dL/dh1: the hint says so, and where.
    const gus = JSON.parse(views.get('hints')!.get('gus_carried')!.results) as { tests: Array<{ name: string; output: string }> };
    expect(gus.tests.find((t) => t.name === '2 dL/dW1')!.output).toContain('Error carried forward (gus_carried.cr, line 13');
  });

  it('changing only the level rewrites the outputs without grading again, and the class outputs keep everything', () => {
    expect(runs.map((r) => r.status)).toEqual([0, 0, 0]);
    expect(runs[1].stdout).toContain('15 from an earlier run');
    expect(runs[2].stdout).toContain('15 from an earlier run');
    // summary.json is the instructor's: the same at every level, with the full feedback in its examples and groups.
    expect(summaries[1]).toBe(summaries[0]);
    expect(summaries[2]).toBe(summaries[0]);
    expect(summaries[0]).toContain('replace X by X^T');
    // result.json records the level and keeps the full feedback beside the level's.
    const eve = record('eve_transposes');
    expect(eve.delivery).toEqual({ feedback: 'score', visibility: 'visible' });
    expect(eve.asks[1]).toMatchObject({ feedback: 'Partly right.', expected: 'X^T (a - y)' });
    expect(eve.asks[1].fullFeedback).toContain('replace');
  });

  it('back at full, the outputs are those of the first run', () => {
    const again = grade();
    expect(again.stdout).toContain('15 from an earlier run');
    for (const n of NAMES) {
      const v = shown(n);
      expect(v.report).toBe(views.get('full')!.get(n)!.report);
      expect(v.feedback).toBe(views.get('full')!.get(n)!.feedback);
    }
  });
});

describe('visibility', () => {
  it('sets every test and the default of results.json; --visibility wins over the assignment line', () => {
    const dir = tempDir('visibility');
    const assignment = path.join(dir, 'hw.cr');
    fs.writeFileSync(assignment, `visibility after_due_date\nfeedback hints\n${fs.readFileSync(ASSIGNMENT, 'utf8')}`);
    const sub = fixtureSubmissions().find((p) => p.endsWith('dan_signs.cr'))!;
    const read = () => JSON.parse(fs.readFileSync(path.join(dir, 'out/submissions/dan_signs/results.json'), 'utf8')) as { visibility: string; tests: Array<{ visibility: string; output: string }> };
    expect(runCli(['grade', assignment, sub, '--out', path.join(dir, 'out'), '--jobs', '1']).status).toBe(0);
    let r = read();
    expect(r.visibility).toBe('after_due_date');
    expect(new Set(r.tests.map((t) => t.visibility))).toEqual(new Set(['after_due_date']));
    expect(r.tests[1].output).toContain('Sign slip (dan_signs.cr'); // the assignment's `feedback hints`
    const again = runCli(['grade', assignment, sub, '--out', path.join(dir, 'out'), '--jobs', '1', '--visibility', 'hidden', '--feedback', 'full']);
    expect(again.stdout).toContain('1 from an earlier run');
    r = read();
    expect(r.visibility).toBe('hidden');
    expect(r.tests.every((t) => t.visibility === 'hidden')).toBe(true);
    expect(r.tests[1].output).toContain('Sign slip: the sign is flipped');
  }, 60_000);

  it('refuses a level or visibility that does not exist, on the command line and in the assignment', () => {
    const bad = runCli(['grade', ASSIGNMENT, fixtureSubmissions()[0], '--out', tempDir('bad'), '--feedback', 'some']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--feedback takes full, hints, score, not some');
    expect(runCli(['grade', ASSIGNMENT, fixtureSubmissions()[0], '--out', tempDir('bad'), '--visibility', 'never']).stderr).toContain('--visibility takes visible, hidden, after_due_date, after_published, not never');
    const dir = tempDir('badline');
    const assignment = path.join(dir, 'hw.cr');
    fs.writeFileSync(assignment, `feedback answers\nvisibility hidden\nvisibility visible\n${fs.readFileSync(ASSIGNMENT, 'utf8')}`);
    const r = runCli(['grade', assignment, fixtureSubmissions()[0], '--out', path.join(dir, 'out')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('hw.cr:1:10: error[parse-error]: feedback is one of full, hints, score, not answers');
    expect(r.stderr).toContain('hw.cr:3:1: error[redefinition]: visibility is set twice, to hidden and to visible');
  });
});
