// The report of one submission (DIR/submissions/NAME/report.html): the scores with feedback, then every
// claim as the author wrote it, typeset by KaTeX, each step marked ✓ or ✗ with the diagnosis and the fix,
// the graded answers highlighted, the notes, and the submitted files.
import type { SubmissionFile } from '../documents';
import type { AskResult, GradedClaim, GradedStep, NoteJson, ProblemResult, SubmissionResult } from '../result';
import { escapeHtml } from './escape';
import { renderMath } from './math';
import { pageShell } from './page';

export const STEP_MARK: Record<string, string> = { correct: '✓', incorrect: '✗', informal: '~', error: '!' };
export const OUTCOME_MARK: Record<string, string> = { correct: '✓', partial: '◐', wrong: '✗', missing: '—', error: '!' };

/** How a report refers to DIR from DIR/submissions/NAME/. */
const ROOT = '../../';

export function submissionReport(result: SubmissionResult, files: readonly SubmissionFile[] = []): string {
  // Joined by `+=`, a rope V8 flattens once: Array.prototype.join took a millisecond per report on these
  // pieces, 100 times as long.
  let page = '';
  for (const piece of reportPieces(result, files)) page += piece;
  return page;
}

/**
 * The report as the list of pieces it is joined from: the typeset steps are most of a report's bytes, and
 * nested joins and templates would copy them again at every level. A batch writes the pieces' bytes
 * (html/bytes.ts) rather than the joined page.
 */
export function reportPieces(result: SubmissionResult, files: readonly SubmissionFile[] = []): string[] {
  const [head, tail] = pageShell(`${result.submission} — ${result.score} / ${result.maxScore}`, ROOT);
  const out: string[] = [
    head,
    `<header><h1>${escapeHtml(result.submission)}</h1>\n`,
    `<p class="score">${result.score} / ${result.maxScore}</p>\n`,
    `<p class="muted small">${escapeHtml(result.files.join(', ') || 'no files')} · seed ${result.seed}</p></header>`,
  ];
  if (result.status === 'error') out.push(`\n<p class="note error">Not graded: ${escapeHtml(result.error ?? 'unknown error')}. Every question scores 0.</p>`);
  out.push('\n', askTable(result.asks));
  const askById = new Map(result.asks.map((a) => [a.id, a]));
  for (const problem of result.problems) {
    out.push('\n');
    problemSection(problem, askById, out);
  }
  if (result.notes.length) out.push('\n', notesSection(result.notes));
  if (files.length) out.push('\n', filesSection(files));
  out.push(tail);
  return out;
}

function askTable(asks: readonly AskResult[]): string {
  // An answer chainrule could not judge scores as wrong but is marked as not judged, not as wrong.
  const markOf = (a: AskResult) => (a.rule === 'unjudged' ? mark('?', 'not judged') : mark(OUTCOME_MARK[a.outcome], a.outcome));
  const rows = asks.map((a) =>
    `<tr class="ask ${a.outcome}"><td>${markOf(a)}</td><td>${escapeHtml(a.id)}</td>` +
    `<td class="num">${a.score} / ${a.maxScore}</td><td>${escapeHtml(a.feedback)}</td></tr>`,
  );
  return `<section><h2>Scores</h2><table><thead><tr><th></th><th>Question</th><th class="num">Points</th><th>Feedback</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></section>`;
}

/** Appends the problem's section to `out`. */
function problemSection(problem: ProblemResult, askById: ReadonlyMap<string, AskResult>, out: string[]): void {
  const title = `Problem ${problem.id}${problem.title ? ` — ${problem.title}` : ''}`;
  out.push(`<section class="problem"><h2>${escapeHtml(problem.id ? title : 'Claims')}</h2>\n`);
  if (problem.claims.length === 0) out.push('<p class="muted">No claims for this problem.</p>');
  problem.claims.forEach((c, k) => {
    if (k > 0) out.push('\n');
    claimBlock(c, c.graded ? askById.get(c.graded) : undefined, out);
  });
  out.push('\n</section>');
}

