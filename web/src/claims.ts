// A claim's verdict on the page (SPEC 4.4): one element with `data-line` and `data-verdict` (and, for an
// assignment's answer, `data-ask` and `data-confidence`) whose text holds each step's message and hint.
// The student's text reaches the DOM as text only; the maths is KaTeX's HTML, made in the worker from
// LaTeX that chainrule printed, with KaTeX's trust off.
import type { PageAnswer, PageClaim } from '../../src/web/protocol';

const MARK: Record<string, string> = { correct: '✓', incorrect: '✗', informal: '~', unjudged: '?', error: '!' };

export function claimElement(claim: PageClaim): HTMLElement {
  const root = element('div', `claim ${claim.verdict}`);
  root.dataset.line = String(claim.line);
  root.dataset.verdict = claim.verdict;
  if (claim.answer) {
    root.dataset.ask = claim.answer.id;
    root.dataset.confidence = claim.answer.confidence;
  }
  const head = root.appendChild(element('div', 'claim-head'));
  head.append(element('span', 'mark', MARK[claim.verdict] ?? ''), element('span', 'verdict', claim.verdict));
  if (claim.label) head.append(element('span', 'label', `[${claim.label}]`));
  head.append(claim.writtenHtml ? math(claim.writtenHtml) : element('code', '', claim.target));
  if (claim.answer) head.append(answerNote(claim.answer));

  for (const step of claim.steps) {
    if (step.verdict === 'correct' && step.message === 'correct') continue;
    const where = claim.steps.length > 1 ? `step ${step.index}, line ${step.line}: ` : '';
    const line = root.appendChild(element('div', `step ${step.verdict}`, where));
    if (step.diagnosis) line.append(element('strong', 'diagnosis', step.diagnosis), ': ');
    line.append(step.message);
    if (step.hint) line.append(' ', element('span', 'hint', `hint: ${step.hint}`));
  }
  if (claim.shapeClaim && !claim.shapeClaim.ok) {
    root.append(element('div', 'step incorrect', `claimed shape ${claim.shapeClaim.claimed}, but ${claim.target} is ${claim.shapeClaim.actual}`));
  }
  for (const r of claim.readings) root.append(element('div', 'reading', `read ${r.written} as ${r.readAs}: ${r.why}`));
  if (claim.expectedHtml) {
    const expected = root.appendChild(element('div', 'expected', 'expected: '));
    expected.append(math(claim.expectedHtml));
  }
  if (claim.answer && claim.answer.reasons.length) root.append(element('div', 'review', `needs review: ${claim.answer.reasons.join('; ')}`));
  return root;
}

function answerNote(answer: PageAnswer): HTMLElement {
  return element('span', `answer ${answer.outcome}`, `graded for ${answer.id}: ${answer.score} / ${answer.maxScore}`);
}

function math(html: string): HTMLElement {
  const span = element('span', 'math');
  span.innerHTML = html;
  return span;
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}
