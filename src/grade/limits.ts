// The limits a submission is graded under (`--time-limit`, `--memory`). A result records them: one that
// went past a limit is graded again by a run with other limits, and only then.
import type { SubmissionResult } from './result';

export interface GradingLimits {
  timeLimitSeconds: number;
  memoryMb: number;
}

export const DEFAULT_GRADING_LIMITS: GradingLimits = { timeLimitSeconds: 30, memoryMb: 512 };

/** The note code of a submission that went past a limit (time, memory, size). */
export const LIMIT_NOTE = 'limit-exceeded';

/** Whether a stored result still stands under `limits`: it did not go past a limit, or the limits are the same. */
export function standsUnder(result: Pick<SubmissionResult, 'status' | 'notes' | 'limits'>, limits: GradingLimits): boolean {
  const hitLimit = result.status === 'error' && result.notes.some((n) => n.code === LIMIT_NOTE);
  return !hitLimit || (result.limits?.timeLimitSeconds === limits.timeLimitSeconds && result.limits?.memoryMb === limits.memoryMb);
}
