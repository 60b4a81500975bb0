// The class summary page (DIR/index.html): the score histogram, then for each ask how the class did, its
// most common mistakes with a count and one example each, and its answers grouped by mathematical equality
// (largest first, each typeset with its feedback and members), then every submission with its authors
// (when a roster names them) and its score. The page is the instructor's: it always has everything.
import type { AnswerGroup, AskSummary, ClassSummary } from '../summary';
import type { Student } from '../roster';
import { escapeHtml, escapeUrlSegment } from './escape';
import { mark, OUTCOME_MARK, STEP_MARK } from './report';
import { page } from './page';
import { renderMath } from './math';

export function classPage(summary: ClassSummary, hasReports: boolean): string {
  const s = summary.scores;
  const body = [
    `<header><h1>Class summary: ${escapeHtml(summary.assignment)}</h1>`,
    `<p>${summary.submissions} submission${summary.submissions === 1 ? '' : 's'} · mean ${s.mean} · median ${s.median} · min ${s.min} · max ${s.max} (of ${summary.maxScore})` +
      `${summary.errors ? ` · <span class="note error">${summary.errors} not graded</span>` : ''} · seed ${summary.seed}</p></header>`,
    histogramSection(summary),
    `<section><h2>Questions</h2>${summary.asks.map(askBlock(hasReports, authorsOf(summary))).join('\n')}</section>`,
    submissionsSection(summary, hasReports),
  ];
  return page(`${summary.assignment} — class summary`, body.join('\n'), '');
}

function histogramSection(summary: ClassSummary): string {
  const bins = summary.scores.histogram;
  const top = Math.max(1, ...bins.map((b) => b.count));
  const bars = bins.map((b) => `<div class="bar" style="height:${((100 * b.count) / top).toFixed(1)}%" title="${b.from}–${b.to}: ${b.count}"><span>${b.count}</span></div>`);
  const labels = bins.map((b) => `<div>${b.from}–${b.to}</div>`);
  return `<section><h2>Scores</h2><div class="bars">${bars.join('')}</div><div class="bar-labels">${labels.join('')}</div></section>`;
}

/** Submission name → "Ada Lovelace (1815)" for the submissions a roster names. */
function authorsOf(summary: ClassSummary): Map<string, string> {
  return new Map(summary.results.filter((r) => r.students?.length).map((r) => [r.submission, r.students!.map(studentText).join('; ')]));
}

function studentText(s: Student): string {
  return [s.name, s.id && `(${s.id})`].filter(Boolean).join(' ') || s.email || '';
}

function askBlock(hasReports: boolean, authors: ReadonlyMap<string, string>): (ask: AskSummary) => string {
  const link = (submission: string) => {
    const who = authors.get(submission);
    const title = who ? ` title="${escapeHtml(who)}"` : '';
    if (hasReports) return `<a href="submissions/${escapeUrlSegment(submission)}/report.html"${title}>${escapeHtml(submission)}</a>`;
    return who ? `<span${title}>${escapeHtml(submission)}</span>` : escapeHtml(submission);
  };
  return (ask) => {
    const o = ask.outcomes;
    const counts = (['correct', 'partial', 'wrong', 'missing', 'error'] as const)
      .filter((k) => o[k] > 0)
      .map((k) => `${mark(OUTCOME_MARK[k], k)} ${o[k]} ${k}`)
      .join(' &nbsp; ');
    const mistakes = ask.mistakes.length
      ? `<ul>${ask.mistakes.map((m) => {
          const who = link(m.example.submission);
          const answer = m.example.answerLatex !== null ? ` ${renderMath(m.example.answerLatex)}` : '';
          return `<li class="mistake"><span class="count">${escapeHtml(m.label)} × ${m.count}</span> — e.g. ${who}${answer}: <span class="muted">${escapeHtml(m.example.feedback)}</span></li>`;
        }).join('')}</ul>`
      : '<p class="muted small">Everyone got this right.</p>';
    // The scores a TA should look at, each with its place and reason: only these need a human.
    const review = ask.needsReview.length
      ? `<h4>Needs review (${ask.needsReview.length})</h4><ul class="review">${ask.needsReview.map((r) => `<li>${link(r.submission)}${r.line !== null ? ` line ${r.line}` : ''}: <span class="muted">${escapeHtml(r.reason)}</span></li>`).join('')}</ul>`
      : '';
    const groups = ask.groups.length ? `<h4>Answers, grouped by value</h4><ol class="groups">${ask.groups.map((g) => groupItem(g, ask.maxScore, link)).join('')}</ol>` : '';
    return `<div class="ask"><h3>${escapeHtml(ask.id)} <span class="muted small">mean ${ask.mean} / ${ask.maxScore}</span></h3><p class="small">${counts}</p>${review}${mistakes}${groups}</div>`;
  };
}

/** A group of equal answers: how many, the answer typeset, its points and feedback, and who wrote it (folded). */
function groupItem(g: AnswerGroup, maxScore: number, link: (submission: string) => string): string {
  const answer = g.answerLatex !== null ? renderMath(g.answerLatex) : `<code>${escapeHtml(g.answer ?? '')}</code>`;
  const members = `<details><summary>${g.count} submission${g.count === 1 ? '' : 's'}</summary>${g.submissions.map(link).join(', ')}</details>`;
  return `<li class="group">${mark(STEP_MARK[g.verdict] ?? '?', g.verdict)} <span class="count">× ${g.count}</span> ${answer} <span class="small">${g.score} / ${maxScore} · ${escapeHtml(g.rule)}</span><div class="muted small">${escapeHtml(g.feedback)}</div>${members}</li>`;
}

function submissionsSection(summary: ClassSummary, hasReports: boolean): string {
  const named = summary.results.some((r) => r.students?.length);
  const rows = summary.results.map((r) => {
    const name = hasReports ? `<a href="submissions/${escapeUrlSegment(r.submission)}/report.html">${escapeHtml(r.submission)}</a>` : escapeHtml(r.submission);
    const students = r.students ?? [];
    const who = named ? `<td>${escapeHtml(students.map((s) => s.name ?? '').filter(Boolean).join('; '))}</td><td>${escapeHtml(students.map((s) => s.id ?? s.email ?? '').filter(Boolean).join('; '))}</td>` : '';
    return `<tr><td>${name}</td>${who}<td class="num">${r.score} / ${summary.maxScore}</td><td>${r.status === 'error' ? '<span class="note error">not graded</span>' : ''}</td></tr>`;
  });
  const head = named ? '<th>Name</th><th>ID</th>' : '';
  return `<section><h2>Submissions</h2><table><thead><tr><th>Submission</th>${head}<th class="num">Score</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}
