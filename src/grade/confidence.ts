// Whether a person should look at an ask's score (SPEC 4.3, docs/grading.md "Confidence"). A score is
// `sure` unless it rests on something chainrule decided rather than checked: an answer chainrule could not
// judge or check, a reading of what was written (an OCR slip, a student's name mapped onto the problem's),
// a part matched to the problem by content alone (unless the answer is correct and no part aligned elsewhere
// claims the same derivative: then whichever problem the part was written for, it answers this ask), a name that could be two of the problem's names, maths
// in the part after the answer that could not be read (it may be the real answer), chainrule's own
// internal error. An answer that is not correct is also flagged when it was graded with the author's own
// derivatives put in or entry by entry, a name mapped anywhere in its problem, or (in a document) a wrong
// shape; a missing one when lines of the problem could not be read.
import type { Claim } from '../resolve/scope';
import { walkNames } from '../resolve/names';
import type { AnswerChoice } from './answerSelection';
import type { ProblemParts } from './parts';
import type { GradedClaim } from './result';
import type { ScoredAsk } from './score';

export type Confidence = 'sure' | 'needs-review';

export interface Review {
  confidence: Confidence;
  reasons: string[];
}

export interface ReviewInput {
  result: ScoredAsk;
  answer: GradedClaim | undefined;
  choice: AnswerChoice | undefined;
  claims: readonly Claim[];
  parts: ProblemParts;
  /**
   * With no answer: claims that may be it after all: in the problem's parts, derivatives of the ask's function
   * or by entries of its variable, by names chainrule did not match; elsewhere, the ask's own derivative.
   */
  unmatched: readonly Claim[];
  /** With an answer: claims of the same derivative, as the ask or the author writes it, in parts aligned elsewhere. */
  rivals: readonly Claim[];
  /** Lines (of the joined source) in the problem's parts that could not be read. */
  unread: readonly number[];
  internalErrors: number;
  /** The answer was written in LaTeX (a document), not `.cr`. */
  latex: boolean;
  /** A line of the joined source as a line of its file. */
  line: (joined: number) => number;
}

export function reviewOf(input: ReviewInput): Review {
  const reasons = [...new Set([...alwaysReasons(input), ...readingReasons(input), ...(input.result.outcome === 'correct' ? [] : gradingReasons(input))])];
  return { confidence: reasons.length ? 'needs-review' : 'sure', reasons };
}

function alwaysReasons({ result, choice, claims, parts, unread, internalErrors, line }: ReviewInput): string[] {
  const reasons: string[] = [];
  const a = result.answer;
  if (a?.verdict === 'unjudged') reasons.push(`chainrule could not judge the answer: ${a.message}`);
  else if (result.outcome === 'error') reasons.push(`the answer could not be checked${a ? `: ${a.message}` : ''}`);
  if (internalErrors) reasons.push('chainrule had an internal error on this problem');
  if (choice) {
    const claim = choice.substituted ?? claims[choice.index];
    const used = new Set<string>();
    for (const s of [claim.target, ...claim.steps]) walkNames(s.expr, (n) => used.add(n));
    for (const amb of parts.notation.ambiguous) if (used.has(amb.name)) reasons.push(`${amb.name} could be ${amb.candidates.join(' or ')} (line ${line(amb.span.line)})`);
    const at = claims[choice.index].span.line;
    const part = parts.parts.find((p) => at >= p.segment.from && at <= p.segment.to);
    const after = unread.filter((l) => part && l > at && l <= part.segment.to);
    if (after.length) reasons.push(`maths after the answer could not be read (line ${after.map(line).join(', ')}): it may hold the final answer`);
  } else if (unread.length) {
    reasons.push(`no answer was found, and ${unread.length} line${unread.length === 1 ? '' : 's'} of this problem could not be read (line ${unread.map(line).join(', ')})`);
  }
  return reasons;
}

function readingReasons({ result, answer, parts, rivals, line }: ReviewInput): string[] {
  const reasons = (answer?.readings ?? []).map((r) => `read ${r.written} as ${r.readAs}`);
  const byContent = parts.parts.filter((p) => p.by === 'content');
  // A correct answer with no rival answer elsewhere in the submission gets its points however the parts align.
  const forced = result.outcome === 'correct' && rivals.length === 0;
  if (byContent.length && !forced) reasons.push(`${byContent.map((p) => `lines ${line(p.segment.from)}-${line(p.segment.to)}`).join(', ')} matched to this problem by content, not by a label`);
  return reasons;
}

function gradingReasons({ result, choice, claims, parts, unmatched, line, latex }: ReviewInput): string[] {
  const reasons: string[] = [];
  if (choice?.from?.length) reasons.push(`graded with the author's own ${choice.from.map((i) => `${claims[i].target.text.trim()} (line ${line(claims[i].span.line)})`).join(', ')} put in`);
  if (choice?.perEntry) reasons.push('answered entry by entry; graded as the whole gradient');
  // A wrong answer may rest on a name mapped in a definition it uses (no reading shows on the claim itself).
  for (const m of parts.notation.mappings) reasons.push(`${m.from} read as ${m.to} in this problem (${m.why})`);
  // In a document, a shape chainrule finds wrong may come from its reading of the author's layout or indices.
  if (latex && result.answer?.diagnosis === 'shape') reasons.push("the answer's shape is wrong as chainrule reads the document's names and layout; a TA should confirm");
  if (result.outcome === 'missing' && parts.parts.length === 0) reasons.push('no part of the submission was matched to this problem');
  if (result.outcome === 'missing' && unmatched.length) {
    const listed = unmatched.slice(0, 3).map((c) => `${c.target.text.trim()} (line ${line(c.span.line)})`);
    reasons.push(`no answer was found, but these lines differentiate the same function, or by the same variable, and one may be the answer: ${listed.join(', ')}${unmatched.length > 3 ? ', ...' : ''}`);
  }
  return reasons;
}
