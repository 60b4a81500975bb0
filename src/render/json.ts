// Diagnostics as SPEC section 3 JSON.
import type { Diagnostic } from '../diagnostics';
import type { DiagnosticJson } from '../check/report';

export function diagnosticToJson(d: Diagnostic): DiagnosticJson {
  const json: DiagnosticJson = {
    severity: d.severity,
    code: d.code,
    message: d.message,
    line: d.span.line,
    column: d.span.column,
    endLine: d.span.endLine,
    endColumn: d.span.endColumn,
  };
  if (d.hint !== undefined) json.hint = d.hint;
  return json;
}

/** Source order: line, then column. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);
}
