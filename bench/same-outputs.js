#!/usr/bin/env node
// Whether a change to grading left its outputs byte-identical: grades the bench classes (bench/grade.js, 40
// and 400 submissions) with this build's binary and another checkout's (built), each with its workers and
// with --jobs 1, and compares the output folders file by file. Gradescope's `execution_time` (wall time)
// is the one field that differs from run to run, and is left out of the comparison.
// Run after `npm run build`:  node bench/same-outputs.js OTHER_CHECKOUT
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { generate } = require('./grade');

const root = path.join(__dirname, '..');
const other = process.argv[2];
if (!other) {
  console.error('usage: node bench/same-outputs.js OTHER_CHECKOUT (built)');
  process.exit(2);
}
const bins = { this: path.join(root, 'dist/bin/chainrule.js'), other: path.join(path.resolve(other), 'dist/bin/chainrule.js') };
const assignment = path.join(root, 'fixtures/grade/assignment.cr');
const WALL_TIME = /"execution_time": [0-9.e-]+/g;

/** Every file under `dir`, by its path relative to `dir`. */
function files(dir, rel = '') {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = path.join(rel, e.name);
    return e.isDirectory() ? files(dir, p) : [p];
  });
}

/** The paths where the two folders differ (a file in one only, or other bytes). */
function differences(a, b) {
  const inA = files(a).sort();
  const inB = new Set(files(b));
  const text = (dir, p) => fs.readFileSync(path.join(dir, p), 'latin1').replace(WALL_TIME, '"execution_time": -');
  const out = inA.filter((p) => !inB.has(p) || text(a, p) !== text(b, p));
  for (const p of inB) if (!inA.includes(p)) out.push(p);
  return { count: inA.length, differ: out };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-same-'));
let failed = false;
try {
  for (const count of [40, 400]) {
    const subs = path.join(dir, `subs${count}`);
    fs.mkdirSync(subs);
    generate(subs, count);
    for (const jobs of [[], ['--jobs', '1']]) {
      const outs = Object.fromEntries(Object.entries(bins).map(([name, bin]) => {
        const out = path.join(dir, `${name}${count}${jobs.join('')}`);
        execFileSync(process.execPath, [bin, 'grade', assignment, subs, '--each', '--out', out, ...jobs], { stdio: 'ignore' });
        return [name, out];
      }));
      const { count: n, differ } = differences(outs.this, outs.other);
      const how = `${count} submissions${jobs.length ? ', --jobs 1' : ', workers'}`;
      if (differ.length) failed = true;
      console.log(differ.length ? `${how}: ${differ.length} of ${n} files differ, e.g. ${differ.slice(0, 3).join(', ')}` : `${how}: all ${n} files identical`);
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
