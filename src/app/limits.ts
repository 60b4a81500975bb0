// `check`, `diff` and `shapes` run in-process (no worker, so starting stays cheap) under COMMAND_LIMITS
// (src/limits): a cooperative deadline and a budget for matrix memory. Going past one is a `limit-exceeded`
// error diagnostic, at the claim being checked when there is one, at the top of the file otherwise.
import { error, type Diagnostic, type Span } from '../diagnostics';
import { Budget, LimitExceeded, underBudget, type Limits } from '../limits/index';

export const FILE_START: Span = { line: 1, column: 1, endLine: 1, endColumn: 2 };

/** `run` under `limits`; when it goes past one, `onLimit` with the diagnostic (placed at the file's start). */
export function underLimits<T>(limits: Limits, run: () => T, onLimit: (diagnostic: Diagnostic) => T): T {
  return underBudget(new Budget(limits), () => {
    try {
      return run();
    } catch (err) {
      if (!(err instanceof LimitExceeded)) throw err;
      return onLimit(limitDiagnostic(err, FILE_START, 'reading this file'));
    }
  });
}

/** The diagnostic of a limit met while `doing` something at `span`. */
export function limitDiagnostic(err: LimitExceeded, span: Span, doing: string): Diagnostic {
  return error('limit-exceeded', `${doing}: ${err.message}; the rest was not checked`, span, HINTS[err.kind]);
}

const HINTS: Record<LimitExceeded['kind'], string> = {
  time: 'split the file, or write smaller matrices: symbolic sizes (`X : B x N`) are checked at 2 to 11',
  memory: 'write symbolic sizes (`X : B x N`) instead of large concrete ones: chainrule checks them at 2 to 11',
  size: 'write the expression in smaller parts, naming them with definitions',
};
