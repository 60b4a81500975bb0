// Compares `check` with a hand key of a real document (fixtures/real/*.key.json): for each keyed derivative
// line, whether chainrule agrees, is confidently wrong (the opposite verdict), or leaves it unjudged.
import { checkSource } from './check';
import type { StepVerdict } from '../check/report';

export interface KeyLine {
  line: number;
  kind: string;
  verdict: string;
}

export interface LineComparison {
  line: number;
  key: 'correct' | 'incorrect';
  /** chainrule's verdict for the line: that of its steps (incorrect if any is), or `not read`. */
  verdict: StepVerdict | 'unjudged' | 'not read';
  outcome: 'agree' | 'wrong' | 'unjudged';
  note?: string;
}

export interface KeyComparison {
  lines: LineComparison[];
  counts: { lines: number; agree: number; wrong: number; unjudged: number };
}

export function compareWithKey(source: string, file: string, key: { lines: KeyLine[] }): KeyComparison {
  return compareClaimsWithKey(checkSource(source, file).report.claims, key);
}

/** The same for claims checked otherwise (`check --assignment`, app/assignCorpus.ts). */
export function compareClaimsWithKey(claims: ReadonlyArray<{ steps: ReadonlyArray<{ line: number; verdict: StepVerdict; message: string }>; shapeClaim?: { ok: boolean } | null }>, key: { lines: KeyLine[] }): KeyComparison {
  const verdicts = new Map<number, string[]>();
  const messages = new Map<number, string>();
  for (const claim of claims) {
    for (const step of claim.steps) {
      verdicts.set(step.line, [...(verdicts.get(step.line) ?? []), step.verdict]);
      if (step.verdict !== 'correct') messages.set(step.line, step.message);
    }
    // A false shape claim on a right value makes its line wrong, as the keys count it.
    const last = claim.steps[claim.steps.length - 1];
    if (last && claim.shapeClaim?.ok === false && claim.steps.every((st) => st.verdict === 'correct')) verdicts.set(last.line, [...(verdicts.get(last.line) ?? []), 'incorrect']);
  }
  const lines = key.lines
    .filter((l) => l.kind === 'derivative' && (l.verdict === 'correct' || l.verdict === 'incorrect'))
    .map((l): LineComparison => {
      const found = verdicts.get(l.line);
      const verdict = !found ? 'not read' : found.includes('incorrect') ? 'incorrect' : found.every((v) => v === 'correct') ? 'correct' : (found.find((v) => v !== 'correct') as LineComparison['verdict']);
      const keyed = l.verdict as 'correct' | 'incorrect';
      const outcome = verdict === keyed ? 'agree' : verdict === 'correct' || verdict === 'incorrect' ? 'wrong' : 'unjudged';
      return { line: l.line, key: keyed, verdict, outcome, ...(messages.has(l.line) ? { note: messages.get(l.line) } : {}) };
    });
  const count = (o: string) => lines.filter((l) => l.outcome === o).length;
  return { lines, counts: { lines: lines.length, agree: count('agree'), wrong: count('wrong'), unjudged: count('unjudged') } };
}
