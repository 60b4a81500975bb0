#!/usr/bin/env node
// Whether two builds print the same, byte for byte, through the shipped binary (a change for speed must
// not change an output):
//   node scripts/compare-builds.js BASE [N]
// BASE is another checkout (or a copy of its dist/, package.json and node_modules), built. Both binaries
// run `check --json` on every fixture document, and grade the fixture class and a generated class of N
// submissions (bench/grade.js, default 60) with every output format; the outputs are compared with times
// and input hashes removed. Prints what differs; exits 1 if anything does. (scripts/snapshot-outputs.js
// also compares `diff` of every pair of names, in-process, which takes much longer.)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { generate } = require('../bench/grade.js');

const root = path.join(__dirname, '..');
const base = path.resolve(process.argv[2] ?? '');
const count = Number(process.argv[3] ?? 60);
const bins = { base: path.join(base, 'dist/bin/chainrule.js'), this: path.join(root, 'dist/bin/chainrule.js') };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-compare-'));

function documents(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'submissions' ? [] : documents(p);
    return /\.(cr|md|tex|ipynb)$/.test(e.name) ? [path.relative(root, p)] : [];
  });
}

/** A run's stdout and exit code, as compared. */
function run(bin, args) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return `${r.status}\n${r.stdout}`;
}

/** Every output file of a graded class, by path, with what varies from run to run removed. */
function graded(bin, args, out) {
  run(bin, ['grade', ...args, '--out', out]);
  const files = {};
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'assets') walk(p);
      } else {
        files[path.relative(out, p)] = fs.readFileSync(p, 'utf8')
          .replace(/"execution_time": *[0-9.e-]+/g, '"execution_time": 0')
          .replace(/"inputHash": *"[^"]*"/g, '"inputHash": ""');
      }
    }
  };
  walk(out);
  return files;
}

const differences = [];
const compare = (what, a, b) => {
  if (a !== b) differences.push(what);
};
try {
  const docs = documents(path.join(root, 'fixtures'));
  for (const doc of docs) compare(`check --json ${doc}`, run(bins.base, ['check', '--json', doc]), run(bins.this, ['check', '--json', doc]));
  const generated = path.join(work, 'class');
  fs.mkdirSync(generated);
  generate(generated, count);
  const fixtureClass = ['fixtures/grade/assignment.cr', ...fs.readdirSync(path.join(root, 'fixtures/grade/submissions')).map((s) => `fixtures/grade/submissions/${s}`)];
  const classes = { 'fixture class': fixtureClass, [`generated class of ${count}`]: ['fixtures/grade/assignment.cr', generated, '--each'] };
  for (const [name, args] of Object.entries(classes)) {
    const [a, b] = ['base', 'this'].map((k) => graded(bins[k], args, path.join(work, `${k}-${name.replace(/ /g, '-')}`)));
    for (const file of new Set([...Object.keys(a), ...Object.keys(b)])) compare(`grade ${name}: ${file}`, a[file], b[file]);
  }
  console.log(`compared check --json of ${docs.length} documents and the outputs of two graded classes`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
if (differences.length) {
  console.log(`${differences.length} differ:\n${differences.join('\n')}`);
  process.exitCode = 1;
} else console.log('identical');
