// Batches (issue 18, item 2): `chainrule grade` (the shipped binary, every output format) on two classes
// of generated submissions (bench/grade.js), and its CPU time fitted as fixed + per submission. One grading
// varies by a second or more from run to run on a shared machine, so each class is graded several times,
// the runs interleaved. BENCH_BASE=DIR (another checkout, built) grades the same classes with its binary in
// the same run, for the ratios. By default `grade` starts one worker for 40 submissions and two (one per
// core) for 400, so the fitted slope also carries the second worker's start; BENCH_JOBS=1 grades both sizes
// on one worker, for the cost of grading alone.
// Goals: at most 1.5 ms of CPU per submission and 0.8 s fixed.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { generate } = require('./grade');
const { nodeCpuMs } = require('./cpu');

const root = path.join(__dirname, '..');
// BENCH_BIN: another build's binary in place of this one's (e.g. an older checkout's dist/src/cli/main.js).
const bins = { 'this build': process.env.BENCH_BIN ?? path.join(root, 'dist/bin/chainrule.js') };
if (process.env.BENCH_BASE) bins.BENCH_BASE = path.join(path.resolve(process.env.BENCH_BASE), 'dist/bin/chainrule.js');
const SIZES = [40, 400];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-class-'));
try {
  const classes = SIZES.map((count) => {
    const subs = path.join(dir, `subs${count}`);
    fs.mkdirSync(subs);
    generate(subs, count);
    return subs;
  });
  const gradeCpuMs = (bin, subs) => {
    const out = path.join(dir, 'out');
    fs.rmSync(out, { recursive: true, force: true }); // graded afresh: a stored result would be resumed
    const jobs = process.env.BENCH_JOBS ? ['--jobs', process.env.BENCH_JOBS] : [];
    return nodeCpuMs([bin, 'grade', path.join(root, 'fixtures/grade/assignment.cr'), subs, '--each', '--out', out, ...jobs]);
  };
  const total = Object.fromEntries(Object.keys(bins).map((b) => [b, SIZES.map(() => 0)]));
  for (let r = 0; r < ROUNDS; r++) for (const [name, bin] of Object.entries(bins)) classes.forEach((subs, k) => (total[name][k] += gradeCpuMs(bin, subs)));
  const fits = {};
  for (const [name, sums] of Object.entries(total)) {
    const [small, large] = sums.map((t) => t / ROUNDS);
    const perSubmission = (large - small) / (SIZES[1] - SIZES[0]);
    const fixed = small - SIZES[0] * perSubmission;
    fits[name] = { perSubmission, fixed };
    console.log(`${name}: chainrule grade${process.env.BENCH_JOBS ? ` --jobs ${process.env.BENCH_JOBS}` : ''}, CPU time (user + system, main thread and workers), mean of ${ROUNDS}: ${SIZES[0]} submissions ${(small / 1000).toFixed(2)} s, ${SIZES[1]} submissions ${(large / 1000).toFixed(2)} s`);
    console.log(`${name}: fitted ${perSubmission.toFixed(2)} ms per submission, ${(fixed / 1000).toFixed(2)} s fixed; ${Math.round(2000 / perSubmission)} submissions per second on two free cores`);
  }
  const { perSubmission, fixed } = fits['this build'];
  const base = fits.BENCH_BASE;
  if (base) console.log(`ratios to BENCH_BASE: per submission ${(perSubmission / base.perSubmission).toFixed(2)}, fixed ${(fixed / base.fixed).toFixed(2)}`);
  console.log(`goals: <= 1.5 ms per submission: ${perSubmission <= 1.5 ? 'met' : 'NOT met'}; <= 0.8 s fixed: ${fixed <= 800 ? 'met' : 'NOT met'}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
