// A result in Gradescope's results.json format (Gradescope's autograder specification): the top-level
// score and execution_time, and one test per ask with score, max_score, name, output, output_format and
// visibility. Outputs are plain text, so nothing a student wrote is read as HTML or Markdown. The result
// given is already at the feedback level (feedback.ts); `visibility` is every test's and the default.
import type { AskResult, SubmissionResult } from './result';
import type { Visibility } from './delivery';

export interface GradescopeTest {
  name: string;
  score: number;
  max_score: number;
  output: string;
  output_format: 'text';
  visibility: Visibility;
}

export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  output_format: 'text';
  visibility: Visibility;
  tests: GradescopeTest[];
}

export function toGradescope(result: SubmissionResult, executionSeconds: number, visibility: Visibility = 'visible'): GradescopeResults {
  return {
    score: result.score,
    execution_time: Math.round(executionSeconds * 1000) / 1000,
    output: overview(result),
    output_format: 'text',
    visibility,
    tests: result.asks.map((ask) => ({
      name: ask.id,
      score: ask.score,
      max_score: ask.maxScore,
      output: testOutput(ask),
      output_format: 'text',
      visibility,
    })),
  };
}

function testOutput(ask: AskResult): string {
  const lines: string[] = [];
  if (ask.answer) lines.push(`Your answer (${ask.answer.file}, line ${ask.answer.line}): ${ask.target} = ${ask.answer.text}`);
  lines.push(ask.feedback);
  return lines.join('\n');
}

function overview(result: SubmissionResult): string {
  const lines = [`Score: ${result.score} / ${result.maxScore}`];
  if (result.status === 'error') {
    // A submission with nothing readable is the student's to fix; a grader that failed, the instructor's.
    const theirs = result.notes.some((n) => n.code === 'nothing-read');
    lines.push(`Not graded: ${result.error}. Every question scores 0${theirs ? '.' : '; please tell your instructor.'}`);
  }
  for (const n of result.notes) {
    const where = n.file ? `${n.file}${n.line !== null ? `:${n.line}:${n.column ?? 1}` : ''}: ` : '';
    lines.push(`${where}${n.severity}[${n.code}]: ${n.message}${n.hint ? ` (${n.hint})` : ''}`);
  }
  return lines.join('\n');
}
