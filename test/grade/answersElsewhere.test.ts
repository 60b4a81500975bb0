// An ask's own derivative written in a part aligned to another problem (grader.ts `elsewhere`): with no answer
// in the ask's own parts it is named as a line that may be the answer; beside an answer of its own, the ask is
// graded by its own. Each ask's target is looked up by a key made once per assignment (AskSpec.targetExprKey).
import { describe, expect, it } from 'vitest';
import { gradeText } from './helpers';

// Two problems whose asks differentiate by the same name t. Worked by hand:
// d/dt (t^3 + 2t) = 3t^2 + 2; d/dt exp(-t^2) = -2t exp(-t^2) (central differences at t = 0.4: 2.48 and -0.6818).
const ASSIGNMENT = [
  'problem A', 't : scalar', 'p = t^3 + 2 t', 'ask dp/dt 1 point', '',
  'problem B', 't : scalar', 'q = exp(-t^2)', 'ask dq/dt 1 point', '',
].join('\n');

const askById = (source: string) => new Map(gradeText(ASSIGNMENT, source).asks.map((a) => [a.id, a]));

describe('answers written under another problem', () => {
  it('names a line of another part that differentiates the ask, when the ask has no answer of its own', () => {
    // Problem B's answer is written (rightly) under A's heading; B's part holds only its setup.
    const asks = askById(['problem A', 'dp/dt = 3 t^2 + 2', 'dq/dt = -2 t exp(-t^2)', '', 'problem B', 'q = exp(-t^2)', ''].join('\n'));
    expect(asks.get('A dp/dt')).toMatchObject({ outcome: 'correct', confidence: 'sure' });
    const b = asks.get('B dq/dt')!;
    expect(b).toMatchObject({ outcome: 'missing', score: 0, confidence: 'needs-review' });
    expect(b.reasons.join(' ')).toContain('dq/dt (line 3)');
  });

  it('grades the answer in the ask\'s own part, not the same derivative written under another problem', () => {
    // B is answered in its own part with the factor 2 lost (-t exp(-t^2): -0.3409 against -0.6818 at t = 0.4),
    // and rightly under A. The answer is B's own line: a constant factor, half credit by the default policy.
    const both = askById(['problem A', 'dp/dt = 3 t^2 + 2', 'dq/dt = -2 t exp(-t^2)', '', 'problem B', 'dq/dt = -t exp(-t^2)', ''].join('\n'));
    expect(both.get('B dq/dt')).toMatchObject({ outcome: 'partial', score: 0.5, rule: 'scale', answer: { line: 6 } });
    expect(both.get('A dp/dt')).toMatchObject({ outcome: 'correct', score: 1 });
  });
});
