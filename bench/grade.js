#!/usr/bin/env node
// Grades N generated submissions of fixtures/grade/assignment.cr (default 1000) with `chainrule grade`'s
// own batch runner, every output format on, and prints submissions per second and peak memory.
// Run after `npm run build`:  node bench/grade.js [N] [--jobs J]; BENCH_FORMATS=json limits the outputs written
// (default json,gradescope,csv,html), to see what writing the reports costs; BENCH_DEFAULT_V8=1 runs
// without the V8 tuning `chainrule grade` applies.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const { runGrade } = require(path.join(root, 'dist/src/grade/batch.js'));
// As `chainrule grade` runs (src/grade/tuning.ts); BENCH_DEFAULT_V8=1 leaves V8's defaults, to compare.
if (!process.env.BENCH_DEFAULT_V8) require(path.join(root, 'dist/src/grade/tuning.js')).tuneForBatch();

const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
const jobsAt = args.indexOf('--jobs');
const jobs = jobsAt >= 0 ? Number(args[jobsAt + 1]) : undefined;

// Answers per ask: right in several forms, the near misses the policy credits, and plain mistakes.
const ANSWERS = {
  1: {
    'dL/dh': ['a - y', 'sigma(h) - y', '-(y - a)', 'y - a', '2 (a - y)', 'a'],
    'dL/dW': ['X^T (a - y)', "X' (sigma(h) - y)", 'X^T dL/dh = X^T (a - y)', '(a - y) X', 'X^T (y - a)', '2 X^T (a - y)', 'X^T (a - y) in R^(1 x M)'],
    'dL/db': ['a - y', 'dL/dh dh/db = a - y', 'y - a', 'a - y : scalar'],
  },
  2: {
    'dL/dh2': ['a2 - y', 'sigma(h2) - y', 'y - a2'],
    'dL/dW2': ['a1^T (a2 - y)', "a1' (a2 - y)", '(a2 - y) a1', 'a1^T (y - a2)'],
    'dL/db2': ['a2 - y', '(a2 - y) / 2'],
    'dL/dh1': ['(a2 - y) W2^T .* a1 .* (1 - a1)', '((a2 - y) W2^T) ⊙ (a1 ⊙ (1 - a1))', '(a2 - y) W2^T .* a1', '((a2 - y) W2^T) .* (1 - a1 .* a1)'],
    'dL/dW1': ['X^T ((a2 - y) W2^T .* a1 .* (1 - a1))', 'X^T dL/dh1', 'X^T ((a2 - y) W2^T .* a1 .* (1 - a1)) ∈ ℝ^{N×N}', '((a2 - y) W2^T .* a1 .* (1 - a1))^T X', 'X^T (((a2 - y) W2^T) .* (1 - a1 .* a1))'],
    'dL/db1': ['(a2 - y) W2^T .* a1 .* (1 - a1)', '((a2 - y) W2^T) .* (1 - a1 .* a1)'],
  },
  3: {
    'dL/dh': ['s - y', 'softmax(h) - y', 'y - s', '(-y / s) (diag(s) - s^T s)'],
    'dL/dW': ['X^T (s - y)', '(s - y)^T X', 'dL/dh dh/dW', 'X^T (softmax(h) - y)'],
    'dL/db': ['s - y', '3 (s - y)'],
  },
  4: {
    'dy/da': ['0.18', 'r1 s1 (1 - s1) = 2 · 0.9 · (1 - 0.9) = 0.18', '0.21', '0.20', '-0.18'],
    'dy/db': ['0', 'r2 s2 (1 - s2) = 0'],
    'dy/dc': ['0.09', 'a s1 (1 - s1) x1 = 0.09', '0.11', '-0.09'],
    'dy/de': ['-0.09', '0.09', '[1 · 0.9 (1 - 0.9)] · (-1) = -0.09'],
  },
};

/** chainrule's own seeded generator, so every run grades the same class. */
const { mulberry32: rng } = require(path.join(root, 'dist/src/numeric/random.js'));

function generate(dir, n) {
  const random = rng(2024);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  for (let i = 0; i < n; i++) {
    const lines = [];
    for (const [problem, asks] of Object.entries(ANSWERS)) {
      lines.push(`problem ${problem}`);
      for (const [target, answers] of Object.entries(asks)) {
        if (random() < 0.05) continue; // a missing answer
        // Most students get most answers right: the first form is the usual right one.
        lines.push(`${target} = ${random() < 0.5 ? answers[0] : pick(answers)}`);
      }
      lines.push('');
    }
    fs.writeFileSync(path.join(dir, `student${String(i).padStart(4, '0')}.cr`), lines.join('\n'));
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-bench-'));
  const subs = path.join(dir, 'subs');
  fs.mkdirSync(subs);
  generate(subs, count);
  const files = fs.readdirSync(subs).sort().map((f) => path.join(subs, f));
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage(); // process-wide: the main thread and every worker thread
  const run = await runGrade({
    assignment: path.join(root, 'fixtures/grade/assignment.cr'), submissions: files, outDir: path.join(dir, 'out'),
    formats: (process.env.BENCH_FORMATS ?? 'json,gradescope,csv,html').split(','), seed: 1, jobs, timeLimitMs: 30_000, memoryMb: 512,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const cores = jobs ?? os.availableParallelism();
  const peakMb = process.resourceUsage().maxRSS / 1024; // the whole process: main thread and workers
  console.log(`graded ${count} submissions in ${seconds.toFixed(2)} s on ${jobs ?? os.availableParallelism()} worker threads (${os.availableParallelism()} cores)`);
  console.log(`${(count / seconds).toFixed(1)} submissions per second`);
  // Wall-clock rates swing with whatever else the machine runs; CPU time per submission does not (much).
  console.log(`CPU time: ${(cpuMs / count).toFixed(2)} ms per submission (${(cpuMs / 1000 / seconds).toFixed(2)} cores busy on average; ` +
    `${((cores * 1000 * count) / cpuMs).toFixed(0)} per second if ${cores} cores were free)`);
  console.log(`load average during the run: ${os.loadavg()[0].toFixed(2)}`);
  console.log(`peak memory (max RSS, main + workers): ${peakMb.toFixed(0)} MB`);
  console.log(`class mean ${run.summary.scores.mean} / ${run.summary.maxScore}; not graded: ${run.failed}`);
  fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = { generate, main };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
