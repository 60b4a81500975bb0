// `npm run build` (after tsc): the `chainrule` binary, bundled by esbuild from src/cli/bundle.ts. Node starts a
// bundle much faster than the 130-odd modules of dist/src (no module resolution, few files to read).
//
// The command line is cut into parts, so that each command reads and compiles only what it runs: esbuild
// splits the code into chunks at every lazy load (an `import()`, or a `require` of a relative module at the
// call, which becomes an entry of its own), each chunk is made a CommonJS function, and the chunks are filed
// into the parts below, dist/bin/PART.js, with dist/bin/parts.json saying which part holds which chunk. The
// loader, dist/bin/load.js (scripts/bin-loader.js), compiles a part when one of its chunks is first required.
// grade's worker threads run one bundle of their own, dist/bin/worker-bundle.js: they use nearly all of it,
// and calls within one bundle need no chunk's exports object.
//
// Every file is compiled with a compile cache: Node's own where it exists (Node 22+), else the V8 code caches
// made here by running a warm-up command once. mathjs, KaTeX and yaml stay outside (packages chainrule
// depends on, loaded on first use).
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const out = path.join(root, 'dist/bin');
const ENTRY = path.join(root, 'src/cli/bundle.ts');

/**
 * The parts of the command line, each named by the modules that start it: a chunk goes into the first part
 * whose modules import it (directly or through other chunks). `core` is what `check`, `diff` and `shapes` of
 * a `.cr` file run; `readers` the Markdown, LaTeX and notebook readers; `grade` grading (`grade`, `check
 * --assignment`); `web` the page's server. A chunk that none of them reaches (a lazy load added later) goes
 * into `more`.
 */
const PARTS = {
  core: ['src/cli/bundle.ts', 'src/cli/main.ts', 'src/cli/check.ts', 'src/cli/diff.ts', 'src/cli/shapes.ts'],
  readers: ['src/latex/documents.ts', 'src/latex/notebook.ts', 'src/latex/parse.ts', 'src/analysis/readStep.ts'],
  grade: ['src/cli/checkAssignment.ts', 'src/cli/grade.ts', 'src/grade/worker.ts', 'src/grade/assignment.ts', 'src/syntax/parse.ts'],
  web: ['src/cli/web.ts'],
};

/**
 * The warm-ups that make the code caches (Node 20): a command run once from the binary, under the V8 flags
 * its role starts with. Each part's cache is made by the first warm-up that compiles it: `core` by a `.cr`
 * check (the functions most commands run), `readers` by a Markdown check, `grade` by `check --assignment`.
 * The workers' cache is made under grade's flags by `check --assignment` on a few fixture submissions, as a
 * worker grades (reading the assignment, aligning, checking, scoring).
 */
const submissions = ['ben_equivalent.cr', 'dan_signs.cr', 'gus_carried.cr'].map((f) => path.join(root, 'fixtures/grade/submissions', f));
const assignmentCheck = ['check', '--assignment', path.join(root, 'fixtures/grade/assignment.cr'), ...submissions];
const CLI_WARM_UPS = [
  ['check', path.join(root, 'fixtures/examples/two_layer.cr')],
  ['check', path.join(root, 'fixtures/real/cs231n_backprop_derivation.md')],
  assignmentCheck,
];

