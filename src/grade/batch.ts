// `chainrule grade`: a batch of submissions graded on worker threads, resumable, deterministic for a seed.
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic } from '../diagnostics';
import { availableParallelism } from 'os';
import type * as AssignmentModule from './assignment';
import { AssignmentError } from './assignmentError';
import { outlineOf, type AssignmentOutline, type OutlineReply } from './assignmentOutline';
import { assignmentHash, discoverSubmissions, inputHash, readSubmission, type SubmissionSource } from './discover';
import type { SubmissionInput } from './grader';
import { errorResult } from './errorResult';
import { copyKatexAssets } from './html/assets';
import { rememberTypeset } from './html/math';
import { missingOutputs, readStoredResult, writeClassOutputs, writeSubmissionOutputs, type Format } from './outputs';
import { WorkerPool } from './pool';
import { progressBar } from './progress';
import { digestOf, type ResultDigest } from './result';
import type { ClassSummary } from './summary';
import type { WorkerSetup } from './worker';
import { DEFAULT_GRADING_LIMITS, LIMIT_NOTE, type GradingLimits } from './limits';
import { lockOutput } from './lock';
import { GradeInputError } from './inputError';
import { FileRefused, readTextFile } from '../files/read';
import { resolveDelivery, sameDelivery, type Delivery } from './delivery';
import { readRoster } from './roster';

export interface GradeOptions {
  assignment: string;
  submissions: string[];
  outDir: string;
  formats: Format[];
  seed: number;
  /** Worker threads; by default one per core, and fewer for a small class (workersFor). */
  jobs?: number;
  timeLimitMs: number;
  memoryMb: number;
  /** Where the progress bar goes (drawn only on a terminal). */
  progress?: NodeJS.WriteStream;
  /** `--feedback` and `--visibility`: they win over the assignment's `feedback` and `visibility` lines. */
  delivery?: Partial<Delivery>;
  /** `--each`: every file or folder inside the given folders is a submission. */
  each?: boolean;
  /** `--roster FILE`: names and ids of the authors (roster.ts). */
  roster?: string;
}

export interface GradeRun {
  summary: ClassSummary;
  /**
   * Submissions with a grade (now or from an earlier run), taken from an earlier run, and (of either) not
   * graded (nothing readable, a file that cannot be read, time, memory, a crash).
   */
  graded: number;
  resumed: number;
  failed: number;
  /** The assignment's warnings, with its source to show them in. */
  warnings: Diagnostic[];
  assignmentSource: string;
  /** What the instructor should know about the batch: a folder that looks like a class, an unreadable roster. */
  notices: string[];
  delivery: Delivery;
}

export const DEFAULT_TIME_LIMIT_MS = DEFAULT_GRADING_LIMITS.timeLimitSeconds * 1000;
export const DEFAULT_MEMORY_MB = DEFAULT_GRADING_LIMITS.memoryMb;
/** The assignment is read as `check` reads a file. */
const MAX_ASSIGNMENT_BYTES = 1_000_000;

