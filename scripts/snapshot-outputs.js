#!/usr/bin/env node
// Writes what every command prints for every fixture into one folder, so two builds can be compared with
// `diff -r` (a refactoring must leave them byte-identical):
//   node scripts/snapshot-outputs.js OUT [REPO]
// REPO (default: this checkout) holds the build (dist/) and the fixtures. For each fixture file: `check
// --json`, `shapes --json`, and `diff --json` of each defined name by each declared name (in process, with
// the library API); and the graded fixture class (`grade`, JSON and CSV outputs, times removed).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const out = path.resolve(process.argv[2] ?? 'snapshot');
const repo = path.resolve(process.argv[3] ?? path.join(__dirname, '..'));
const lib = require(path.join(repo, 'dist/src/index.js'));

function fixtureFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'submissions' ? [] : fixtureFiles(p);
    return /\.(cr|md|tex)$/.test(e.name) ? [p] : [];
  });
}

function attempt(f) {
  try {
    return f();
  } catch (err) {
    return { thrown: String(err && err.message) };
  }
}

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
for (const file of fixtureFiles(path.join(repo, 'fixtures'))) {
  const rel = path.relative(repo, file);
  const source = fs.readFileSync(file, 'utf8');
  const check = attempt(() => lib.checkSource(source, rel).report);
  const shapes = attempt(() => {
    const r = lib.shapesOf(lib.analyzeSource(source, rel, lib.makeCalculus));
    return { shapes: r.shapes, diagnostics: r.diagnostics, exitCode: r.exitCode };
  });
  const diffs = {};
  const names = attempt(() => lib.analyzeSource(source, rel, lib.makeCalculus).problems);
  if (Array.isArray(names)) {
    for (const problem of names) {
      for (const of of problem.scope.definitions.keys()) {
        for (const wrt of problem.scope.declarations.keys()) {
          // a fresh analysis per derivative, as `chainrule diff` has
          diffs[`${problem.id} d${of}/d${wrt}`] = attempt(() => lib.derive(lib.analyzeSource(source, rel, lib.makeCalculus), of, wrt));
        }
      }
    }
  }
  const target = path.join(out, rel.replace(/[\\/]/g, '__'));
  fs.writeFileSync(`${target}.check.json`, JSON.stringify(check, null, 1));
  fs.writeFileSync(`${target}.shapes.json`, JSON.stringify(shapes, null, 1));
  fs.writeFileSync(`${target}.diff.json`, JSON.stringify(diffs, null, 1));
}

const graded = path.join(out, 'grade');
const submissions = path.join(repo, 'fixtures/grade/submissions');
// Paths relative to the repository, so that snapshots of two checkouts compare.
const subs = fs.readdirSync(submissions).map((s) => path.join('fixtures/grade/submissions', s));
try {
  execFileSync(process.execPath, ['dist/src/cli/main.js', 'grade', 'fixtures/grade/assignment.cr', ...subs, '--out', graded, '--format', 'json,gradescope,csv'], { cwd: repo, stdio: 'ignore' });
} catch {
  // exit 1 when some answer is wrong: the outputs are what is compared
}
for (const f of walk(graded)) {
  if (!f.endsWith('.json')) continue;
  const text = fs.readFileSync(f, 'utf8').replace(/"execution_time": *[0-9.]+/g, '"execution_time": 0').replace(/"inputHash": *"[^"]*"/g, '"inputHash": ""').replace(/"(elapsedMs|ms|seconds|cpuMs|startedAt|finishedAt|generatedAt)": *("[^"]*"|[0-9.]+)/g, '"$1": 0');
  fs.writeFileSync(f, text);
}
console.log(`snapshot written to ${out}`);

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
