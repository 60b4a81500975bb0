// `chainrule grade`: a batch of submissions graded on worker threads, resumable, deterministic for a seed.
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic } from '../diagnostics';
import { availableParallelism } from 'os';
import { loadAssignment } from './assignment';
import { assignmentHash, discoverSubmissions, inputHash, readSubmission } from './discover';
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
  /** The assignment's warnings, with its source to show them in. */
  warnings: Diagnostic[];
  assignmentSource: string;
}

export const DEFAULT_TIME_LIMIT_MS = 30_000;
export const DEFAULT_MEMORY_MB = 512;

export async function runGrade(options: GradeOptions): Promise<GradeRun> {
  const source = fs.readFileSync(options.assignment, 'utf8');
  const hash = assignmentHash(source);
  const formats = new Set(options.formats);
  const entries = discoverSubmissions(options.submissions);
  const inputs = entries.map((entry): SubmissionInput => {
    const read = readSubmission(entry);
    return { name: read.name, files: read.files, skipped: read.skipped, inputHash: inputHash(hash, read.files) };
  });
  const stored = inputs.map((input) => readStoredResult(options.outDir, input.name, input.inputHash, options.seed));
  const toGrade = inputs.filter((_, i) => !stored[i]);
  // The workers load the assignment themselves: started first, they do so while this thread checks it.
  const setup: WorkerSetup = { assignmentSource: source, assignmentFile: options.assignment, seed: options.seed, outDir: options.outDir, formats: [...formats] };
  const pool = toGrade.length
    ? new WorkerPool<SubmissionInput, ResultDigest>({
        script: workerScript(), workerData: setup, size: Math.min(options.jobs ?? availableParallelism(), toGrade.length),
        timeLimitMs: options.timeLimitMs, memoryMb: options.memoryMb,
      })
    : undefined;
  try {
    // This thread grades nothing itself: it needs the asks and their expected answers, not prepared graphs.
    const assignment = loadAssignment(source, options.assignment, options.seed, { prepareBases: false }); // throws AssignmentError
    fs.mkdirSync(options.outDir, { recursive: true });
    if (formats.has('html')) copyKatexAssets(options.outDir); // before any report, so early reports render

    const digests: ResultDigest[] = [];
    const progress = progressBar(entries.length, options.progress);
    let failed = 0;
    stored.forEach((result, i) => {
      if (!result) return;
      if (missingOutputs(options.outDir, result.submission, formats)) writeSubmissionOutputs(options.outDir, result, formats, inputs[i].files, 0);
      digests.push(digestOf(result));
      progress.tick();
    });
    await Promise.all(
      toGrade.map(async (input) => {
        const started = Date.now();
        const outcome = await pool!.run(input);
        if (outcome.ok) digests.push(outcome.value);
        else {
          failed++;
          const result = errorResult(assignment, input, options.seed, outcome.error);
          writeSubmissionOutputs(options.outDir, result, formats, input.files, (Date.now() - started) / 1000);
          digests.push(digestOf(result));
        }
        progress.tick();
      }),
    );
    progress.done();
    const summary = writeClassOutputs(options.outDir, assignment, options.seed, digests, formats);
    return { summary, graded: toGrade.length - failed, resumed: inputs.length - toGrade.length, failed, warnings: assignment.warnings, assignmentSource: source };
  } finally {
    await pool?.close();
  }
}

/** The compiled worker: beside this file in dist/, or in dist/ when this file runs from the sources (tests). */
function workerScript(): string {
  if (__filename.endsWith('.js')) return path.join(__dirname, 'worker.js');
  return path.resolve(__dirname, '../../dist/src/grade/worker.js');
}
