// A submission's result as its author is shown it at a feedback level (SPEC 4.3, render/levels.ts): the view
// every per-submission output is made from (results.json, report.html, result.json's feedback texts). The
// class page and summary.json are the instructor's and always have everything.
import { claimAtLevel, placeOf, type FeedbackLevel } from '../render/levels';
import { labelOf } from './policy';
import { capitalize, overrideSentence } from './score';
import type { AskResult, GradedClaim, StoredResult, SubmissionResult } from './result';
import { DEFAULT_DELIVERY, type Delivery } from './delivery';

/** The result as the level shows it: feedback at the level, no expected answers below `full`, no notes at `score`. */
export function resultAtLevel(result: SubmissionResult, level: FeedbackLevel): SubmissionResult {
  if (level === 'full') return result;
  const problems = result.problems.map((p) => ({ ...p, claims: p.claims.map((c) => claimAtLevel(c, level)) }));
  const asks = result.asks.map((ask): AskResult => {
    const claim = gradedClaimOf(result, ask);
    const last = claim && claimAtLevel(claim, level).steps[claim.steps.length - 1];
    const answer = ask.answer && { ...ask.answer, message: last?.message ?? '' };
    return { ...ask, expected: null, expectedLatex: null, answer, feedback: askFeedbackAt(ask, level, claim, result.status) };
  });
  return { ...result, asks, problems, notes: level === 'score' ? result.notes.filter((n) => WHY_NOT_GRADED.has(n.code)) : result.notes };
}

/** Notes that say why a submission was not graded: a verdict on it, kept at every level. */
const WHY_NOT_GRADED: ReadonlySet<string> = new Set(['nothing-read', 'not-graded']);

/** The feedback sentence(s) of an ask at a level; `claim` is its graded claim. */
export function askFeedbackAt(ask: AskResult, level: FeedbackLevel, claim: GradedClaim | undefined, status: SubmissionResult['status']): string {
  // Not graded, or no answer: the feedback says why, or which line to write, and never holds an answer.
  if (level === 'full' || status === 'error' || (ask.outcome === 'missing' && level === 'hints')) return ask.feedback;
  const points = ask.override ? ` ${overrideSentence(ask.override, ask.maxScore)}` : '';
  if (level === 'score') return `${SCORE_WORDS[ask.outcome]}${points}`;
  const rule = ask.rule ?? 'unknown';
  // These say what is wrong with the author's own writing: nothing of the expected answer.
  if (rule === 'unexpanded' || rule === 'error') return ask.feedback;
  const parts: string[] = [];
  if (rule === 'correct') parts.push('Correct.');
  else if (rule === 'shape-claim') parts.push('The value is right.');
  else {
    const last = claim?.steps[claim.steps.length - 1];
    parts.push(`${capitalize(labelOf(rule))}${last && ask.answer ? ` (${ask.answer.file}, ${placeOf(last)})` : ''}.`);
    const firstWrong = claim?.steps.find((s) => s.verdict === 'incorrect');
    if (firstWrong && firstWrong !== last) parts.push(`The first wrong step is on line ${firstWrong.line}.`);
  }
  const shape = ask.answer?.shapeClaim;
  if (shape && !shape.ok) parts.push(`The claimed shape ${shape.claimed} is wrong: ${ask.target} is ${shape.actual}.`);
  if (ask.override) parts.push(overrideSentence(ask.override, ask.maxScore));
  else if (ask.score < ask.maxScore) parts.push(`${ask.score} of ${ask.maxScore} points.`);
  return parts.join(' ');
}

const SCORE_WORDS: Record<AskResult['outcome'], string> = {
  correct: 'Correct.',
  partial: 'Partly right.',
  wrong: 'Wrong.',
  missing: 'No answer found.',
  error: 'Could not be checked.',
};

/** The claim graded for an ask. */
function gradedClaimOf(result: SubmissionResult, ask: AskResult): GradedClaim | undefined {
  return ask.answer ? result.problems.find((p) => p.id === ask.problem)?.claims[ask.answer.claim] : undefined;
}

/** result.json: the result with its delivery, its feedback texts at the delivery's level (StoredResult). */
export function storedResult(result: SubmissionResult, delivery: Delivery): StoredResult {
  const shown = resultAtLevel(result, delivery.feedback);
  const asks = result.asks.map((ask, i) => (delivery.feedback === 'full' ? ask : { ...ask, feedback: shown.asks[i].feedback, fullFeedback: ask.feedback }));
  return { ...result, delivery, asks };
}

/** The result a StoredResult was made from, and its delivery (full and visible for results from before deliveries). */
export function restoredResult(stored: StoredResult): { result: SubmissionResult; delivery: Delivery } {
  const { delivery, ...rest } = stored;
  const asks = stored.asks.map(({ fullFeedback, ...ask }) => (fullFeedback === undefined ? ask : { ...ask, feedback: fullFeedback }));
  return { result: { ...rest, asks }, delivery: delivery ?? DEFAULT_DELIVERY };
}