/** Throws AssignmentError, or GradeInputError (an unreadable assignment, `--out` a file, another run in `--out`). */
export async function runGrade(options: GradeOptions): Promise<GradeRun> {
  const source = readAssignment(options.assignment);
  const hash = assignmentHash(source);
  const formats = new Set(options.formats);
  const limits: GradingLimits = { timeLimitSeconds: options.timeLimitMs / 1000, memoryMb: options.memoryMb };
  const entries = discoverSubmissions(options.submissions, { each: options.each });
  const { roster, warnings: rosterWarnings } = readRoster(entries, options.roster); // throws RosterError
  const made = makeOutputFolder(options.outDir);
  const release = lockOutput(options.outDir);
  try {
    const inputs = entries.map(readSubmission).map((read) => ({ read, input: submissionInput(read, hash) }));
    const stored = inputs.map(({ read, input }) => (read.error ? undefined : readStoredResult(options.outDir, input.name, input.inputHash, options.seed, limits)));
    const toGrade = inputs.filter(({ read }, i) => !read.error && !stored[i]).map(({ input }) => input);
    // The workers load the assignment; the first to start tells this thread what it needs of it.
    const setup: WorkerSetup = {
      assignmentSource: source, assignmentFile: options.assignment, seed: options.seed, outDir: options.outDir, formats: [...formats], limits,
      delivery: options.delivery ?? {},
    };
    const pool = toGrade.length
      ? new WorkerPool<SubmissionInput, ResultDigest>({
          script: workerScript(), workerData: setup, size: options.jobs === undefined ? workersFor(toGrade.length) : Math.min(options.jobs, toGrade.length),
          timeLimitMs: options.timeLimitMs, memoryMb: options.memoryMb,
        })
      : undefined;
    try {
      const assignment = await assignmentOutline(pool, source, options); // throws AssignmentError
      const delivery = resolveDelivery(options.delivery ?? {}, assignment.settings); // the workers resolve it alike
      if (formats.has('html')) copyKatexAssets(options.outDir); // before any report, so early reports render

      const digests: ResultDigest[] = [];
      const progress = progressBar(entries.length, options.progress);
      const writeError = (input: SubmissionInput, error: string, code: string | undefined, seconds: number) => {
        const result = errorResult(assignment, input, options.seed, limits, error, { code });
        writeSubmissionOutputs(options.outDir, result, formats, input.files, seconds, delivery);
        digests.push(digestOf(result));
      };
      inputs.forEach(({ read, input }, i) => {
        const found = stored[i];
        if (read.error) writeError(input, read.error, UNREADABLE_NOTE, 0);
        else if (!found) return;
        else {
          // Another feedback level or visibility only rewrites the outputs from the stored result.
          if (missingOutputs(options.outDir, found.result.submission, formats) || !sameDelivery(found.delivery, delivery)) {
            writeSubmissionOutputs(options.outDir, found.result, formats, input.files, 0, delivery);
          }
          digests.push(digestOf(found.result));
        }
        progress.tick();
      });
      await Promise.all(
        toGrade.map(async (input) => {
          const started = Date.now();
          const outcome = await pool!.run(input);
          if (outcome.ok) {
            const { typeset, ...digest } = outcome.value;
            if (typeset) rememberTypeset(typeset);
            digests.push(digest);
          }
          else writeError(input, outcome.error, outcome.limit ? LIMIT_NOTE : undefined, (Date.now() - started) / 1000);
          progress.tick();
        }),
      );
      progress.done();
      const summary = writeClassOutputs(options.outDir, assignment, options.seed, digests, formats, roster);
      // Results taken from an earlier run count too: a re-run of a failed batch still exits 1.
      const failed = digests.filter((d) => d.status === 'error').length;
      const notices = [...rosterWarnings, ...digests.flatMap((d) => d.notices.map((n) => `${d.submission}: ${n}`))];
      return {
        summary, graded: digests.length - failed, resumed: stored.filter(Boolean).length, failed,
        warnings: assignment.warnings, assignmentSource: source, notices, delivery,
      };
    } finally {
      await pool?.close();
    }
  } finally {
    release();
    // A folder made for a run that stopped before writing anything (the assignment has errors) is not left behind.
    if (made) removeIfEmpty(options.outDir);
  }
}

/**
 * The outline of the assignment (or its errors) as the first worker to start read it; loaded here when
 * there is no worker (nothing to grade) or none could start. This thread grades nothing itself: it needs
 * the asks and their expected answers, not prepared graphs.
 */
async function assignmentOutline(pool: WorkerPool<SubmissionInput, ResultDigest> | undefined, source: string, options: GradeOptions): Promise<AssignmentOutline> {
  const told = (await pool?.firstInfo()) as OutlineReply | undefined;
  if (told && 'errors' in told) throw new AssignmentError(told.errors, source, options.assignment);
  if (told) return told.outline;
  // Loaded here only: a batch that grades reads its outline from a worker.
  const { loadAssignment } = require('./assignment') as typeof AssignmentModule;
  return outlineOf(loadAssignment(source, options.assignment, options.seed, { prepareBases: false }));
}

/** The note of a submission with a file that cannot be read (a FIFO, a device, no permission). */
const UNREADABLE_NOTE = 'unreadable-file';

function submissionInput(read: SubmissionSource, assignmentHash: string): SubmissionInput {
  return { name: read.name, files: read.files, skipped: read.skipped, moreSkipped: read.moreSkipped, inputHash: inputHash(assignmentHash, read.files) };
}

function readAssignment(file: string): string {
  try {
    return readTextFile(file, { maxBytes: MAX_ASSIGNMENT_BYTES });
  } catch (err) {
    if (err instanceof FileRefused) throw new GradeInputError(`the assignment ${err.message}`);
    throw err;
  }
}

function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // not empty: something was written, and stays
  }
}

/** `--out`, made if missing (then true); naming anything but a folder is a GradeInputError. */
function makeOutputFolder(outDir: string): boolean {
  try {
    if (fs.statSync(outDir).isDirectory()) return false;
  } catch {
    // missing: made below
  }
  try {
    return fs.mkdirSync(outDir, { recursive: true }) !== undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new GradeInputError(`--out ${outDir}: is a file (or inside one); name a folder`);
    throw new GradeInputError(`--out ${outDir}: cannot be made (${code})`);
  }
}

/**
 * A worker's start (loading the code and the assignment, preparing each problem's base, warming up) costs
 * about what grading this many submissions does: a worker more for fewer would cost more CPU than the time it
 * saves (bench/class.bench.js).
 */
const SUBMISSIONS_PER_WORKER = 100;

/** Worker threads for a class of `count` submissions: one per core, but no more than the class keeps busy. */
export function workersFor(count: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(count / SUBMISSIONS_PER_WORKER)));
}

/** The compiled worker: beside this file (dist/src/grade/worker.js, or the bundle's dist/bin/worker.js), or in dist/ when this file runs from the sources (tests). */
function workerScript(): string {
  if (__filename.endsWith('.js')) return path.join(__dirname, 'worker.js');
  return path.resolve(__dirname, '../../dist/src/grade/worker.js');
}
