// A class folder graded with --each (issue 16) holds untrusted entries too (issue 15): a FIFO, a link to a
// file or a folder outside the class folder, and Gradescope metadata that is not a regular file. Each is that
// submission's error or a note, never a hang, never the batch's failure, never a file from outside.
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import type { SubmissionResult } from '../../src/grade/result';
import { ASSIGNMENT, runCli, tempDir } from '../grade/helpers';

const RIGHT = 'problem 1\ndL/dh = a - y\n';

function resultOf(out: string, name: string): SubmissionResult {
  return JSON.parse(fs.readFileSync(path.join(out, 'submissions', name, 'result.json'), 'utf8')) as SubmissionResult;
}

describe('--each over a class folder with hostile entries', () => {
  it('grades the regular ones; a FIFO is its submission\'s error; links out are not followed', () => {
    const dir = tempDir('each-hostile');
    const subs = path.join(dir, 'subs');
    fs.mkdirSync(subs);
    fs.writeFileSync(path.join(subs, 'ada.cr'), RIGHT);
    execFileSync('mkfifo', [path.join(subs, 'pipe.cr')]);
    fs.symlinkSync('/etc/passwd', path.join(subs, 'passwd.cr'));
    fs.symlinkSync('/etc', path.join(subs, 'etc'));
    const out = path.join(dir, 'out');
    const r = runCli(['grade', ASSIGNMENT, subs, '--each', '--out', out, '--jobs', '1']);
    // Four submissions (ada, etc, passwd, pipe); three are not graded, so the exit code is 1.
    expect(r.stdout).toContain('graded 4 submissions');
    expect(r.status).toBe(1);
    expect(resultOf(out, 'ada')).toMatchObject({ status: 'graded', score: 2 });
    expect(resultOf(out, 'pipe')).toMatchObject({ status: 'error', notes: [{ code: 'unreadable-file' }] });
    for (const name of ['passwd', 'etc']) {
      const result = resultOf(out, name);
      expect(result.status).toBe('error');
      expect(result.files).toEqual([]);
      expect(result.notes.map((n) => n.code)).toEqual(['nothing-read', 'skipped-file']);
      expect(result.notes[1].message).toContain('a link to a place outside the folder it was given from; not followed');
    }
    expect(fs.readFileSync(path.join(out, 'submissions', 'passwd', 'report.html'), 'utf8')).not.toContain('root:');
  }, 120_000);

  it('metadata beside the submissions that is a FIFO is a warning, not a hang', () => {
    const dir = tempDir('each-metadata');
    const subs = path.join(dir, 'subs');
    fs.mkdirSync(subs);
    fs.writeFileSync(path.join(subs, 'ada.cr'), RIGHT);
    execFileSync('mkfifo', [path.join(subs, 'submission_metadata.yml')]);
    const r = runCli(['grade', ASSIGNMENT, subs, '--each', '--out', path.join(dir, 'out'), '--jobs', '1']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('submission_metadata.yml: is a FIFO, not a regular file; not read; names from it are left out');
  }, 120_000);
});
