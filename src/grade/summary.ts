// The class summary (DIR/summary.json and DIR/index.html): the score distribution, and for each ask how
// the class did, what it got wrong most often (one example of each mistake), and its answers grouped by
// mathematical equality (SPEC 4.3), largest group first.
import type { StepVerdict } from '../check/report';
import type { AskOutcome, AskResult, ResultDigest, SubmissionResult } from './result';
import { roundScore } from './result';
import { labelOf } from './policy';
import type { Roster, Student } from './roster';

export const HISTOGRAM_BINS = 10;

export interface MistakeExample {
  submission: string;
  file: string | null;
  line: number | null;
  answer: string | null;
  answerLatex: string | null;
  feedback: string;
}

export interface Mistake {
  /** A policy key (`sign`, `transpose`, `unexpanded`, ...), `missing`, or `not-graded` (grading failed). */
  diagnosis: string;
  label: string;
  count: number;
  example: MistakeExample;
}

/**
 * Answers to an ask that are mathematically equal (the same values at the sample points: the same
 * fingerprint, result.ts) with the same verdict. The answer shown is its first member's (in name order).
 */
export interface AnswerGroup {
  answer: string | null;
  answerLatex: string | null;
  verdict: StepVerdict;
  /** The policy row that scored the group (`correct`, `sign`, ...). */
  rule: string;
  count: number;
  submissions: string[];
  /** The first member's feedback and score: every member's, since they answered alike. */
  feedback: string;
  score: number;
}

export interface AskSummary {
  id: string;
  maxScore: number;
  mean: number;
  /** How many got each outcome, and how many scores need a human look (`needsReview`, any outcome). */
  outcomes: Record<AskOutcome | 'needsReview', number>;
  /** The scores that need a human look (SPEC 4.3), in name order: where, and why. */
  needsReview: ReviewItem[];
  /** Most common first. */
  mistakes: Mistake[];
  /** Largest first; answers of submissions that were graded (not missing, not failed). */
  groups: AnswerGroup[];
}

export interface ReviewItem {
  submission: string;
  file: string | null;
  line: number | null;
  reason: string;
}

export interface ClassSummary {
  version: 1;
  assignment: string;
  seed: number;
  submissions: number;
  graded: number;
  errors: number;
  maxScore: number;
  scores: { mean: number; median: number; min: number; max: number; histogram: Array<{ from: number; to: number; count: number }> };
  asks: AskSummary[];
  /** `students` when a roster names the submission's authors (roster.ts). */
  results: Array<{ submission: string; score: number; status: SubmissionResult['status']; students?: Student[] }>;
}

/** `results` in any order; the summary lists them by name, so it does not depend on the order of grading. */
export function summarize(assignment: { file: string; maxScore: number; asks: ReadonlyArray<{ id: string; points: number }> }, seed: number, results: readonly ResultDigest[], roster: Roster = new Map()): ClassSummary {
  const sorted = [...results].sort((a, b) => (a.submission < b.submission ? -1 : a.submission > b.submission ? 1 : 0));
  const scores = sorted.map((r) => r.score);
  return {
    version: 1,
    assignment: assignment.file,
    seed,
    submissions: sorted.length,
    graded: sorted.filter((r) => r.status === 'graded').length,
    errors: sorted.filter((r) => r.status === 'error').length,
    maxScore: assignment.maxScore,
    scores: { ...stats(scores), histogram: histogram(scores, assignment.maxScore) },
    asks: assignment.asks.map((ask) => askSummary(ask, sorted)),
    results: sorted.map((r) => {
      const students = roster.get(r.submission);
      return { submission: r.submission, score: r.score, status: r.status, ...(students ? { students } : {}) };
    }),
  };
}

function askSummary(ask: { id: string; points: number }, results: readonly ResultDigest[]): AskSummary {
  const outcomes: Record<AskOutcome | 'needsReview', number> = { correct: 0, partial: 0, wrong: 0, missing: 0, error: 0, needsReview: 0 };
  const needsReview: ReviewItem[] = [];
  const mistakes = new Map<string, Mistake>();
  let total = 0;
  for (const r of results) {
    const a = r.asks.find((x) => x.id === ask.id);
    if (!a) continue;
    total += a.score;
    outcomes[a.outcome]++;
    if (a.confidence === 'needs-review') {
      outcomes.needsReview++;
      needsReview.push({ submission: r.submission, file: a.answer?.file ?? null, line: a.answer?.line ?? null, reason: a.reasons.join('; ') });
    }
    if (a.outcome === 'correct') continue;
    const diagnosis = r.status === 'error' ? 'not-graded' : (a.rule ?? 'missing');
    const known = mistakes.get(diagnosis);
    if (known) known.count++;
    else {
      mistakes.set(diagnosis, {
        diagnosis, label: diagnosis === 'not-graded' ? 'not graded' : diagnosis === 'missing' ? 'no answer' : labelOf(diagnosis), count: 1,
        example: { submission: r.submission, file: a.answer?.file ?? null, line: a.answer?.line ?? null, answer: a.answer?.text ?? null, answerLatex: a.answer?.latex ?? null, feedback: a.feedback },
      });
    }
  }
  return {
    id: ask.id, maxScore: ask.points, mean: results.length ? roundScore(total / results.length) : 0, outcomes, needsReview,
    mistakes: [...mistakes.values()].sort((x, y) => y.count - x.count || (x.diagnosis < y.diagnosis ? -1 : 1)),
    groups: answerGroups(ask.id, results),
  };
}

/**
 * `results` in name order. Equal values and the same policy row and shape claim make a group (and so the
 * same score); answers with no values (not readable) are grouped by their policy row alone.
 */
function answerGroups(askId: string, results: readonly ResultDigest[]): AnswerGroup[] {
  const groups = new Map<string, AnswerGroup>();
  for (const r of results) {
    const a = r.asks.find((x) => x.id === askId);
    if (r.status !== 'graded' || !a?.answer) continue;
    const key = groupKey(a);
    const known = groups.get(key);
    if (known) {
      known.count++;
      known.submissions.push(r.submission);
    } else {
      groups.set(key, {
        answer: a.answer.text, answerLatex: a.answer.latex, verdict: a.answer.verdict, rule: a.rule ?? 'unknown', count: 1,
        submissions: [r.submission], feedback: a.feedback, score: a.score,
      });
    }
  }
  return [...groups.values()].sort((x, y) => y.count - x.count || (x.submissions[0] < y.submissions[0] ? -1 : 1));
}

function groupKey(a: AskResult): string {
  return `${a.rule}|${a.answer!.shapeClaim?.ok === false ? 'shape-claim' : ''}|${a.answer!.fingerprint ?? 'no values'}`;
}

function stats(xs: readonly number[]): { mean: number; median: number; min: number; max: number } {
  if (xs.length === 0) return { mean: 0, median: 0, min: 0, max: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { mean: roundScore(s.reduce((a, b) => a + b, 0) / s.length), median: roundScore(median), min: s[0], max: s[s.length - 1] };
}

/** HISTOGRAM_BINS equal bins over 0..max; a bin holds from ≤ score < to, the last one includes max. */
function histogram(xs: readonly number[], max: number): Array<{ from: number; to: number; count: number }> {
  const bins = max > 0 ? HISTOGRAM_BINS : 1;
  const width = max > 0 ? max / bins : 1;
  const out = Array.from({ length: bins }, (_, i) => ({ from: roundScore(i * width), to: roundScore((i + 1) * width), count: 0 }));
  for (const x of xs) out[Math.min(bins - 1, Math.max(0, Math.floor(x / width)))].count++;
  return out;
}
