// A grading worker thread. It loads the assignment once (parsed, resolved, with its shared derivative
// cache), then grades one submission per message, writes that submission's outputs, and replies with the
// digest the class outputs need. Runs from the compiled code in dist/.
import { parentPort, workerData } from 'worker_threads';
import { performance } from 'perf_hooks';
import { loadAssignment } from './assignment';
import { gradeSubmission, type SubmissionInput } from './grader';
import { writeSubmissionOutputs, type Format } from './outputs';
import { digestOf, type ResultDigest } from './result';
import type { WorkerReply } from './pool';
import { resolveDelivery, type Delivery } from './delivery';

export interface WorkerSetup {
  assignmentSource: string;
  assignmentFile: string;
  seed: number;
  outDir: string;
  formats: Format[];
  /** The options given; the assignment's settings fill in the rest. */
  delivery: Partial<Delivery>;
}

function main(): void {
  const port = parentPort!;
  const setup = workerData as WorkerSetup;
  const assignment = loadAssignment(setup.assignmentSource, setup.assignmentFile, setup.seed);
  const formats = new Set(setup.formats);
  const delivery = resolveDelivery(setup.delivery, assignment.settings);
  const reply = (r: WorkerReply<ResultDigest>) => port.postMessage(r);
  port.on('message', (input: SubmissionInput) => {
    try {
      const start = performance.now();
      const result = gradeSubmission(assignment, input, setup.seed);
      writeSubmissionOutputs(setup.outDir, result, formats, input.files, (performance.now() - start) / 1000, delivery);
      reply({ ok: true, value: digestOf(result) });
    } catch (err) {
      reply({ ok: false, error: `chainrule failed on this submission: ${err instanceof Error ? err.message : String(err)}` });
    }
  });
  reply({ ready: true });
}

main();
