// The text report of `chainrule check`: each claim with ✓ or ✗, each wrong step marked under its source
// line with the diagnosis and the fix, and a summary line. Colour only on a terminal.
import type { CheckReport, ClaimJson, StepJson } from '../check/report';

const MARK: Record<string, string> = { correct: '✓', incorrect: '✗', informal: '~', error: '!', unjudged: '?' };
const COLOR: Record<string, string> = { correct: '32', incorrect: '31', informal: '33', error: '35', unjudged: '36' };

function paint(text: string, code: string, color: boolean): string {
  return color ? `\x1b[${code}m${text}\x1b[0m` : text;
}

function stepLines(step: StepJson, lines: readonly string[], color: boolean): string[] {
  if (step.verdict === 'correct') return [];
  const source = lines[step.line - 1] ?? '';
  const gutter = String(step.line).padStart(4);
  const width = Math.max(1, Math.min(step.text.length, source.length - step.column + 1));
  const caret = ' '.repeat(step.column - 1) + '^'.repeat(width);
  const label = step.verdict === 'incorrect' ? `step ${step.index}: ${step.diagnosis ?? 'wrong'}` : `step ${step.index}: ${step.verdict}`;
  return [
    `     |`,
    `${gutter} | ${source}`,
    `     | ${paint(caret, COLOR[step.verdict], color)}`,
    `     = ${label}${step.message ? `: ${step.message}` : ''}`,
    ...(step.hint ? [`     = hint: ${step.hint}`] : []),
  ];
}

function claimLines(claim: ClaimJson, lines: readonly string[], color: boolean): string[] {
  const mark = paint(MARK[claim.verdict], COLOR[claim.verdict], color);
  const label = claim.label ? `[${claim.label}] ` : '';
  const head = `${mark} ${label}${claim.target} (line ${claim.line})`;
  const out = [head];
  for (const r of claim.readings ?? []) out.push(`     = read ${r.written} as ${r.readAs} (${r.line}:${r.column}): ${r.why}`);
  for (const step of claim.steps) out.push(...stepLines(step, lines, color));
  if (claim.shapeClaim && !claim.shapeClaim.ok) {
    out.push(`     = shape claim: ${claim.shapeClaim.claimed} is wrong; ${claim.target} is ${claim.shapeClaim.actual}`);
  }
  if (claim.verdict === 'incorrect' && claim.expected) out.push(`     = expected: ${claim.target} = ${claim.expected}`);
  return out;
}

export function renderCheckText(report: CheckReport, source: string, color: boolean): string {
  const lines = source.split(/\r?\n/);
  const out: string[] = [];
  for (const claim of report.claims) out.push(...claimLines(claim, lines, color));
  const s = report.summary;
  const parts = [`${s.claims} claims`, `${s.correct} correct`, `${s.incorrect} incorrect`];
  if (s.informal) parts.push(`${s.informal} informal`);
  if (s.errors) parts.push(`${s.errors} with errors`);
  if (s.unjudged) parts.push(`${s.unjudged} unjudged`);
  out.push('', `${report.file}: ${parts.join(', ')}`);
  if (s.read) {
    const r = s.read;
    out.push(`read ${r.derivationLinesRead} of ${r.derivationLines} derivative lines${r.notRead.length ? '; not read:' : ''}`);
    for (const n of r.notRead) out.push(`  line ${n.line}: ${n.reason}`);
  }
  if (s.claims === 0) out.push('no claims found: nothing to check');
  return out.join('\n') + '\n';
}
