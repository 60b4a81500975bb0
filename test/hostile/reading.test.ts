// Reading untrusted files (src/files): only regular files, never more than the limit, never through a link
// out of the folder given; UTF-16 with a byte-order mark and CR-only line ends read (issue 15).
import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { FileRefused, readTextFile } from '../../src/files/read';
import { decodeText } from '../../src/files/decode';
import { tempDir } from '../grade/helpers';

function refusalOf(file: string, options: { maxBytes: number; within?: string }): { kind: string; reason: string } {
  try {
    readTextFile(file, options);
  } catch (err) {
    if (err instanceof FileRefused) return { kind: err.kind, reason: err.reason };
    throw err;
  }
  throw new Error(`${file} was read`);
}

describe('the safe reader', () => {
  const dir = tempDir('reader');
  const limit = { maxBytes: 1000 };

  it('gives each file its own bytes, however large the file read before it (the read buffer is shared)', () => {
    // 150 000 bytes span three reads of the 64 KiB buffer; the short file after them must not carry any of it.
    const long = path.join(dir, 'long.md');
    const short = path.join(dir, 'short.cr');
    fs.writeFileSync(long, 'y = x^2\n'.repeat(18_750));
    fs.writeFileSync(short, 'dy/dx = 2 x\n');
    const read = (file: string) => readTextFile(file, { maxBytes: 200_000 });
    expect(read(long)).toHaveLength(150_000);
    expect(read(long).endsWith('y = x^2\n')).toBe(true);
    expect(read(short)).toBe('dy/dx = 2 x\n');
    expect(read(long)).toBe('y = x^2\n'.repeat(18_750));
  });

  it('refuses a FIFO at once, without waiting for a writer', () => {
    const fifo = path.join(dir, 'pipe.cr');
    execFileSync('mkfifo', [fifo]);
    expect(refusalOf(fifo, limit)).toEqual({ kind: 'special', reason: 'is a FIFO, not a regular file; not read' });
  });

  it('refuses devices, directly or through a link (/dev/zero would never end)', () => {
    const zero = path.join(dir, 'zero.cr');
    fs.symlinkSync('/dev/zero', zero);
    expect(refusalOf(zero, limit)).toEqual({ kind: 'special', reason: 'is a device, not a regular file; not read' });
    expect(refusalOf('/dev/urandom', limit).kind).toBe('special');
  });

  it('refuses a file over the limit before reading it', () => {
    const big = path.join(dir, 'big.cr');
    fs.writeFileSync(big, 'x'.repeat(1001));
    expect(refusalOf(big, limit)).toEqual({ kind: 'too-large', reason: 'the file is 1001 bytes; the limit is 1000' });
  });

  it('refuses a folder, a missing file and a dangling link with a reason', () => {
    expect(refusalOf(dir, limit)).toEqual({ kind: 'folder', reason: 'is a folder, expected a file' });
    expect(refusalOf(path.join(dir, 'none.cr'), limit)).toEqual({ kind: 'missing', reason: 'no such file' });
    const dangling = path.join(dir, 'dangling.cr');
    fs.symlinkSync(path.join(dir, 'gone.cr'), dangling);
    expect(refusalOf(dangling, limit).kind).toBe('missing');
  });

  it('follows a link that stays inside the folder given, and refuses one that leads out', () => {
    const inside = tempDir('reader-inside');
    fs.writeFileSync(path.join(inside, 'a.cr'), 'x = 1\n');
    fs.symlinkSync('a.cr', path.join(inside, 'b.cr'));
    fs.symlinkSync('/etc/passwd', path.join(inside, 'passwd.cr'));
    expect(readTextFile(path.join(inside, 'b.cr'), { maxBytes: 1000, within: inside })).toBe('x = 1\n');
    expect(refusalOf(path.join(inside, 'passwd.cr'), { maxBytes: 100_000, within: inside })).toEqual({
      kind: 'outside',
      reason: 'is a link to a file outside the folder it was given from; not followed',
    });
    // Without a folder to stay in (`check` of the user's own file), a link is followed.
    expect(readTextFile(path.join(inside, 'passwd.cr'), { maxBytes: 100_000 })).toContain('root');
  });
});

describe('decoding', () => {
  const text = 'problem 1\ndL/dh = a - y\n';

  it('reads UTF-16 with a byte-order mark, little and big endian', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeText(le)).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(text);
  });

  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
  });

  it('reads lone CRs as line ends, one for one (columns stay put), and leaves CRLF alone', () => {
    expect(decodeText(Buffer.from('problem 1\rdL/dh = a - y\r'))).toBe(text);
    expect(decodeText(Buffer.from('a\r\nb\r'))).toBe('a\r\nb\n');
  });
});
