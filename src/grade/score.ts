// Scoring one ask from the claim graded for it (its final step), by the policy table (policy.ts).
import type { Expr } from '../syntax/ast';
import type { Diagnosis } from '../check/report';
import type { AskSpec } from './assignment';
import { creditOf, labelOf, type Policy } from './policy';
import { findInExpr } from '../syntax/walk';
import { roundScore, type AnswerJson, type AskOutcome, type AskResult, type GradedClaim, type OverrideJson } from './result';

export interface GradedAnswer {
  claim: GradedClaim;
  /** Index of the claim in its problem's claims. */
  index: number;
  /** The final step's expression: a derivative reference left in it means the answer is not worked out. */
  finalExpr: Expr;
  /** For a wrong-shaped final step, the kind of single edit that fixes it (check/claim.ts shapeRepairs). */
  shapeRepair?: Diagnosis;
  /** The final step's values at the sample points, hashed (fingerprint.ts); null when it has none. */
  fingerprint: string | null;
  /** The instructor's override this answer equals, if any (overrides.ts). */
  override?: OverrideJson;
}

/** The policy row deciding a final answer's credit; 'correct' for a right value. */
export function ruleOf(answer: GradedAnswer): string {
  const last = answer.claim.steps[answer.claim.steps.length - 1];
  if (last.verdict === 'error') return 'error';
  if (last.verdict === 'informal') return 'informal';
  if (last.verdict === 'unjudged') return 'unjudged';
  // Checked before correctness: `X^T dL/dh` is a right chain-rule step but not an answer, and
  // `dL/dW = dL/dW` would otherwise earn full marks.
  if (findDerivative(answer.finalExpr)) return 'unexpanded';
  if (last.verdict === 'correct') return answer.claim.shapeClaim?.ok === false ? 'shape-claim' : 'correct';
  if (last.diagnosis === 'shape' && answer.shapeRepair === 'transpose') return 'transpose';
  return last.diagnosis ?? 'unknown';
}

/** An ask's score before its confidence is weighed (confidence.ts). */
export type ScoredAsk = Omit<AskResult, 'confidence' | 'reasons'>;

export function scoreAsk(ask: AskSpec, answer: GradedAnswer | undefined, policy: Policy, missingHint: string): ScoredAsk {
  const base = {
    id: ask.id, problem: ask.problem, target: ask.targetText, maxScore: ask.points,
    expected: ask.expected.text, expectedLatex: ask.expected.latex,
  };
  if (!answer) {
    const where = ask.problem ? ` under \`problem ${ask.problem}\`` : '';
    return { ...base, score: 0, outcome: 'missing', rule: null, answer: null, feedback: `No answer found for ${ask.targetText}: write a line \`${ask.targetText} = ...\`${where}.${missingHint}` };
  }
  const rule = ruleOf(answer);
  const valueCredit = rule === 'correct' || rule === 'shape-claim' ? 1 : creditOf(policy, rule);
  // A wrong shape claim costs on top of the value's own credit.
  const shapeCredit = answer.claim.shapeClaim?.ok === false ? creditOf(policy, 'shape-claim') : 1;
  // An instructor's override sets the points of every answer equal to it, instead of the policy.
  const credit = answer.override ? answer.override.points / ask.points : valueCredit * shapeCredit;
  const outcome: AskOutcome = credit >= 1 ? 'correct' : credit > 0 ? 'partial' : rule === 'error' ? 'error' : 'wrong';
  const json = answerJson(answer);
  const result: ScoredAsk = { ...base, score: roundScore(ask.points * credit), outcome, rule, answer: json, feedback: feedback(rule, credit, answer, ask) };
  if (answer.override) result.override = answer.override;
  return result;
}

function answerJson(a: GradedAnswer): AnswerJson {
  const last = a.claim.steps[a.claim.steps.length - 1];
  return {
    file: a.claim.file, line: a.claim.line, claim: a.index, text: last.text, latex: `${a.claim.targetLatex} = ${last.latex}`,
    verdict: last.verdict, diagnosis: last.diagnosis, message: last.message, shapeClaim: a.claim.shapeClaim, fingerprint: a.fingerprint,
  };
}

function feedback(rule: string, credit: number, answer: GradedAnswer, ask: AskSpec): string {
  const last = answer.claim.steps[answer.claim.steps.length - 1];
  const parts: string[] = [];
  if (rule === 'correct' || rule === 'shape-claim') {
    parts.push(last.message === 'correct' ? 'Correct.' : `Correct: ${stripCorrect(last.message)}.`);
  } else if (rule === 'unexpanded') {
    const ref = findDerivative(answer.finalExpr)!;
    parts.push(`Your final answer ${last.text} still contains a derivative (${refText(ref)}): write it out in the problem's names.`);
  } else {
    parts.push(`${capitalize(labelOf(rule))}: ${last.message}.`);
  }
  const sc = answer.claim.shapeClaim;
  if (sc && !sc.ok) parts.push(`The claimed shape ${sc.claimed} is wrong: ${ask.targetText} is ${sc.actual}.`);
  if (answer.override) parts.push(overrideSentence(answer.override, ask.points));
  else if (credit < 1) parts.push(`${Math.round(credit * 100)}% of the points.`);
  return parts.join(' ');
}

export function overrideSentence(override: OverrideJson, maxScore: number): string {
  return `Your instructor gives this answer ${override.points} of ${maxScore} point${maxScore === 1 ? '' : 's'}.`;
}

function stripCorrect(message: string): string {
  return message.replace(/^correct:?\s*/, '');
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The first derivative reference in an expression. */
export function findDerivative(root: Expr): Extract<Expr, { kind: 'deriv' }> | undefined {
  return findInExpr(root, (e) => e.kind === 'deriv') as Extract<Expr, { kind: 'deriv' }> | undefined;
}

/** `dL/dh` for a reference between names; a generic phrase otherwise. */
function refText(ref: Extract<Expr, { kind: 'deriv' }>): string {
  const of = ref.of.kind === 'name' ? ref.of.text : undefined;
  const wrt = ref.wrt.length === 1 && ref.wrt[0].kind === 'name' ? ref.wrt[0].text : undefined;
  return of && wrt ? `d${of}/d${wrt}` : 'a derivative reference';
}
