// The JSON of DIR/submissions/NAME/result.json: chainrule's own result for one submission. The HTML
// report, the Gradescope results.json, the gradebook and the class summary are all made from it alone,
// so a resumed run can rebuild them without grading again.
import type { ClaimJson, Diagnosis, StepJson, StepVerdict } from '../check/report';
import type { GradingLimits } from './limits';
import type { Delivery } from './delivery';
import type { Confidence } from './confidence';
import type { AlignmentJson } from './parts';

export const RESULT_VERSION = 1;

/** How an ask went: full points, part of them, none, no answer found, or the answer could not be read. */
export type AskOutcome = 'correct' | 'partial' | 'wrong' | 'missing' | 'error';

/** The claim line graded for an ask: its final step. */
export interface AnswerJson {
  file: string;
  /** Line of the claim in `file` (1-based). */
  line: number;
  /** Index of the claim in its problem's `claims`. */
  claim: number;
  /** The final step as written, and as LaTeX (the target's LaTeX, `=`, the step's). */
  text: string;
  latex: string;
  verdict: StepVerdict;
  diagnosis: Diagnosis | null;
  message: string;
  shapeClaim: ClaimJson['shapeClaim'];
  /**
   * The answer's values at the problem's sample points, quantized and hashed (fingerprint.ts): answers with
   * the same fingerprint are mathematically equal. Null when the answer has no values (it could not be read).
   */
  fingerprint: string | null;
}

/** An instructor's `override` line that set an answer's points (docs/grading.md). */
export interface OverrideJson {
  /** The line of the override in the assignment, and its answer as written there. */
  line: number;
  answer: string;
  points: number;
}

export interface AskResult {
  /** "1a dL/dW": the problem id and the target as the assignment writes it (the gradebook column). */
  id: string;
  problem: string;
  target: string;
  maxScore: number;
  score: number;
  outcome: AskOutcome;
  /** The policy row that set the credit (`sign`, `transpose`, ...), `correct`, or null when missing. */
  rule: string | null;
  answer: AnswerJson | null;
  expected: string | null;
  expectedLatex: string | null;
  /** One or two sentences for the student: everything (the level `full`; result.json keeps the level's, see StoredResult). */
  feedback: string;
  /** Present when an instructor's override set the points. */
  override?: OverrideJson;
  /** `needs-review` when the score rests on something chainrule decided rather than checked (confidence.ts), with why. */
  confidence: Confidence;
  reasons: string[];
}

export interface GradedStep extends StepJson {
  /** The step as LaTeX, for KaTeX (printed from the author's expression, or the author's own LaTeX). */
  latex: string;
  /** Line within `file` (StepJson.line is that too). */
}

export interface GradedClaim extends Omit<ClaimJson, 'steps'> {
  file: string;
  targetLatex: string;
  steps: GradedStep[];
  /** The ask this claim is the graded answer of, if any. */
  graded: string | null;
}

export interface ProblemResult {
  id: string;
  title: string | null;
  claims: GradedClaim[];
}

/** A diagnostic of the submission or a remark of the grader, with the file it is in. */
export interface NoteJson {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  hint?: string;
}

export interface SubmissionResult {
  version: typeof RESULT_VERSION;
  submission: string;
  /** The submission's files, relative to its folder (a single-file submission: its file name). */
  files: string[];
  /** Hash of the assignment, the submission's files and the grader version: a re-run skips a match. */
  inputHash: string;
  seed: number;
  /** The limits it was graded under (a result that went past one is graded again under others). */
  limits: GradingLimits;
  /** `error`: grading did not finish (time limit, memory cap, crash); every ask scores 0. */
  status: 'graded' | 'error';
  error: string | null;
  score: number;
  maxScore: number;
  asks: AskResult[];
  problems: ProblemResult[];
  notes: NoteJson[];
  /** Which lines of the submission were read as which problem (parts.ts); absent in a result that was not graded. */
  alignment?: AlignmentJson[];
}

/**
 * result.json: the result, with how its outputs were delivered. Its `feedback` texts are at that level; below
 * `full` each ask keeps the full text in `fullFeedback` too, for the class page and for re-delivery at
 * another level. It is the instructor's record (it holds the expected answers whatever the level).
 */
export interface StoredResult extends SubmissionResult {
  delivery: Delivery;
  asks: Array<AskResult & { fullFeedback?: string }>;
}

/** Notes the instructor is told about on the command line too (grader.ts). */
export const NOTICE_CODES: ReadonlySet<string> = new Set(['looks-like-class']);

/** What the class outputs (gradebook, summary) need of a result, and its notices; workers send back only this. */
export type ResultDigest = Pick<SubmissionResult, 'submission' | 'score' | 'status' | 'asks'> & {
  notices: string[];
  /** From a worker writing html: its answers' LaTeX typeset inline, each the first time that worker sends it (html/math.ts). */
  typeset?: Array<[latex: string, html: string]>;
};

export function digestOf(r: SubmissionResult): ResultDigest {
  return { submission: r.submission, score: r.score, status: r.status, asks: r.asks, notices: r.notes.filter((n) => NOTICE_CODES.has(n.code)).map((n) => n.message) };
}

/** Scores are shown to two decimals; rounding here keeps totals and columns consistent everywhere. */
export function roundScore(x: number): number {
  return Math.round(x * 100) / 100;
}
