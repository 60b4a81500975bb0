// Atomic file writes: write a temporary file beside the target, then rename it over the target. A run
// that is interrupted leaves either the old file or the new one, never half of one; a leftover temporary
// file is ignored (and overwritten) by the next run.
import * as fs from 'fs';
import * as path from 'path';
import { threadId } from 'worker_threads';

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  placeAtomic(file, (temp) => fs.writeFileSync(temp, content));
}

/** A copy of `from` (made by the kernel where it can: no bytes through this process). */
export function copyFileAtomic(from: string, file: string): void {
  placeAtomic(file, (temp) => fs.copyFileSync(from, temp));
}

/** `write` makes the temporary file, which then replaces `file`. */
function placeAtomic(file: string, write: (temp: string) => void): void {
  const dir = path.dirname(file);
  // Worker threads share the pid: the thread id keeps their temporary names apart.
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${threadId}.tmp`);
  try {
    write(temp);
  } catch (err) {
    // The folder is made on first use only: a batch writes several files per folder, and mkdir is not free.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    fs.mkdirSync(dir, { recursive: true });
    write(temp);
  }
  fs.renameSync(temp, file);
}

/** `compact`: no indentation (still valid JSON), for machine-read records such as a submission's result.json. */
export function writeJsonAtomic(file: string, value: unknown, compact = false): void {
  writeFileAtomic(file, (compact ? JSON.stringify(value) : JSON.stringify(value, null, 2)) + '\n');
}
