// The checking Web Worker: every request is checked by the library (src/web/checkPage.ts) off the main
// thread. A crash is reported as a failure of chainrule, never left unanswered.
import { PageChecker } from '../../src/web/checkPage';
import type { CheckRequest, WorkerMessage } from '../../src/web/protocol';

const scope = self as unknown as { onmessage: ((event: MessageEvent<CheckRequest>) => void) | null; postMessage(message: WorkerMessage): void };
const checker = new PageChecker();

// A first check compiles and warms the whole checking path (parser, lowering, sampling, KaTeX); done before
// any request is taken, it is not counted against a request's time limit, and the student's first check is quick.
const WARM_UP = ['X : 1 x M', 'W : M x 1', 'y : scalar binary', 'h = X W', 'a = sigma(h)', 'L = -y log(a) - (1 - y) log(1 - a)', 'dL/dh = a - y', 'dL/dW = X (a - y)'];
checker.check({ id: 0, text: WARM_UP.join('\n'), format: 'cr' });

scope.onmessage = (event) => {
  const request = event.data;
  scope.postMessage({ id: request.id, started: true });
  try {
    scope.postMessage({ id: request.id, result: checker.check(request) });
  } catch (err) {
    scope.postMessage({ id: request.id, failure: err instanceof Error ? err.message : String(err) });
  }
};