const entry = (comment, call, shebang) => `${shebang ? '#!/usr/bin/env node\n' : ''}// ${comment} (scripts/build-bin.js).
require('./load.js').${call}();
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

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['mathjs', 'katex', 'yaml'],
  minify: true, // less to read and parse at every start
  // No keepNames: it wraps every function and class in a call at start-up, about 3% of a `check`'s CPU, and
  // nothing reads them (errors name themselves: `this.name`, or Error's own `name`).
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

/** The modules src/ loads by a `require` of a relative path at the call (each a chunk's entry), by output name. */
function lazyRequired() {
  const sources = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const found = new Map();
  for (const file of sources(path.join(root, 'src'))) {
    for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/\brequire\('(\.\.?\/[^']+)'\)/g)) {
      const target = path.resolve(path.dirname(file), spec) + '.ts';
      found.set(target, path.relative(path.join(root, 'src'), target).replace(/\.ts$/, '').replace(/[\\/]/g, '-'));
    }
  }
  return found;
}

/** Such a `require` stays a `require` of the entry's output file, so the module lands in a chunk of its own. */
function lazyRequires(outputs) {
  return {
    name: 'lazy-requires',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const name = args.kind === 'require-call' ? outputs.get(path.resolve(args.resolveDir, args.path) + '.ts') : undefined;
        return name ? { path: `./${name}.js`, external: true } : undefined;
      });
    },
  };
}

/** Each output chunk's part (PARTS): its own entry's part, else that of the first part whose chunks import it. */
function partsOf(metafile) {
  const outputs = Object.fromEntries(Object.entries(metafile.outputs).map(([file, o]) => [path.basename(file), o]));
  const partOf = {};
  for (const [part, starts] of [...Object.entries(PARTS), ['more', null]]) {
    const stack = Object.keys(outputs).filter((f) => (starts ? starts.includes(outputs[f].entryPoint) : !partOf[f]));
    while (stack.length) {
      const file = stack.pop();
      if (partOf[file]) continue;
      partOf[file] = part;
      for (const i of outputs[file].imports) if (i.kind === 'import-statement' && !i.external) stack.push(path.basename(i.path));
    }
  }
  return partOf;
}

/** The command line's parts: esbuild's ES module chunks, each made a CommonJS function and filed in its part. */
async function buildParts() {
  const chunkDir = path.join(out, 'chunks');
  const lazy = lazyRequired();
  const { metafile } = await esbuild.build({
    ...common,
    entryPoints: { bundle: ENTRY, ...Object.fromEntries([...lazy].map(([file, name]) => [name, file])) },
    outdir: chunkDir,
    splitting: true, // esbuild splits ES modules only; each chunk is made CommonJS below
    format: 'esm',
    chunkNames: 'chunk-[hash]',
    plugins: [lazyChildProcess, lazyRequires(lazy)],
    metafile: true,
  });
  const partOf = partsOf(metafile);
  const functions = {};
  for (const [file, part] of Object.entries(partOf)) {
    const esm = fs.readFileSync(path.join(chunkDir, file), 'utf8').replace(/^#!.*\n/, ''); // main.ts's shebang
    // `import()` becomes a `require` at the call too, which the loader resolves to the chunk.
    const { code } = await esbuild.transform(esm, { format: 'cjs', platform: 'node', target: 'node20', minify: true, supported: { 'dynamic-import': false } });
    (functions[part] ??= []).push(`${JSON.stringify(file)}:function(exports,require,module,__filename,__dirname){${code}}`);
  }
  fs.rmSync(chunkDir, { recursive: true });
  for (const [part, list] of Object.entries(functions)) fs.writeFileSync(path.join(out, `${part}.js`), `module.exports={${list.join(',')}};\n`);
  fs.writeFileSync(path.join(out, 'parts.json'), JSON.stringify(partOf));
}

async function main() {
  fs.rmSync(out, { recursive: true, force: true });
  await buildParts();
  await esbuild.build({ ...common, entryPoints: [ENTRY], outfile: path.join(out, 'worker-bundle.js'), format: 'cjs', plugins: [lazyChildProcess] });
  fs.copyFileSync(path.join(__dirname, 'bin-loader.js'), path.join(out, 'load.js'));
  fs.writeFileSync(path.join(out, 'chainrule.js'), entry('The chainrule command', 'cli', true), { mode: 0o755 });
  fs.writeFileSync(path.join(out, 'worker.js'), entry("A worker thread of `chainrule grade` (src/grade/pool.ts)", 'worker', false));
  makeCodeCaches();
}

/**
 * Node 20 (no compile cache of its own): the code caches, each made by running a warm-up command once
 * (CLI_WARM_UPS, then the workers'). A flag set on the way (`check`'s, src/cli/tuning.ts) is left out: the
 * cache is checked against the flags at the start.
 */
function makeCodeCaches() {
  if (require('module').enableCompileCache) return;
  const { BATCH_V8_FLAGS } = require(path.join(__dirname, '../dist/src/grade/tuning.js')); // tsc has built it
  const loader = JSON.stringify(path.join(out, 'load.js'));
  const warmUp = (flags, args, run) => `
      const fs = require('fs');
      const v8 = require('v8');
      const loader = require(${loader});
      for (const flag of ${JSON.stringify(flags)}) v8.setFlagsFromString(flag);
      v8.setFlagsFromString = () => {};
      process.on('exit', () => {
        for (const [name, script] of loader.scripts) if (!fs.existsSync(loader.cachePath(name))) fs.writeFileSync(loader.cachePath(name), script.createCachedData());
      });
      process.argv = [process.execPath, 'chainrule', ...${JSON.stringify(args)}];
      ${run};`;
  const runs = [
    ...CLI_WARM_UPS.map((args) => warmUp([], args, 'loader.cli()')),
    warmUp(BATCH_V8_FLAGS, assignmentCheck, "loader.load('worker-bundle').cli()"),
  ];
  for (const script of runs) {
    const r = spawnSync(process.execPath, ['-e', script], { stdio: 'ignore' });
    if (r.status !== 0 && r.status !== 1) console.warn(`build-bin: a warm-up exited with ${r.status}; files it left without a code cache compile at every start`);
  }
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
