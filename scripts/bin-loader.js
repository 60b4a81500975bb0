// dist/bin/load.js (copied by scripts/build-bin.js): loads the bundle, dist/bin/chainrule-bundle.js, for the
// command line and for grade's worker threads, compiling it as little as possible.
//
// On Node 22+, Node's own compile cache does that (it must be on before the bundle is compiled, hence this
// loader). On Node 20 there is none: the bundle is compiled with a V8 code cache that the build made (the
// bytecode of the functions a `check` runs), which saves parsing and compiling them at every start. V8
// refuses a cache made by another V8 version or under other flags (it then compiles as usual), so a cache
// can only save time, never change what runs. The command line and the workers run under different flags
// (`grade` sets its own, src/grade/tuning.ts), so each has its cache.
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');

const BUNDLE = path.join(__dirname, 'chainrule-bundle.js');

/** The code cache of `role` (`cli` or `worker`: the bundle's export it runs, src/cli/bundle.ts). */
function cachePath(role) {
  return path.join(__dirname, `chainrule-${role}.cache`);
}

/** The bundle's exports. */
function loadBundle(role) {
  if (Module.enableCompileCache) {
    Module.enableCompileCache();
    return require(BUNDLE);
  }
  return compiled(role, null).exports;
}

/**
 * The bundle run as a CommonJS module, compiled with the role's code cache when there is one. `onScript` (the
 * build, scripts/build-bin.js) is given the compiled script, to make the cache from once it has run.
 */
function compiled(role, onScript) {
  const vm = require('vm');
  let cachedData;
  try {
    cachedData = fs.readFileSync(cachePath(role));
  } catch {
    cachedData = undefined; // no cache: compiled as require would
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(BUNDLE, 'utf8')), { filename: BUNDLE, cachedData });
  if (onScript) onScript(script);
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  script.runInThisContext()(bundle.exports, Module.createRequire(BUNDLE), bundle, BUNDLE, __dirname);
  return bundle;
}

module.exports = { loadBundle, compiled, cachePath };
