// The files of `chainrule grade --out DIR` (SPEC section 2), written atomically. Per submission,
// result.json is written last: its presence (with a matching input hash and seed) marks a submission as
// done, so an interrupted run resumes after the last finished one.
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic, writeJsonAtomic } from './atomic';
import type { SubmissionFile } from './documents';
import { toGradescope } from './gradescope';
import { gradebookCsv } from './gradebook';
import { classPage } from './html/classPage';
import { reportPieces } from './html/report';
import { utf8OfPieces } from './html/bytes';
import { RESULT_VERSION, type ResultDigest, type StoredResult, type SubmissionResult } from './result';
import { summarize, type ClassSummary } from './summary';
import { standsUnder, type GradingLimits } from './limits';
import { restoredResult, resultAtLevel, storedResult } from './feedback';
import type { Roster } from './roster';
import type { Delivery } from './delivery';

export const FORMATS = ['json', 'gradescope', 'csv', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export function submissionDir(outDir: string, name: string): string {
  return path.join(outDir, 'submissions', name);
}

export function resultPath(outDir: string, name: string): string {
  return path.join(submissionDir(outDir, name), 'result.json');
}

/**
 * result.json is always written (it is the record a re-run resumes from and the source of every other
 * output); `gradescope` adds results.json and `html` adds report.html. What the author is shown of the
 * result follows `delivery` (feedback.ts).
 */
export function writeSubmissionOutputs(outDir: string, result: SubmissionResult, formats: ReadonlySet<Format>, files: readonly SubmissionFile[], executionSeconds: number, delivery: Delivery): void {
  const dir = submissionDir(outDir, result.submission);
  // Made once here (writeFileAtomic would otherwise find it missing on its first write, at the cost of a failed open).
  fs.mkdirSync(dir, { recursive: true });
  const shown = resultAtLevel(result, delivery.feedback);
  if (formats.has('gradescope')) writeJsonAtomic(path.join(dir, 'results.json'), toGradescope(shown, executionSeconds, delivery.visibility));
  if (formats.has('html')) writeFileAtomic(path.join(dir, 'report.html'), utf8OfPieces(reportPieces(shown, files)));
  // result.json is read back by chainrule only (resuming, rebuilding outputs): compact JSON, half the bytes.
  writeJsonAtomic(path.join(dir, 'result.json'), storedResult(result, delivery), true);
}

/** The outputs a stored result lacks (the formats asked for changed since it was written). */
export function missingOutputs(outDir: string, name: string, formats: ReadonlySet<Format>): boolean {
  const dir = submissionDir(outDir, name);
  return (formats.has('gradescope') && !fs.existsSync(path.join(dir, 'results.json'))) || (formats.has('html') && !fs.existsSync(path.join(dir, 'report.html')));
}

/**
 * A stored result made from the same input and seed that still stands under `limits` (limits.ts), with how
 * it was delivered; undefined when none, unreadable, or stale.
 */
export function readStoredResult(outDir: string, name: string, inputHash: string, seed: number, limits: GradingLimits): { result: SubmissionResult; delivery: Delivery } | undefined {
  try {
    const stored = JSON.parse(fs.readFileSync(resultPath(outDir, name), 'utf8')) as StoredResult;
    return stored.version === RESULT_VERSION && stored.inputHash === inputHash && stored.seed === seed && standsUnder(stored, limits) ? restoredResult(stored) : undefined;
  } catch {
    return undefined;
  }
}

export function writeClassOutputs(
  outDir: string,
  assignment: { file: string; maxScore: number; asks: ReadonlyArray<{ id: string; points: number }> },
  seed: number,
  results: readonly ResultDigest[],
  formats: ReadonlySet<Format>,
  roster: Roster = new Map(),
): ClassSummary {
  const summary = summarize(assignment, seed, results, roster);
  const byName = new Map(results.map((r) => [r.submission, r]));
  const ordered = summary.results.map((r) => byName.get(r.submission)!);
  if (formats.has('csv')) writeFileAtomic(path.join(outDir, 'gradebook.csv'), gradebookCsv(assignment.asks.map((a) => a.id), ordered, roster));
  if (formats.has('json')) writeJsonAtomic(path.join(outDir, 'summary.json'), summary);
  // KaTeX's assets are copied by the batch before its first report (batch.ts).
  if (formats.has('html')) writeFileAtomic(path.join(outDir, 'index.html'), classPage(summary, true));
  return summary;
}
