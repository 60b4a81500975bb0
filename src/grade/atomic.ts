// Atomic file writes: write a temporary file beside the target, then rename it over the target. A run
// that is interrupted leaves either the old file or the new one, never half of one; a leftover temporary
// file is ignored (and overwritten) by the next run.
import * as fs from 'fs';
import * as path from 'path';
import { threadId } from 'worker_threads';

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const dir = path.dirname(file);
  // Worker threads share the pid: the thread id keeps their temporary names apart.
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${threadId}.tmp`);
  try {
    fs.writeFileSync(temp, content);
  } catch (err) {
    // The folder is made on first use only: a batch writes several files per folder, and mkdir is not free.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(temp, content);
  }
  fs.renameSync(temp, file);
}

export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, JSON.stringify(value, null, 2) + '\n');
}