/** Appends the claim's block to `out`. */
function claimBlock(claim: GradedClaim, ask: AskResult | undefined, out: string[]): void {
  const head = [`${escapeHtml(claim.file)}:${claim.line}`];
  if (claim.label) head.push(`[${escapeHtml(claim.label)}]`);
  if (ask) head.push(`<span class="graded-for">graded for ${escapeHtml(ask.id)}: ${ask.score} / ${ask.maxScore}</span>`);
  out.push(`<div class="claim${ask ? ' graded' : ''}"><div class="claim-head">${head.join(' · ')}</div>`);
  for (const r of claim.readings ?? []) out.push(`<div class="reading small">read <code>${escapeHtml(r.written)}</code> as <code>${escapeHtml(r.readAs)}</code> (line ${r.line}): ${escapeHtml(r.why)}</div>`);
  out.push('<table class="steps">');
  claim.steps.forEach((s, i) => stepRows(s, i === 0 ? `${claim.targetLatex} = ${s.latex}` : `= ${s.latex}`, claim.file, out));
  if (claim.shapeClaim) {
    const ok = claim.shapeClaim.ok;
    const text = ok ? `claimed shape ${claim.shapeClaim.claimed}` : `claimed shape ${claim.shapeClaim.claimed}, but ${claim.target} is ${claim.shapeClaim.actual}`;
    out.push(`<tr class="step ${ok ? 'correct' : 'incorrect'}"><td>${mark(ok ? '✓' : '✗', ok ? 'correct' : 'incorrect')}</td><td class="small">${escapeHtml(text)}</td><td></td></tr>`);
  }
  out.push('</table>');
  if (ask && ask.outcome !== 'correct' && ask.expectedLatex) out.push('<div class="expected">Expected: ', renderMath(`${claim.targetLatex} = ${ask.expectedLatex}`), '</div>');
  out.push('</div>');
}

/** Appends the step's row (and its feedback row when it is not correct) to `out`. */
function stepRows(step: GradedStep, latex: string, file: string, out: string[]): void {
  out.push(`<tr class="step ${step.verdict}"><td>${mark(STEP_MARK[step.verdict], step.verdict)}</td><td class="step-math">`, renderMath(latex), `</td><td class="step-line">${escapeHtml(file)}:${step.line}</td></tr>`);
  if (step.verdict === 'correct') return;
  const diagnosis = step.diagnosis ? `<strong>${escapeHtml(step.diagnosis)}</strong>: ` : '';
  out.push(`<tr><td></td><td colspan="2"><div class="feedback">${diagnosis}${escapeHtml(step.message)}</div></td></tr>`);
}

function notesSection(notes: readonly NoteJson[]): string {
  const items = notes.map((n) => {
    const where = n.file ? `${escapeHtml(n.file)}${n.line !== null ? `:${n.line}:${n.column ?? 1}` : ''}: ` : '';
    const hint = n.hint ? ` <span class="muted">(${escapeHtml(n.hint)})</span>` : '';
    return `<li class="note ${n.severity}">${where}${n.severity}[${escapeHtml(n.code)}]: ${escapeHtml(n.message)}${hint}</li>`;
  });
  return `<section><h2>Notes</h2><ul>\n${items.join('\n')}\n</ul></section>`;
}

/** A listing longer than this is cut (a pathological submission must not make a pathological page). */
const MAX_LISTED_LINES = 2000;

function filesSection(files: readonly SubmissionFile[]): string {
  const blocks = files.map((f) => {
    const all = f.source.split(/\r?\n/);
    const lines = all.slice(0, MAX_LISTED_LINES).map((line, i) => `${String(i + 1).padStart(4)}  ${line.length > 500 ? `${line.slice(0, 500)} …` : line}`);
    if (all.length > MAX_LISTED_LINES) lines.push(`… ${all.length - MAX_LISTED_LINES} more lines`);
    return `<details><summary>${escapeHtml(f.path)}</summary><pre>${escapeHtml(lines.join('\n'))}</pre></details>`;
  });
  return `<section><h2>Submitted files</h2>\n${blocks.join('\n')}\n</section>`;
}

export function mark(symbol: string, kind: string): string {
  return `<span class="mark ${kind}" title="${kind}">${symbol}</span>`;
}
