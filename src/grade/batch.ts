// `chainrule grade`: a batch of submissions graded on worker threads, resumable, deterministic for a seed.
import * as fs from 'fs';
import * as path from 'path';
import { availableParallelism } from 'os';
import { loadAssignment } from './assignment';
import { discoverSubmissions, inputHash, readSubmission } from './discover';
import { errorResult, type SubmissionInput } from './grader';
import { copyKatexAssets } from './html/assets';
import { missingOutputs, readStoredResult, writeClassOutputs, writeSubmissionOutputs, type Format } from './outputs';
import { WorkerPool } from './pool';
import { progressBar } from './progress';
import { digestOf, type ResultDigest } from './result';
import type { ClassSummary } from './summary';
import type { WorkerSetup } from './worker';

export interface GradeOptions {
  assignment: string;
  submissions: string[];
  outDir: string;
  formats: Format[];
  seed: number;
  /** Worker threads; defaults to the number of cores. */
  jobs?: number;
  timeLimitMs: number;
  memoryMb: number;
  /** Where the progress bar goes (drawn only on a terminal). */
  progress?: NodeJS.WriteStream;
}

export interface GradeRun {
  summary: ClassSummary;
  /** Submissions graded now, taken from an earlier run, and that did not finish (time, memory, crash). */
  graded: number;
  resumed: number;
  failed: number;
}

export const DEFAULT_TIME_LIMIT_MS = 30_000;
export const DEFAULT_MEMORY_MB = 512;

export async function runGrade(options: GradeOptions): Promise<GradeRun> {
  const source = fs.readFileSync(options.assignment, 'utf8');
  const assignment = loadAssignment(source, options.assignment, options.seed); // throws AssignmentError
  const formats = new Set(options.formats);
  const entries = discoverSubmissions(options.submissions);
  fs.mkdirSync(options.outDir, { recursive: true });
  if (formats.has('html')) copyKatexAssets(options.outDir); // before any report, so early reports render

  const digests: ResultDigest[] = [];
  const progress = progressBar(entries.length, options.progress);
  const setup: WorkerSetup = { assignmentSource: source, assignmentFile: options.assignment, seed: options.seed, outDir: options.outDir, formats: [...formats] };
  let pool: WorkerPool<SubmissionInput, ResultDigest> | undefined;
  const running: Promise<void>[] = [];
  let resumed = 0;
  let failed = 0;
  const grade = async (input: SubmissionInput, workers: WorkerPool<SubmissionInput, ResultDigest>): Promise<void> => {
    const started = Date.now();
    const outcome = await workers.run(input);
    if (outcome.ok) digests.push(outcome.value);
    else {
      failed++;
      const result = errorResult(assignment, input, options.seed, outcome.error);
      writeSubmissionOutputs(options.outDir, result, formats, input.files, (Date.now() - started) / 1000);
      digests.push(digestOf(result));
    }
    progress.tick();
  };
  try {
    for (const [i, entry] of entries.entries()) {
      const read = readSubmission(entry);
      const input: SubmissionInput = { name: read.name, files: read.files, skipped: read.skipped, inputHash: inputHash(assignment.hash, read.files) };
      const stored = readStoredResult(options.outDir, input.name, input.inputHash, options.seed);
      if (stored) {
        if (missingOutputs(options.outDir, input.name, formats)) writeSubmissionOutputs(options.outDir, stored, formats, input.files, 0);
        digests.push(digestOf(stored));
        resumed++;
        progress.tick();
        continue;
      }
      // Workers start at the first submission to grade, and load while the rest are read.
      pool ??= new WorkerPool<SubmissionInput, ResultDigest>({
        script: workerScript(), workerData: setup, size: Math.min(options.jobs ?? availableParallelism(), entries.length - i),
        timeLimitMs: options.timeLimitMs, memoryMb: options.memoryMb,
      });
      running.push(grade(input, pool));
    }
    await Promise.all(running);
  } finally {
    await pool?.close();
  }
  progress.done();
  const summary = writeClassOutputs(options.outDir, assignment, options.seed, digests, formats);
  return { summary, graded: running.length - failed, resumed, failed };
}

/** The compiled worker: beside this file in dist/, or in dist/ when this file runs from the sources (tests). */
function workerScript(): string {
  if (__filename.endsWith('.js')) return path.join(__dirname, 'worker.js');
  return path.resolve(__dirname, '../../dist/src/grade/worker.js');
}
