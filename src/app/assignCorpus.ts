// Measures grading against assignments on real documents (fixtures/assign/expected.json, hand-worked per
// ask): how many asks get the TA's score, how many get another score with `sure` (confidently wrong), and
// how `check --assignment` judges the keyed derivative lines of fixtures/real/ (corpus.ts).
import { loadAssignment } from '../grade/assignment';
import { checkAgainstAssignment } from './assignmentCheck';
import { compareClaimsWithKey, type KeyComparison, type KeyLine } from './corpus';

export interface ExpectedAsk {
  score: number;
  why: string;
  /** The text does not decide what the author wrote: only `needs-review` agrees with a TA. */
  ambiguous?: boolean;
}

export interface AssignmentCase {
  assignment: string;
  submission: string;
  asks: Record<string, ExpectedAsk>;
}

export interface AskComparison {
  id: string;
  expected: number;
  score: number;
  confidence: string;
  /** agree: the TA's score (or needs-review where the text is ambiguous); review: another score, flagged; wrong: another score, `sure`. */
  outcome: 'agree' | 'review' | 'wrong';
}

export function measureCase(c: AssignmentCase, read: (path: string) => string, key: { lines: KeyLine[] } | undefined): { asks: AskComparison[]; lines: KeyComparison | undefined } {
  const assignment = loadAssignment(read(c.assignment), c.assignment);
  const { report } = checkAgainstAssignment(assignment, read(c.submission), c.submission, 1);
  const asks = report.answers.map((a): AskComparison => {
    const expected = c.asks[a.id];
    if (!expected) throw new Error(`${c.submission}: no expected score for ${a.id}`);
    const right = expected.ambiguous ? a.confidence === 'needs-review' : a.score === expected.score;
    const outcome = right ? 'agree' : a.confidence === 'needs-review' ? 'review' : 'wrong';
    return { id: a.id, expected: expected.score, score: a.score, confidence: a.confidence, outcome };
  });
  return { asks, lines: key && compareClaimsWithKey(report.claims, key) };
}
