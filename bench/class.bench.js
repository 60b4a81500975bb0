// Batches (issue 18, item 2): `chainrule grade` (the shipped binary, every output format) on two classes
// of generated submissions (bench/grade.js), and its CPU time fitted as fixed + per submission.
// Goals: at most 1.5 ms of CPU per submission and 0.8 s fixed.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { generate } = require('./grade');
const { nodeCpuMs } = require('./cpu');

const root = path.join(__dirname, '..');
// BENCH_BIN: another build's binary, to compare (e.g. an older checkout's dist/src/cli/main.js).
const bin = process.env.BENCH_BIN ?? path.join(root, 'dist/bin/chainrule.js');
const SIZES = [40, 400];

function gradeCpuMs(count) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-class-'));
  try {
    const subs = path.join(dir, 'subs');
    fs.mkdirSync(subs);
    generate(subs, count);
    return nodeCpuMs([bin, 'grade', path.join(root, 'fixtures/grade/assignment.cr'), subs, '--each', '--out', path.join(dir, 'out')]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const [small, large] = SIZES.map(gradeCpuMs);
const perSubmission = (large - small) / (SIZES[1] - SIZES[0]);
const fixed = small - SIZES[0] * perSubmission;
console.log(`chainrule grade, CPU time (user + system, main thread and workers): ${SIZES[0]} submissions ${(small / 1000).toFixed(2)} s, ${SIZES[1]} submissions ${(large / 1000).toFixed(2)} s`);
console.log(`fitted: ${perSubmission.toFixed(2)} ms per submission, ${(fixed / 1000).toFixed(2)} s fixed; ${Math.round(2000 / perSubmission)} submissions per second on two free cores`);
console.log(`goals: <= 1.5 ms per submission: ${perSubmission <= 1.5 ? 'met' : 'NOT met'}; <= 0.8 s fixed: ${fixed <= 800 ? 'met' : 'NOT met'}`);
