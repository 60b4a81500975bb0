// The gradebook CSV (RFC 4180): a row per submission, a column per ask named like "1a dL/dW", the total.
import type { ResultDigest } from './result';

export function gradebookCsv(askIds: readonly string[], results: readonly ResultDigest[]): string {
  const rows = [['submission', ...askIds, 'total']];
  for (const r of results) {
    const byId = new Map(r.asks.map((a) => [a.id, a.score]));
    rows.push([r.submission, ...askIds.map((id) => String(byId.get(id) ?? 0)), String(r.score)]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
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
