// Who wrote each submission (SPEC 4.3, docs/grading.md), for the gradebook and the class page:
// * Gradescope's class export: `submission_metadata.yml` beside the submission folders, a map from each
//   folder's name to its `:submitters` (`:name`, `:sid`, `:email`);
// * Gradescope's autograder: `submission_metadata.json` beside the `submission` folder, with `users`
//   (`name`, `sid` or `id`, `email`);
// * `--roster FILE`: one of those, or a CSV whose header names a `submission` column (a submission's name,
//   or its file or folder name) and any of `name`, `id` (or `sid`) and `email`.
// Metadata beside the submissions is read when present; `--roster` wins over it.
import * as fs from 'fs';
import * as path from 'path';
import type * as Yaml from 'yaml';
import { FileRefused, readTextFile } from '../files/read';

export interface Student {
  name: string | null;
  id: string | null;
  email: string | null;
}

/** Submission name → its students. */
export type Roster = Map<string, Student[]>;

export class RosterError extends Error {}

const MAX_ROSTER_BYTES = 20_000_000;

/** The roster of `entries` (name and root path of each submission), from `--roster` or the metadata beside them. */
export function readRoster(entries: ReadonlyArray<{ name: string; root: string }>, rosterFile?: string): { roster: Roster; warnings: string[] } {
  const roster: Roster = new Map();
  const warnings: string[] = [];
  const byFolder = new Map<string, Map<string, Student[]>>();
  for (const entry of entries) {
    const dir = path.dirname(path.resolve(entry.root));
    const base = path.basename(path.resolve(entry.root));
    if (!byFolder.has(dir)) {
      try {
        byFolder.set(dir, metadataBeside(dir));
      } catch (err) {
        warnings.push(`${err instanceof Error ? err.message : String(err)}; names from it are left out`);
        byFolder.set(dir, new Map());
      }
    }
    const students = byFolder.get(dir)!.get(base);
    if (students) roster.set(entry.name, students);
  }
  if (rosterFile !== undefined) {
    const given = readRosterFile(rosterFile, entries);
    for (const entry of entries) {
      const students = given.get(entry.name) ?? given.get(path.basename(path.resolve(entry.root)));
      if (students) roster.set(entry.name, students);
    }
  }
  return { roster, warnings };
}

/** Folder or file name → students, from the Gradescope metadata in `dir` (none when there is none). */
function metadataBeside(dir: string): Map<string, Student[]> {
  const yml = path.join(dir, 'submission_metadata.yml');
  if (fs.existsSync(yml)) return gradescopeExport(readText(yml), yml);
  const json = path.join(dir, 'submission_metadata.json');
  if (fs.existsSync(json)) return new Map([['submission', gradescopeRun(readText(json), json)]]);
  return new Map();
}

function readRosterFile(file: string, entries: ReadonlyArray<{ name: string }>): Map<string, Student[]> {
  const text = readText(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.yml' || ext === '.yaml') return gradescopeExport(text, file);
  if (ext === '.csv') return csvRoster(text, file);
  if (ext === '.json') {
    // One submission's metadata: it names the one submission graded.
    if (entries.length !== 1) throw new RosterError(`${file}: Gradescope's submission_metadata.json describes one submission, but ${entries.length} are graded`);
    return new Map([[entries[0].name, gradescopeRun(text, file)]]);
  }
  throw new RosterError(`${file}: a roster is a .csv file, or Gradescope's submission_metadata.yml or submission_metadata.json`);
}

/** Read as submissions are (src/files): it sits beside them, so it may be a FIFO or a link as well. */
function readText(file: string): string {
  try {
    return readTextFile(file, { maxBytes: MAX_ROSTER_BYTES });
  } catch (err) {
    if (err instanceof FileRefused) throw new RosterError(err.message);
    throw err;
  }
}

/** `submission_metadata.yml` of a Gradescope export: `submission_NNN: { ":submitters": [{ ":name", ":sid", ":email" }] }`. */
export function gradescopeExport(text: string, file: string): Map<string, Student[]> {
  // yaml loads here, for a Gradescope export: costly to load, and most batches have no roster.
  const { parse } = require('yaml') as typeof Yaml;
  let doc: unknown;
  try {
    // Gradescope writes Ruby's YAML: `:key` symbols (plain strings here), timestamps, and tags this reader
    // does not resolve (kept as plain values); nothing in it is executed.
    doc = parse(text, { logLevel: 'error', uniqueKeys: false, maxAliasCount: 100 });
  } catch (err) {
    throw new RosterError(`${file}: not readable as YAML (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
  if (!isRecord(doc)) throw new RosterError(`${file}: expected a map from submission folders to their metadata`);
  const out = new Map<string, Student[]>();
  for (const [folder, meta] of Object.entries(doc)) {
    const submitters = isRecord(meta) ? (meta[':submitters'] ?? meta.submitters) : undefined;
    if (!Array.isArray(submitters)) continue;
    out.set(folder, submitters.filter(isRecord).map((s) => student(s[':name'] ?? s.name, s[':sid'] ?? s.sid, s[':email'] ?? s.email)));
  }
  return out;
}

/** `submission_metadata.json` of an autograder run: its `users`. */
export function gradescopeRun(text: string, file: string): Student[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new RosterError(`${file}: not readable as JSON`);
  }
  const users = isRecord(doc) ? doc.users : undefined;
  if (!Array.isArray(users)) throw new RosterError(`${file}: expected Gradescope's submission metadata, with "users"`);
  return users.filter(isRecord).map((u) => student(u.name, u.sid ?? u.id, u.email));
}

/** A CSV roster: a header naming `submission` and any of `name`, `id` (or `sid`), `email`; a row per student. */
export function csvRoster(text: string, file: string): Map<string, Student[]> {
  const [header, ...rows] = csvRows(text);
  const column = (...names: string[]) => (header ?? []).findIndex((h) => names.includes(h.trim().toLowerCase()));
  const sub = column('submission');
  if (sub < 0) throw new RosterError(`${file}: the first line names the columns, one of them \`submission\` (with name, id, email)`);
  const [name, id, email] = [column('name'), column('id', 'sid'), column('email')];
  const out = new Map<string, Student[]>();
  for (const row of rows) {
    const key = row[sub]?.trim();
    if (!key) continue;
    const at = (i: number) => (i >= 0 ? row[i] : undefined);
    out.set(key, [...(out.get(key) ?? []), student(at(name), at(id), at(email))]);
  }
  return out;
}

/** RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks. Blank lines are skipped. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  const endRow = () => {
    row.push(field);
    if (row.some((f) => f !== '')) rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (s[i + 1] === '"') field += s[i++];
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  endRow();
  return rows;
}

function student(name: unknown, id: unknown, email: unknown): Student {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
  return { name: text(name), id: text(id), email: text(email) };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
