// Shared by the grading tests: the fixture assignment, grading a fixture submission in-process, and
// running the compiled command line (batches use worker threads, which run the code in dist/).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { loadAssignment, type Assignment } from '../../src/grade/assignment';
import { assignmentHash, discoverSubmissions, inputHash, readSubmission } from '../../src/grade/discover';
import { gradeSubmission } from '../../src/grade/grader';
import type { SubmissionResult } from '../../src/grade/result';

export const ROOT = path.resolve(__dirname, '../..');
export const FIXTURES = path.join(ROOT, 'fixtures/grade');
export const ASSIGNMENT = path.join(FIXTURES, 'assignment.cr');
export const SUBMISSIONS = path.join(FIXTURES, 'submissions');
export const CLI = path.join(ROOT, 'dist/bin/chainrule.js'); // the shipped binary: grading from the bundle

let cached: Assignment | undefined;
export function fixtureAssignment(): Assignment {
  cached ??= loadAssignment(fs.readFileSync(ASSIGNMENT, 'utf8'), 'assignment.cr');
  return cached;
}

/** Every fixture submission path (files and folders), sorted. */
export function fixtureSubmissions(): string[] {
  return fs.readdirSync(SUBMISSIONS).sort().map((f) => path.join(SUBMISSIONS, f));
}

export function gradePath(p: string, assignment = fixtureAssignment(), seed = 1): SubmissionResult {
  const [entry] = discoverSubmissions([p]);
  const read = readSubmission(entry);
  return gradeSubmission(assignment, { name: read.name, files: read.files, skipped: read.skipped, moreSkipped: read.moreSkipped, inputHash: inputHash(assignmentHash(assignment.source), read.files) }, seed);
}

/** Grades a submission given as text against an assignment given as text. */
export function gradeText(assignmentSource: string, submission: string, file = 'sub.cr'): SubmissionResult {
  const assignment = loadAssignment(assignmentSource, 'assignment.cr');
  return gradeSubmission(assignment, { name: 'sub', files: [{ path: file, source: submission }], inputHash: 'test' }, 1);
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `chainrule-${prefix}-`));
}

export function requireBuild(): void {
  if (!fs.existsSync(path.join(ROOT, 'dist/src/grade/worker.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): { status: number; stdout: string; stderr: string } {
  requireBuild();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The small logistic-regression problem many unit tests grade against. */
export const LOGREG = `problem 1 "Logistic regression"
X : 1 x M
W : M x 1
b : scalar
y : scalar binary
h = X W + b
a = sigma(h)
L = -y log(a) - (1 - y) log(1 - a)
ask dL/dW 4 points
ask dL/db 2 points
`;

/** A two-layer problem whose names have subscripts (W1), for notation tests. */
export const TWO_LAYER = `problem 2 "Two-layer network"
X : 1 x M
W1 : M x N
b1 : 1 x N
W2 : N x 1
b2 : scalar
y : scalar binary
h1 = X W1 + b1
a1 = sigma(h1)
h2 = a1 W2 + b2
a2 = sigma(h2)
L = -y log(a2) - (1 - y) log(1 - a2)
ask dL/dW1 4 points
`;
