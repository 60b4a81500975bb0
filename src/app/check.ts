// `chainrule check`: every claim of a derivation checked; the JSON of SPEC section 3.
import { hasErrors } from '../diagnostics';
import type { Diagnostic } from '../diagnostics';
import { analyzeSource } from '../analysis/source';
import { makeCalculus, ChainruleCalculus } from '../calculus/index';
import { collectDiagnostics, recordShapes } from './shapes';
import { diagnosticToJson, sortDiagnostics } from '../render/json';
import { sourceKindOf } from '../analysis/document';
import { printExpr } from '../syntax/print';
import type { Step } from '../syntax/ast';
import type { CheckReport, CheckSummary, ClaimJson } from '../check/report';
import { nothingRead, readSummary } from './reading';
import { checkClaim } from '../check/claim';
import type { EarlierAnswer } from '../check/diagnose';
import { DEFAULT_SEED } from '../check/evaluator';
import { COMMAND_LIMITS, LimitExceeded, type Limits } from '../limits/index';
import { limitDiagnostic, underLimits } from './limits';

export interface CheckResult {
  report: CheckReport;
  diagnostics: Diagnostic[];
  exitCode: 0 | 1 | 2;
  /** The text the spans point into (the file, or a notebook's markdown cells on their lines): show lines from it. */
  text: string;
}

export { DEFAULT_SEED };

/** Checks a document under `limits` (a limit met is a `limit-exceeded` error; claims checked before it keep their verdicts). */
export function checkSource(source: string, file: string, seed = DEFAULT_SEED, limits: Limits = COMMAND_LIMITS): CheckResult {
  return underLimits(limits, () => checkWithinLimits(source, file, seed), (limit) => limitedResult(source, file, limit));
}

function checkWithinLimits(source: string, file: string, seed: number): CheckResult {
  let calculus: ChainruleCalculus | undefined;
  const analysis = analyzeSource(source, file, (b, g) => (calculus = makeCalculus(b, g)));
  const { textOf } = analysis;
  const document = sourceKindOf(file) !== 'cr';
  const display = document ? (step: Step) => printExpr(step.expr) : (step: Step) => step.text.trim();
  const shapes: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [...analysis.parsed.diagnostics];
  const claims: ClaimJson[] = [];
  const prefixed = analysis.problems.length > 1;
  let stopped = false;
  for (const problem of analysis.problems) {
    recordShapes(shapes, problem, prefixed);
    const earlier: EarlierAnswer[] = [];
    const internalErrors: Diagnostic[] = [];
    for (const claim of problem.scope.claims) {
      if (stopped) break;
      try {
        claims.push(checkClaim(claim, { lowering: problem.lowering, calculus: calculus!, scope: problem.scope, seed, textOf, display, earlier, internalErrors, document }));
      } catch (err) {
        if (!(err instanceof LimitExceeded)) throw err;
        diagnostics.push(limitDiagnostic(err, claim.target.span, 'checking this claim'));
        stopped = true;
      }
    }
    diagnostics.push(...internalErrors);
    collectDiagnostics(diagnostics, problem);
  }
  claims.sort((a, b) => a.line - b.line);
  const unread = document ? nothingRead(analysis.parsed) : undefined;
  if (unread) diagnostics.push(unread);
  return reportOf(file, analysis.parsed.source, diagnostics, claims, shapes, document && readSummary(analysis.parsed, claims, textOf));
}

/** A file whose reading went past a limit: that diagnostic alone. */
function limitedResult(source: string, file: string, limit: Diagnostic): CheckResult {
  const document = sourceKindOf(file) !== 'cr';
  const read = { derivationLines: 0, derivationLinesRead: 0, notRead: [] };
  return reportOf(file, source, [limit], [], {}, document && read);
}

function reportOf(file: string, text: string, diagnostics: Diagnostic[], claims: ClaimJson[], shapes: Record<string, string>, read: CheckSummary['read'] | false): CheckResult {
  const sorted = sortDiagnostics(diagnostics);
  const count = (v: string) => claims.filter((c) => c.verdict === v).length;
  const summary: CheckSummary = { claims: claims.length, correct: count('correct'), incorrect: count('incorrect'), informal: count('informal'), errors: count('error') };
  if (read) Object.assign(summary, { unjudged: count('unjudged'), read });
  // chainrule's own bugs are reported but do not make the author's input "have errors".
  const inputErrors = hasErrors(sorted.filter((d) => d.code !== 'internal-error'));
  const exitCode = inputErrors ? 2 : summary.incorrect + summary.errors + (summary.unjudged ?? 0) > 0 ? 1 : 0;
  const report: CheckReport = {
    version: 1, file, ok: exitCode === 0, shapes, diagnostics: sorted.map(diagnosticToJson), claims, summary,
  };
  return { report, diagnostics: sorted, exitCode, text };
}
