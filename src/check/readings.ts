// The readings of a claim (OCR slips read as a person would, src/analysis/readings.ts) as SPEC 4.1's JSON.
import type { Claim } from '../resolve/scope';
import type { ReadingJson } from './report';

/** `{ readings }` for a claim that has some, else nothing (the field is left out). */
export function readingsJson(claim: Claim): { readings?: ReadingJson[] } {
  if (!claim.readings?.length) return {};
  return { readings: claim.readings.map((r) => ({ line: r.span.line, column: r.span.column, written: r.written, readAs: r.readAs, why: r.why })) };
}
