// `chainrule grade ASSIGNMENT SUBMISSIONS... --out DIR [--format json,gradescope,csv,html] [--seed N]
// [--jobs N] [--time-limit SECONDS] [--memory MB] [--feedback full|hints|score] [--visibility ...]
// [--roster FILE] [--each]`: argument handling and output only; the work is in src/app/grade.ts.
import { AssignmentError, GradeInputError, DEFAULT_MEMORY_MB, DEFAULT_SEED, DEFAULT_TIME_LIMIT_MS, FORMATS, gradeClass, RosterError, VISIBILITIES, type Format, type Visibility } from '../app/grade';
import { feedbackLevel, printDiagnostics, UsageError } from './io';

export interface GradeCliOptions {
  out: string;
  format?: string;
  seed?: string;
  jobs?: string;
  timeLimit?: string;
  memory?: string;
  feedback?: string;
  visibility?: string;
  roster?: string;
  each?: boolean;
}

/** Exit codes: 0 every submission graded; 1 some could not be (time limit, memory cap, unreadable); 2 input errors. */
export async function gradeCommand(assignment: string, submissions: string[], options: GradeCliOptions): Promise<number> {
  const formats = parseFormats(options.format);
  const seed = integer('--seed', options.seed, DEFAULT_SEED, -2147483648);
  const jobs = options.jobs === undefined ? undefined : integer('--jobs', options.jobs, 1, 1);
  const timeLimitMs = options.timeLimit === undefined ? DEFAULT_TIME_LIMIT_MS : Math.round(positive('--time-limit', options.timeLimit) * 1000);
  const memoryMb = integer('--memory', options.memory, DEFAULT_MEMORY_MB, 64);
  const delivery = { feedback: feedbackLevel(options.feedback), visibility: visibility(options.visibility) };
  try {
    const { run, exitCode } = await gradeClass({
      assignment, submissions, outDir: options.out, formats, seed, jobs, timeLimitMs, memoryMb, progress: process.stderr,
      delivery, each: options.each, roster: options.roster,
    });
    printDiagnostics(run.warnings, run.assignmentSource, assignment);
    for (const notice of run.notices) process.stderr.write(`chainrule: warning: ${notice}\n`);
    const s = run.summary;
    const parts = [`${s.submissions} submission${s.submissions === 1 ? '' : 's'}`, `mean ${s.scores.mean} / ${s.maxScore}`];
    if (run.resumed) parts.push(`${run.resumed} from an earlier run`);
    if (run.failed) parts.push(`${run.failed} not graded (see their result.json)`);
    process.stdout.write(`graded ${parts.join(', ')} → ${options.out}\n`);
    return exitCode;
  } catch (err) {
    if (err instanceof AssignmentError) {
      printDiagnostics(err.diagnostics, err.source, err.file);
      return 2;
    }
    if (err instanceof GradeInputError || err instanceof RosterError) throw new UsageError(err.message);
    if (err instanceof Error && /no such file|ENOENT/.test(err.message)) throw new UsageError(err.message);
    throw err;
  }
}

function parseFormats(text: string | undefined): Format[] {
  if (text === undefined) return [...FORMATS];
  const list = text.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of list) if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format: unknown format ${f}; the formats are ${FORMATS.join(', ')}`);
  if (list.length === 0) throw new UsageError(`--format needs at least one of ${FORMATS.join(', ')}`);
  return list as Format[];
}

function visibility(text: string | undefined): Visibility | undefined {
  if (text === undefined) return undefined;
  if (!(VISIBILITIES as readonly string[]).includes(text)) throw new UsageError(`--visibility takes ${VISIBILITIES.join(', ')}, not ${text}`);
  return text as Visibility;
}

function integer(flag: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} takes an integer${min > -2147483648 ? ` of at least ${min}` : ''}, not ${text}`);
  return n;
}

function positive(flag: string, text: string): number {
  const n = Number(text);
  if (!(n > 0) || !Number.isFinite(n)) throw new UsageError(`${flag} takes a positive number of seconds, not ${text}`);
  return n;
}
