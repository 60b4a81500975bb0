// Finding and reading submissions. Each path given on the command line is one submission: a .cr, .md,
// .tex or .ipynb file, or a folder holding a student's files (read recursively, in name order). A shell glob gives
// a batch: `chainrule grade hw.cr subs/* --out out`.
import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import type { SubmissionFile } from './documents';

export const SUBMISSION_EXTENSIONS = ['.cr', '.md', '.markdown', '.tex', '.ipynb'];
/** Caps on what one submission may hold; beyond them the rest is left out with a note. */
export const MAX_FILE_BYTES = 1_000_000;
export const MAX_FILES = 50;

/** Bumped when grading changes in a way that should invalidate stored results. */
export const GRADER_VERSION = 'chainrule-grade-1';

export interface SubmissionSource {
  /** The submission's name: its file or folder name without extension (the output folder's name). */
  name: string;
  /** The path given on the command line. */
  root: string;
  files: SubmissionFile[];
  /** Files left out (too large, too many), said in the result's notes. */
  skipped: string[];
}

/** Names for the given paths, in order; a repeated name gets `-2`, `-3`. Paths that do not exist throw. */
export function discoverSubmissions(paths: readonly string[]): Array<{ name: string; root: string }> {
  const used = new Map<string, number>();
  return paths.map((root) => {
    if (!fs.existsSync(root)) throw new Error(`${root}: no such file or folder`);
    const base = safeName(path.basename(root.replace(/[\\/]+$/, '')).replace(/\.(cr|md|markdown|tex|ipynb)$/i, ''));
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { name: n === 1 ? base : `${base}-${n}`, root };
  });
}

/** A name that is safe as one folder name: no separators, no dot-only names. */
function safeName(name: string): string {
  const cleaned = name.replace(/[\/\\\0]/g, '_').replace(/^\.+$/, '_');
  return cleaned || 'submission';
}

export function readSubmission(entry: { name: string; root: string }): SubmissionSource {
  const skipped: string[] = [];
  const files: SubmissionFile[] = [];
  const stat = fs.statSync(entry.root);
  const candidates = stat.isDirectory() ? listFiles(entry.root) : [path.basename(entry.root)];
  const dir = stat.isDirectory() ? entry.root : path.dirname(entry.root);
  for (const rel of candidates) {
    const full = path.join(dir, rel);
    const size = fs.statSync(full).size;
    if (files.length >= MAX_FILES) skipped.push(`${rel} (more than ${MAX_FILES} files)`);
    else if (size > MAX_FILE_BYTES) skipped.push(`${rel} (${size} bytes; the limit is ${MAX_FILE_BYTES})`);
    else files.push({ path: rel, source: fs.readFileSync(full, 'utf8') });
  }
  return { name: entry.name, root: entry.root, files, skipped };
}

/** Gradable files under `dir`, relative, with `/` separators, sorted; hidden files and folders skipped. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    const entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === '__MACOSX' || e.name === 'node_modules') continue;
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else if (e.isFile() && SUBMISSION_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) out.push(child);
    }
  };
  walk('');
  return out;
}

/** sha256 of the assignment's source: part of every submission's input hash. */
export function assignmentHash(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** What a stored result was made from: grader version, assignment, the files' names and contents. */
export function inputHash(assignmentHash: string, files: readonly SubmissionFile[]): string {
  const h = createHash('sha256');
  h.update(`${GRADER_VERSION}\0${assignmentHash}\0`);
  for (const f of files) h.update(`${f.path}\0${f.source.length}\0${f.source}\0`);
  return `sha256:${h.digest('hex')}`;
}
