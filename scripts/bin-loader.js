// dist/bin/load.js (copied by scripts/build-bin.js): loads the shipped binary's code, compiling it as little
// as possible. The command line is cut into parts (scripts/build-bin.js PARTS: what a `.cr` check runs, the
// document readers, grading, the web server), each a file of chunks; a part is read and compiled when one of
// its chunks is first required, so a `.cr` check never reads the readers or grading. grade's worker threads
// run one bundle of their own, dist/bin/worker-bundle.js.
//
// On Node 22+, Node's own compile cache does the caching (it must be on before a file is compiled, hence
// this loader). On Node 20 there is none: each file is compiled with a V8 code cache that the build made (the
// bytecode of the functions a warm-up command ran), which saves parsing and compiling them at every start.
// V8 refuses a cache made by another V8 version or under other flags (it then compiles as usual), so a cache
// can only save time, never change what runs. The workers run under grade's flags (src/grade/tuning.ts), and
// their bundle's cache was made under them.
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');

const nodeRequire = Module.createRequire(__filename);
/** Which part holds each chunk: written by the build. */
let partOfChunk;
/** The parts compiled so far, by name: their chunks' module functions. */
const parts = new Map();
/** The chunks run so far, by file name. */
const chunks = new Map();
/** On Node 20, the script compiled of each file, by cache name: the build makes the caches from them. */
const scripts = new Map();

/** The code cache of `name` (a part, or `worker-bundle`). */
function cachePath(name) {
  return path.join(__dirname, `${name}.cache`);
}

/** The exports of the CommonJS file `name`.js beside this one, compiled with its code cache where Node has no compile cache of its own. */
function load(name) {
  const file = path.join(__dirname, `${name}.js`);
  if (Module.enableCompileCache) {
    Module.enableCompileCache();
    return nodeRequire(file);
  }
  const vm = require('vm');
  let cachedData;
  try {
    cachedData = fs.readFileSync(cachePath(name));
  } catch {
    cachedData = undefined; // no cache: compiled as require would
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  scripts.set(name, script);
  const compiled = new Module(file, module);
  compiled.filename = file;
  script.runInThisContext()(compiled.exports, Module.createRequire(file), compiled, file, __dirname);
  return compiled.exports;
}

/** `require` inside a chunk: `./chunk-X.js` is another chunk (run once, from its part), anything else Node's. */
function requireChunk(spec) {
  if (!spec.startsWith('./')) return nodeRequire(spec);
  const name = spec.slice(2);
  const done = chunks.get(name);
  if (done) return done.exports;
  partOfChunk ??= JSON.parse(fs.readFileSync(path.join(__dirname, 'parts.json'), 'utf8'));
  const partName = partOfChunk[name];
  if (!parts.has(partName)) parts.set(partName, load(partName));
  const file = path.join(__dirname, name);
  const chunk = new Module(file, module);
  chunk.filename = file;
  chunks.set(name, chunk); // before it runs, as Node's require does, for chunks that require each other
  parts.get(partName)[name](chunk.exports, requireChunk, chunk, file, __dirname);
  return chunk.exports;
}
requireChunk.resolve = nodeRequire.resolve; // KaTeX's stylesheet is found by it (src/grade/html/assets.ts)

/** The command line (src/cli/bundle.ts `cli`). */
function cli() {
  requireChunk('./bundle.js').cli();
}

/** A worker thread of `chainrule grade` (src/cli/bundle.ts `worker`, in the workers' bundle). */
function worker() {
  load('worker-bundle').worker();
}

/** The parts compiled so far (the build makes their caches; a test checks what each command reads). */
function loadedParts() {
  return [...parts.keys()];
}

module.exports = { cli, worker, load, cachePath, scripts, loadedParts };
