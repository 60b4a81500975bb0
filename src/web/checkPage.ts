// The web page's checking, run in its Web Worker: the editor's text checked by the library's own
// `check` (src/app/check.ts) or, with an assignment, graded as `grade` grades a submission
// (./assignment.ts), and the result laid out for the page (./protocol.ts).
import { checkSource } from '../app/check';
import { shapesSource } from '../app/shapes';
import { DEFAULT_SEED } from '../check/evaluator';
import type { ClaimJson, DiagnosticJson } from '../check/report';
import { AssignmentError, loadAssignment, type Assignment } from '../grade/assignment';
import type { GradedClaim, NoteJson } from '../grade/result';
import { renderMath } from '../grade/html/math';
import { exprLatex } from '../grade/exprLatex';
import { renderDiagnostic } from '../render/text';
import { parseExpression } from '../syntax/parse';
import { checkAgainstAssignment } from './assignment';
import { fileNameFor } from './format';
import type { AssignmentSource, CheckRequest, PageAnswer, PageClaim, PageDiagnostic, PageResult } from './protocol';

/** The loaded assignment is kept between checks: loading prepares every problem's graph once. */
interface LoadedAssignment {
  key: string;
  assignment?: Assignment;
  errors: string[];
  shapes: Record<string, string>;
}

export class PageChecker {
  private loaded?: LoadedAssignment;

  check(request: CheckRequest): PageResult {
    const start = performance.now();
    const result = request.assignment ? this.checkAgainst(request, request.assignment) : checkText(request);
    return { ...result, id: request.id, elapsedMs: performance.now() - start };
  }

  private checkAgainst(request: CheckRequest, source: AssignmentSource): Omit<PageResult, 'id' | 'elapsedMs'> {
    const loaded = this.load(source);
    if (!loaded.assignment) return { ...empty('assignment'), assignmentErrors: loaded.errors, summary: 'the assignment has errors' };
    const checked = checkAgainstAssignment(loaded.assignment, request.text, fileNameFor(request.format), DEFAULT_SEED);
    const answerOf = new Map(checked.answers.map((a) => [a.id, a]));
    return {
      mode: 'assignment',
      claims: onePerLine(checked.claims).map((c) => gradedClaim(c, c.graded === null ? undefined : answerOf.get(c.graded))),
      diagnostics: checked.notes.map(noteDiagnostic),
      shapes: loaded.shapes,
      summary: `score ${checked.score} / ${checked.maxScore}`,
      answers: checked.answers,
      assignmentErrors: [],
    };
  }

  private load(source: AssignmentSource): LoadedAssignment {
    const key = `${source.file}\0${source.source}`;
    if (this.loaded?.key === key) return this.loaded;
    try {
      const assignment = loadAssignment(source.source, source.file, DEFAULT_SEED);
      this.loaded = { key, assignment, errors: [], shapes: shapesSource(source.source, source.file).shapes };
    } catch (err) {
      if (!(err instanceof AssignmentError)) throw err;
      this.loaded = { key, errors: err.diagnostics.map((d) => renderDiagnostic(d, err.source, err.file, false)), shapes: {} };
    }
    return this.loaded;
  }
}

function checkText(request: CheckRequest): Omit<PageResult, 'id' | 'elapsedMs'> {
  const { report } = checkSource(request.text, fileNameFor(request.format));
  const s = report.summary;
  const counts = [`${s.correct} correct`, `${s.incorrect} incorrect`];
  if (s.unjudged) counts.push(`${s.unjudged} unjudged`);
  if (s.informal) counts.push(`${s.informal} informal`);
  if (s.errors) counts.push(`${s.errors} with errors`);
  return {
    ...empty('check'),
    claims: report.claims.map(checkedClaim),
    diagnostics: report.diagnostics.map(textDiagnostic),
    shapes: report.shapes,
    summary: `${s.claims} claim${s.claims === 1 ? '' : 's'}: ${counts.join(', ')}`,
  };
}

function empty(mode: PageResult['mode']): Omit<PageResult, 'id' | 'elapsedMs'> {
  return { mode, claims: [], diagnostics: [], shapes: {}, summary: '', answers: [], assignmentErrors: [] };
}

function checkedClaim(c: ClaimJson): PageClaim {
  const last = c.steps[c.steps.length - 1];
  const written = [crLatex(c.target), last && crLatex(last.text)];
  return pageClaim(c, written.every((x) => x !== null) ? written.join(' = ') : null);
}

/**
 * A document without `problem` lines is read under every problem of the assignment (a note says so), so a
 * line may be a claim of several: the page shows one element per claim line, the first graded for an ask.
 */
function onePerLine(claims: readonly GradedClaim[]): GradedClaim[] {
  const byLine = new Map<number, GradedClaim>();
  for (const c of claims) {
    const shown = byLine.get(c.line);
    if (!shown || (shown.graded === null && c.graded !== null)) byLine.set(c.line, c);
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

function gradedClaim(c: GradedClaim, answer: PageAnswer | undefined): PageClaim {
  const last = c.steps[c.steps.length - 1];
  const claim = pageClaim(c, last ? `${c.targetLatex} = ${last.latex}` : null);
  return answer ? { ...claim, answer } : claim;
}

function pageClaim(c: ClaimJson, writtenLatex: string | null): PageClaim {
  const targetLatex = crLatex(c.target);
  const expectedLatex = c.verdict === 'correct' || c.expected === null ? null : crLatex(c.expected);
  return {
    line: c.line,
    lastLine: Math.max(c.line, ...c.steps.map((s) => s.line)),
    label: c.label,
    target: c.target,
    verdict: c.verdict,
    steps: c.steps,
    expected: c.expected,
    shapeClaim: c.shapeClaim,
    readings: c.readings ?? [],
    writtenHtml: writtenLatex === null ? null : renderMath(writtenLatex),
    expectedHtml: expectedLatex === null || targetLatex === null ? null : renderMath(`${targetLatex} = ${expectedLatex}`),
  };
}

/** LaTeX of an expression in `.cr` syntax (what the report prints), or null if it does not parse back. */
function crLatex(text: string): string | null {
  try {
    return exprLatex(parseExpression(text));
  } catch {
    return null;
  }
}

function textDiagnostic(d: DiagnosticJson): PageDiagnostic {
  const { severity, code, message, hint, line, column, endLine, endColumn } = d;
  return { severity, code, message, ...(hint === undefined ? {} : { hint }), span: { line, column, endLine, endColumn } };
}

/** A grader's note has a place but no extent: it marks the word at its column. */
function noteDiagnostic(n: NoteJson): PageDiagnostic {
  const span = n.line === null ? null : { line: n.line, column: n.column ?? 1, endLine: n.line, endColumn: (n.column ?? 1) + 1 };
  return { severity: n.severity, code: n.code, message: n.message, ...(n.hint === undefined ? {} : { hint: n.hint }), span };
}
