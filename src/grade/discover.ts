// Finding and reading submissions. Each path given on the command line is one submission: a .cr, .md,
// .tex or .ipynb file, or a folder holding a student's files (read recursively, in name order). A shell glob gives
// a batch: `chainrule grade hw.cr subs/* --out out`; so does `--each`, which makes every file or folder inside
// the given folders a submission of its own (`chainrule grade hw.cr subs/ --each`, a Gradescope export).
import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import type { SubmissionFile } from './documents';
import { isInside, readTextFile, refusal } from '../files/read';
import { GradeInputError } from './inputError';
import type * as Parse from '../syntax/parse';

export const SUBMISSION_EXTENSIONS = ['.cr', '.md', '.markdown', '.tex', '.ipynb'];
/** Caps on what one submission may hold; beyond them the rest is left out with a note. */
export const MAX_FILE_BYTES = 1_000_000;
export const MAX_FILES = 50;
/** At most this many entries of a submission's folder are looked at (`/` given as a submission stops here). */
export const MAX_FOLDER_ENTRIES = 10_000;
/** Skipped files named one by one in the notes; the rest are counted. */
export const MAX_LISTED_SKIPS = 10;

/** Bumped when grading changes in a way that should invalidate stored results. */
export const GRADER_VERSION = 'chainrule-grade-1';

export interface SubmissionSource {
  /** The submission's name: its file or folder name without extension (the output folder's name). */
  name: string;
  /** The path given on the command line. */
  root: string;
  files: SubmissionFile[];
  /** Files left out (too large, too many, a link leading out), said in the result's notes: the first few... */
  skipped: string[];
  /** ...and how many more. */
  moreSkipped: number;
  /** Why the submission cannot be graded at all (a FIFO, a device, a file that cannot be read). */
  error?: string;
}

/**
 * Names for the given paths, in order; a repeated name gets `-2`, `-3`. Paths that do not exist throw. With
 * `each`, a folder stands for the submissions inside it.
 */
export function discoverSubmissions(paths: readonly string[], { each = false } = {}): Array<{ name: string; root: string }> {
  const used = new Map<string, number>();
  for (const root of paths) if (!exists(root)) throw new Error(`${root}: no such file or folder`);
  const roots = each ? paths.flatMap(entriesOf) : paths;
  return roots.map((root) => {
    const base = safeName(path.basename(root.replace(/[\\/]+$/, '')).replace(/\.(cr|md|markdown|tex|ipynb)$/i, ''));
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { name: n === 1 ? base : `${base}-${n}`, root };
  });
}

/** Whether the path names something, a dangling link included (reading it then says what is wrong). */
function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * The submissions in a class folder, in name order: its folders and its gradable names, links and special
 * files included (reading them says what is wrong: a link leading out, a FIFO); a file stands for itself.
 */
function entriesOf(root: string): string[] {
  if (!isFolder(root)) return [root];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch (err) {
    throw new GradeInputError(refusal(root, err).message);
  }
  return entries
    .filter((e) => !skipped(e.name) && (isGradable(e.name) || e.isDirectory() || (e.isSymbolicLink() && isFolder(path.join(root, e.name)))))
    .map((e) => e.name)
    .sort()
    .map((name) => path.join(root, name));
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Hidden files, macOS archive litter and installed packages are never submissions nor part of one. */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === '__MACOSX' || name === 'node_modules';
}

