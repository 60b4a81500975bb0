// Reading an untrusted file: only a regular file, never more than a limit, never through a link that
// leads out of the folder it was given from. `check`, `diff`, `shapes` and `grade` all read through here.
//
// The checks run on the path (lstat, then stat of what a link leads to) and again on the opened descriptor
// (fstat: the same regular file), so a FIFO, a device or a socket is refused before a byte is read, and
// the file cannot be swapped between the checks and the read. The file is opened non-blocking, so even a
// FIFO put in its place at that moment does not wait for a writer.
import * as fs from 'fs';
import * as path from 'path';
import { decodeText } from './decode';

/** Why a file is not read; `kind` lets callers tell a missing path from a hostile one. */
export class FileRefused extends Error {
  constructor(
    readonly file: string,
    readonly kind: 'missing' | 'folder' | 'special' | 'outside' | 'too-large' | 'unreadable',
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export interface ReadOptions {
  maxBytes: number;
  /** A folder a link may not lead out of (grade: the folder a submission was given from). */
  within?: string;
}

/** The text of `file` (UTF-8, or UTF-16 with a byte-order mark); throws FileRefused. */
export function readTextFile(file: string, options: ReadOptions): string {
  return decodeText(readBytes(file, options));
}

function readBytes(file: string, options: ReadOptions): Buffer {
  const stat = statOf(file, options.within);
  if (stat.size > options.maxBytes) throw tooLarge(file, stat.size, options.maxBytes);
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0));
  } catch (err) {
    throw refusal(file, err);
  }
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile() || opened.ino !== stat.ino || opened.dev !== stat.dev) throw new FileRefused(file, 'special', 'changed while it was being read; not read');
    return readAtMost(fd, file, options.maxBytes);
  } finally {
    fs.closeSync(fd);
  }
}

/** The stat of the regular file `file` is or leads to; throws FileRefused for anything else. */
function statOf(file: string, within?: string): fs.Stats {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
    if (stat.isSymbolicLink()) {
      if (within !== undefined && !isInside(fs.realpathSync(file), fs.realpathSync(within))) {
        throw new FileRefused(file, 'outside', 'is a link to a file outside the folder it was given from; not followed');
      }
      stat = fs.statSync(file);
    }
  } catch (err) {
    throw refusal(file, err);
  }
  if (stat.isDirectory()) throw new FileRefused(file, 'folder', 'is a folder, expected a file');
  if (!stat.isFile()) throw new FileRefused(file, 'special', `is ${specialKind(stat)}, not a regular file; not read`);
  return stat;
}

/** Whether `child` is `folder` or below it (both real paths). */
export function isInside(child: string, folder: string): boolean {
  const rel = path.relative(folder, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The buffer every read goes through (reads are synchronous, and each chunk is copied out before the next):
 * a batch reads thousands of small files, and a fresh zeroed 64 KiB buffer for each was most of reading them.
 */
let readChunk: Buffer | undefined;

/** Reads at most `maxBytes` (the size checked before may have grown since). */
export function readAtMost(fd: number, file: string, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = (readChunk ??= Buffer.allocUnsafe(64 * 1024));
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') {
        waitBriefly(); // a non-blocking pipe (standard input) with nothing yet
        continue;
      }
      throw refusal(file, err);
    }
    if (n === 0) return Buffer.concat(chunks, total);
    total += n;
    if (total > maxBytes) throw tooLarge(file, `more than ${maxBytes}`, maxBytes);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
}

function waitBriefly(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
}

function tooLarge(file: string, size: number | string, maxBytes: number): FileRefused {
  return new FileRefused(file, 'too-large', `the file is ${size} bytes; the limit is ${maxBytes}`);
}

function specialKind(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** A file system error as a FileRefused (a FileRefused passes through). */
export function refusal(file: string, err: unknown): FileRefused {
  if (err instanceof FileRefused) return err;
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new FileRefused(file, 'missing', 'no such file');
    case 'EACCES':
    case 'EPERM':
      return new FileRefused(file, 'unreadable', 'cannot be read: permission denied');
    case 'ELOOP':
      return new FileRefused(file, 'unreadable', 'is a loop of links; not read');
    case 'EISDIR':
      return new FileRefused(file, 'folder', 'is a folder, expected a file');
    default:
      return new FileRefused(file, 'unreadable', `cannot be read (${code ?? (err instanceof Error ? err.message : String(err))})`);
  }
}
