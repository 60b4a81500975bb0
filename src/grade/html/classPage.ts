// The class summary page (DIR/index.html): the score histogram, then for each ask how the class did and
// its most common mistakes with a count and one example each, then every submission with its score.
import type { AskSummary, ClassSummary } from '../summary';
import { escapeHtml, escapeUrlSegment } from './escape';
import { mark, OUTCOME_MARK } from './report';
import { page } from './page';
import { renderMath } from './math';

export function classPage(summary: ClassSummary, hasReports: boolean): string {
  const s = summary.scores;
  const body = [
    `<header><h1>Class summary: ${escapeHtml(summary.assignment)}</h1>`,
    `<p>${summary.submissions} submission${summary.submissions === 1 ? '' : 's'} · mean ${s.mean} · median ${s.median} · min ${s.min} · max ${s.max} (of ${summary.maxScore})` +
      `${summary.errors ? ` · <span class="note error">${summary.errors} not graded</span>` : ''} · seed ${summary.seed}</p></header>`,
    histogramSection(summary),
    `<section><h2>Questions</h2>${summary.asks.map(askBlock(hasReports)).join('\n')}</section>`,
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

function askBlock(hasReports: boolean): (ask: AskSummary) => string {
  return (ask) => {
    const o = ask.outcomes;
    const counts = (['correct', 'partial', 'wrong', 'missing', 'error'] as const)
      .filter((k) => o[k] > 0)
      .map((k) => `${mark(OUTCOME_MARK[k], k)} ${o[k]} ${k}`)
      .join(' &nbsp; ');
    const mistakes = ask.mistakes.length
      ? `<ul>${ask.mistakes.map((m) => {
          const who = hasReports ? `<a href="submissions/${escapeUrlSegment(m.example.submission)}/report.html">${escapeHtml(m.example.submission)}</a>` : escapeHtml(m.example.submission);
          const answer = m.example.answerLatex !== null ? ` ${renderMath(m.example.answerLatex)}` : '';
          return `<li class="mistake"><span class="count">${escapeHtml(m.label)} × ${m.count}</span> — e.g. ${who}${answer}: <span class="muted">${escapeHtml(m.example.feedback)}</span></li>`;
        }).join('')}</ul>`
      : '<p class="muted small">Everyone got this right.</p>';
    return `<div class="ask"><h3>${escapeHtml(ask.id)} <span class="muted small">mean ${ask.mean} / ${ask.maxScore}</span></h3><p class="small">${counts}</p>${mistakes}</div>`;
  };
}

function submissionsSection(summary: ClassSummary, hasReports: boolean): string {
  const rows = summary.results.map((r) => {
    const name = hasReports ? `<a href="submissions/${escapeUrlSegment(r.submission)}/report.html">${escapeHtml(r.submission)}</a>` : escapeHtml(r.submission);
    return `<tr><td>${name}</td><td class="num">${r.score} / ${summary.maxScore}</td><td>${r.status === 'error' ? '<span class="note error">not graded</span>' : ''}</td></tr>`;
  });
  return `<section><h2>Submissions</h2><table><thead><tr><th>Submission</th><th class="num">Score</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}