function isGradable(name: string): boolean {
  return SUBMISSION_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/** A name that is safe as one folder name: no separators, no dot-only names. */
function safeName(name: string): string {
  const cleaned = name.replace(/[\/\\\0]/g, '_').replace(/^\.+$/, '_');
  return cleaned || 'submission';
}

/**
 * The submission's files, read through src/files: a link never leads out of the folder the submission was
 * given from (a file's folder, or the submission's own folder for the files inside it). Never throws.
 */
export function readSubmission(entry: { name: string; root: string }): SubmissionSource {
  const out: SubmissionSource = { name: entry.name, root: entry.root, files: [], skipped: [], moreSkipped: 0 };
  const skip = (what: string) => (out.skipped.length < MAX_LISTED_SKIPS ? out.skipped.push(what) : out.moreSkipped++);
  const givenFrom = path.dirname(path.resolve(entry.root));
  let folder: string | undefined;
  try {
    const stat = fs.lstatSync(entry.root);
    if (stat.isSymbolicLink() && !isInside(fs.realpathSync(entry.root), fs.realpathSync(givenFrom))) {
      skip(`${path.basename(entry.root)} (a link to a place outside the folder it was given from; not followed)`);
      return out;
    }
    if (fs.statSync(entry.root).isDirectory()) folder = entry.root;
  } catch (err) {
    out.error = refusal(entry.root, err).message;
    return out;
  }
  const listing = folder === undefined ? { files: [path.basename(entry.root)], truncated: false } : listFiles(folder);
  if ('error' in listing) {
    out.error = listing.error;
    return out;
  }
  if (listing.truncated) skip(`everything after the first ${MAX_FOLDER_ENTRIES.toLocaleString('en-US')} entries of the folder (not looked at)`);
  const dir = folder ?? givenFrom;
  for (const rel of listing.files) {
    if (out.files.length >= MAX_FILES) {
      skip(`${rel} (more than ${MAX_FILES} files)`);
      continue;
    }
    try {
      out.files.push({ path: rel, source: readTextFile(path.join(dir, rel), { maxBytes: MAX_FILE_BYTES, within: dir }) });
    } catch (err) {
      const refused = refusal(rel, err);
      // A link out or to a folder, or an oversized file, is left out; a file that cannot be read stops the submission.
      if (refused.kind === 'outside' || refused.kind === 'folder' || refused.kind === 'too-large') skip(`${rel} (${refused.reason})`);
      else {
        out.error = `${rel}: ${refused.reason}`;
        return out;
      }
    }
  }
  return out;
}

/**
 * Gradable files under `dir`, relative, with `/` separators, sorted; hidden files and folders skipped, links
 * to folders not followed, at most MAX_FOLDER_ENTRIES entries looked at.
 */
function listFiles(dir: string): { files: string[]; truncated: boolean } | { error: string } {
  const files: string[] = [];
  let seen = 0;
  const walk = (rel: string): boolean => {
    const entries = readFolder(dir, rel).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (++seen > MAX_FOLDER_ENTRIES) return false;
      if (skipped(e.name)) continue;
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!walk(child)) return false;
      } else if (isGradable(e.name)) files.push(child); // reading it says if it is not a regular file
    }
    return true;
  };
  try {
    return { truncated: !walk(''), files };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** The entries of a folder under `dir`; one that cannot be listed throws FileRefused, named as the student knows it. */
function readFolder(dir: string, rel: string): fs.Dirent[] {
  try {
    return fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
  } catch (err) {
    throw refusal(rel || path.basename(path.resolve(dir)), err);
  }
}

const SETTING_WORD = /feedback|visibility/;
const parseFile = (source: string) => (require('../syntax/parse') as typeof Parse).parseFile(source, 'assignment.cr');

/**
 * sha256 of what the grades depend on, part of every submission's input hash: the assignment's source
 * without its `feedback` and `visibility` lines, which change how results are shown, not what they are.
 */
export function assignmentHash(source: string): string {
  // A setting statement starts with one of its two words (syntax/prepare.ts): a source without either has
  // none, and is hashed unparsed (the batch's main thread then loads no parser).
  const settingLines = SETTING_WORD.test(source) ? new Set(parseFile(source).statements.filter((st) => st.kind === 'setting').map((st) => st.span.line)) : new Set<number>();
  const graded = settingLines.size ? source.split('\n').map((line, i) => (settingLines.has(i + 1) ? '' : line)).join('\n') : source;
  return createHash('sha256').update(graded).digest('hex');
}

/** What a stored result was made from: grader version, assignment, the files' names and contents. */
export function inputHash(assignmentHash: string, files: readonly SubmissionFile[]): string {
  const h = createHash('sha256');
  h.update(`${GRADER_VERSION}\0${assignmentHash}\0`);
  for (const f of files) h.update(`${f.path}\0${f.source.length}\0${f.source}\0`);
  return `sha256:${h.digest('hex')}`;
}
