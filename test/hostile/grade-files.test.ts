// Hostile submissions in a batch (issue 15): FIFOs, devices, links out of the folder, unreadable files,
// huge folders. Each gets its own result, the batch goes on, nothing outside the submissions is shown.
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync, spawnSync } from 'child_process';
import { readSubmission, MAX_FILES, MAX_FOLDER_ENTRIES } from '../../src/grade/discover';
import type { SubmissionResult } from '../../src/grade/result';
import { toGradescope } from '../../src/grade/gradescope';
import { ASSIGNMENT, CLI, fixtureAssignment, gradePath, requireBuild, tempDir } from '../grade/helpers';

const RIGHT = 'problem 1\ndL/dh = a - y\n'; // the fixture's ask 1 dL/dh (2 points): a = sigma(h), L the log loss

function resultOf(out: string, name: string): SubmissionResult {
  return JSON.parse(fs.readFileSync(path.join(out, 'submissions', name, 'result.json'), 'utf8')) as SubmissionResult;
}

/**
 * The CLI as a user who cannot read what `chmod 000` hides: this user, or, when the tests run as root
 * (who reads anything), the `nobody` user through setpriv.
 */
function gradeAsUnprivileged(args: string[]): { status: number | null; stderr: string } {
  requireBuild();
  const command = [process.execPath, CLI, 'grade', ...args];
  const asRoot = process.getuid?.() === 0;
  const [file, ...rest] = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...command] : command;
  const r = spawnSync(file, rest, { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stderr: r.stderr };
}

describe('hostile files in a batch', () => {
  it('grades the others when one submission is a FIFO, a device link, a link out or unreadable', () => {
    const dir = tempDir('hostile-batch');
    fs.chmodSync(dir, 0o755);
    const subs = path.join(dir, 'subs');
    fs.mkdirSync(subs);
    fs.writeFileSync(path.join(subs, 'alice.cr'), RIGHT);
    fs.writeFileSync(path.join(subs, 'bob.cr'), RIGHT);
    fs.chmodSync(path.join(subs, 'bob.cr'), 0o000);
    execFileSync('mkfifo', [path.join(subs, 'fifo.cr')]);
    fs.symlinkSync('/dev/zero', path.join(subs, 'zero.cr'));
    fs.symlinkSync('/etc/passwd', path.join(subs, 'passwd.cr'));
    fs.symlinkSync('/etc', path.join(subs, 'etc'));
    const out = path.join(dir, 'out');
    fs.mkdirSync(out, { mode: 0o777 });
    fs.chmodSync(out, 0o777);
    const names = ['alice.cr', 'bob.cr', 'etc', 'fifo.cr', 'passwd.cr', 'zero.cr'];
    const r = gradeAsUnprivileged([ASSIGNMENT, ...names.map((n) => path.join(subs, n)), '--out', out, '--jobs', '1']);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.status).toBe(1); // bob and fifo could not be graded

    expect(resultOf(out, 'alice')).toMatchObject({ status: 'graded', score: 2 });
    expect(resultOf(out, 'bob')).toMatchObject({ status: 'error', error: 'bob.cr: cannot be read: permission denied', notes: [{ code: 'unreadable-file' }] });
    expect(resultOf(out, 'fifo')).toMatchObject({ status: 'error', error: 'fifo.cr: is a FIFO, not a regular file; not read' });
    for (const name of ['zero', 'passwd', 'etc']) {
      const result = resultOf(out, name);
      expect(result.files).toEqual([]);
      expect(result.notes.map((n) => n.message)).toContain(`not read: ${name === 'etc' ? 'etc' : `${name}.cr`} (a link to a place outside the folder it was given from; not followed)`);
    }
    const passwd = fs.readFileSync('/etc/passwd', 'utf8').split('\n')[0];
    for (const name of ['passwd', 'etc']) expect(fs.readFileSync(path.join(out, 'submissions', name, 'report.html'), 'utf8')).not.toContain(passwd);
  }, 120_000);

  it('reads a link inside a submission folder, and refuses a dangling one as unreadable', () => {
    const dir = tempDir('hostile-links');
    fs.writeFileSync(path.join(dir, 'answers.cr'), RIGHT);
    fs.symlinkSync('answers.cr', path.join(dir, 'copy.cr'));
    fs.symlinkSync('/etc/hostname', path.join(dir, 'host.cr'));
    const read = readSubmission({ name: 's', root: dir });
    expect(read.files.map((f) => f.path)).toEqual(['answers.cr', 'copy.cr']);
    expect(read.skipped).toEqual(['host.cr (is a link to a file outside the folder it was given from; not followed)']);
    fs.symlinkSync(path.join(dir, 'gone.cr'), path.join(dir, 'zz.cr'));
    expect(readSubmission({ name: 's', root: dir }).error).toBe('zz.cr: no such file');
  });

  it('summarises the files left out of a folder of 10,000, in result.json and results.json alike', () => {
    const dir = tempDir('hostile-many');
    for (let i = 0; i < 10_000; i++) fs.writeFileSync(path.join(dir, `f${String(i).padStart(5, '0')}.cr`), 'x = 1\n');
    const result = gradePath(dir, fixtureAssignment());
    const skipped = result.notes.filter((n) => n.code === 'skipped-file').map((n) => n.message);
    // 50 files are read; of the other 9,950, ten are named and 9,940 counted.
    expect(result.files).toHaveLength(MAX_FILES);
    expect(skipped).toHaveLength(11);
    expect(skipped[0]).toBe('not read: f00050.cr (more than 50 files)');
    expect(skipped[10]).toBe('9,940 more files skipped');
    const gradescope = toGradescope(result, 1);
    expect(gradescope.output).toContain('9,940 more files skipped');
    expect(JSON.stringify(gradescope).length).toBeLessThan(20_000); // it was 640 KB with every file named
  }, 60_000);

  it('looks at no more than MAX_FOLDER_ENTRIES entries of a folder (`/` given as a submission)', () => {
    const dir = tempDir('hostile-deep');
    for (let d = 0; d < 11; d++) {
      fs.mkdirSync(path.join(dir, `d${d}`));
      for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(dir, `d${d}`, `f${i}.txt`), '');
    }
    const read = readSubmission({ name: 's', root: dir });
    expect(read.files).toEqual([]);
    expect(read.skipped).toEqual([`everything after the first ${MAX_FOLDER_ENTRIES.toLocaleString('en-US')} entries of the folder (not looked at)`]);
    // The real root gives a result too (what it says depends on the machine), and never throws.
    const root = readSubmission({ name: 'root', root: '/' });
    expect(root.error !== undefined || root.skipped.length > 0).toBe(true);
  }, 60_000);

  it('reads a UTF-16 submission with a byte-order mark and one with CR line ends', () => {
    const dir = tempDir('hostile-encodings');
    const utf16 = path.join(dir, 'utf16.cr');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RIGHT, 'utf16le')]));
    const cr = path.join(dir, 'mac.cr');
    fs.writeFileSync(cr, RIGHT.replace(/\n/g, '\r'));
    for (const file of [utf16, cr]) expect(gradePath(file).asks.find((a) => a.id === '1 dL/dh')).toMatchObject({ outcome: 'correct', score: 2 });
  });
});
