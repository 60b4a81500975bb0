// A grading worker thread. It loads the assignment once (parsed, resolved, with its shared derivative
// cache), tells the main thread its outline (assignmentOutline.ts) when ready, then grades one submission per message, writes that submission's outputs, and replies with the
// digest the class outputs need. Runs from the compiled code in dist/.
//
// Each submission is graded under a budget (src/limits) for its matrices, whose use is published to the
// pool's watchdog; going past it (or past a size limit) is the submission's `limit-exceeded`.
import { parentPort, workerData } from 'worker_threads';
import { performance } from 'perf_hooks';
import { AssignmentError, loadAssignment, type Assignment } from './assignment';
import { outlineOf, type OutlineReply } from './assignmentOutline';
import { gradeSubmission, type SubmissionInput } from './grader';
import { writeSubmissionOutputs, type Format } from './outputs';
import { digestOf, type ResultDigest, type SubmissionResult } from './result';
import { renderMath } from './html/math';
import type { PoolWorkerData, WorkerReply } from './pool';
import type { GradingLimits } from './limits';
import { Budget, LimitExceeded, underBudget } from '../limits/index';
import { resolveDelivery, type Delivery } from './delivery';

export interface WorkerSetup {
  assignmentSource: string;
  assignmentFile: string;
  seed: number;
  outDir: string;
  formats: Format[];
  limits: GradingLimits;
  /** The options given; the assignment's settings fill in the rest. */
  delivery: Partial<Delivery>;
}

function main(): void {
  const port = parentPort!;
  const { setup, usage, cell } = workerData as PoolWorkerData<WorkerSetup>;
  const published = new Float64Array(usage);
  const reply = (r: WorkerReply<ResultDigest>) => port.postMessage(r);
  const loaded = load(setup);
  if (!loaded.assignment) {
    // The main thread stops the batch on these errors; a task sent meanwhile fails rather than waits.
    port.on('message', () => reply({ ok: false, error: 'the assignment has errors', limit: false }));
    reply({ ready: true, info: loaded.reply });
    return;
  }
  const { assignment } = loaded;
  const formats = new Set(setup.formats);
  // The clock is the pool's (it terminates a worker over time): the budget counts memory only.
  const limits = { timeMs: Infinity, memoryMb: setup.limits.memoryMb };
  const delivery = resolveDelivery(setup.delivery, assignment.settings);
  const sent = new Set<string>();
  port.on('message', (input: SubmissionInput) => {
    try {
      const start = performance.now();
      published[cell] = 0;
      const budget = new Budget(limits, (used) => (published[cell] = used));
      const result = underBudget(budget, () => gradeSubmission(assignment, input, setup.seed, setup.limits));
      writeSubmissionOutputs(setup.outDir, result, formats, input.files, (performance.now() - start) / 1000, delivery);
      const digest = digestOf(result);
      if (formats.has('html')) digest.typeset = newlyTypeset(result, sent);
      reply({ ok: true, value: digest });
    } catch (err) {
      if (err instanceof LimitExceeded) reply({ ok: false, error: err.message, limit: true });
      else reply({ ok: false, error: `chainrule failed on this submission: ${err instanceof Error ? err.message : String(err)}`, limit: false });
    }
  });
  reply({ ready: true, info: loaded.reply });
}

/** The answers' LaTeX (shown on the class page) typeset, those not in `sent` yet; `sent` is updated. */
function newlyTypeset(result: SubmissionResult, sent: Set<string>): Array<[string, string]> {
  const fresh: Array<[string, string]> = [];
  for (const ask of result.asks) {
    const latex = ask.answer?.latex;
    if (latex == null || sent.has(latex)) continue;
    sent.add(latex);
    fresh.push([latex, renderMath(latex)]);
  }
  return fresh;
}

/** The assignment, and the outline (or errors) the pool's owner is told when this worker is ready. */
function load(setup: WorkerSetup): { assignment?: Assignment; reply: OutlineReply } {
  try {
    const assignment = loadAssignment(setup.assignmentSource, setup.assignmentFile, setup.seed);
    return { assignment, reply: { outline: outlineOf(assignment) } };
  } catch (err) {
    if (err instanceof AssignmentError) return { reply: { errors: err.diagnostics } };
    throw err;
  }
}

main();
