// The assignment's hash (part of every submission's input hash) leaves out its `feedback` and `visibility`
// lines. A source holding neither word is hashed without being parsed (the batch's main thread loads no
// parser); these check that both paths hash what the parser says is graded.
import { describe, expect, it } from 'vitest';
import { createHash } from 'crypto';
import { assignmentHash } from '../../src/grade/discover';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// Another author's assignment: a cubic in one unknown.
const LINES = ['problem q1 "cubic"', 'u : scalar', 'r = u^3 - u', 'ask dr/du 3 points'];
const source = (...lines: string[]) => lines.join('\n') + '\n';

describe('assignmentHash', () => {
  it('hashes a source with neither setting word as it stands', () => {
    expect(assignmentHash(source(...LINES))).toBe(sha256(source(...LINES)));
  });

  it('blanks a setting line (the same hash as the source with that line empty)', () => {
    const withSetting = source(LINES[0], 'feedback hints', ...LINES.slice(1));
    expect(assignmentHash(withSetting)).toBe(sha256(source(LINES[0], '', ...LINES.slice(1))));
    // Blanked, not dropped: the line is still counted.
    expect(assignmentHash(withSetting)).not.toBe(assignmentHash(source(...LINES)));
  });

  it('keeps lines that only mention the words (a comment, an equation named visibility)', () => {
    const mentions = source('# feedback comes after the due date', ...LINES, 'visibility = u + 1');
    expect(assignmentHash(mentions)).toBe(sha256(mentions));
  });
});
