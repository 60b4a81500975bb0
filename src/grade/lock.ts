// One `chainrule grade` run per output folder at a time: DIR/.chainrule-grade.lock names the process that
// writes there. A lock whose process is gone (a run that was killed) is taken over.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GradeInputError } from './inputError';

export const LOCK_FILE = '.chainrule-grade.lock';


interface Holder {
  pid: number;
  host: string;
}

/** Takes the folder's lock (the folder exists); returns its release. Throws GradeInputError. */
export function lockOutput(outDir: string): () => void {
  const file = path.join(outDir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: os.hostname() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me) + '\n', { flag: 'wx' });
      return () => releaseIfMine(file, me);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readHolder(file);
    if (holder && isRunning(holder)) {
      throw new GradeInputError(`${outDir} is being written by another chainrule grade (process ${holder.pid} on ${holder.host}); wait for it, or remove ${file} if no run is going`);
    }
    takeOverStale(file, holder);
  }
  throw new GradeInputError(`${outDir}: could not take ${file}; other runs keep taking it`);
}

function readHolder(file: string): Holder | undefined {
  try {
    const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
    return Number.isInteger(holder.pid) && typeof holder.host === 'string' ? holder : undefined;
  } catch {
    return undefined; // gone meanwhile, or half written by a run that was killed: stale either way
  }
}

/** Whether the holder's process is alive; a holder on another host cannot be asked, so it counts as alive. */
function isRunning(holder: Holder): boolean {
  if (holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves a stale lock aside. Two runs may both find it stale: the one whose rename comes second moves the
 * winner's fresh lock instead, sees that, and puts it back.
 */
function takeOverStale(file: string, stale: Holder | undefined): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return; // someone else moved it: try again
  }
  const moved = readHolder(aside);
  if (moved && (moved.pid !== stale?.pid || moved.host !== stale.host) && isRunning(moved)) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // a third run took the lock meanwhile: it holds it
    }
  }
  fs.rmSync(aside, { force: true });
}

function releaseIfMine(file: string, me: Holder): void {
  const holder = readHolder(file);
  if (holder?.pid === me.pid && holder.host === me.host) fs.rmSync(file, { force: true });
}
