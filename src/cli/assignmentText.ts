// `check --assignment` as text: which lines were read as which problem, the answer taken for each ask with
// its score and confidence, then every claim with its verdict.
import type { AssignmentCheckReport } from '../app/assignmentCheck';
import { alignmentSentence } from '../grade/parts';

const MARK: Record<string, string> = { correct: '✓', incorrect: '✗', informal: '~', unjudged: '?', error: '!' };

export function renderAssignmentCheck(r: AssignmentCheckReport): string {
  const lines: string[] = [`${r.file} against ${r.assignment}: ${r.score} / ${r.maxScore}`];
  for (const a of r.alignment) lines.push(`  ${alignmentSentence(a)}`);
  lines.push('answers:');
  for (const a of r.answers) {
    const where = a.line === null ? 'no answer found' : `line ${a.line}: ${a.answer}`;
    // An answer chainrule could not judge scores as wrong, but is not called wrong.
    const outcome = a.rule === 'unjudged' ? 'not judged' : a.outcome;
    lines.push(`  ${a.id}  ${where}  → ${outcome} ${a.score}/${a.maxScore}${a.confidence === 'needs-review' ? '  (needs review)' : ''}`);
    for (const reason of a.reasons) lines.push(`      - ${reason}`);
    if (a.outcome !== 'correct') lines.push(`      ${a.feedback}`);
  }
  lines.push('claims:');
  for (const c of r.claims) {
    const steps = c.steps.map((s) => s.text).join(' = ');
    lines.push(`  ${MARK[c.verdict] ?? '?'} ${c.line}: ${c.target} = ${steps}${c.graded ? `   [answer to ${c.graded}]` : ''}`);
  }
  return lines.join('\n') + '\n';
}
