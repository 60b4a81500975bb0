// The gradebook CSV (RFC 4180): a row per submission, a column per ask named like "1a dL/dW", the total.
// With a roster (roster.ts), the authors' names, ids and emails follow the submission (several authors of a
// group submission joined by "; ").
import type { ResultDigest } from './result';
import type { Roster, Student } from './roster';

export function gradebookCsv(askIds: readonly string[], results: readonly ResultDigest[], roster: Roster = new Map()): string {
  const named = results.some((r) => roster.has(r.submission));
  const rows = [['submission', ...(named ? ['name', 'id', 'email'] : []), ...askIds, 'total']];
  for (const r of results) {
    const byId = new Map(r.asks.map((a) => [a.id, a.score]));
    const students = roster.get(r.submission) ?? [];
    const who = named ? (['name', 'id', 'email'] as const).map((k) => joined(students, k)) : [];
    rows.push([r.submission, ...who, ...askIds.map((id) => String(byId.get(id) ?? 0)), String(r.score)]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function joined(students: readonly Student[], key: keyof Student): string {
  return students.map((s) => s[key] ?? '').filter(Boolean).join('; ');
}

/**
 * Quotes a field when it holds a comma, a quote, a line break or edge spaces (doubling quotes). A text
 * starting like a formula (`=`, `+`, `-`, `@`, after any spaces: spreadsheets skip them; or a tab or CR) gets a leading
 * apostrophe, so a spreadsheet does not run a submission named `=HYPERLINK(...)` or ` =1+1`.
 */
export function csvField(value: string): string {
  let v = value;
  if (/^(\s*[=+\-@]|[\t\r])/.test(v) && !/^[+-]?\d+(\.\d+)?$/.test(v)) v = `'${v}`;
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
