// A report's bytes as a batch writes them (its pieces encoded one by one, the recurring ones kept: html/bytes.ts)
// are the UTF-8 of the joined page, for every fixture submission, twice over (the second time from the kept
// pieces), and for a submission whose files hold characters outside the Basic Multilingual Plane.
import { describe, expect, it } from 'vitest';
import { reportPieces, submissionReport } from '../../src/grade/html/report';
import { utf8OfPieces } from '../../src/grade/html/bytes';
import { fixtureSubmissions, gradePath, gradeText } from './helpers';
import { readSubmission, discoverSubmissions } from '../../src/grade/discover';

function sameBytes(result: Parameters<typeof submissionReport>[0], files: Parameters<typeof submissionReport>[1] = []) {
  const page = Buffer.from(submissionReport(result, files), 'utf8');
  for (let round = 0; round < 2; round++) expect(utf8OfPieces(reportPieces(result, files)).equals(page)).toBe(true);
  return page;
}

describe('report bytes from pieces', () => {
  it.each(fixtureSubmissions())('%s', (p) => {
    const [entry] = discoverSubmissions([p]);
    const page = sameBytes(gradePath(p), readSubmission(entry).files);
    // Typeset maths makes the page hold characters past U+00FF: the case the pieces are for.
    expect(page.toString('utf8')).toMatch(/[^\u0000-\u00ff]/);
  });

  it('keeps characters outside the BMP and lone surrogates as the joined page has them', () => {
    const source = 'x : scalar\nL = x^2\nask dL/dx 1 point\n';
    const submission = '# 🙂 ∂L/∂x, \ud800 alone\ndL/dx = 2 x\n';
    const result = gradeText(source, submission);
    const page = sameBytes(result, [{ path: 'sub🙂.cr', source: submission }]);
    expect(page.toString('utf8')).toContain('🙂');
  });
});
