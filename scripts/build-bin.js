// `npm run build` (after tsc): the `chainrule` binary as one esbuild bundle, dist/bin/chainrule-bundle.js,
// of the command line and grade's workers (src/cli/bundle.ts). Node starts it much faster than the 130-odd
// modules of dist/src (no module resolution, one file read). The two entry files are loaders: they turn on
// Node's compile cache where it exists (Node 22+; it must be on before the bundle is compiled) and load the
// bundle. mathjs, KaTeX and yaml stay outside (packages chainrule depends on, loaded on first use).
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const out = path.join(root, 'dist/bin');

const loader = (comment, shebang) => `${shebang ? '#!/usr/bin/env node\n' : ''}// ${comment} (scripts/build-bin.js).
require('module').enableCompileCache?.();
require('./chainrule-bundle.js');
`;

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
    minify: true, // less to read and parse at every start
    // No keepNames: it wraps every function and class in a call at start-up, about 3% of a `check`'s CPU, and
    // nothing reads them (errors name themselves: `this.name`, or Error's own `name`).
    legalComments: 'none',
    logLevel: 'warning',
  });
  fs.writeFileSync(path.join(out, 'chainrule.js'), loader('The chainrule command', true), { mode: 0o755 });
  fs.writeFileSync(path.join(out, 'worker.js'), loader("A worker thread of `chainrule grade` (src/grade/pool.ts)", false));
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
