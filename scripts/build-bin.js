// `npm run build` (after tsc): the `chainrule` binary as one esbuild bundle, dist/bin/chainrule-bundle.js,
// of the command line and grade's workers (src/cli/bundle.ts). Node starts it much faster than the 130-odd
// modules of dist/src (no module resolution, one file read). The two entry files call the loader,
// dist/bin/load.js (scripts/bin-loader.js), which compiles the bundle with a compile cache: Node's own
// where it exists (Node 22+), else the V8 code caches made here, by running a `check` once. mathjs, KaTeX and
// yaml stay outside (packages chainrule depends on, loaded on first use).
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const out = path.join(root, 'dist/bin');
/**
 * What each code cache is made from: for the command line, a `check` of the example derivation runs the
 * functions most commands run; for the workers, `check --assignment` grades submissions as a worker does
 * (reading the assignment, aligning, checking, scoring), so the grading code is in the cache too.
 */
const WARM_UP = {
  cli: ['check', path.join(root, 'fixtures/examples/two_layer.cr')],
  worker: ['check', '--assignment', path.join(root, 'fixtures/grade/assignment.cr'), ...['ben_equivalent.cr', 'dan_signs.cr', 'gus_carried.cr'].map((f) => path.join(root, 'fixtures/grade/submissions', f))],
};

const entry = (comment, call, shebang) => `${shebang ? '#!/usr/bin/env node\n' : ''}// ${comment} (scripts/build-bin.js).
require('./load.js').loadBundle('${call}').${call}();
`;

/**
 * commander requires child_process at its start, only to spawn a subcommand's executable (chainrule has
 * none); child_process loads net, stream and more, about 10% of Node's own start. It is required when used.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({ contents: "module.exports = { spawn: (...args) => require('child_process').spawn(...args) };", loader: 'js' }));
  },
};

async function main() {
  fs.rmSync(out, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(root, 'src/cli/bundle.ts')],
    outfile: path.join(out, 'chainrule-bundle.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['mathjs', 'katex', 'yaml'],
    plugins: [lazyChildProcess],
    minify: true, // less to read and parse at every start
    // No keepNames: it wraps every function and class in a call at start-up, about 3% of a `check`'s CPU, and
    // nothing reads them (errors name themselves: `this.name`, or Error's own `name`).
    legalComments: 'none',
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(__dirname, 'bin-loader.js'), path.join(out, 'load.js'));
  fs.writeFileSync(path.join(out, 'chainrule.js'), entry('The chainrule command', 'cli', true), { mode: 0o755 });
  fs.writeFileSync(path.join(out, 'worker.js'), entry("A worker thread of `chainrule grade` (src/grade/pool.ts)", 'worker', false));
  makeCodeCaches();
}

/**
 * Node 20 (no compile cache of its own): the code caches of the command line and of the workers, each made by
 * running its warm-up command (WARM_UP) once from the bundle under the V8 flags its role starts with: the defaults, or grade's
 * (src/grade/tuning.ts, set by the command before it starts its workers). A flag set on the way (`check`'s,
 * src/cli/tuning.ts) is left out: the cache is checked against the flags at the start.
 */
function makeCodeCaches() {
  if (require('module').enableCompileCache) return;
  const { BATCH_V8_FLAGS } = require(path.join(__dirname, '../dist/src/grade/tuning.js')); // tsc has built it
  for (const [role, flags] of [['cli', []], ['worker', BATCH_V8_FLAGS]]) {
    const script = `
      const fs = require('fs');
      const v8 = require('v8');
      const { compiled, cachePath } = require(${JSON.stringify(path.join(out, 'load.js'))});
      for (const flag of ${JSON.stringify(flags)}) v8.setFlagsFromString(flag);
      v8.setFlagsFromString = () => {};
      let made;
      process.on('exit', () => fs.writeFileSync(cachePath(${JSON.stringify(role)}), made.createCachedData()));
      process.argv = [process.execPath, 'chainrule', ...${JSON.stringify(WARM_UP[role])}];
      compiled(${JSON.stringify(role)}, (s) => (made = s)).exports.cli();`;
    const r = spawnSync(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (!fs.existsSync(path.join(out, `chainrule-${role}.cache`))) console.warn(`build-bin: no ${role} code cache made (exit ${r.status}); it compiles at every start`);
  }
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
