// The entry point that scripts/build-bin.js bundles into dist/bin/chainrule-bundle.js: the command line on
// the main thread; on a worker thread (grade's pool starts dist/bin/worker.js, which loads this file), a
// grading worker. Both load their modules lazily, so neither initialises the other's.
import { isMainThread } from 'worker_threads';

if (isMainThread) void import('./main').then((cli) => cli.main(process.argv));
else void import('../grade/worker');
